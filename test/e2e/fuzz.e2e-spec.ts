import fc from 'fast-check';
import { webSignIn, WebSession } from '../support/browser-session';
import { isolatedDatabaseUrl } from '../support/databases';
import { takeOffending } from '../support/message-collector';
import { formRoutes, fuzzWorld } from '../support/fuzz-world';
import { SseClient } from '../support/sse-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Random and hostile input for every route of the OpenAPI document and every form of the web
 * pages: no answer may be a 5xx, and fields a client must not set never reach stored data. Path
 * ids are mostly real rows of a small world, so most runs reach the handler's rules rather than a
 * 404. Runs are bounded so the suite stays quick; a failure prints the seed and the smallest input that fails.
 */
type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };
type Route = { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; stream?: boolean };

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 30);
/** Fewer per form: there are as many forms as API routes, and each run is a whole page's answer. */
const RUNS_PER_FORM = Math.ceil(RUNS_PER_ROUTE / 2);
const FORBIDDEN_FIELDS = [
  'status',
  'version',
  'leadAgencyId',
  'createdBy',
  'createdByAgencyId',
  'updatedBy',
  'id',
  'reference',
  'approvedBy',
  '__proto__',
];

/** Strings that have broken parsers before: empty, huge, control characters, SQL and JSON look-alikes. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    "'; DROP TABLE operations; --",
    '{"$ne":null}',
    '../../etc/passwd',
    '%00',
    'null',
    'NaN',
    '-1',
    '1e309',
  ),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.anything({ maxDepth: 6, maxKeys: 6 }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 20 }),
);
/** Nested far deeper than any DTO. */
const deep = fc.integer({ min: 50, max: 400 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
});

