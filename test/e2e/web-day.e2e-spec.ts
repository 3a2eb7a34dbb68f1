import { twoPremises } from '../factories';
import { Owner, Plan, Signed } from '../factories/scenario';
import { browserOf, errorSummaryOf, WebSession, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

/** Issue 29 in the browser without JavaScript: the day's board, and the forms that record each kind of entry. */
describe('Web pages: the day’s board', () => {
  const { t, s } = useApp();
  const { page, post } = browserOf(() => t.http);

  /** A started plan at two premises, HMRC's confirmed team allocated to the car wash only; a victim-support partner on it too. */
  async function dayUnderWay(): Promise<{ owner: Owner; hmrc: Signed; victims: Signed; plan: Plan; session: WebSession }> {
    const owner = await s.owner();
    const hmrc = await s.partner('HMRC');
    const victims = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
    const ready = await s.plan(owner, { stage: 'ready', partners: [hmrc, victims], body: { locations: twoPremises() } });
    const theirs = ready.deployments.find((d) => d.agency.id === hmrc.agency.id)!;
    const allocation = { version: ready.version, locationIds: [ready.locations![0].id] };
    await s.patch(owner.auth, `/operations/${ready.id}/deployments/${theirs.id}`, allocation).expect(200);
    const plan = await s.dayStarted(ready);
    return { owner, hmrc, victims, plan, session: await webSignIn(t.http, owner.user.email) };
  }

  const board = (plan: Plan) => `/plans/${plan.reference}/day`;
  const recorded = async (session: WebSession, plan: Plan, form: string, fields: Record<string, string>) => {
    const done = await post(session, `${board(plan)}/${form}`, fields).expect(303);
    expect(done.headers.location).toBe(`${board(plan)}?recorded=${form}`);
    return (await page(session, done.headers.location)).text;
  };

  it('records each kind of entry from its form and shows it on the board', async () => {
    const { owner, plan, session } = await dayUnderWay();
    const [carWash] = plan.locations!;

    let html = (await page(session, board(plan))).text;
    expect(html).toContain('<h1 class="govuk-heading-l">The day’s board</h1>');
    expect(html).toContain('Nothing recorded yet.');
    html = await recorded(session, plan, 'status', { locationId: carWash.id, status: 'TEAM_AT_RV', note: '' });
    expect(html).toContain('Premises status recorded');
    expect(html).toMatch(/Team at RV\s*<\/strong>\s*<span class="govuk-body-s">for less than a minute<\/span>/);
    html = await recorded(session, plan, 'decision', {
      decision: 'Hold the house until the car wash is clear',
      rationale: 'Not enough officers for both',
      decidedBy: 'SILVER',
      considered: 'Going in at both at once',
      intelligence: 'yes',
    });
    expect(html).toContain('Decision recorded');
    expect(html).toContain('Hold the house until the car wash is clear');
    expect(html).toContain('Not enough officers for both');
    html = await recorded(session, plan, 'count', {
      count: 'ARREST',
      number: '2',
      offence: 'MSA_S2_HUMAN_TRAFFICKING',
      offenceOther: '',
      ageGroup: 'CHILD',
      seized: '',
      locationId: carWash.id,
      note: '',
    });
    expect(html).toContain('Arrests: 2');
    html = await recorded(session, plan, 'message', {
      exactLocation: 'Rear yard of the car wash',
      incidentType: 'Workers found in a locked container',
      hazards: 'Dogs',
      access: 'Via the alley',
      casualties: 'Four adults',
      services: 'Ambulance required',
    });
    expect(html).toContain('Situation report recorded');
    expect(html).toContain('Workers found in a locked container');
    expect(html).toMatch(/Last entry recorded at/);

    const entries = (await s.get(owner.auth, `/operations/${plan.id}/log`).expect(200)).body.entries;
    expect(entries.map((entry: { kind: string }) => entry.kind)).toEqual(['STATUS', 'DECISION', 'COUNT', 'MESSAGE']);
    expect(entries[1].section).toBe('INTELLIGENCE');
    // The age group belongs to another kind of count: the form does not send it.
    expect(entries[2].details).toEqual({ count: 'ARREST', number: 2, offence: 'MSA_S2_HUMAN_TRAFFICKING' });
  });

  it('offers a partner only its own premises and no decision, and shows victim support no premises names', async () => {
    const { hmrc, victims, plan, session } = await dayUnderWay();
    const [carWash, house] = plan.locations!;
    await recorded(session, plan, 'status', { locationId: house.id, status: 'TEAM_AT_RV', note: '' });

    const theirs = (await page(await webSignIn(t.http, hmrc.user.email), board(plan))).text;
    const statusForm = /<form[^>]*day\/status[\s\S]*?<\/form>/.exec(theirs)?.[0] ?? '';
    expect(statusForm).toContain(`value="${carWash.id}"`);
    expect(statusForm).not.toContain(`value="${house.id}"`);
    expect(theirs).not.toContain('day/decision');
    expect(theirs).toContain('day/message');

    const victimsPage = (await page(await webSignIn(t.http, victims.user.email), board(plan))).text;
    expect(victimsPage).not.toContain(carWash.label);
    expect(victimsPage).not.toContain(house.label);
    expect(victimsPage).not.toContain('day/status');
    expect(victimsPage).toContain('Team at RV');
  });

  it('shows what is wrong in the error summary, linked to each field, keeping what was typed', async () => {
    const { plan, session } = await dayUnderWay();
    const [, house] = plan.locations!;

    const skipped = await post(session, `${board(plan)}/status`, { locationId: house.id, status: 'SEARCH_UNDER_WAY', note: '' }).expect(
      400,
    );
    expect(errorSummaryOf(skipped.text)).toEqual([
      'Say why the premises’ status moves out of its order: a note is needed for a step skipped or back',
    ]);
    expect(skipped.text).toContain('href="#statusNote"');
    expect(skipped.text).toMatch(/<option value="[^"]+" selected>House<\/option>/);

    const missing = await post(session, `${board(plan)}/decision`, { decision: 'Go in now', rationale: '', considered: '' }).expect(400);
    expect(errorSummaryOf(missing.text)).toEqual([
      'Enter the rationale: why the decision was taken',
      'Choose who decided: Gold, Silver, the SIO or a site commander',
      'Enter what was considered',
    ]);
    expect(missing.text).toContain('href="#decidedBy"');
    expect(missing.text).toContain('Go in now</textarea>');
  });

  it('corrects a decision with a new one naming it, at the time typed; a time that is not one is refused against its field', async () => {
    const { owner, plan, session } = await dayUnderWay();
    const decision = { rationale: 'Backup is near', decidedBy: 'GOLD', considered: 'Waiting', happenedAt: '' };
    await recorded(session, plan, 'decision', { ...decision, decision: 'Hold the house' });
    const [first] = (await s.get(owner.auth, `/operations/${plan.id}/log`).expect(200)).body.entries;
    const html = await recorded(session, plan, 'decision', { ...decision, decision: 'Go in at the house', correctsId: first.id });
    expect(html).toMatch(/Corrects\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*The decision recorded at .+: “Hold the house”/);

    const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const typed = clock.format(new Date(Date.now() - 10 * 60_000));
    await recorded(session, plan, 'message', {
      exactLocation: 'Front door',
      incidentType: 'Entry made',
      hazards: 'None',
      access: 'Front',
      casualties: 'None',
      services: 'None',
      happenedAt: typed,
    });
    const entries = (await s.get(owner.auth, `/operations/${plan.id}/log`).expect(200)).body.entries;
    expect(clock.format(new Date(entries[2].happenedAt))).toBe(typed);
    expect(entries[1].correctsId).toBe(first.id);

    const refused = await post(session, `${board(plan)}/message`, { exactLocation: 'x', happenedAt: 'half six' }).expect(400);
    expect(errorSummaryOf(refused.text)).toContain('Enter the time it happened in UK time, like 06:02');
    expect(refused.text).toContain('href="#messageHappenedAt"');
  });

  it('offers no form while the plan is not under way, and says why', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const html = (await page(await webSignIn(t.http, owner.user.email), board(plan))).text;
    expect(html).toContain('The day’s log is open only while the day of action is under way');
    expect(html).not.toContain('<form method="post" action="/plans/' + plan.reference + '/day/');
  });
});
