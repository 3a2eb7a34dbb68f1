import { AGENCY_KINDS, POWERS } from '../../src/common/domain';
import { signedIn } from '../factories';
import { Scenario } from '../factories/scenario';
import { isolatedDatabaseUrl } from '../support/databases';
import { startTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/** Issue 16: which kind of agency holds which power is reference data, read by everyone and changed by admins with a reason. */
describe('powers by kind of agency', () => {
  let t: TestApp;
  let admin: Auth;
  let coordinator: Auth;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signedIn(t.dataSource, t.http, ['ADMIN'], 'NCA')).auth;
    coordinator = (await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'POLICE')).auth;
  });
  afterAll(() => t.close());

  describe('reading', () => {
    it('lists every kind of agency in the vocabulary’s order with the default powers, to any signed-in user', async () => {
      const list = (await t.http().get('/powers').set(coordinator).expect(200)).body;
      expect(list.map((entry: { kind: string }) => entry.kind)).toEqual([...AGENCY_KINDS]);
      const of = (kind: string) => list.find((entry: { kind: string }) => entry.kind === kind);
      expect(of('POLICE')).toEqual({ kind: 'POLICE', powers: ['ENTRY', 'SEARCH', 'ARREST'] });
      expect(of('BORDER_FORCE')).toEqual({ kind: 'BORDER_FORCE', powers: ['ENTRY', 'SEARCH', 'ARREST', 'IMMIGRATION_CHECKS'] });
      expect(of('HMRC')).toEqual({ kind: 'HMRC', powers: ['ENTRY', 'SEARCH', 'ARREST', 'TAX_COMPLIANCE'] });
      expect(of('DWP')).toEqual({ kind: 'DWP', powers: ['BENEFITS_INVESTIGATION'] });
      expect(of('VICTIM_SUPPORT')).toEqual({ kind: 'VICTIM_SUPPORT', powers: [] });
      expect(of('CPS')).toEqual({ kind: 'CPS', powers: [], description: expect.stringContaining('never with teams') });
    });

    it('is for signed-in users only', async () => {
      await t.http().get('/powers').expect(401);
    });
  });

  describe('refusals', () => {
    const put = (who: Auth, kind: string, body: Record<string, unknown>) => t.http().put(`/powers/${kind}`).set(who).send(body);
    const fieldsOf = (body: { details?: { fields?: unknown } }) => body.details?.fields;

    it('refuses a coordinator (not an admin) with 403 and changes nothing', async () => {
      const refused = await put(coordinator, 'HMRC', { powers: ['ENTRY'], reason: 'Not mine to change' }).expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      const hmrc = (await t.http().get('/powers').set(coordinator).expect(200)).body.find(
        (entry: { kind: string }) => entry.kind === 'HMRC',
      );
      expect(hmrc.powers).toEqual(['ENTRY', 'SEARCH', 'ARREST', 'TAX_COMPLIANCE']);
    });

    it('requires a reason, trimmed, of at most 1000 characters, and names the field', async () => {
      for (const reason of [undefined, '', '   ']) {
        const refused = await put(admin, 'HMRC', { powers: ['ENTRY'], ...(reason === undefined ? {} : { reason }) }).expect(400);
        expect(refused.body.code).toBe('VALIDATION_FAILED');
        expect(fieldsOf(refused.body)).toEqual([{ field: 'reason', problems: ['Enter the reason for the change'] }]);
      }
      const long = await put(admin, 'HMRC', { powers: ['ENTRY'], reason: 'x'.repeat(1001) }).expect(400);
      expect(fieldsOf(long.body)).toEqual([{ field: 'reason', problems: ['The reason must be 1000 characters or fewer'] }]);
    });

    it('refuses powers for the CPS, which is never a deployed team (R2)', async () => {
      const refused = await put(admin, 'CPS', { powers: ['ARREST'], reason: 'Let the CPS arrest' }).expect(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.message).toContain('The CPS takes part through early involvement only, never with teams, so it holds no powers');
      expect(fieldsOf(refused.body)).toEqual([{ field: 'powers', problems: [expect.stringContaining('never with teams')] }]);
    });

    it('refuses an unknown kind of agency, an unknown power, a power listed twice and a missing list, with 400', async () => {
      for (const kind of ['FIRE_SERVICE', 'police', '%20']) {
        const refused = await put(admin, kind, { powers: ['ENTRY'], reason: 'A new kind' }).expect(400);
        expect(fieldsOf(refused.body)).toEqual([
          { field: 'kind', problems: ['Choose the kind of agency from the list'], allowed: [...AGENCY_KINDS] },
        ]);
      }
      const unknown = await put(admin, 'HMRC', { powers: ['FLYING'], reason: 'Drones' }).expect(400);
      expect(fieldsOf(unknown.body)).toEqual([{ field: 'powers', problems: ['Choose the powers from the list'], allowed: [...POWERS] }]);
      const twice = await put(admin, 'HMRC', { powers: ['ENTRY', 'ENTRY'], reason: 'Twice' }).expect(400);
      expect(fieldsOf(twice.body)).toEqual([{ field: 'powers', problems: ['Choose each power once'] }]);
      const missing = await put(admin, 'HMRC', { reason: 'No list' }).expect(400);
      expect(fieldsOf(missing.body)).toEqual([
        expect.objectContaining({ field: 'powers', problems: expect.arrayContaining(['Choose the powers from the list, or none']) }),
      ]);
      const extra = await put(admin, 'HMRC', { powers: ['ENTRY'], reason: 'Extra', kind: 'DWP' }).expect(400);
      expect(extra.body.code).toBe('VALIDATION_FAILED');
    });
  });

  // A database of its own: the powers decide for every plan, and tests beside these rely on the defaults.
  describe('changing them', () => {
    let own: TestApp;
    let s: Scenario;
    let ownAdmin: Awaited<ReturnType<typeof signedIn>>;

    beforeAll(async () => {
      own = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
      s = new Scenario(own);
      ownAdmin = await signedIn(own.dataSource, own.http, ['ADMIN'], 'NCA');
    });
    afterAll(() => own?.close());

    const put = (kind: string, body: Record<string, unknown>) => own.http().put(`/powers/${kind}`).set(ownAdmin.auth).send(body);
    const powersOf = async (kind: string) =>
      (await own.http().get('/powers').set(ownAdmin.auth).expect(200)).body.find((entry: { kind: string }) => entry.kind === kind).powers;
    const lastAudit = async () => (await own.http().get('/audit/reference?limit=1').set(ownAdmin.auth).expect(200)).body.items[0];

    it('replaces the powers of one kind, in the vocabulary’s order, and audits the change with its reason', async () => {
      const changed = await put('BORDER_FORCE', {
        powers: ['IMMIGRATION_CHECKS', 'ENTRY'],
        reason: '  Inland teams carry out immigration checks only  ',
      }).expect(200);
      expect(changed.body).toEqual({ kind: 'BORDER_FORCE', powers: ['ENTRY', 'IMMIGRATION_CHECKS'] });
      expect(await powersOf('BORDER_FORCE')).toEqual(['ENTRY', 'IMMIGRATION_CHECKS']);
      expect(await powersOf('IMMIGRATION_ENFORCEMENT')).toEqual(['ENTRY', 'SEARCH', 'ARREST', 'IMMIGRATION_CHECKS']);
      expect(await lastAudit()).toMatchObject({
        entity: 'powers',
        entityId: 'BORDER_FORCE',
        action: 'powers.changed',
        actor: { id: ownAdmin.user.id },
        before: { powers: ['ENTRY', 'SEARCH', 'ARREST', 'IMMIGRATION_CHECKS'] },
        after: { powers: ['ENTRY', 'IMMIGRATION_CHECKS'], reason: 'Inland teams carry out immigration checks only' },
      });

      const none = await put('VICTIM_SUPPORT', { powers: [], reason: 'Victim support workers hold no powers' }).expect(200);
      expect(none.body).toEqual({ kind: 'VICTIM_SUPPORT', powers: [] });
      const cps = await put('CPS', { powers: [], reason: 'The CPS holds none' }).expect(200);
      expect(cps.body).toMatchObject({ kind: 'CPS', powers: [] });
      expect((await own.http().get('/audit/verify').set(ownAdmin.auth).expect(200)).body.ok).toBe(true);
    });

    it('refuses to task a team with a power its agency’s kind no longer holds (POWER_NOT_HELD), on request and on change, until it holds it again', async () => {
      const owner = await s.owner();
      const hmrc = await s.partner('HMRC');
      let plan = await s.draft(owner);
      const request = (powers: string[]) =>
        s.post(owner.auth, `/operations/${plan.id}/deployments`, {
          teamId: hmrc.team.id,
          headcount: 2,
          tasking: 'Arrest the controllers',
          version: plan.version,
          powers,
        });

      // Tasked before the change: a change of reference data does not touch deployments already tasked.
      plan = (await request(['TAX_COMPLIANCE', 'ARREST']).expect(201)).body;
      const deployment = plan.deployments[0];
      expect(deployment.powers).toEqual(['TAX_COMPLIANCE', 'ARREST']);

      await put('HMRC', { powers: ['ENTRY', 'SEARCH', 'TAX_COMPLIANCE'], reason: 'HMRC officers on this work do not arrest' }).expect(200);
      const kept = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
      expect(kept.deployments[0].powers).toEqual(['TAX_COMPLIANCE', 'ARREST']);

      const other = await s.partner('HMRC');
      const refused = await s
        .post(owner.auth, `/operations/${plan.id}/deployments`, {
          teamId: other.team.id,
          headcount: 1,
          version: plan.version,
          powers: ['ARREST'],
        })
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'POWER_NOT_HELD', details: { powers: ['ARREST'], agency: other.agency.code } });
      expect(refused.body.message).toContain('cannot be tasked with arrest');

      const change = (powers: string[]) =>
        s.patch(owner.auth, `/operations/${plan.id}/deployments/${deployment.id}`, { version: plan.version, powers });
      const notHeld = await change(['ARREST']).expect(422);
      expect(notHeld.body).toMatchObject({ code: 'POWER_NOT_HELD', details: { powers: ['ARREST'] } });
      expect(notHeld.body.message).toContain('cannot be tasked with arrest');
      plan = (await change(['TAX_COMPLIANCE']).expect(200)).body;

      await put('HMRC', { powers: ['ENTRY', 'SEARCH', 'ARREST', 'TAX_COMPLIANCE'], reason: 'Arrest restored' }).expect(200);
      plan = (await change(['TAX_COMPLIANCE', 'ARREST']).expect(200)).body;
      expect(plan.deployments.find((d: { id: string }) => d.id === deployment.id)?.powers).toEqual(['TAX_COMPLIANCE', 'ARREST']);
      const accepted = (
        await s
          .post(owner.auth, `/operations/${plan.id}/deployments`, {
            teamId: other.team.id,
            headcount: 1,
            version: plan.version,
            powers: ['ARREST'],
          })
          .expect(201)
      ).body;
      expect(accepted.deployments).toHaveLength(2);
    });
  });
});
