import { twoPremises } from '../factories';
import { Auth, Owner, Plan, Signed } from '../factories/scenario';
import { browserOf, drawnAt, valueOf, webSignIn } from '../support/browser-session';
import { binary, pdfText } from '../support/pdf-text';
import { useApp } from '../support/use-app';

/** Issue 29: a day of action completed from its log, and the briefing pack of a day that is over telling the day as it happened. */
describe('completing a day of action from its log', () => {
  const { t, s } = useApp();
  const { page, post } = browserOf(() => t.http);
  const HOUR = 3600_000;

  const log = (who: Auth, plan: Plan, body: Record<string, unknown>) => s.post(who, `/operations/${plan.id}/log`, body).expect(201);

  /**
   * A day under way since an hour ago at a car wash and a house, a victim-support partner on it, with its log: the car wash
   * entered and the house only reached, 2 + 1 arrests (a count of 2 corrected to 1), 2 safeguarded, 1 NRM referral, a
   * decision for everyone and one from intelligence.
   */
  async function dayLogged(): Promise<{ owner: Owner; victims: Signed; plan: Plan }> {
    const owner = await s.owner();
    const victims = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
    let plan = await s.plan(owner, { stage: 'active', partners: [victims], body: { locations: twoPremises() } });
    await s.windowOpensAt(plan, new Date(Date.now() - HOUR));
    const [carWash, house] = plan.locations!.map((location) => location.id);
    const at = (minutes: number) => new Date(Date.now() - HOUR + minutes * 60_000).toISOString();
    await log(owner.auth, plan, { kind: 'STATUS', locationId: carWash, status: 'TEAM_AT_RV', happenedAt: at(1) });
    await log(owner.auth, plan, { kind: 'STATUS', locationId: carWash, status: 'ENTRY_MADE', happenedAt: at(2) });
    await log(owner.auth, plan, { kind: 'STATUS', locationId: house, status: 'TEAM_AT_RV', happenedAt: at(3) });
    await log(owner.auth, plan, {
      kind: 'DECISION',
      happenedAt: at(4),
      decision: 'Hold the house until the car wash is clear',
      rationale: 'Not enough officers for both at once',
      decidedBy: 'SILVER',
      considered: 'Going in at both with fewer officers',
    });
    await log(owner.auth, plan, {
      kind: 'DECISION',
      happenedAt: at(5),
      intelligence: true,
      decision: 'Go in before the lookout arrives',
      rationale: 'A source says the lookout comes at seven',
      decidedBy: 'GOLD',
      considered: 'Waiting for the lookout to leave',
    });
    await log(owner.auth, plan, { kind: 'COUNT', locationId: carWash, count: 'ARREST', number: 2, offence: 'MSA_S2_HUMAN_TRAFFICKING' });
    const wrong = await log(owner.auth, plan, { kind: 'COUNT', count: 'ARREST', number: 2, offence: 'MSA_S2_HUMAN_TRAFFICKING' });
    const correctsId = wrong.body.id;
    await log(owner.auth, plan, { kind: 'COUNT', count: 'ARREST', number: 1, offence: 'MSA_S2_HUMAN_TRAFFICKING', correctsId });
    await log(owner.auth, plan, { kind: 'COUNT', locationId: carWash, count: 'SAFEGUARDED', number: 2 });
    await log(owner.auth, plan, { kind: 'COUNT', locationId: carWash, count: 'NRM_REFERRAL', number: 1 });
    plan = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    return { owner, victims, plan };
  }

  async function completedOnTheWeb(owner: Owner, plan: Plan, change: Record<string, string>): Promise<string> {
    const session = await webSignIn(t.http, owner.user.email);
    const html = (await page(session, `/plans/${plan.reference}/complete`)).text;
    const figures = Object.fromEntries(
      ['arrests', 'potentialVictimsSafeguarded', 'nrmReferrals', 'premisesVisited'].map((field) => [field, valueOf(html, field)]),
    );
    await post(session, `/plans/${plan.reference}/complete`, { ...drawnAt(html), ...figures, ...change }).expect(303);
    return html;
  }

  const completedThroughTheApi = (owner: Owner, plan: Plan) =>
    s
      .post(owner.auth, `/operations/${plan.id}/complete`, {
        version: plan.version,
        outcomes: { arrests: 3, potentialVictimsSafeguarded: 2, nrmReferrals: 1, premisesVisited: 1 },
      })
      .expect(200);
  const pdfOf = async (who: Auth, plan: Plan) =>
    pdfText((await t.http().get(`/operations/${plan.id}/briefing.pdf`).set(who).buffer(true).parse(binary).expect(200)).body as Buffer);
  const markdownOf = async (who: Auth, plan: Plan) =>
    (await s.get(who, `/operations/${plan.id}/briefing`).set('Accept', 'text/markdown').expect(200)).text;

  it('opens the Complete page with the log’s figures, a corrected count replaced by its correction', async () => {
    const { owner, plan } = await dayLogged();

    const html = await completedOnTheWeb(owner, plan, {});

    expect(valueOf(html, 'arrests')).toBe('3');
    expect(valueOf(html, 'potentialVictimsSafeguarded')).toBe('2');
    expect(valueOf(html, 'nrmReferrals')).toBe('1');
    expect(valueOf(html, 'premisesVisited')).toBe('1');
    expect(html).toContain('The day’s log counted 3');
    const completed: Plan = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(completed.status).toBe('COMPLETED');
    expect(completed.outcomes).toMatchObject({ arrests: 3, potentialVictimsSafeguarded: 2, nrmReferrals: 1, premisesVisited: 1 });
  });

  it('sums up the log through the API, as each reader may see it: the outcomes to complete with, premises and decisions', async () => {
    const { owner, victims, plan } = await dayLogged();
    const stranger = await s.owner();

    const theirs = (await s.get(owner.auth, `/operations/${plan.id}/log/summary`).expect(200)).body;
    const supporting = (await s.get(victims.auth, `/operations/${plan.id}/log/summary`).expect(200)).body;

    expect(theirs.outcomes).toEqual({ arrests: 3, potentialVictimsSafeguarded: 2, nrmReferrals: 1, premisesVisited: 1 });
    expect(theirs.premises.map((p: { location: { label: string } }) => p.location.label)).toEqual(['Car wash', 'House']);
    expect(theirs.decisions.map((d: { decidedBy: string }) => d.decidedBy)).toEqual(['SILVER', 'GOLD']);
    expect(supporting.premises).toEqual([]);
    expect(supporting.decisions.map((d: { decidedBy: string }) => d.decidedBy)).toEqual(['SILVER']);
    await s.get(stranger.auth, `/operations/${plan.id}/log/summary`).expect(404);
  });

  it('keeps in the history the log’s figure beside a figure the owner changed, and only there', async () => {
    const { owner, plan } = await dayLogged();

    await completedOnTheWeb(owner, plan, { arrests: '4' });

    const history: { action: string; summary: string[] }[] = (await s.get(owner.auth, `/operations/${plan.id}/history`).expect(200)).body;
    const completion = history.find((event) => event.action === 'operation.complete')!;
    expect(completion.summary).toEqual(
      expect.arrayContaining([
        'Arrests: 4 (the log counted 3)',
        'Potential victims safeguarded: 2',
        'NRM referrals: 1',
        'Premises visited: 1',
      ]),
    );
  });

  it('adds the day as it happened to the briefing of the completed plan: each premises’ statuses and the decision log', async () => {
    const { owner, plan } = await dayLogged();
    await completedThroughTheApi(owner, plan);

    const markdown = await markdownOf(owner.auth, plan);
    expect(markdown).toContain('## The day as it happened');
    expect(markdown).toMatch(
      /\| Car wash \| Team at RV \| .+ (GMT|BST) \|\n\| Car wash \| Entry made \| .+ (GMT|BST) \|\n\| House \| Team at RV \|/,
    );
    expect(markdown).toMatch(/\| Silver \| Hold the house until the car wash is clear \| Not enough officers for both at once \|/);
    expect(markdown).toMatch(/\| Gold \| Go in before the lookout arrives \(from intelligence\) \|/);

    const text = await pdfOf(owner.auth, plan);
    expect(text).toContain('The day as it happened');
    expect(text).toContain('Go in before the lookout arrives');
  });

  it('shows victim support the decisions it may see, but neither the intelligence decision nor the premises', async () => {
    const { owner, victims, plan } = await dayLogged();
    await completedThroughTheApi(owner, plan);

    const markdown = await markdownOf(victims.auth, plan);

    expect(markdown).toContain('## The day as it happened');
    expect(markdown).toContain('Hold the house until the car wash is clear');
    expect(markdown).not.toContain('lookout');
    expect(markdown).not.toContain('Entry made');
    expect(markdown).toContain('The premises’ timeline is not shared with your agency');
    expect(await pdfOf(victims.auth, plan)).not.toContain('lookout');
  });

  it('leaves the briefing of a plan still under way without the day as it happened', async () => {
    const { owner, plan } = await dayLogged();

    expect(await markdownOf(owner.auth, plan)).not.toContain('The day as it happened');
  });
});
