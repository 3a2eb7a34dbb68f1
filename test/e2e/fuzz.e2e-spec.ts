import fc from 'fast-check';
import { createTeam, operationBody, signedIn } from '../factories';
import { isolatedDatabaseUrl } from '../support/databases';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Random and hostile input for every route of the OpenAPI document: no answer may be a
 * 5xx, and fields a client must not set never reach stored data. Runs are bounded so the
 * suite stays quick; a failure prints the seed and the smallest input that fails.
 */
type Route = { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string };

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 25);
const FORBIDDEN_FIELDS = ['status', 'version', 'leadAgencyId', 'createdBy', 'createdByAgencyId', 'updatedBy', 'id', 'reference', 'approvedBy', '__proto__'];

/** Strings that have broken parsers before: empty, huge, control characters, SQL and JSON look-alikes. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', "'; DROP TABLE operations; --", '{"$ne":null}', '../../etc/passwd', '%00', 'null', 'NaN', '-1', '1e309'),
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

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
    const owner = await signedIn(t.dataSource, t.http, ['COORDINATOR', 'MANAGER', 'ADMIN'], 'POLICE');
    auth = owner.auth;
    const team = await createTeam(t.dataSource, owner.agency, { capabilities: ['SAFEGUARDING'] });
    const plan = (await t.http().post('/operations').set(auth).send(operationBody()).expect(201)).body;
    const deployed = (await t.http().post(`/operations/${plan.id}/deployments`).set(auth).send({ teamId: team.id, headcount: 1, version: plan.version }).expect(201)).body;
    operationId = plan.id;
    ids = {
      id: [plan.id, owner.agency.id, team.id, owner.user.id],
      did: [deployed.deployments[0].id],
      rid: ['00000000-0000-4000-8000-000000000000'],
      sid: ['00000000-0000-4000-8000-000000000000'],
      otherId: [plan.id],
    };
    const document = (await t.http().get('/docs-json').expect(200)).body;
    routes = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method as Route['method'], path })),
    );
  });
  afterAll(() => t.close());

  const pathValue = (name: string) =>
    fc.oneof(fc.constantFrom(...(ids[name] ?? ids.id)), fc.uuid(), hostileString.filter((s) => s.length < 300));

  function concrete(route: Route) {
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    return fc.tuple(...names.map(pathValue)).map((values) =>
      names.reduce((path, name, index) => path.replace(`{${name}}`, encodeURIComponent(values[index] as string)), route.path),
    );
  }

  const query = fc.dictionary(fc.constantFrom('limit', 'cursor', 'status', 'from', 'to', 'q', 'version', 'agencyId', 'capability', 'x'), hostileString.filter((s) => s.length < 500), { maxKeys: 4 });
  const body = fc.oneof(
    fc.dictionary(fc.string({ maxLength: 20 }), hostileValue, { maxKeys: 8 }),
    fc.record({ version: hostileValue, name: hostileValue, exploitationTypes: hostileValue, locations: hostileValue, teamId: hostileValue, agencyId: hostileValue }, { requiredKeys: [] }),
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
          const call = t.http()[route.method](`${path}${search ? `?${search}` : ''}`).set(auth);
          const response =
            route.method === 'get' || route.method === 'delete'
              ? await call
              : await call.set('content-type', 'application/json').send(JSON.stringify(payload) ?? 'null');
          if (response.status >= 500) throw new Error(`${route.method.toUpperCase()} ${path} answered ${response.status}: ${response.text.slice(0, 300)}`);
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
            timings: fc.record({ briefingAt: plausible('2027-03-01T05:00:00Z', null, '2027-02-30T05:00:00Z'), briefingPlace: hostileValue, debriefAt: hostileValue }, { requiredKeys: [] }),
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
                  entry: fc.oneof(hostileValue, fc.record({ basis: plausible('WARRANT', 'CONSENT', 'STATUTORY_POWER'), warrant: hostileValue, power: hostileValue }, { requiredKeys: [] })),
                },
                { requiredKeys: [] },
              ),
              { maxLength: 3 },
            ),
            safeguarding: fc.record({ firstResponders: hostileValue, interpreters: hostileValue, receptionOpensAt: hostileValue, medicalCover: hostileValue }, { requiredKeys: [] }),
          },
          { requiredKeys: [] },
        ),
      ],
      ['post', `/operations/${operationId}/rv-points`, fc.record({ name: hostileValue, address: hostileValue, meetAt: plausible('2027-03-01T05:00:00Z', 'soon') }, { requiredKeys: [] })],
    ];
    for (const [method, path, arbitrary] of bodies) {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (payload) => {
          const { version } = (await t.http().get(`/operations/${operationId}`).set(auth).expect(200)).body;
          const response = await t.http()[method as 'post' | 'patch'](path).set(auth).send({ ...payload, version });
          if (response.status >= 500) throw new Error(`${method.toUpperCase()} ${path} answered ${response.status}: ${response.text.slice(0, 300)}`);
          if (response.status >= 400) expect(response.body).toMatchObject({ statusCode: response.status, code: expect.any(String), message: expect.any(String) });
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
          const response = await t.http().patch(`/operations/${operationId}`).set(auth).set('content-type', 'application/json').send(JSON.stringify(payload));
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
});
