import type { LogEntryView } from './dto/day-log.dto';
import { entryEvent, resumePoint } from './sse';

describe('a stream of the day’s log', () => {
  it('resumes after the Last-Event-ID header, before ?after=, and from the start with neither', () => {
    expect(resumePoint('12', '3')).toBe('12');
    expect(resumePoint(undefined, '3')).toBe('3');
    expect(resumePoint('', '')).toBeUndefined();
    expect(resumePoint(undefined, undefined)).toBeUndefined();
  });

  it('refuses a resume point that is not an entry’s number, naming where it came from', () => {
    expect(() => resumePoint('abc', undefined)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => resumePoint(undefined, ['1', '2'])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => resumePoint(undefined, '1e3')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('writes an entry as one event, its text on one data line whatever line breaks it holds', () => {
    const entry = { id: '7', kind: 'MESSAGE', details: { hazards: 'Dogs\nand a locked gate' } } as unknown as LogEntryView;
    const event = entryEvent(entry);
    expect(event).toBe(`id: 7\nevent: entry\ndata: ${JSON.stringify(entry)}\n\n`);
    expect(event.split('\n')).toHaveLength(5);
  });
});
