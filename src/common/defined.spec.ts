import { definedFields } from './defined';

class Probe {
  name?: string;
  note?: string | null;
  count?: number;
}

describe('definedFields', () => {
  it('keeps what was sent, null and falsy values included, and drops fields declared but not sent', () => {
    const input = Object.assign(new Probe(), { name: 'kept', note: null, count: 0 });
    Object.defineProperty(input, 'missing', { value: undefined, enumerable: true });
    expect(definedFields(input)).toEqual({ name: 'kept', note: null, count: 0 });
    expect(Object.keys(definedFields(input))).toEqual(['name', 'note', 'count']);
  });

  it('gives nothing for nothing', () => {
    expect(definedFields(undefined)).toEqual({});
  });
});
