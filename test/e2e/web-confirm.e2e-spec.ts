import { createAgency, createTeam, createUser } from '../factories';
import { Plan } from '../factories/scenario';
import { browserOf, drawnAt, errorSummaryOf, valueOf, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

/**
 * Issue 24, part 3 (with JavaScript off): release, remove and handing the lead on first show a
 * page saying what the click will do; nothing changes until it is confirmed; then a banner says
 * what happened. Part 6: the lead and team choices offer only what the policy accepts.
 */
describe('Web pages: a consequential click says what will happen before it is done', () => {
  const { t, s } = useApp();

  const { page, post } = browserOf(() => t.http);
  const db = (text: string, values: unknown[]) => t.dataSource.query(text, values);
  /** The confirmation page's form, as a browser would post it. */
  const confirmedForm = (html: string, names: string[]) => ({
    ...drawnAt(html),
    ...(html.includes('name="confirmed"') ? { confirmed: valueOf(html, 'confirmed') } : {}),
    ...Object.fromEntries(names.map((name) => [name, valueOf(html, name)])),
  });
  const bannerOf = async (session: Awaited<ReturnType<typeof webSignIn>>, location: string) => (await page(session, location)).text;

  it('releases a partner’s team only once the owner has read what it does: the team, its agency told, the sign-off withdrawn', async () => {
    const owner = await s.owner();
    const hmrc = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    const plan = await s.plan(owner, { stage: 'approved', partners: [hmrc] });
    const deployment = plan.deployments.find((d) => d.team.id === hmrc.team.id)!;
    const session = await webSignIn(t.http, owner.user.email);

    const teams = (await page(session, `/plans/${plan.reference}/teams`)).text;
    expect(teams).toContain(`href="/plans/${plan.reference}/teams/${deployment.id}/release"`);
    const asked = await page(session, `/plans/${plan.reference}/teams/${deployment.id}/release`);
    expect(asked.text).toContain(
      `Releasing ${hmrc.team.name} (${hmrc.agency.name}) takes the team off this plan and frees it for other plans. ${hmrc.agency.name} is told on Your tasks.`,
    );
    expect(asked.text).toContain(`withdraws the sign-off of ${hmrc.agency.name}, who must sign off again`);
    expect(asked.text).toContain('Release the team');
    expect((await db(`SELECT status FROM deployments WHERE id = $1`, [deployment.id]))[0].status).toBe('CONFIRMED');

    const done = await post(session, `/plans/${plan.reference}/teams/release`, confirmedForm(asked.text, ['deploymentId'])).expect(303);
    expect((await db(`SELECT status FROM deployments WHERE id = $1`, [deployment.id]))[0].status).toBe('RELEASED');
    expect(await bannerOf(session, done.headers.location)).toContain('The team was released: its agency is told.');
  });

  it('removes a location, a risk and an RV point each after a confirmation page, and refuses to offer removing an RV point a team still meets at', async () => {
    const owner = await s.owner();
    const draft = await s.draft(owner, {
      locations: [
        { label: 'Car wash', address: '12 Ladypool Road, Birmingham', postcode: 'B12 8JX' },
        { label: 'Flat above', address: '14 Ladypool Road, Birmingham', postcode: 'B12 8JX' },
      ],
      risks: [
        { hazard: 'DOGS', likelihood: 2, impact: 2, controls: 'Dog handler with the entry team', residual: 'LOW', owner: 'PS Jones' },
      ],
    });
    const meetAt = new Date(Date.parse(draft.startsAt) + 1800_000).toISOString();
    let plan: Plan = (
      await s
        .post(owner.auth, `/operations/${draft.id}/rv-points`, {
          version: draft.version,
          name: 'Car park',
          address: 'Sparkhill Park',
          meetAt,
        })
        .expect(201)
    ).body;
    plan = (
      await s
        .post(owner.auth, `/operations/${plan.id}/rv-points`, { version: plan.version, name: 'Depot', address: 'Stratford Road', meetAt })
        .expect(201)
    ).body;
    const [carPark, depot] = plan.rvPoints;
    plan = (
      await s
        .post(owner.auth, `/operations/${plan.id}/deployments`, {
          version: plan.version,
          teamId: owner.team.id,
          headcount: 2,
          tasking: 'Entry',
          rvPointId: depot.id,
        })
        .expect(201)
    ).body;
    const session = await webSignIn(t.http, owner.user.email);

    const location = await page(session, `/plans/${plan.reference}/locations/0/remove`);
    expect(location.text).toContain(
      'Removing Car wash, 12 Ladypool Road, Birmingham, B12 8JX takes it off the plan with its strike time and entry basis.',
    );
    expect((await db(`SELECT count(*)::int AS n FROM operation_locations WHERE operation_id = $1`, [plan.id]))[0].n).toBe(2);
    await post(session, `/plans/${plan.reference}/locations`, confirmedForm(location.text, ['remove'])).expect(303);
    expect(
      (await db(`SELECT min(label) AS label, count(*)::int AS n FROM operation_locations WHERE operation_id = $1`, [plan.id]))[0],
    ).toEqual({ label: 'Flat above', n: 1 });

    const risk = await page(session, `/plans/${plan.reference}/risks/0/remove`);
    expect(risk.text).toContain('takes it out of the risk register with its control measures');
    expect(risk.text).toContain('Remove the risk');
    await post(session, `/plans/${plan.reference}/risks`, confirmedForm(risk.text, ['remove'])).expect(303);
    expect((await db(`SELECT count(*)::int AS n FROM operation_risks WHERE operation_id = $1`, [plan.id]))[0].n).toBe(0);

    const used = await page(session, `/plans/${plan.reference}/timings/rv-points/${depot.id}/remove`, 409);
    expect(errorSummaryOf(used.text).join(' ')).toContain('Depot');
    expect(used.text).not.toContain('Remove the RV point');
    const free = await page(session, `/plans/${plan.reference}/timings/rv-points/${carPark.id}/remove`);
    expect(free.text).toContain('Removing Car park, Sparkhill Park');
    await post(session, `/plans/${plan.reference}/timings/rv-points/remove`, confirmedForm(free.text, ['rvPointId'])).expect(303);
    expect((await db(`SELECT name FROM rv_points WHERE operation_id = $1`, [plan.id])).map((row: { name: string }) => row.name)).toEqual([
      'Depot',
    ]);
  });

  it('a confirmation page drawn before someone else’s change is not a licence: confirming it is refused as stale and nothing is removed', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, {
      locations: [
        { label: 'Yard', address: '1 Mill Lane, Leeds', postcode: 'LS1 1AA' },
        { label: 'Office', address: '2 Mill Lane, Leeds', postcode: 'LS1 1AA' },
      ],
    });
    const session = await webSignIn(t.http, owner.user.email);
    const asked = await page(session, `/plans/${plan.reference}/locations/0/remove`);
    await s.patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, name: 'Renamed meanwhile' }).expect(200);
    const refused = await post(session, `/plans/${plan.reference}/locations`, confirmedForm(asked.text, ['remove'])).expect(400);
    expect(errorSummaryOf(refused.text).join(' ')).toContain('Someone else changed this plan');
    expect((await db(`SELECT count(*)::int AS n FROM operation_locations WHERE operation_id = $1`, [plan.id]))[0].n).toBe(2);
  });

  it('hands the lead to another agency only after saying so, and at once to the owner’s own agency', async () => {
    const owner = await s.owner();
    const nca = await createAgency(t.dataSource, { kind: 'NCA', name: 'National Crime Agency test' });
    const plan = await s.draft(owner);
    const session = await webSignIn(t.http, owner.user.email);
    const lead = (await page(session, `/plans/${plan.reference}/lead`)).text;
    const form = { ...drawnAt(lead), agencyId: nca.id };

    const asked = await post(session, `/plans/${plan.reference}/lead`, form).expect(200);
    expect(asked.text).toContain(`Hand the lead to ${nca.name}`);
    expect(asked.text).toContain(
      `${nca.name} will lead ${plan.reference}: its coordinators edit the plan from then on and its managers approve it.`,
    );
    expect(asked.text).toContain(`hands the lead to ${nca.name}: your agency can no longer change the plan`);
    expect((await db(`SELECT lead_agency_id FROM operations WHERE id = $1`, [plan.id]))[0].lead_agency_id).toBeNull();

    const done = await post(session, `/plans/${plan.reference}/lead`, confirmedForm(asked.text, ['agencyId'])).expect(303);
    expect((await db(`SELECT lead_agency_id FROM operations WHERE id = $1`, [plan.id]))[0].lead_agency_id).toBe(nca.id);
    expect(await bannerOf(session, done.headers.location)).toContain('The lead was handed on: your agency can no longer change the plan.');

    const own = await s.draft(owner);
    const ownLead = (await page(session, `/plans/${own.reference}/lead`)).text;
    await post(session, `/plans/${own.reference}/lead`, { ...drawnAt(ownLead), agencyId: owner.agency.id }).expect(303);
    expect((await db(`SELECT lead_agency_id FROM operations WHERE id = $1`, [own.id]))[0].lead_agency_id).toBe(owner.agency.id);
  });

  it('lists the agencies the policy refuses as lead with the reason, never as a choice; a forged choice is refused with the reason', async () => {
    const owner = await s.owner();
    const charity = await createAgency(t.dataSource, { kind: 'VICTIM_SUPPORT', name: 'Victim support test' });
    const plan = await s.draft(owner);
    const session = await webSignIn(t.http, owner.user.email);
    const lead = (await page(session, `/plans/${plan.reference}/lead`)).text;
    expect(lead).toContain(`value="${owner.agency.id}"`);
    expect(lead).not.toContain(`value="${charity.id}"`);
    expect(lead).toMatch(
      new RegExp(`${charity.name} \\(${charity.code}\\)\\s*</dt>\\s*<dd class="govuk-summary-list__value">\\s*[^<\\s][^<]+`),
    );
    const forged = await post(session, `/plans/${plan.reference}/lead`, { ...drawnAt(lead), agencyId: charity.id });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(errorSummaryOf(forged.text)).toHaveLength(1);
    expect((await db(`SELECT lead_agency_id FROM operations WHERE id = $1`, [plan.id]))[0].lead_agency_id).toBeNull();
  });

  it('offers only the teams the support policy allows, naming the refused agencies with the reason', async () => {
    const owner = await s.owner();
    const glaa = await createAgency(t.dataSource, { kind: 'GLAA', name: 'GLAA test' });
    const glaaTeam = await createTeam(t.dataSource, glaa, { capabilities: ['LABOUR_INSPECTION'] });
    const sexual = await s.draft(owner, { exploitationTypes: ['SEXUAL'] });
    const labour = await s.draft(owner, { exploitationTypes: ['LABOUR'] });
    const session = await webSignIn(t.http, owner.user.email);

    const refused = (await page(session, `/plans/${sexual.reference}/teams`)).text;
    expect(refused).not.toContain(`value="${glaaTeam.id}"`);
    expect(refused).toContain('Not offered: the lead and support policy does not let');
    expect(refused).toMatch(new RegExp(`${glaa.name}\\s*</dt>\\s*<dd class="govuk-summary-list__value">\\s*[^<\\s][^<]+`));
    expect((await page(session, `/plans/${labour.reference}/teams`)).text).toContain(`value="${glaaTeam.id}"`);
  });

  it('tells the owner who will answer a request to an agency with no coordinator, and lets its manager answer on the page', async () => {
    const owner = await s.owner();
    const ie = await createAgency(t.dataSource, { kind: 'IMMIGRATION_ENFORCEMENT', name: 'Immigration test' });
    const nobody = await createAgency(t.dataSource, { kind: 'IMMIGRATION_ENFORCEMENT', name: 'Empty test' });
    const manager = await createUser(t.dataSource, ie, ['MANAGER']);
    const [ieTeam, emptyTeam] = [
      await createTeam(t.dataSource, ie, { capabilities: ['IMMIGRATION_CHECKS'] }),
      await createTeam(t.dataSource, nobody, { capabilities: ['IMMIGRATION_CHECKS'] }),
    ];
    let plan = await s.draft(owner);
    for (const team of [ieTeam, emptyTeam])
      plan = (
        await s
          .post(owner.auth, `/operations/${plan.id}/deployments`, {
            version: plan.version,
            teamId: team.id,
            headcount: 1,
            tasking: 'Checks',
          })
          .expect(201)
      ).body;
    const ownerSession = await webSignIn(t.http, owner.user.email);
    const teams = (await page(ownerSession, `/plans/${plan.reference}/teams`)).text;
    expect(teams).toContain(`${ie.name} has no coordinator: a manager of ${ie.name} will confirm or decline this request.`);
    expect(teams).toContain(
      `${nobody.name} has no coordinator or manager, so nobody can answer this request: ask an administrator to add one, or release the team.`,
    );

    const session = await webSignIn(t.http, manager.email);
    const mine = (await page(session, `/plans/${plan.reference}/teams`)).text;
    expect(mine).toContain(`${owner.agency.name} asks for ${ieTeam.name}`);
    const deployment = plan.deployments.find((d) => d.team.id === ieTeam.id)!;
    await post(session, `/plans/${plan.reference}/teams/answer`, {
      ...drawnAt(mine),
      deploymentId: deployment.id,
      deploymentVersion: String(deployment.version),
      answer: 'confirm',
    }).expect(303);
    expect((await db(`SELECT status, responded_by FROM deployments WHERE id = $1`, [deployment.id]))[0]).toEqual({
      status: 'CONFIRMED',
      responded_by: manager.id,
    });
  });
});
