import { ukDateTime } from '../../src/common/uk-time';
import { browserOf, valueOf, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

type Event = { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; summary: string[] };

/** Codes of the vocabulary a person should never read in a history, and the marks of raw JSON or a field's camelCase name. */
const NOT_WORDS =
  /\b(PLACES|INTELLIGENCE|CONFIRMED|REQUESTED|WARRANT|LABOUR|DRAFT|APPROVED|SUBMITTED|ESSENTIAL|VICTIM_\w+)\b|[{}"]|\b[a-z]+[A-Z]\w*\b|\(none\)/;

/** A page's text between two headings, without its markup. */
function between(html: string, from: string, to: string): string {
  const start = html.indexOf(from);
  const end = html.indexOf(to, start);
  if (start < 0 || end < 0) throw new Error(`the page has no "${from}" … "${to}"`);
  return html
    .slice(start, end)
    .replace(/<[^>]+>/g, '\n')
    .replace(/&#39;/g, '’')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

describe('Changes in words: the history, the review, a stale edit and the API say what changed in sentences', () => {
  const { t, s } = useApp();

  const { page, post } = browserOf(() => t.http);
  const history = async (who: { Authorization: string }, plan: { id: string }): Promise<Event[]> =>
    (await s.get(who, `/operations/${plan.id}/history`).expect(200)).body;

  it('History of a name-only save from the details page has exactly one entry line', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { name: 'Operation Aldgate' });
    const session = await webSignIn(t.http, owner.user.email);
    const details = (await page(session, `/plans/${plan.reference}/details`)).text;
    const textarea = (name: string) => new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`).exec(details)?.[1].trim() ?? '';
    const field = (name: string) => valueOf(details, name);
    // Everything as the page drew it, but the name.
    await post(session, `/plans/${plan.reference}/details`, {
      version: field('version'),
      seen: field('seen'),
      drawn: field('drawn'),
      name: 'Operation Bow',
      exploitationTypes: 'LABOUR',
      scope: 'LOCAL',
      classification: 'OFFICIAL-SENSITIVE',
      handlingInstruction: '',
      ...Object.fromEntries(
        ['startsAt', 'endsAt'].flatMap((when) =>
          ['day', 'month', 'year', 'time'].map((part) => [`${when}-${part}`, field(`${when}-${part}`)]),
        ),
      ),
      ...Object.fromEntries(
        ['information', 'intent', 'method', 'administration', 'risk', 'communications', 'humanitarian'].map((section) => [
          `briefing-${section}`,
          textarea(`briefing-${section}`),
        ]),
      ),
    }).expect(303);

    const timeline = (await page(session, `/plans/${plan.reference}/history`)).text;
    const newest = /<li class="app-timeline__item">([\s\S]*?)<\/li>\s*<li class="app-timeline__item">/.exec(timeline)?.[1] ?? '';
    expect(newest).toContain('Changed the plan');
    expect([...newest.matchAll(/<li>([^<]*)<\/li>/g)].map((line) => line[1])).toEqual(['Name: Operation Aldgate → Operation Bow']);
  });

  it('records a save of the whole form that changes only the name as a change of the name alone', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { name: 'Operation Aldgate' });
    const responder = { name: 'DC Priya Shah', agencyId: owner.agency.id, phone: '07700 900456' };
    const withOrder = (
      await s
        .patch(owner.auth, `/operations/${plan.id}`, {
          version: plan.version,
          safeguarding: { firstResponders: [responder], interpreters: [{ language: 'Romanian', name: 'Big Word' }] },
        })
        .expect(200)
    ).body;
    // As a client that sends back every field it shows: empty sections and texts, lists in its own key order.
    await s
      .patch(owner.auth, `/operations/${plan.id}`, {
        version: withOrder.version,
        name: 'Operation Bow',
        exploitationTypes: withOrder.exploitationTypes,
        scope: withOrder.scope,
        startsAt: withOrder.startsAt,
        endsAt: withOrder.endsAt,
        marking: { classification: withOrder.marking.classification, handlingInstruction: '' },
        briefing: { ...withOrder.briefing, method: '', administration: '', risk: '', communications: '', humanitarian: '' },
        locations: withOrder.locations,
        safeguarding: {
          expectedPotentialVictims: withOrder.safeguarding.expectedPotentialVictims,
          languages: withOrder.safeguarding.languages,
          receptionCentre: withOrder.safeguarding.receptionCentre,
          medicalCover: '',
          firstResponders: [{ phone: responder.phone, agencyId: responder.agencyId, name: responder.name }],
          interpreters: [{ name: 'Big Word', language: 'Romanian' }],
        },
        timings: { briefingPlace: '' },
        communications: { radioChannel: '', controlRoomNumber: '' },
        risks: [],
      })
      .expect(200);
    const last = (await history(owner.auth, plan)).pop() as Event;
    expect(last).toMatchObject({ action: 'operation.updated', before: { name: 'Operation Aldgate' }, after: { name: 'Operation Bow' } });
    expect(Object.keys(last.after ?? {})).toEqual(['name']);
    expect(last.summary).toEqual(['Changed the plan', 'Name: Operation Aldgate → Operation Bow']);

    // Saving it all again as it is now changes nothing, and records nothing.
    const count = (await history(owner.auth, plan)).length;
    const now = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    await s
      .patch(owner.auth, `/operations/${plan.id}`, {
        version: now.version,
        name: now.name,
        briefing: { ...now.briefing, risk: '' },
        marking: { handlingInstruction: null },
      })
      .expect(200);
    expect(await history(owner.auth, plan)).toHaveLength(count);
    expect((await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body.version).toBe(now.version);
  });

  it('shows the manager of a re-submitted plan what changed since it was approved: sentences, not JSON, with times in UK time', async () => {
    const owner = await s.owner();
    const approved = await s.plan(owner, { stage: 'approved' });
    const briefingAt = new Date(new Date(approved.startsAt).getTime() + 30 * 60_000).toISOString();
    const strikeAt = new Date(new Date(approved.startsAt).getTime() + 90 * 60_000).toISOString();
    const [place] = approved.locations ?? [];
    const changed = (
      await s
        .patch(owner.auth, `/operations/${approved.id}`, {
          version: approved.version,
          timings: { briefingAt },
          locations: [{ ...place, strikeAt }],
        })
        .expect(200)
    ).body;
    expect(changed.status).toBe('DRAFT');
    await s.post(owner.auth, `/operations/${approved.id}/submit`, { version: changed.version }).expect(200);

    const manager = await webSignIn(t.http, owner.managerUser.email);
    const review = (await page(manager, `/plans/${approved.reference}/review`)).text;
    const since = between(review, 'What changed since it was last approved', '<h2 class="govuk-heading-m">Readiness');
    expect(since).toContain('Approval withdrawn by a change');
    expect(since).toContain('Reason: the approved plan was changed');
    expect(since).toContain('Changed the plan');
    expect(since).toContain(`Briefing time: none → ${ukDateTime(briefingAt)}`);
    expect(since).toContain(`${place.label}: strike time none → ${ukDateTime(strikeAt)}`);
    expect(since).toContain('Submitted the plan for review');
    expect(since).toMatch(/\b(GMT|BST)\b/);
    expect(since.replace('What changed since it was last approved', '')).not.toMatch(NOT_WORDS);
  });

  it('gives each event of GET /operations/:id/history its summary in words, as far as the reader may read it, and documents it', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const led = (
      await t
        .http()
        .put(`/operations/${plan.id}/lead-agency`)
        .set(owner.auth)
        .send({ agencyId: owner.agency.id, version: plan.version })
        .expect(200)
    ).body;
    // A victim-support partner is on the plan, but does not see its places or intelligence (R14a).
    const partner = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
    await s
      .post(owner.auth, `/operations/${plan.id}/deployments`, {
        teamId: partner.team.id,
        headcount: 1,
        tasking: 'Reception',
        version: led.version,
      })
      .expect(201);

    const mine = await history(owner.auth, plan);
    const [place] = plan.locations ?? [];
    for (const event of mine) {
      expect(event.summary.length).toBeGreaterThan(0);
      for (const sentence of event.summary) expect(sentence).not.toMatch(NOT_WORDS);
    }
    const byAction = (events: Event[], action: string) => events.find((event) => event.action === action) as Event;
    expect(byAction(mine, 'operation.created').summary).toEqual(
      expect.arrayContaining([
        'Created the plan',
        `Location added: ${place.label}, ${place.address}, ${place.postcode}`,
        'Briefing, Information: Intelligence suggests forced labour at two car washes.',
      ]),
    );
    expect(byAction(mine, 'operation.lead-changed').summary).toEqual([
      'Changed the lead agency',
      `Lead agency: none → ${owner.agency.name}`,
    ]);
    expect(byAction(mine, 'deployment.requested').summary).toEqual(
      expect.arrayContaining([
        'Requested a team',
        `Team requested: ${partner.team.name}, ${partner.agency.name}`,
        `${partner.team.name}: tasking Reception`,
      ]),
    );

    const theirs = await history(partner.auth, plan);
    const created = byAction(theirs, 'operation.created').summary.join('\n');
    expect(created).not.toContain(place.postcode);
    expect(created).not.toContain('Location');
    expect(created).not.toContain('Information');
    expect(created).toContain('Briefing, Intent: Safeguard workers; arrest controllers.');

    const docs = (await t.http().get('/docs-json').expect(200)).body;
    const summary = docs.components.schemas.HistoryEventView.properties.summary;
    expect(summary).toMatchObject({ type: 'array', items: { type: 'string' }, description: expect.stringContaining('plain English') });
    expect(docs.components.schemas.HistoryEventView.required).toContain('summary');
  });
});
