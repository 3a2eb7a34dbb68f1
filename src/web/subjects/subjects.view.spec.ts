import type { SubjectView } from '../../subjects/dto/subject.dto';
import type { ConflictView } from '../../workflow/dto/workflow.dto';
import { EMPTY_SUBJECT, subjectBody } from './subjects.form';
import { subjectsView } from './subjects.view';

const added = { addedBy: { name: 'Ann Owner' }, addedAt: '2031-01-10T09:00:00.000Z' };
const person = {
  id: 's1',
  kind: 'PERSON',
  fullName: 'Jan Kowalski',
  dateOfBirth: '1980-02-01',
  aliases: ['JK', 'Janek'],
  ...added,
} as unknown as SubjectView;
const phone = { id: 's2', kind: 'PHONE', phone: '07700 900123', aliases: [], ...added } as unknown as SubjectView;
const hit = (hitId: string, kinds: string[]) =>
  ({
    hitId,
    reference: 'OP-2031-0002',
    kinds,
    raisedAt: '2031-01-11T09:00:00.000Z',
    stands: true,
    acknowledgement: null,
  }) as unknown as ConflictView;

describe('the subjects page', () => {
  it('writes each subject in a line, a date of birth as GOV.UK writes dates', () => {
    const view = subjectsView({ sections: ['INTELLIGENCE'] } as never, [person, phone], []);
    expect(view.rows.map((row) => [row.kind, row.text])).toEqual([
      ['A person', 'Jan Kowalski, born 1 February 1980; also known as JK, Janek'],
      ['A phone number', '07700 900123'],
    ]);
    expect(view.shared).toBe(true);
  });

  it('lists only the hits raised on subjects, not those on places alone', () => {
    const view = subjectsView({ sections: [] } as never, [], [hit('h1', ['PLACE']), hit('h2', ['PLACE', 'PHONE'])]);
    expect(view.subjectHits.map((each) => each.hitId)).toEqual(['h2']);
    expect(view.shared).toBe(false);
  });

  it('sends the API only the chosen kind’s fields, and a date of birth from its three boxes', () => {
    const typed = {
      ...EMPTY_SUBJECT,
      kind: 'PERSON',
      fullName: 'Jan',
      'dateOfBirth-day': '1',
      'dateOfBirth-month': '2',
      'dateOfBirth-year': '1980',
      aliases: 'JK\r\n\r\n Janek ',
      phone: '0770',
    };
    expect(subjectBody(typed, 3)).toEqual({
      version: 3,
      kind: 'PERSON',
      fullName: 'Jan',
      dateOfBirth: '1980-02-01',
      aliases: ['JK', 'Janek'],
    });
    expect(subjectBody({ ...typed, kind: 'PHONE' }, 3)).toEqual({ version: 3, kind: 'PHONE', phone: '0770' });
    expect(subjectBody({ ...EMPTY_SUBJECT, kind: 'PERSON', fullName: 'Jan' }, 3)).toEqual({
      version: 3,
      kind: 'PERSON',
      fullName: 'Jan',
      dateOfBirth: '',
    });
  });
});
