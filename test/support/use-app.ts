import { Scenario } from '../factories/scenario';
import { startTestApp, TestApp } from './test-app';

/**
 * The app for one test file: started before its tests (with `env` over the test settings), closed
 * after them. `t` and `s` are there at once, to destructure at the top of a describe block, and
 * hold the running app from the file's first test on.
 */
export function useApp(env: Record<string, string> = {}): { t: TestApp; s: Scenario } {
  const t = {} as TestApp;
  beforeAll(async () => {
    Object.assign(t, await startTestApp(env));
  });
  // If the app never started, there is nothing to close, and the start's own error is the one to read.
  afterAll(async () => {
    if (t.close) await t.close();
  });
  return { t, s: new Scenario(t) };
}