describe('fuzzing every route', () => {
  let t: TestApp;
  let routes: Route[];
  let auth: { Authorization: string };
  let ids: Record<string, string[]>;
  let operationId: string;
  let session: WebSession;
  let email: string;
  let forms: string[];

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
    const world = await fuzzWorld(t);
    auth = world.me.auth;
    ids = world.ids;
    operationId = world.plans.draft.id;
    email = world.me.user.email;
    session = await webSignIn(t.http, email);
    forms = formRoutes(t);
    const document = (await t.http().get('/docs-json').expect(200)).body;
    routes = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method as Route['method'],
        path,
        stream: Boolean(operation.responses?.['200']?.content?.['text/event-stream']),
      })),
    );
  });
  afterAll(() => t.close());

  /** A stream that opens never ends by itself: it is closed at once; a refusal is read to its end. */
  async function streamAnswer(target: string): Promise<{ status: number; text: string; body: unknown }> {
    const stream = await SseClient.open(`${await t.app.getUrl()}${target}`, auth);
    if (stream.status === 200) stream.close();
    else await stream.untilEnded();
    return { status: stream.status, text: stream.body, body: stream.status === 200 ? {} : JSON.parse(stream.body) };
  }

  /** A real row's id eight times in ten; otherwise a stranger's uuid or something hostile. */
  const pathValue = (name: string) =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...(ids[name] ?? ids.id)), weight: 8 },
      { arbitrary: fc.uuid(), weight: 1 },
      { arbitrary: hostileString.filter((s) => s.length < 300), weight: 1 },
    );

  /** The route's path with each parameter (`{id}` in the document, `:id` in the router) drawn by `pathValue`. */
  function concrete(route: Pick<Route, 'path'>) {
    const pattern = /\{(\w+)\}|:(\w+)/g;
    const names = [...route.path.matchAll(pattern)].map((match) => match[1] ?? match[2]);
    return fc.tuple(...names.map(pathValue)).map((values) => {
      let index = 0;
      return route.path.replace(pattern, () => encodeURIComponent(values[index++] as string));
    });
  }

  const query = fc.dictionary(
    fc.constantFrom('limit', 'cursor', 'status', 'from', 'to', 'q', 'version', 'agencyId', 'capability', 'x'),
    hostileString.filter((s) => s.length < 500),
    { maxKeys: 4 },
  );
  const body = fc.oneof(
    fc.dictionary(fc.string({ maxLength: 20 }), hostileValue, { maxKeys: 8 }),
    fc.record(
      {
        version: hostileValue,
        name: hostileValue,
        exploitationTypes: hostileValue,
        locations: hostileValue,
        teamId: hostileValue,
        agencyId: hostileValue,
      },
      { requiredKeys: [] },
    ),
    deep,
    hostileValue,
  );

  it('never answers a 5xx, whatever the path, query or body', async () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      if (process.env.FUZZ_DEBUG) process.stderr.write(`${route.method} ${route.path} ${new Date().toISOString()}\n`);
      await fc.assert(
        fc.asyncProperty(concrete(route), query, body, async (path, params, payload) => {
          const search = new URLSearchParams(params as Record<string, string>).toString();
          const target = `${path}${search ? `?${search}` : ''}`;
          const call = () => t.http()[route.method](target).set(auth);
          const response = route.stream
            ? await streamAnswer(target)
            : route.method === 'get' || route.method === 'delete'
              ? await call()
              : await call()
                  .set('content-type', 'application/json')
                  .send(JSON.stringify(payload) ?? 'null');
          if (response.status >= 500)
            throw new Error(`${route.method.toUpperCase()} ${path} answered ${response.status}: ${response.text.slice(0, 300)}`);
          if (response.status >= 400) {
            expect(response.body).toMatchObject({ statusCode: response.status, code: expect.any(String), message: expect.any(String) });
          }
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    // Every route of the document, one after another: a budget for a busy machine, not a measure of speed.
  }, 180_000);

  it('answers the new DTOs’ own fields, hostile or plausible, with a 2xx or a 4xx in the contract’s shape', async () => {
    const plausible = <T>(...values: T[]) => fc.oneof(fc.constantFrom(...values), hostileValue);
    const bodies: [string, string, fc.Arbitrary<Record<string, unknown>>][] = [
      [
        'post',
        `/operations/${operationId}/subjects`,
        fc.record(
          {
            kind: plausible('PERSON', 'PHONE', 'VEHICLE', 'EMAIL'),
            fullName: plausible('Jan Kowalski', 'KOWALSKI, Jan', 'Łukasz Wójcik', '', '\u0000'),
            dateOfBirth: plausible('1980-02-01', '1980-02-30', '01/02/1980'),
            aliases: plausible(['Janek'], [], [''], ['a'.repeat(300)]),
            phone: plausible('07700 900123', '+44 7700 900123', '+999 1', '0'.repeat(50)),
            registration: plausible('AB12 CDE', 'ab12cde', '--', 'A'.repeat(20)),
            email: plausible('a@b.co', 'A@B.CO', '@', 'x'.repeat(300)),
          },
          { requiredKeys: [] },
        ),
      ],
      [
        'patch',
        `/operations/${operationId}`,
        fc.record(
          {
            timings: fc.record(
              {
                briefingAt: plausible('2027-03-01T05:00:00Z', null, '2027-02-30T05:00:00Z'),
                briefingPlace: hostileValue,
                debriefAt: hostileValue,
              },
              { requiredKeys: [] },
            ),
            communications: fc.record({ radioChannel: hostileValue, controlRoomNumber: hostileValue }, { requiredKeys: [] }),
            risks: fc.oneof(
              hostileValue,
              fc.array(
                fc.record(
                  {
                    hazard: plausible('DOGS', 'OTHER', 'dogs'),
                    hazardDetail: hostileValue,
                    likelihood: plausible(1, 5, 0, 6, 2.5),
                    impact: plausible(1, 5, -1),
                    controls: hostileValue,
                    residual: plausible('LOW', 'HIGH', 'EXTREME'),
                    owner: hostileValue,
                    acceptedBy: hostileValue,
                  },
                  { requiredKeys: [] },
                ),
                { maxLength: 3 },
              ),
            ),
            locations: fc.array(
              fc.record(
                {
                  label: plausible('Yard'),
                  address: plausible('1 High St'),
                  postcode: plausible('B11 1AA'),
                  strikeAt: hostileValue,
                  entry: fc.oneof(
                    hostileValue,
                    fc.record(
                      { basis: plausible('WARRANT', 'CONSENT', 'STATUTORY_POWER'), warrant: hostileValue, power: hostileValue },
                      { requiredKeys: [] },
                    ),
                  ),
                },
                { requiredKeys: [] },
              ),
              { maxLength: 3 },
            ),
            safeguarding: fc.record(
              { firstResponders: hostileValue, interpreters: hostileValue, receptionOpensAt: hostileValue, medicalCover: hostileValue },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: [] },
        ),
      ],
      [
        'post',
        `/operations/${operationId}/rv-points`,
        fc.record({ name: hostileValue, address: hostileValue, meetAt: plausible('2027-03-01T05:00:00Z', 'soon') }, { requiredKeys: [] }),
      ],
    ];
    for (const [method, path, arbitrary] of bodies) {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (payload) => {
          const { version } = (await t.http().get(`/operations/${operationId}`).set(auth).expect(200)).body;
          const response = await t
            .http()
            [method as 'post' | 'patch'](path)
            .set(auth)
            .send({ ...payload, version });
          if (response.status >= 500)
            throw new Error(`${method.toUpperCase()} ${path} answered ${response.status}: ${response.text.slice(0, 300)}`);
          if (response.status >= 400)
            expect(response.body).toMatchObject({ statusCode: response.status, code: expect.any(String), message: expect.any(String) });
        }),
        { numRuns: RUNS_PER_ROUTE * 2 },
      );
    }
  }, 120_000);

  it('refuses fields a client must not set, and they never change the stored plan', async () => {
    const stored = async () => (await t.dataSource.query('SELECT * FROM operations WHERE id = $1', [operationId]))[0];
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(FORBIDDEN_FIELDS, { minLength: 1 }),
        fc.constantFrom('APPROVED', 'COMPLETED', 99, null, '00000000-0000-4000-8000-000000000000', { $set: { status: 'APPROVED' } }),
        async (fields, value) => {
          const before = await stored();
          const payload: Record<string, unknown> = { name: 'Renamed by a forger' };
          for (const field of fields) if (field !== 'version') Object.defineProperty(payload, field, { value, enumerable: true });
          payload.version = before.version;
          const response = await t
            .http()
            .patch(`/operations/${operationId}`)
            .set(auth)
            .set('content-type', 'application/json')
            .send(JSON.stringify(payload));
          const after = await stored();
          if (fields.some((field) => field !== 'version')) {
            expect(response.status).toBe(400);
            expect(after).toEqual(before);
          } else {
            expect(response.status).toBe(200);
            expect(after.status).toBe(before.status);
            expect(after.created_by).toBe(before.created_by);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  /** A form's fields as a browser posts them: names the pages use and stray ones, each value plausible (a real id, a number, a choice) or hostile. */
  const formValue = () =>
    fc.oneof(
      {
        arbitrary: fc.constantFrom(
          ...Object.values(ids).flat(),
          '1',
          '2',
          '0',
          'APPROVE',
          'SIGNED_OFF',
          'yes',
          'no',
          '2027-03-01',
          '05:00',
          'B11 1AA',
        ),
        weight: 3,
      },
      { arbitrary: hostileString.filter((v) => v.length < 3000), weight: 3 },
      {
        arbitrary: fc.array(
          hostileString.filter((v) => v.length < 100),
          { maxLength: 4 },
        ),
        weight: 1,
      },
    );
  const formFields = () =>
    fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          'version',
          'seen',
          'reference',
          'teamId',
          'deploymentId',
          'requirementId',
          'requirementVersion',
          'rvPointId',
          'agencyId',
          'decision',
          'reason',
          'note',
        ),
        fc.constantFrom(
          'comment',
          'name',
          'address',
          'postcode',
          'headcount',
          'tasking',
          'email',
          'kind',
          'phone',
          'startsAt',
          'endsAt',
          'outcomes[arrests]',
          'x',
        ),
        fc.string({ maxLength: 20 }),
      ),
      formValue(),
      { maxKeys: 8 },
    );

  /**
   * Whether `text`, a line of a page, is only what the fuzz typed shown back in its field: the
   * plain-English check reads every line, and random typing can look like a code or a field name.
   */
  const typedBack = (text: string, form: Record<string, unknown>) =>
    Object.values(form)
      .flat()
      .some((value) => typeof value === 'string' && value.replace(/\s+/g, ' ').includes(text));

  // Last: a form that happens to take its fields (a cancellation, say) changes the world the tests above read.
  it('never answers a form post with a 5xx, whatever the path and fields, signed in with a valid CSRF token', async () => {
    expect(forms.length).toBeGreaterThan(40);
    // Signing out (or out of every other session) ends the session: those forms come last.
    const ordered = [...forms.filter((path) => !/sign-out|sessions/.test(path)), ...forms.filter((path) => /sign-out|sessions/.test(path))];
    for (const route of ordered) {
      if ((await t.http().get('/').set('Cookie', session.cookie)).status !== 200) session = await webSignIn(t.http, email);
      await fc.assert(
        fc.asyncProperty(concrete({ path: route }), formFields(), async (path, fields) => {
          const form = { ...fields, _csrf: session.csrf };
          const response = await t.http().post(path).set('Cookie', session.cookie).type('form').send(form);
          if (response.status >= 500) throw new Error(`POST ${path} answered ${response.status}: ${response.text.slice(0, 300)}`);
          // The app's own words must still be plain English; the setup file checks what is left after each test.
          const spokeCode = takeOffending().filter(({ text }) => !typedBack(text, form));
          if (spokeCode.length) throw new Error(`POST ${path} spoke code: ${spokeCode.map(({ text }) => text).join('; ')}`);
          if (response.status >= 400 && !String(response.headers['content-type']).startsWith('text/html')) {
            expect(response.body).toMatchObject({ statusCode: response.status, code: expect.any(String), message: expect.any(String) });
          }
        }),
        { numRuns: RUNS_PER_FORM },
      );
    }
  }, 240_000);
});
