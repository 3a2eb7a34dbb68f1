import { logFile, Offending, takeOffending } from './message-collector';

/**
 * After every test, fails it for each message the app wrote for a person that speaks code (a rule
 * id, an enum code, a code word or a field name), naming the message, where it was sent and what
 * matched. Messages written outside a test (in beforeAll or afterAll) are checked after the file.
 */
const seen: Offending[] = [];

function failOn(offending: Offending[]): void {
  seen.push(...offending);
  if (offending.length === 0) return;
  const lines = offending.map(
    ({ url, text, found }) => `- ${url}: "${text}" (${found.map(({ kind, match }) => `${kind} ${match}`).join(', ')})`,
  );
  throw new Error(`Messages must be plain English, with no rule ids, codes or field names:\n${[...new Set(lines)].join('\n')}`);
}

afterEach(() => failOn(takeOffending()));

afterAll(() => {
  const left = takeOffending();
  logFile(expect.getState().testPath ?? 'unknown', [...seen, ...left]);
  failOn(left);
});
