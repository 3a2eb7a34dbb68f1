import TestAgent from 'supertest/lib/agent';
import { TEST_PASSWORD } from '../factories';

/** A browser's session as supertest carries it: the cookie, and the CSRF token its pages' forms hold. */
export interface WebSession {
  cookie: string;
  csrf: string;
}

export function cookieOf(setCookie: string | string[] | undefined): string {
  const header = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).find((value) => value.startsWith('doap_session='));
  if (!header) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return header.split(';')[0];
}

/** The CSRF token of the first form on a page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('the page has no form with a CSRF token');
  return match[1];
}

/** GET and POST as the browser of a session does: with its cookie, and each form with its CSRF token. */
export function browserOf(http: () => () => TestAgent) {
  return {
    page: (session: WebSession, path: string, status = 200) => http()().get(path).set('Cookie', session.cookie).expect(status),
    post: (session: WebSession, path: string, form: Record<string, string | string[]>) =>
      http()()
        .post(path)
        .set('Cookie', session.cookie)
        .type('form')
        .send({ _csrf: session.csrf, ...form }),
  };
}

/**
 * Posts the sign-in form as a browser does: it loads the form first, for the token the form and
 * its cookie carry, and expects `status`.
 */
export async function postSignIn(http: () => TestAgent, form: Record<string, string>, status: number, path = '/sign-in') {
  const page = await http().get(path).expect(200);
  const cookie = ((page.headers['set-cookie'] as unknown as string[] | undefined) ?? []).find((value) => value.startsWith('doap_sign_in='));
  if (!cookie) throw new Error('the sign-in page set no cookie for its form');
  return http()
    .post(path)
    .set('Cookie', cookie.split(';')[0])
    .type('form')
    .send({ _csrf: csrfOf(page.text), ...form })
    .expect(status);
}

/** Signs in through /sign-in as a browser would, and reads the CSRF token from the first page. */
export async function webSignIn(http: () => TestAgent, email: string, password = TEST_PASSWORD): Promise<WebSession> {
  const response = await postSignIn(http, { email, password }, 303);
  const cookie = cookieOf(response.headers['set-cookie']);
  const page = await http().get('/').set('Cookie', cookie).expect(200);
  return { cookie, csrf: csrfOf(page.text) };
}

/** The value of a field on a page's form (the hidden version and seen, or what a text field shows). */
export function valueOf(html: string, name: string): string {
  const input = new RegExp(`<input[^>]*\\sname="${name}"[^>]*>`).exec(html)?.[0];
  const value = input ? /\svalue="([^"]*)"/.exec(input) : null;
  if (!value) throw new Error(`the page has no field ${name} with a value`);
  return value[1];
}

/** The texts of the error summary's items, in order. */
export function errorSummaryOf(html: string): string[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<li>\s*(?:<a href="[^"]*">)?([\s\S]*?)(?:<\/a>)?\s*<\/li>/g)].map((match) => match[1].trim());
}

/** The version and last seen change a plan page's forms carry. */
export function drawnAt(html: string): { version: string; seen: string } {
  return { version: valueOf(html, 'version'), seen: valueOf(html, 'seen') };
}

/** A valid new-plan form (1 March 2031, 05:00 to 17:00 UK time), with `overrides` over it. */
export function newPlanForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    name: 'Planned in the browser',
    exploitationTypes: 'LABOUR',
    scope: 'LOCAL',
    ...{ 'startsAt-day': '1', 'startsAt-month': '3', 'startsAt-year': '2031', 'startsAt-time': '05:00' },
    ...{ 'endsAt-day': '1', 'endsAt-month': '3', 'endsAt-year': '2031', 'endsAt-time': '17:00' },
    ...overrides,
  };
}
