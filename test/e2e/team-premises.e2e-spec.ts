import { randomUUID } from 'node:crypto';
import { createTeam, twoPremises } from '../factories';
import { Auth, Owner, Plan } from '../factories/scenario';
import { useApp } from '../support/use-app';

type Check = { id: string; ok: boolean; blocking: boolean; message: string };

/** Issue 28: teams allocated to the plan's premises, through the API as a client would use it. */
describe('teams allocated to premises', () => {
  const { t, s } = useApp();
  let owner: Owner;

  beforeEach(async () => {
    owner = await s.owner();
  });

  const deploy = (plan: Plan, body: Record<string, unknown>, who: Auth = owner.auth) =>
    s.post(who, `/operations/${plan.id}/deployments`, { headcount: 2, version: plan.version, ...body });
  const change = (plan: Plan, deploymentId: string, body: Record<string, unknown>) =>
    s.patch(owner.auth, `/operations/${plan.id}/deployments/${deploymentId}`, { version: plan.version, ...body });
  const premisesCheck = async (plan: { id: string }): Promise<Check | undefined> =>
    (await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200)).body.checks.find((c: Check) => c.id === 'teams-at-premises');

  it('allocates a team to locations on request, reads it back, and changes it', async () => {
    const plan = await s.draft(owner, { locations: twoPremises() });
    const [carWash, house] = plan.locations ?? [];
    const team = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY'] });
    const deployed: Plan = (await deploy(plan, { teamId: team.id, locationIds: [house.id, carWash.id] }).expect(201)).body;
    const deployment = deployed.deployments[0];
    expect(deployment.locationIds).toEqual([carWash.id, house.id]);
    const read: Plan = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(read.deployments[0].locationIds).toEqual([carWash.id, house.id]);

    const changed: Plan = (await change(deployed, deployment.id, { locationIds: [house.id] }).expect(200)).body;
    expect(changed.deployments[0].locationIds).toEqual([house.id]);
    expect(changed.version).toBe(deployed.version + 1);
    const untouched: Plan = (await change(changed, deployment.id, { callSign: 'Tango 1' }).expect(200)).body;
    expect(untouched.deployments[0]).toMatchObject({ callSign: 'Tango 1', locationIds: [house.id] });
  });

  it('keeps a location’s allocations while its place stays, and drops them when it leaves the plan', async () => {
    const plan = await s.draft(owner, { locations: twoPremises() });
    const [carWash, house] = plan.locations ?? [];
    const team = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY'] });
    const deployed: Plan = (await deploy(plan, { teamId: team.id, locationIds: [carWash.id, house.id] }).expect(201)).body;

    // A location is sent as it is written, without its id: the place (postcode and address) is what keeps it.
    const { id: houseId, ...houseWritten } = house;
    const renamed = { label: 'Hand car wash', address: carWash.address, postcode: carWash.postcode };
    const reordered: Plan = (
      await s.patch(owner.auth, `/operations/${plan.id}`, { version: deployed.version, locations: [houseWritten, renamed] }).expect(200)
    ).body;
    expect(reordered.locations?.map((l) => [l.id, l.label])).toEqual([
      [houseId, 'House'],
      [carWash.id, 'Hand car wash'],
    ]);
    expect(reordered.deployments[0].locationIds).toEqual([houseId, carWash.id]);

    const withoutHouse: Plan = (
      await s.patch(owner.auth, `/operations/${plan.id}`, { version: reordered.version, locations: [renamed] }).expect(200)
    ).body;
    expect(withoutHouse.deployments[0].locationIds).toEqual([carWash.id]);

    // Sent with its id, as the plan was read, a location stays itself even at a corrected address.
    const moved = { ...withoutHouse.locations?.[0], address: '14 Ladypool Road' };
    const corrected: Plan = (
      await s.patch(owner.auth, `/operations/${plan.id}`, { version: withoutHouse.version, locations: [moved] }).expect(200)
    ).body;
    expect(corrected.locations?.[0]).toMatchObject({ id: carWash.id, address: '14 Ladypool Road' });
    expect(corrected.deployments[0].locationIds).toEqual([carWash.id]);
    const stranger = await s
      .patch(owner.auth, `/operations/${plan.id}`, { version: corrected.version, locations: [{ ...moved, id: randomUUID() }] })
      .expect(400);
    expect(stranger.body.details.fields).toEqual([expect.objectContaining({ field: 'locations' })]);
  });

  it('refuses an unknown location, naming the field', async () => {
    const plan = await s.draft(owner, { locations: twoPremises() });
    const team = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY'] });
    const refused = await deploy(plan, { teamId: team.id, locationIds: [randomUUID()] }).expect(400);
    expect(refused.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Each location a team is allocated to must be one of this plan’s locations',
      details: { fields: [{ field: 'locationIds' }] },
    });
    const notAnId = await deploy(plan, { teamId: team.id, locationIds: ['the car wash'] }).expect(400);
    expect(notAnId.body.details.fields).toEqual([expect.objectContaining({ field: 'locationIds' })]);
    const after: Plan = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(after.deployments).toEqual([]);
  });

  it('refuses a location of another plan, on request and on change', async () => {
    const plan = await s.draft(owner, { locations: twoPremises() });
    const other = await s.draft(owner, { locations: twoPremises() });
    const elsewhere = other.locations?.[0].id;
    const team = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY'] });
    const refused = await deploy(plan, { teamId: team.id, locationIds: [elsewhere] }).expect(400);
    expect(refused.body.details.fields).toEqual([expect.objectContaining({ field: 'locationIds' })]);

    const deployed: Plan = (await deploy(plan, { teamId: team.id, locationIds: [plan.locations?.[0].id] }).expect(201)).body;
    const refusedChange = await change(deployed, deployed.deployments[0].id, { locationIds: [elsewhere] }).expect(400);
    expect(refusedChange.body.message).toBe('Each location a team is allocated to must be one of this plan’s locations');
    const after: Plan = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(after.deployments[0].locationIds).toEqual([plan.locations?.[0].id]);
  });

  it('warns of a location with no team and of a confirmed team with nowhere to go, until both are allocated', async () => {
    const plan = await s.draft(owner, { locations: twoPremises() });
    const [carWash, house] = plan.locations ?? [];
    expect(await premisesCheck(plan)).toEqual({
      id: 'teams-at-premises',
      ok: false,
      applies: true,
      blocking: false,
      message: 'Allocate a team to Car wash, House',
    });
    const team = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY'], name: 'Entry Alpha' });
    const deployed: Plan = (await deploy(plan, { teamId: team.id, locationIds: [carWash.id] }).expect(201)).body;
    expect((await premisesCheck(plan))?.message).toBe('Allocate a team to House');

    const spare = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY'], name: 'Entry Bravo' });
    const withSpare: Plan = (await deploy(deployed, { teamId: spare.id }).expect(201)).body;
    expect((await premisesCheck(plan))?.message).toBe(
      'Allocate a team to House; allocate Entry Bravo to a location, or give it an RV point',
    );

    const spareId = withSpare.deployments.find((d) => d.team.id === spare.id)?.id as string;
    await change(withSpare, spareId, { locationIds: [house.id] }).expect(200);
    expect(await premisesCheck(plan)).toMatchObject({
      ok: true,
      message: 'Every location has a team, and every confirmed team a location or an RV point',
    });
  });

  it('names a team’s premises by label in the history, and nothing of them to a reader who does not see the places', async () => {
    const partner = await s.partner('VICTIM_SUPPORT', ['SAFEGUARDING']);
    const plan = await s.draft(owner, { locations: twoPremises() });
    const [carWash, house] = plan.locations ?? [];
    const requested: Plan = (await deploy(plan, { teamId: partner.team.id, locationIds: [carWash.id] }).expect(201)).body;
    await change(requested, requested.deployments[0].id, { locationIds: [carWash.id, house.id] }).expect(200);
    type Event = { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; summary: string[] };
    const teamEvents = async (who: Auth) =>
      ((await s.get(who, `/operations/${plan.id}/history`).expect(200)).body as Event[]).filter((e) => e.action.startsWith('deployment.'));

    const [asked, changed] = await teamEvents(owner.auth);
    expect(asked.summary).toContain(`${partner.team.name}: premises Car wash`);
    expect(changed.summary).toEqual(['Changed a team’s part in the order', `${partner.team.name}: premises Car wash → Car wash, House`]);

    const seenByPartner = await teamEvents(partner.auth);
    expect(seenByPartner.map((e) => e.action)).toEqual(['deployment.requested', 'deployment.changed']);
    expect(seenByPartner[0].summary).toContain(`${partner.team.name}: 2 officers`);
    for (const event of seenByPartner) {
      expect(event.summary.join('\n')).not.toMatch(/premises|Car wash|House/);
      expect(event.before ?? {}).not.toHaveProperty('locationIds');
      expect(event.after ?? {}).not.toHaveProperty('locationIds');
    }
  });

  it('shows a partner what it saw before: no allocations to a partner that does not see the places', async () => {
    const partner = await s.partner('VICTIM_SUPPORT', ['SAFEGUARDING']);
    const plan = await s.draft(owner, { locations: twoPremises() });
    const requested: Plan = (await deploy(plan, { teamId: partner.team.id, locationIds: [plan.locations?.[0].id] }).expect(201)).body;
    expect(requested.deployments[0].locationIds).toEqual([plan.locations?.[0].id]);

    const seen: Plan = (await s.get(partner.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(seen.locations).toBeUndefined();
    expect(seen.deployments[0].headcount).toBe(2);
    expect(seen.deployments[0]).not.toHaveProperty('locationIds');
    const record = await s.get(partner.auth, `/operations/${plan.id}/deployments/${requested.deployments[0].id}`).expect(200);
    expect(record.body.deployment).not.toHaveProperty('locationIds');
    const checks: Check[] = (await s.get(partner.auth, `/operations/${plan.id}/readiness`).expect(200)).body.checks;
    expect(checks.map((c) => c.id)).not.toContain('teams-at-premises');

    const lawEnforcement = await s.partner('HMRC');
    const withHmrc: Plan = (await deploy(requested, { teamId: lawEnforcement.team.id, locationIds: [plan.locations?.[1].id] }).expect(201))
      .body;
    const hmrcSees: Plan = (await s.get(lawEnforcement.auth, `/operations/${plan.id}`).expect(200)).body;
    const own = hmrcSees.deployments.find((d) => d.team.id === lawEnforcement.team.id);
    const others = hmrcSees.deployments.find((d) => d.team.id === partner.team.id);
    expect(own?.locationIds).toEqual([withHmrc.locations?.[1].id]);
    expect(others).not.toHaveProperty('locationIds');
  });
});
