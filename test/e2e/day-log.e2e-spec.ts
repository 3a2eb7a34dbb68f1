import { twoPremises } from '../factories';
import { Auth, Owner, Plan, Signed } from '../factories/scenario';
import { useApp } from '../support/use-app';

type Entry = {
  id: string;
  kind: string;
  section: string;
  location: { id: string; label: string } | null;
  status: string | null;
  details: Record<string, unknown>;
};

/** Issue 29: the day's log through the API: each kind of entry, who may write what, need-to-know, the window, append-only. */
describe('the day’s log', () => {
  const { t, s } = useApp();

  /** An ACTIVE plan at two premises, HMRC's confirmed team allocated to the car wash only; a victim-support partner on it too. */
  async function dayUnderWay(): Promise<{ owner: Owner; hmrc: Signed; victims: Signed; plan: Plan; carWash: string; house: string }> {
    const owner = await s.owner();
    const hmrc = await s.partner('HMRC');
    const victims = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
    let plan = await s.plan(owner, { stage: 'ready', partners: [hmrc, victims], body: { locations: twoPremises() } });
    const [carWash, house] = plan.locations!.map((location) => location.id);
    const theirs = plan.deployments.find((d) => d.agency.id === hmrc.agency.id)!;
    plan = (
      await s
        .patch(owner.auth, `/operations/${plan.id}/deployments/${theirs.id}`, { version: plan.version, locationIds: [carWash] })
        .expect(200)
    ).body;
    await s.windowOpensAt(plan, new Date(Date.now() + 3600_000));
    plan = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    plan = (await s.post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    plan = await s.signOffs(plan);
    plan = (
      await s
        .post(owner.manager, `/operations/${plan.id}/review`, { decision: 'APPROVE', comment: 'Go.', version: plan.version })
        .expect(200)
    ).body;
    plan = (await s.post(owner.auth, `/operations/${plan.id}/start`, { version: plan.version }).expect(200)).body;
    return { owner, hmrc, victims, plan, carWash, house };
  }

  const post = (who: Auth, plan: { id: string }, body: Record<string, unknown>) => s.post(who, `/operations/${plan.id}/log`, body);
  const read = async (who: Auth, plan: { id: string }): Promise<Entry[]> =>
    (await s.get(who, `/operations/${plan.id}/log`).expect(200)).body.entries;

  it('records each kind of entry, in the order recorded, with its author and agency', async () => {
    const { owner, plan, carWash } = await dayUnderWay();

    await post(owner.auth, plan, { kind: 'STATUS', locationId: carWash, status: 'TEAM_AT_RV' }).expect(201);
    await post(owner.auth, plan, {
      kind: 'DECISION',
      decision: 'Hold the house until the car wash is clear',
      rationale: 'Not enough officers for both at once',
      decidedBy: 'SILVER',
      considered: 'Going in at both with fewer officers',
    }).expect(201);
    await post(owner.auth, plan, {
      kind: 'COUNT',
      locationId: carWash,
      count: 'ARREST',
      number: 2,
      offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
    }).expect(201);
    const written = await post(owner.auth, plan, {
      kind: 'MESSAGE',
      exactLocation: 'Rear yard of the car wash',
      incidentType: 'Workers found in a locked container',
      hazards: 'Dogs',
      access: 'Via the alley',
      casualties: 'Four adults, one child',
      services: 'Ambulance required',
    }).expect(201);

    const entries = await read(owner.auth, plan);
    expect(written.body).toEqual(entries[3]);
    expect(entries.map((e) => e.kind)).toEqual(['STATUS', 'DECISION', 'COUNT', 'MESSAGE']);
    expect(entries[0]).toMatchObject({ status: 'TEAM_AT_RV', location: { id: carWash, label: 'Car wash' }, section: 'CORE' });
    expect(entries[1].details).toEqual({
      decision: 'Hold the house until the car wash is clear',
      rationale: 'Not enough officers for both at once',
      decidedBy: 'SILVER',
      considered: 'Going in at both with fewer officers',
    });
    expect(entries[2].details).toEqual({ count: 'ARREST', number: 2, offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR' });
  });

  it('needs a note when a premises’ status moves out of its order, and names what is missing', async () => {
    const { owner, plan, house } = await dayUnderWay();

    const refused = await post(owner.auth, plan, { kind: 'STATUS', locationId: house, status: 'SEARCH_UNDER_WAY' }).expect(400);
    expect(refused.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['note']);
    await post(owner.auth, plan, {
      kind: 'STATUS',
      locationId: house,
      status: 'SEARCH_UNDER_WAY',
      note: 'Entry was made before the log was opened',
    }).expect(201);
    const future = await post(owner.auth, plan, {
      kind: 'COUNT',
      count: 'NRM_REFERRAL',
      number: 1,
      happenedAt: '2099-01-01T06:00:00Z',
    }).expect(400);
    expect(future.body.details.fields).toEqual([{ field: 'happenedAt', problems: ['The time it happened cannot be in the future'] }]);
    const early = await post(owner.auth, plan, {
      kind: 'COUNT',
      count: 'NRM_REFERRAL',
      number: 1,
      happenedAt: '2020-01-01T06:00:00Z',
    }).expect(400);
    expect(early.body.details.fields).toEqual([
      { field: 'happenedAt', problems: ['The time it happened cannot be more than a day before the day of action'] },
    ]);
    const missing = await post(owner.auth, plan, { kind: 'DECISION', decision: 'Go' }).expect(400);
    expect(missing.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['considered', 'decidedBy', 'rationale']);
  });

  it('lets a partner record only at the premises its team is allocated to, and never a decision; victim support only reads', async () => {
    const { hmrc, victims, plan, carWash, house } = await dayUnderWay();

    await post(hmrc.auth, plan, { kind: 'STATUS', locationId: carWash, status: 'TEAM_AT_RV' }).expect(201);
    await post(hmrc.auth, plan, { kind: 'COUNT', locationId: carWash, count: 'SEIZURE', number: 1, seized: 'DOCUMENTS' }).expect(201);
    const elsewhere = await post(hmrc.auth, plan, { kind: 'STATUS', locationId: house, status: 'TEAM_AT_RV' }).expect(403);
    expect(elsewhere.body.message).toBe('Only a team allocated to these premises, or the plan’s command, records what happens there');
    await post(hmrc.auth, plan, {
      kind: 'DECISION',
      decision: 'Go',
      rationale: 'Ready',
      decidedBy: 'SILVER',
      considered: 'Waiting',
    }).expect(403);
    await post(victims.auth, plan, {
      kind: 'MESSAGE',
      exactLocation: 'x',
      incidentType: 'x',
      hazards: 'x',
      access: 'x',
      casualties: 'x',
      services: 'x',
    }).expect(201);
    const liaison = await s.liaison();
    const message = { kind: 'MESSAGE', exactLocation: 'x', incidentType: 'x', hazards: 'x', access: 'x', casualties: 'x', services: 'x' };
    const reading = await post(liaison.auth, plan, message).expect(403);
    expect(reading.body.message).toBe('The day’s log is written by the coordinators and managers of the agencies with teams on the plan');
    expect(await read(liaison.auth, plan)).toHaveLength(3);
  });

  it('shows a decision marked intelligence only to those who see Intelligence, and the premises only to those who see Places', async () => {
    const { owner, hmrc, victims, plan, carWash } = await dayUnderWay();
    const secret = `Informant says the controller is armed ${Date.now()}`;

    await post(owner.auth, plan, {
      kind: 'DECISION',
      decision: secret,
      rationale: 'Intelligence',
      decidedBy: 'GOLD',
      considered: 'Armed support',
      intelligence: true,
    }).expect(201);
    await post(owner.auth, plan, { kind: 'STATUS', locationId: carWash, status: 'TEAM_AT_RV' }).expect(201);

    expect((await read(owner.auth, plan)).map((e) => e.section)).toEqual(['INTELLIGENCE', 'CORE']);
    for (const partner of [hmrc, victims]) {
      const response = await s.get(partner.auth, `/operations/${plan.id}/log`).expect(200);
      expect(response.text).not.toContain(secret);
      expect(response.body.entries.map((e: Entry) => e.kind)).toEqual(['STATUS']);
    }
    expect((await read(hmrc.auth, plan))[0].location).toEqual({ id: carWash, label: 'Car wash' });
    const seenByVictims = await s.get(victims.auth, `/operations/${plan.id}/log`).expect(200);
    expect(seenByVictims.body.entries[0].location).toBeNull();
    expect(seenByVictims.text).not.toContain('Car wash');
  });

  it('is open while the day is under way and for 72 hours after it ends, never before, and 404 to an agency not on the plan', async () => {
    const owner = await s.owner();
    const draft = await s.draft(owner);
    const before = await post(owner.auth, draft, { kind: 'COUNT', count: 'NRM_REFERRAL', number: 1 }).expect(409);
    expect(before.body.message).toBe('The day’s log is open only while the day of action is under way, and for 72 hours after it ends');

    const day = await dayUnderWay();
    await s.windowOpensAt(day.plan, new Date(Date.now() - 60_000));
    const started: Plan = (await s.get(day.owner.auth, `/operations/${day.plan.id}`).expect(200)).body;
    const plan: Plan = (
      await s
        .post(day.owner.auth, `/operations/${day.plan.id}/complete`, {
          version: started.version,
          outcomes: { arrests: 0, potentialVictimsSafeguarded: 0, nrmReferrals: 0, premisesVisited: 1 },
        })
        .expect(200)
    ).body;
    await post(day.owner.auth, plan, { kind: 'COUNT', count: 'NRM_REFERRAL', number: 1 }).expect(201);
    await t.dataSource.query(`UPDATE operations SET ended_at = now() - interval '73 hours' WHERE id = $1`, [plan.id]);
    await post(day.owner.auth, plan, { kind: 'COUNT', count: 'NRM_REFERRAL', number: 1 }).expect(409);
    const stranger = await s.owner('NCA');
    await s.get(stranger.auth, `/operations/${plan.id}/log`).expect(404);
    await post(stranger.auth, plan, { kind: 'COUNT', count: 'NRM_REFERRAL', number: 1 }).expect(404);
  });

  it('is append-only: there is no route to change or remove an entry, and the database refuses either', async () => {
    const { owner, plan } = await dayUnderWay();
    const { id } = (await post(owner.auth, plan, { kind: 'COUNT', count: 'NRM_REFERRAL', number: 1 }).expect(201)).body as Entry;

    await t.http().patch(`/operations/${plan.id}/log/${id}`).set(owner.auth).send({ number: 2 }).expect(404);
    await t.http().delete(`/operations/${plan.id}/log/${id}`).set(owner.auth).expect(404);
    await expect(t.dataSource.query(`UPDATE day_log_entries SET details = '{}' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM day_log_entries WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await post(owner.auth, plan, { kind: 'COUNT', count: 'NRM_REFERRAL', number: 2, correctsId: id, note: 'Two, not one' }).expect(201);
    expect((await read(owner.auth, plan)).map((e) => [e.details.number, e.id === id])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('takes a correction only of the same kind and place, by the plan’s command or the agency that recorded it, as secret as what it corrects', async () => {
    const { owner, hmrc, victims, plan, carWash } = await dayUnderWay();
    const count = (
      (
        await post(owner.auth, plan, {
          kind: 'COUNT',
          locationId: carWash,
          count: 'ARREST',
          number: 2,
          offence: 'OTHER',
          offenceOther: 'Assault',
        }).expect(201)
      ).body as Entry
    ).id;
    const secret = `Armed controller ${Date.now()}`;
    const decision = { kind: 'DECISION', rationale: 'Intelligence', decidedBy: 'GOLD', considered: 'Waiting' };
    const hidden = ((await post(owner.auth, plan, { ...decision, decision: secret, intelligence: true }).expect(201)).body as Entry).id;

    const otherKind = await post(owner.auth, plan, {
      kind: 'COUNT',
      locationId: carWash,
      count: 'SAFEGUARDED',
      number: 1,
      correctsId: hidden,
    }).expect(400);
    expect(otherKind.body.details.fields).toEqual([
      { field: 'correctsId', problems: ['A correction is of the same kind as the entry it corrects, and at the same premises'] },
    ]);
    const notTheirs = await post(hmrc.auth, plan, {
      kind: 'COUNT',
      locationId: carWash,
      count: 'ARREST',
      number: 1,
      offence: 'OTHER',
      offenceOther: 'Assault',
      correctsId: count,
    }).expect(403);
    expect(notTheirs.body.message).toBe('Only the plan’s command corrects what another agency recorded');
    await post(owner.auth, plan, { ...decision, decision: `${secret}: hold until armed support arrives`, correctsId: hidden }).expect(201);

    const seen = await s.get(victims.auth, `/operations/${plan.id}/log`).expect(200);
    expect(seen.text).not.toContain(secret);
    expect((await read(owner.auth, plan)).map((e) => e.section)).toEqual(['CORE', 'INTELLIGENCE', 'INTELLIGENCE']);
    await expect(
      t.dataSource.query(
        `INSERT INTO day_log_entries (operation_id, kind, section, happened_at, author_id, author_agency_id, corrects_id, details)
         SELECT operation_id, 'DECISION', 'CORE', now(), author_id, author_agency_id, id, '{}' FROM day_log_entries WHERE id = $1`,
        [hidden],
      ),
    ).rejects.toThrow(/same kind and place/);
  });

  it('tells a situation report’s exact location only to those who see Places, and lets a partner correct its part after the day ends', async () => {
    const { owner, hmrc, victims, plan, carWash } = await dayUnderWay();
    const address = `Rear of 12 Ladypool Road ${Date.now()}`;
    const report = {
      kind: 'MESSAGE',
      exactLocation: address,
      incidentType: 'Welfare',
      hazards: 'None',
      access: 'Alley',
      casualties: 'Two',
      services: 'None',
    };
    await post(owner.auth, plan, report).expect(201);
    expect((await read(hmrc.auth, plan))[0].details.exactLocation).toBe(address);
    const toVictims = await s.get(victims.auth, `/operations/${plan.id}/log`).expect(200);
    expect(toVictims.text).not.toContain(address);
    expect(toVictims.body.entries[0].details.incidentType).toBe('Welfare');

    await s.windowOpensAt(plan, new Date(Date.now() - 60_000));
    const started: Plan = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    const outcomes = { arrests: 0, potentialVictimsSafeguarded: 0, nrmReferrals: 0, premisesVisited: 1 };
    await s.post(owner.auth, `/operations/${plan.id}/complete`, { version: started.version, outcomes }).expect(200);
    await post(hmrc.auth, plan, { kind: 'COUNT', locationId: carWash, count: 'SEIZURE', number: 1, seized: 'DEVICES' }).expect(201);
  });
});
