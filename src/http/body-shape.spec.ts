import { controlCharacterAt, jsonShapeProblem, MAX_DEPTH, MAX_ELEMENTS } from './body-shape';

describe('the shape of a body', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('accepts ordinary bodies, brackets and commas inside strings not counted', () => {
    expect(jsonShapeProblem(JSON.stringify({ name: 'Op [a], {b}', locations: [{ label: 'x', postcode: 'B1 1AA' }] }))).toBeUndefined();
    expect(jsonShapeProblem(nested(MAX_DEPTH))).toBeUndefined();
    expect(jsonShapeProblem(JSON.stringify({ quote: 'a \\" [[[[ \\\\' }))).toBeUndefined();
    expect(jsonShapeProblem(`[${'1,'.repeat(MAX_ELEMENTS - 2)}1]`)).toBeUndefined();
  });

  it('refuses nesting deeper than the limit, however deep, without recursing', () => {
    expect(jsonShapeProblem(nested(MAX_DEPTH + 1))).toBe(`the body nests deeper than ${MAX_DEPTH} levels`);
    expect(jsonShapeProblem(`{"password":${nested(400_000)}}`)).toBe(`the body nests deeper than ${MAX_DEPTH} levels`);
  });

  it('refuses more elements than the limit', () => {
    expect(jsonShapeProblem(`[${'1,'.repeat(MAX_ELEMENTS + 1)}1]`)).toBe(`the body holds more than ${MAX_ELEMENTS} elements`);
  });

  it('finds control characters in values and keys, allowing tab, line feed and carriage return', () => {
    expect(controlCharacterAt({ name: 'a\tb\nc\r' })).toBeUndefined();
    expect(controlCharacterAt({ email: 'a\u0000@b.c' })).toBe('email');
    expect(controlCharacterAt({ locations: [{ label: 'ok' }, { label: 'bell\u0007' }] })).toBe('locations.1.label');
    expect(controlCharacterAt({ ['k\u001b']: 1 })).toBe('k\u001b');
    expect(controlCharacterAt('\u007f')).toBe('value');
  });
});
