import { createTeam, randomPostcode } from '../factories';
import { Owner, Plan } from '../factories/scenario';
import { useApp } from '../support/use-app';

const HOUR = 3600_000;
const at = (plan: { startsAt: string }, hours: number) => new Date(new Date(plan.startsAt).getTime() + hours * HOUR).toISOString();

/** Issue 16: the plan as an operational order, through the API as a client would use it. */
describe('the operational order', () => {
  const { t, s } = useApp();
  let owner: Owner;

  beforeEach(async () => {
    owner = await s.owner();
  });

  const patch = (plan: { id: string; version: number }, body: Record<string, unknown>) =>
    t
      .http()
      .patch(`/operations/${plan.id}`)
      .set(owner.auth)
      .send({ version: plan.version, ...body });
  const addRv = (plan: { id: string; version: number }, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/operations/${plan.id}/rv-points`)
      .set(owner.auth)
      .send({ version: plan.version, ...body });
  const warrant = (plan: { startsAt: string }, expiresInHours: number) => ({
    basis: 'WARRANT',
    warrant: {
      type: 'Search warrant, s.8 PACE 1984',
      court: 'Birmingham Magistrates’ Court',
      reference: 'BMC/2027/0142',
      expiresAt: at(plan, expiresInHours),
    },
  });
  const check = (readiness: { checks: { id: string; ok: boolean; blocking: boolean; message: string }[] }, id: string) =>
    readiness.checks.find((c) => c.id === id);

  describe('timings, places and communications', () => {
    it('stores the briefing, debrief, strike times, entry basis, communications and safeguarding arrangements, and audits them', async () => {
      const plan = await s.draft(owner);
      const postcode = randomPostcode();
      const police = owner.agency.id;
      const changed = await patch(plan, {
        timings: { briefingAt: at(plan, 0), briefingPlace: 'Lloyd House, Birmingham', debriefAt: at(plan, 10) },
        communications: { radioChannel: 'Airwave WM-OPS-3', controlRoomNumber: '0121 626 5000' },
        locations: [
          { label: 'Car wash', address: '12 Ladypool Road', postcode, strikeAt: at(plan, 1), entry: warrant(plan, 72) },
          { label: 'House', address: '3 Stratford Road', postcode, strikeAt: at(plan, 1), entry: { basis: 'CONSENT' } },
          {
            label: 'Farm',
            address: 'Lower Farm',
            postcode,
            entry: { basis: 'STATUTORY_POWER', power: 's.179 Immigration and Asylum Act 1999' },
          },
        ],
        safeguarding: {
          receptionOpensAt: at(plan, 0),
          receptionClosesAt: at(plan, 12),
          medicalCover: 'HART on standby at RV1',
          firstResponders: [{ name: 'DC Priya Shah', agencyId: police, phone: '07700 900456' }],
          interpreters: [{ language: 'Romanian', name: 'Big Word' }],
        },
        risks: [
          { hazard: 'DOGS', likelihood: 3, impact: 4, controls: 'Dog handler with the entry team', residual: 'MEDIUM', owner: 'PS Jones' },
        ],
      }).expect(200);
      const body = changed.body;
      expect(body.version).toBe(2);
      expect(body.timings).toEqual({ briefingAt: at(plan, 0), briefingPlace: 'Lloyd House, Birmingham', debriefAt: at(plan, 10) });
      expect(body.communications).toEqual({ radioChannel: 'Airwave WM-OPS-3', controlRoomNumber: '0121 626 5000' });
      expect(body.locations[0]).toEqual({
        id: expect.any(String),
        label: 'Car wash',
        address: '12 Ladypool Road',
        postcode: postcode.toUpperCase(),
        strikeAt: at(plan, 1),
        entry: { ...warrant(plan, 72), power: null },
        siteCommander: null,
      });
      expect(body.locations[1].entry).toEqual({ basis: 'CONSENT', warrant: null, power: null });
      expect(body.locations[2]).toMatchObject({
        strikeAt: null,
        entry: { basis: 'STATUTORY_POWER', warrant: null, power: 's.179 Immigration and Asylum Act 1999' },
      });
      expect(body.safeguarding).toMatchObject({
        receptionOpensAt: at(plan, 0),
        receptionClosesAt: at(plan, 12),
        medicalCover: 'HART on standby at RV1',
        firstResponders: [{ name: 'DC Priya Shah', agency: { id: police, code: owner.agency.code }, phone: '07700 900456' }],
        interpreters: [{ language: 'Romanian', name: 'Big Word' }],
      });
      expect(body.risks).toEqual([
        {
          hazard: 'DOGS',
          hazardDetail: null,
          likelihood: 3,
          impact: 4,
          score: 12,
          controls: 'Dog handler with the entry team',
          residual: 'MEDIUM',
          owner: 'PS Jones',
          acceptedBy: null,
          intelligenceDerived: false,
        },
      ]);

      const history = (await s.get(owner.auth, `/operations/${plan.id}/history`).expect(200)).body;
      const update = history.find((event: { action: string }) => event.action === 'operation.updated');
      expect(update.before).toMatchObject({ 'timings.briefingAt': null, risks: [] });
      expect(update.after).toMatchObject({
        'timings.briefingAt': at(plan, 0),
        'communications.radioChannel': 'Airwave WM-OPS-3',
        risks: [expect.objectContaining({ hazard: 'DOGS' })],
      });

      const again = await patch(body, { communications: { radioChannel: 'Airwave WM-OPS-3' } }).expect(200);
      expect(again.body.version).toBe(2);
    });

    it('keeps every time of the day inside the window, naming the field', async () => {
      const plan = await s.draft(owner);
      const early = await patch(plan, { timings: { briefingAt: at(plan, -1) } }).expect(400);
      expect(early.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'timings.briefingAt', problems: [expect.stringContaining('must be inside the plan’s window')] }] },
      });
      const backwards = await patch(plan, { timings: { briefingAt: at(plan, 5), debriefAt: at(plan, 4) } }).expect(400);
      expect(backwards.body.details.fields).toEqual([
        { field: 'timings.debriefAt', problems: ['The debrief must come after the briefing'] },
      ]);
      const late = await patch(plan, {
        locations: [{ label: 'Yard', address: '1 High St', postcode: randomPostcode(), strikeAt: at(plan, 13) }],
      }).expect(400);
      expect(late.body.details.fields).toEqual([
        { field: 'locations.0.strikeAt', problems: [expect.stringMatching(/^The strike time of Yard must be inside/)] },
      ]);
      const oneEnd = await patch(plan, { safeguarding: { receptionOpensAt: at(plan, 0) } }).expect(400);
      expect(oneEnd.body.details.fields[0].field).toBe('safeguarding.receptionClosesAt');
      const rv = await addRv(plan, { name: 'RV1', address: 'Tesco car park', meetAt: at(plan, 12.5) }).expect(400);
      expect(rv.body.details.fields).toEqual([
        { field: 'meetAt', problems: [expect.stringMatching(/^The RV time of RV1 must be inside/)] },
      ]);
      expect((await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body.version).toBe(plan.version);
    });

    it('refuses to move the window away from an RV, and moves it with its strike times in one change', async () => {
      const plan = await s.draft(owner);
      const withRv = (await addRv(plan, { name: 'RV1', address: 'Tesco car park', meetAt: at(plan, 0.5) }).expect(201)).body;
      const refused = await patch(withRv, { startsAt: at(plan, 1), endsAt: at(plan, 12) }).expect(400);
      expect(refused.body.details.fields).toEqual([
        { field: 'endsAt', problems: ['The RV time of RV1 would fall outside the new window; change them first'] },
      ]);

      const located = (
        await patch(withRv, {
          locations: [{ label: 'Yard', address: '1 High St', postcode: randomPostcode(), strikeAt: at(plan, 11) }],
        }).expect(200)
      ).body;
      const moved = await patch(located, {
        startsAt: at(plan, 0.25),
        endsAt: at(plan, 6),
        locations: [{ ...located.locations[0], strikeAt: at(plan, 5) }],
      }).expect(200);
      expect(moved.body.locations[0].strikeAt).toBe(at(plan, 5));
    });

    it('holds the window in the database too: an RV written outside it is refused at commit', async () => {
      const plan = await s.draft(owner);
      await expect(
        t.dataSource.query(`INSERT INTO rv_points (operation_id, name, address, meet_at) VALUES ($1, 'RV9', 'Nowhere', $2)`, [
          plan.id,
          at(plan, 24),
        ]),
      ).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'ck_rv_points_in_window' } });
      await expect(
        t.dataSource.query(`UPDATE operations SET briefing_at = $2 WHERE id = $1`, [plan.id, at(plan, -2)]),
      ).rejects.toMatchObject({
        driverError: { code: '23514', constraint: 'ck_operations_briefing_in_window' },
      });
    });

    it('refuses a warrant without its details and an unknown entry basis', async () => {
      const plan = await s.draft(owner);
      const location = { label: 'Yard', address: '1 High St', postcode: randomPostcode() };
      const noWarrant = await patch(plan, { locations: [{ ...location, entry: { basis: 'WARRANT' } }] }).expect(400);
      expect(noWarrant.body.details.fields).toEqual([
        { field: 'locations.0.entry.warrant', problems: ['A warrant needs its type, issuing court, reference and expiry'] },
      ]);
      const noExpiry = await patch(plan, {
        locations: [{ ...location, entry: { basis: 'WARRANT', warrant: { type: 'PACE s.8', court: 'BMC', reference: 'X1' } } }],
      }).expect(400);
      expect(noExpiry.body.details.fields).toEqual([
        { field: 'locations.0.entry.warrant.expiresAt', problems: ['Enter when the warrant expires'] },
      ]);
      const noPower = await patch(plan, { locations: [{ ...location, entry: { basis: 'STATUTORY_POWER' } }] }).expect(400);
      expect(noPower.body.details.fields).toEqual([
        { field: 'locations.0.entry.power', problems: ['Enter the statutory power used to enter'] },
      ]);
      await patch(plan, { locations: [{ ...location, entry: { basis: 'FORCE' } }] }).expect(400);
    });
  });

  describe('RV points', () => {
    it('are added, changed and removed by the owner, audited; one a team meets at cannot be removed', async () => {
      const plan = await s.draft(owner);
      const added = (await addRv(plan, { name: 'RV1', address: 'Tesco car park', meetAt: at(plan, 0.5) }).expect(201)).body;
      const rv = added.rvPoints[0];
      expect(rv).toEqual({ id: expect.any(String), name: 'RV1', address: 'Tesco car park', meetAt: at(plan, 0.5) });
      const duplicate = await addRv(added, { name: 'rv1', address: 'Elsewhere', meetAt: at(plan, 1) }).expect(409);
      expect(duplicate.body.message).toBe('The plan already has an RV point with this name');

      const changed = (
        await t
          .http()
          .patch(`/operations/${plan.id}/rv-points/${rv.id}`)
          .set(owner.auth)
          .send({ version: added.version, name: 'RV1', address: 'Asda car park', meetAt: at(plan, 0.75) })
          .expect(200)
      ).body;
      expect(changed.rvPoints[0]).toMatchObject({ address: 'Asda car park', meetAt: at(plan, 0.75) });

      const team = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY'] });
      const deployed = (
        await s
          .post(owner.auth, `/operations/${plan.id}/deployments`, {
            teamId: team.id,
            headcount: 2,
            version: changed.version,
            rvPointId: rv.id,
            callSign: 'Tango 1',
          })
          .expect(201)
      ).body;
      expect(deployed.deployments[0]).toMatchObject({
        rvPoint: { id: rv.id, name: 'RV1', meetAt: at(plan, 0.75) },
        callSign: 'Tango 1',
        powers: [],
      });
      const inUse = await t
        .http()
        .delete(`/operations/${plan.id}/rv-points/${rv.id}?version=${deployed.version}`)
        .set(owner.auth)
        .expect(409);
      expect(inUse.body.message).toBe(`${team.name} meets at RV1; give them another RV point first`);

      const released = (
        await t
          .http()
          .delete(`/operations/${plan.id}/deployments/${deployed.deployments[0].id}?version=${deployed.version}`)
          .set(owner.auth)
          .expect(200)
      ).body;
      const removed = (
        await t.http().delete(`/operations/${plan.id}/rv-points/${rv.id}?version=${released.version}`).set(owner.auth).expect(200)
      ).body;
      expect(removed.rvPoints).toEqual([]);
      expect(removed.deployments[0].rvPoint).toBeNull();
      const actions = (await s.get(owner.auth, `/operations/${plan.id}/history`).expect(200)).body.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['rv-point.added', 'rv-point.changed', 'rv-point.removed']));
    });

    it("refuses another plan's RV point for a team, and hides RV points from those who may not see the plan", async () => {
      const plan = await s.draft(owner);
      const other = (await addRv(await s.draft(owner), { name: 'RV1', address: 'Tesco car park', meetAt: at(plan, 0.5) }).expect(201)).body;
      const team = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY'] });
      const refused = await s
        .post(owner.auth, `/operations/${plan.id}/deployments`, {
          teamId: team.id,
          headcount: 2,
          version: plan.version,
          rvPointId: other.rvPoints[0].id,
        })
        .expect(404);
      expect(refused.body.message).toBe('The RV point is not one of this plan’s');
      const stranger = await s.owner();
      await t
        .http()
        .post(`/operations/${other.id}/rv-points`)
        .set(stranger.auth)
        .send({ version: other.version, name: 'RV2', address: 'x', meetAt: at(plan, 1) })
        .expect(404);
    });

    it('sends an approved plan back to draft when one is added (R9)', async () => {
      const plan = await s.plan(owner, { stage: 'approved' });
      const added = (await addRv(plan, { name: 'RV1', address: 'Tesco car park', meetAt: at(plan, 0.5) }).expect(201)).body;
      expect(added.status).toBe('DRAFT');
      expect(added.approval).toBeNull();
    });
  });

  describe('powers', () => {
    it('tasks a team only with powers its agency holds (POWER_NOT_HELD), on request and on change', async () => {
      const plan = await s.draft(owner);
      const dwp = await s.partner('DWP', ['BENEFITS_INVESTIGATION']);
      const refused = await s
        .post(owner.auth, `/operations/${plan.id}/deployments`, {
          teamId: dwp.team.id,
          headcount: 1,
          version: plan.version,
          powers: ['BENEFITS_INVESTIGATION', 'ARREST', 'ENTRY'],
        })
        .expect(422);
      expect(refused.body).toMatchObject({
        code: 'POWER_NOT_HELD',
        message: `${dwp.team.name} (${dwp.agency.code}) cannot be tasked with arrest, entry: Department for Work and Pensions officers do not hold those powers; task a team of an agency that does`,
        details: { powers: ['ARREST', 'ENTRY'], agency: dwp.agency.code },
      });
      const requested = (
        await s
          .post(owner.auth, `/operations/${plan.id}/deployments`, {
            teamId: dwp.team.id,
            headcount: 1,
            version: plan.version,
            powers: ['BENEFITS_INVESTIGATION'],
          })
          .expect(201)
      ).body;
      const deployment = requested.deployments[0];
      expect(deployment.powers).toEqual(['BENEFITS_INVESTIGATION']);

      const change = (body: Record<string, unknown>, version = requested.version) =>
        t
          .http()
          .patch(`/operations/${plan.id}/deployments/${deployment.id}`)
          .set(owner.auth)
          .send({ version, ...body });
      const notHeld = await change({ powers: ['SEARCH'] }).expect(422);
      expect(notHeld.body).toMatchObject({ code: 'POWER_NOT_HELD', details: { powers: ['SEARCH'] } });
      const changed = (await change({ tasking: 'Check benefit claims of the workers', callSign: 'Delta 2' }).expect(200)).body;
      expect(changed.deployments[0]).toMatchObject({
        tasking: 'Check benefit claims of the workers',
        callSign: 'Delta 2',
        powers: ['BENEFITS_INVESTIGATION'],
      });
      expect(changed.version).toBe(requested.version + 1);
      await change({ powers: ['FLYING'] }, changed.version).expect(400);
      await change({ tasking: 'x' }, requested.version).expect(409);
      const byPartner = await t
        .http()
        .patch(`/operations/${plan.id}/deployments/${deployment.id}`)
        .set(dwp.auth)
        .send({ version: changed.version, tasking: 'Mine now' })
        .expect(403);
      expect(byPartner.body.code).toBe('FORBIDDEN');
    });
  });

  describe('readiness and submission', () => {
    it('blocks submission while a warrant expires before its strike, and names it', async () => {
      const plan = await s.plan(owner, { stage: 'ready' });
      const location = { ...plan.locations![0], strikeAt: at(plan, 2), entry: warrant(plan, 1) };
      const expired = (await patch(plan, { locations: [location] }).expect(200)).body;
      const refused = await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: expired.version }).expect(422);
      expect(refused.body.code).toBe('NOT_READY');
      expect(refused.body.details.checks).toEqual([
        {
          id: 'warrants-valid',
          ok: false,
          applies: true,
          blocking: true,
          message: expect.stringMatching(/^The warrant for Car wash expires .+, before the strike: get a new warrant or strike earlier$/),
        },
      ]);
      const renewed = (await patch(expired, { locations: [{ ...location, entry: warrant(plan, 48) }] }).expect(200)).body;
      await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: renewed.version }).expect(200);
    });

    it('blocks submission while a high residual risk has no senior officer accepting it', async () => {
      const plan = await s.plan(owner, { stage: 'ready' });
      const risk = {
        hazard: 'WEAPONS',
        likelihood: 4,
        impact: 5,
        controls: 'Armed response on standby',
        residual: 'HIGH',
        owner: 'Insp Khan',
      };
      const unaccepted = (await patch(plan, { risks: [risk] }).expect(200)).body;
      const readiness = (await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200)).body;
      expect(check(readiness, 'high-risks-accepted')).toEqual({
        id: 'high-risks-accepted',
        ok: false,
        applies: true,
        blocking: true,
        message: 'A named senior officer must accept each high residual risk: Weapons',
      });
      await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: unaccepted.version }).expect(422);
      const accepted = (await patch(unaccepted, { risks: [{ ...risk, acceptedBy: 'Supt Ann Clarke' }] }).expect(200)).body;
      await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: accepted.version }).expect(200);
    });

    it('warns of what an order should pin down without blocking, and clears each warning once it is', async () => {
      const plan = await s.plan(owner, { stage: 'ready' });
      const warnings = (await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200)).body;
      expect(warnings.ready).toBe(true);
      const failing = warnings.checks
        .filter((c: { ok: boolean }) => !c.ok)
        .map((c: { id: string; blocking: boolean }) => [c.id, c.blocking]);
      expect(failing).toEqual(
        expect.arrayContaining([
          ['risk-assessment', false],
          ['entry-and-strike', false],
          ['timings', false],
          ['communications', false],
          ['first-responders', false],
          ['medical-cover', false],
          ['reception-hours', false],
          ['interpreters', false],
          ['teams-at-premises', false],
        ]),
      );
      const rv = (await addRv(plan, { name: 'RV1', address: 'Tesco car park', meetAt: at(plan, 0.5) }).expect(201)).body;
      const deployment = rv.deployments[0];
      const withRv = (
        await t
          .http()
          .patch(`/operations/${plan.id}/deployments/${deployment.id}`)
          .set(owner.auth)
          .send({ version: rv.version, rvPointId: rv.rvPoints[0].id, locationIds: [plan.locations![0].id] })
          .expect(200)
      ).body;
      const complete = (
        await patch(withRv, {
          timings: { briefingAt: at(plan, 0), briefingPlace: 'Lloyd House', debriefAt: at(plan, 10) },
          communications: { radioChannel: 'WM-OPS-3', controlRoomNumber: '0121 626 5000' },
          locations: [{ ...plan.locations![0], strikeAt: at(plan, 1), entry: { basis: 'CONSENT' } }],
          risks: [{ hazard: 'DOGS', likelihood: 2, impact: 2, controls: 'Dog handler', residual: 'LOW', owner: 'PS Jones' }],
          safeguarding: {
            receptionOpensAt: at(plan, 0),
            receptionClosesAt: at(plan, 12),
            medicalCover: 'Ambulance at RV1',
            firstResponders: [{ name: 'DC Shah', agencyId: owner.agency.id }],
            interpreters: [{ language: 'Romanian', name: 'Big Word' }],
          },
        }).expect(200)
      ).body;
      const readiness = (await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200)).body;
      expect(readiness.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
      expect(complete.version).toBeGreaterThan(plan.version);
    });

    it('names a first responder only from an NRM first responder organisation', async () => {
      const plan = await s.draft(owner);
      const hmrc = await s.partner('HMRC');
      const refused = await patch(plan, { safeguarding: { firstResponders: [{ name: 'Officer Gray', agencyId: hmrc.agency.id }] } }).expect(
        400,
      );
      expect(refused.body.details.fields).toEqual([
        {
          field: 'safeguarding.firstResponders.0.agencyId',
          problems: [`${hmrc.agency.name} is not an NRM first responder organisation, so Officer Gray cannot refer potential victims`],
        },
      ]);
    });
  });

  describe('the briefing pack', () => {
    it('reads the order: a timeline in time order, the register highest residual first, communications and NRM arrangements', async () => {
      const plan = await s.plan(owner, { stage: 'ready' });
      const rv = (await addRv(plan, { name: 'RV1', address: 'Tesco car park', meetAt: at(plan, 0.5) }).expect(201)).body;
      await patch(rv, {
        timings: { briefingAt: at(plan, 0), briefingPlace: 'Lloyd House', debriefAt: at(plan, 10) },
        communications: { radioChannel: 'WM-OPS-3', controlRoomNumber: '0121 626 5000' },
        locations: [{ ...plan.locations![0], strikeAt: at(plan, 1), entry: warrant(plan, 48) }],
        risks: [
          { hazard: 'DOGS', likelihood: 5, impact: 2, controls: 'Dog handler', residual: 'LOW', owner: 'PS Jones' },
          {
            hazard: 'OTHER',
            hazardDetail: 'Asbestos in the loft',
            likelihood: 2,
            impact: 5,
            controls: 'Masks',
            residual: 'HIGH',
            owner: 'Insp Khan',
            acceptedBy: 'Supt Clarke',
          },
          { hazard: 'CHILDREN_PRESENT', likelihood: 3, impact: 3, controls: 'Social worker at RV1', residual: 'MEDIUM', owner: 'DS Patel' },
        ],
        safeguarding: {
          firstResponders: [{ name: 'DC Shah', agencyId: owner.agency.id, phone: '07700 900456' }],
          interpreters: [{ language: 'Romanian', name: 'Big Word' }],
        },
      }).expect(200);
      const pack = (await s.get(owner.auth, `/operations/${plan.id}/briefing`).set('Accept', 'text/markdown').expect(200)).text;
      const order = ['| Time | What | Where |', 'Briefing | Lloyd House', 'RV: RV1 |', 'Strike: Car wash', 'Debrief |'].map((text) =>
        pack.indexOf(text),
      );
      expect(order.every((index) => index > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      const register = ['Other: Asbestos in the loft', 'Children present', '| Dogs |'].map((text) => pack.indexOf(text));
      expect(register.every((index) => index > 0)).toBe(true);
      expect([...register].sort((a, b) => a - b)).toEqual(register);
      expect(pack).toContain('- **Radio channel or talkgroup:** WM-OPS-3');
      expect(pack).toContain('- **Control room:** 0121 626 5000');
      expect(pack).toContain(`| DC Shah | ${owner.agency.name} | 07700 900456 |`);
      expect(pack).toContain('| Romanian | Big Word |');
      expect(pack).toMatch(/Warrant: Search warrant, s\.8 PACE 1984, Birmingham Magistrates’ Court, ref\. BMC\/2027\/0142, expires /);
    });
  });

  describe('under concurrency', () => {
    it('lets one of two simultaneous edits of the register win; the other is told, and nothing is half-written', async () => {
      const plan = await s.draft(owner);
      const risk = (owner: string) => ({ hazard: 'DOGS', likelihood: 2, impact: 2, controls: 'Dog handler', residual: 'LOW', owner });
      const results = await Promise.all([patch(plan, { risks: [risk('A')] }), patch(plan, { risks: [risk('B'), risk('C')] })]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)?.body as Plan;
      const stored = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
      expect(stored.risks).toEqual(winner.risks);
      expect(stored.version).toBe(plan.version + 1);
    });
  });
});
