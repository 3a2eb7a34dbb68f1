import { ukLocalTime } from '../../src/common/uk-time';
import { createAgency } from '../factories';
import { browserOf, drawnAt, errorSummaryOf, valueOf, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

/** A risk form as a browser without JavaScript posts it (every field, the description too), with `overrides` over it. */
function riskForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    hazard: 'DOGS',
    hazardDetail: '',
    likelihood: '4',
    impact: '3',
    controls: 'Dog handler with the entry team',
    residual: 'MEDIUM',
    owner: 'PS 2231 Jones',
    acceptedBy: '',
    ...overrides,
  };
}

interface Risk {
  hazard: string;
  hazardDetail: string | null;
  likelihood: number;
  impact: number;
  score: number;
  controls: string;
  residual: string;
  owner: string;
  acceptedBy: string | null;
  intelligenceDerived: boolean;
}

const DOGS: Risk = {
  hazard: 'DOGS',
  hazardDetail: null,
  likelihood: 4,
  impact: 3,
  score: 12,
  controls: 'Dog handler with the entry team',
  residual: 'MEDIUM',
  owner: 'PS 2231 Jones',
  acceptedBy: null,
  intelligenceDerived: false,
};
const WEAPONS: Risk = {
  hazard: 'WEAPONS',
  hazardDetail: null,
  likelihood: 2,
  impact: 5,
  score: 10,
  controls: 'Armed support on standby',
  residual: 'HIGH',
  owner: 'Insp Patel',
  acceptedBy: 'Supt Ann Clarke',
  intelligenceDerived: false,
};
const STAIRS: Risk = {
  hazard: 'OTHER',
  hazardDetail: 'Rotten stairs to the loft',
  likelihood: 3,
  impact: 2,
  score: 6,
  controls: 'Search team stays off the loft',
  residual: 'LOW',
  owner: 'PS 2231 Jones',
  acceptedBy: null,
  intelligenceDerived: false,
};

describe('Web pages: the risk assessment and safeguarding and the NRM', () => {
  const { t, s } = useApp();

  const { page, post } = browserOf(() => t.http);
  const planOf = async (who: { Authorization: string }, id: string) => (await s.get(who, `/operations/${id}`).expect(200)).body;
  const readinessOf = async (who: { Authorization: string }, id: string) =>
    (await s.get(who, `/operations/${id}/readiness`).expect(200)).body as {
      checks: { id: string; ok: boolean; blocking: boolean; message: string }[];
    };
  /** The form fields of a risk as stored, as the change form shows them. */
  const asForm = (risk: Risk) =>
    riskForm({
      hazard: risk.hazard,
      hazardDetail: risk.hazardDetail ?? '',
      likelihood: String(risk.likelihood),
      impact: String(risk.impact),
      controls: risk.controls,
      residual: risk.residual,
      owner: risk.owner,
      acceptedBy: risk.acceptedBy ?? '',
    });

  it('marks a risk as derived from intelligence from the page, and keeps the mark when another risk is added or changed', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const session = await webSignIn(t.http, owner.user.email);
    const path = `/plans/${plan.reference}/risks`;
    let html = (await page(session, path)).text;
    expect(html).toContain('This risk comes from intelligence');
    await post(session, path, { ...drawnAt(html), ...asForm(WEAPONS), intelligenceDerived: 'yes' }).expect(303);
    html = (await page(session, path)).text;
    expect(html).toContain('From intelligence');
    await post(session, path, { ...drawnAt(html), ...asForm(DOGS) }).expect(303);
    expect((await planOf(owner.auth, plan.id)).risks).toEqual([{ ...WEAPONS, intelligenceDerived: true }, DOGS]);
    html = (await page(session, `${path}?change=0`)).text;
    expect(html).toMatch(/<input[^>]*name="intelligenceDerived"[^>]*value="yes"[^>]*checked/);
  });

  it('adds, changes and removes risks one at a time, keeping every other entry whole, and lists them highest residual first', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const session = await webSignIn(t.http, owner.user.email);
    const path = `/plans/${plan.reference}/risks`;
    let html = (await page(session, path)).text;
    expect(html).toContain('No risks recorded yet.');
    expect(html).toContain('1 = very unlikely');
    expect(html).toContain('5 = almost certain');
    await post(session, path, { ...drawnAt(html), ...asForm(DOGS) }).expect(303);
    html = (await page(session, path)).text;
    await post(session, path, { ...drawnAt(html), ...asForm(WEAPONS) }).expect(303);
    html = (await page(session, path)).text;
    await post(session, path, { ...drawnAt(html), ...asForm(STAIRS) }).expect(303);
    expect((await planOf(owner.auth, plan.id)).risks).toEqual([DOGS, WEAPONS, STAIRS]);

    // Shown highest residual first (High, Medium, Low), each with its rating as a coloured tag.
    html = (await page(session, path)).text;
    const shown = [...html.matchAll(/<th scope="row" class="govuk-table__header">([^<]+)<\/th>/g)].map((match) => match[1]);
    expect(shown).toEqual(['Weapons', 'Dogs', 'Rotten stairs to the loft']);
    expect(html).toMatch(/govuk-tag--red">\s*High/);
    expect(html).toMatch(/govuk-tag--yellow">\s*Medium/);
    expect(html).toMatch(/govuk-tag--green">\s*Low/);

    // Changed by its place in the register (Dogs, the first stored), not its place on the page.
    html = (await page(session, `${path}?change=0`)).text;
    expect(valueOf(html, 'owner')).toBe('PS 2231 Jones');
    expect(html).toMatch(/value="4" checked/);
    await post(session, path, {
      ...drawnAt(html),
      index: '0',
      ...asForm({ ...DOGS, controls: 'Dogs secured by the RSPCA first', residual: 'LOW' }),
    }).expect(303);
    expect((await planOf(owner.auth, plan.id)).risks).toEqual([
      { ...DOGS, controls: 'Dogs secured by the RSPCA first', residual: 'LOW' },
      WEAPONS,
      STAIRS,
    ]);

    html = (await page(session, path)).text;
    await post(session, path, { ...drawnAt(html), remove: '1' }).expect(303);
    expect((await planOf(owner.auth, plan.id)).risks).toEqual([
      { ...DOGS, controls: 'Dogs secured by the RSPCA first', residual: 'LOW' },
      STAIRS,
    ]);
  });

  it('refuses Other without a description and a likelihood out of range, in the error summary, keeping what was typed', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const session = await webSignIn(t.http, owner.user.email);
    const path = `/plans/${plan.reference}/risks`;
    const html = (await page(session, path)).text;
    const other = await post(session, path, {
      ...drawnAt(html),
      ...riskForm({ hazard: 'OTHER', hazardDetail: '  ', controls: 'Keep out of the loft' }),
    }).expect(400);
    expect(errorSummaryOf(other.text)).toEqual(['Describe the hazard']);
    expect(other.text).toContain('href="#hazardDetail"');
    expect(other.text).toContain('Keep out of the loft');
    expect(other.text).toMatch(/value="OTHER" checked/);

    const outOfRange = await post(session, path, { ...drawnAt(html), ...riskForm({ likelihood: '7', impact: '', owner: '' }) }).expect(400);
    expect(errorSummaryOf(outOfRange.text)).toEqual([
      'Select how likely the hazard is, from 1 (very unlikely) to 5 (almost certain)',
      'Select how bad the harm would be, from 1 (very low) to 5 (very high)',
      'Enter who owns the risk',
    ]);
    for (const href of ['#likelihood', '#impact', '#owner']) expect(outOfRange.text).toContain(`href="${href}"`);
    expect((await planOf(owner.auth, plan.id)).risks).toEqual([]);
  });

  it('blocks submission while a high residual risk has no senior officer’s acceptance, and passes once it has one', async () => {
    const owner = await s.owner();
    const plan = await s.plan(owner, { stage: 'ready' });
    const session = await webSignIn(t.http, owner.user.email);
    const path = `/plans/${plan.reference}/risks`;
    let html = (await page(session, path)).text;
    await post(session, path, { ...drawnAt(html), ...asForm({ ...WEAPONS, acceptedBy: null }) }).expect(303);
    html = (await page(session, path)).text;
    expect(html).toContain(
      'No senior officer has accepted the high residual risk of Weapons: the plan cannot be submitted until one does.',
    );
    const check = (await readinessOf(owner.auth, plan.id)).checks.find((c) => c.id === 'high-risks-accepted');
    expect(check).toMatchObject({ ok: false, blocking: true });

    const submit = `/plans/${plan.reference}/submit`;
    const checkPage = (await page(session, submit)).text;
    expect(checkPage).toMatch(
      /Risk register\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*1 risk; highest residual rating: High \(Weapons\); 1 high not accepted by a senior officer/,
    );
    const refused = await post(session, submit, drawnAt(checkPage)).expect(400);
    expect(errorSummaryOf(refused.text)).toEqual([
      expect.stringMatching(
        /^Have a senior officer accept each high residual risk: A named senior officer must accept each high residual risk: Weapons/,
      ),
    ]);
    expect(refused.text).toContain(`href="/plans/${plan.reference}/risks"`);
    expect((await planOf(owner.auth, plan.id)).status).toBe('DRAFT');

    html = (await page(session, `${path}?change=0`)).text;
    await post(session, path, { ...drawnAt(html), index: '0', ...asForm(WEAPONS) }).expect(303);
    expect((await readinessOf(owner.auth, plan.id)).checks.find((c) => c.id === 'high-risks-accepted')).toMatchObject({ ok: true });
    expect((await page(session, path)).text).not.toContain('No senior officer has accepted');
    await post(session, submit, drawnAt((await page(session, submit)).text)).expect(303);
    expect((await planOf(owner.auth, plan.id)).status).toBe('SUBMITTED');
  });

  it('saves the safeguarding arrangements: reception hours in UK time, medical cover, and says whether the centre is open at each strike', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const strike = new Date(new Date(plan.startsAt).getTime() + 3600_000).toISOString();
    const located = (
      await s
        .patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, locations: [{ ...plan.locations![0], strikeAt: strike }] })
        .expect(200)
    ).body;
    const session = await webSignIn(t.http, owner.user.email);
    const path = `/plans/${plan.reference}/safeguarding`;
    let html = (await page(session, path)).text;
    expect(valueOf(html, 'expectedPotentialVictims')).toBe('6');
    expect(valueOf(html, 'languages')).toBe('Romanian');
    expect(html).toContain('Car wash: strike at');
    expect(html).toContain('the reception centre’s hours are not recorded');
    const local = (instant: string, prefix: string) => {
      const at = ukLocalTime(instant);
      const two = (n: number) => String(n).padStart(2, '0');
      return {
        [`${prefix}-day`]: String(at.day),
        [`${prefix}-month`]: String(at.month),
        [`${prefix}-year`]: String(at.year),
        [`${prefix}-time`]: `${two(at.hour)}:${two(at.minute)}`,
      };
    };
    const opens = located.startsAt as string;
    const closes = new Date(new Date(opens).getTime() + 10 * 3600_000).toISOString();
    const form = {
      expectedPotentialVictims: '8',
      languages: 'Romanian, Polish',
      receptionCentre: 'Sparkhill reception centre',
      ...local(opens, 'receptionOpensAt'),
      ...local(closes, 'receptionClosesAt'),
      medicalCover: 'West Midlands Ambulance Service HART on standby at RV1',
    };
    const halfTime = await post(session, path, { ...drawnAt(html), ...form, 'receptionClosesAt-time': '25:00' }).expect(400);
    expect(errorSummaryOf(halfTime.text)).toEqual(['Enter the closing time as hours and minutes, for example 05:30 or 0530']);
    expect(halfTime.text).toContain('href="#receptionClosesAt-time"');
    expect(valueOf(halfTime.text, 'languages')).toBe('Romanian, Polish');
    await post(session, path, { ...drawnAt(html), ...form }).expect(303);
    const saved = (await planOf(owner.auth, plan.id)).safeguarding;
    expect(saved).toMatchObject({
      expectedPotentialVictims: 8,
      languages: ['Romanian', 'Polish'],
      receptionCentre: 'Sparkhill reception centre',
      receptionOpensAt: new Date(opens).toISOString(),
      receptionClosesAt: closes,
      medicalCover: 'West Midlands Ambulance Service HART on standby at RV1',
    });
    html = (await page(session, path)).text;
    expect(html).toMatch(/Car wash: strike at \d\d:\d\d (GMT|BST): the reception centre is open/);
    expect(html).toContain('No interpreter booked yet for Romanian, Polish');

    // Only one end of the opening hours: refused against the field left empty.
    const oneEnd = await post(session, path, {
      ...drawnAt(html),
      ...form,
      'receptionClosesAt-day': '',
      'receptionClosesAt-month': '',
      'receptionClosesAt-year': '',
      'receptionClosesAt-time': '',
    }).expect(400);
    expect(errorSummaryOf(oneEnd.text)).toEqual(['Give both the time the reception centre opens and the time it closes']);
    expect(oneEnd.text).toContain('href="#receptionClosesAt-day"');
  });

  it('names NRM first responders only from first responder organisations, and books and removes interpreters', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const hmrc = await createAgency(t.dataSource, { kind: 'HMRC', name: 'HMRC Birmingham' });
    const police = await createAgency(t.dataSource, { kind: 'POLICE', name: 'West Midlands Police' });
    const session = await webSignIn(t.http, owner.user.email);
    const path = `/plans/${plan.reference}/safeguarding`;
    let html = (await page(session, path)).text;
    expect(html).toContain(`<option value="${police.id}">West Midlands Police (Police)</option>`);
    expect(html).not.toContain(`value="${hmrc.id}"`);

    const refused = await post(session, `${path}/first-responders`, {
      ...drawnAt(html),
      'responder-name': 'Officer Lee',
      'responder-agencyId': hmrc.id,
      'responder-phone': '',
    }).expect(400);
    expect(errorSummaryOf(refused.text)).toEqual([
      'HMRC Birmingham is not an NRM first responder organisation, so Officer Lee cannot refer potential victims',
    ]);
    expect(refused.text).toContain('href="#responder-agencyId"');
    expect(refused.text).toContain('value="Officer Lee"');
    const noAgency = await post(session, `${path}/first-responders`, {
      ...drawnAt(html),
      'responder-name': '',
      'responder-agencyId': '',
    }).expect(400);
    expect(errorSummaryOf(noAgency.text)).toEqual(['Enter the first responder’s name', 'Select the first responder’s agency']);

    await post(session, `${path}/first-responders`, {
      ...drawnAt(html),
      'responder-name': 'DC Priya Shah',
      'responder-agencyId': police.id,
      'responder-phone': '07700 900456',
    }).expect(303);
    html = (await page(session, path)).text;
    await post(session, `${path}/first-responders`, {
      ...drawnAt(html),
      'responder-name': 'DS Tom Reid',
      'responder-agencyId': owner.agency.id,
    }).expect(303);
    let saved = (await planOf(owner.auth, plan.id)).safeguarding;
    expect(saved.firstResponders).toEqual([
      { name: 'DC Priya Shah', agency: expect.objectContaining({ id: police.id }), phone: '07700 900456' },
      { name: 'DS Tom Reid', agency: expect.objectContaining({ id: owner.agency.id }), phone: null },
    ]);
    html = (await page(session, path)).text;
    expect(html).toContain('DC Priya Shah');
    await post(session, `${path}/first-responders`, { ...drawnAt(html), remove: '0' }).expect(303);
    expect((await planOf(owner.auth, plan.id)).safeguarding.firstResponders).toEqual([
      { name: 'DS Tom Reid', agency: expect.objectContaining({ id: owner.agency.id }), phone: null },
    ]);

    html = (await page(session, path)).text;
    expect(html).toContain('No interpreter booked yet for Romanian');
    const blank = await post(session, `${path}/interpreters`, {
      ...drawnAt(html),
      'interpreter-language': '',
      'interpreter-name': '',
    }).expect(400);
    expect(errorSummaryOf(blank.text)).toEqual(['Enter the language', 'Enter who interprets']);
    await post(session, `${path}/interpreters`, {
      ...drawnAt(html),
      'interpreter-language': 'Romanian',
      'interpreter-name': 'Big Word, 04:00 to 16:00',
    }).expect(303);
    html = (await page(session, path)).text;
    await post(session, `${path}/interpreters`, {
      ...drawnAt(html),
      'interpreter-language': 'Polish',
      'interpreter-name': 'Language Line',
    }).expect(303);
    html = (await page(session, path)).text;
    expect(html).toContain('An interpreter is booked for every language expected (Romanian).');
    await post(session, `${path}/interpreters`, { ...drawnAt(html), remove: '1' }).expect(303);
    saved = (await planOf(owner.auth, plan.id)).safeguarding;
    expect(saved.interpreters).toEqual([{ language: 'Romanian', name: 'Big Word, 04:00 to 16:00' }]);
    // The other arrangements were left as they were.
    expect(saved).toMatchObject({ expectedPotentialVictims: 6, languages: ['Romanian'], receptionCentre: 'Sparkhill reception centre' });
  });

  it('leaves safeguarding to its own page: saving the details keeps the languages and reception centre', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const session = await webSignIn(t.http, owner.user.email);
    const html = (await page(session, `/plans/${plan.reference}/details`)).text;
    expect(html).not.toContain('name="languages"');
    expect(html).toContain(`href="/plans/${plan.reference}/safeguarding"`);
    const fields = ['startsAt', 'endsAt'].flatMap((prefix) => ['day', 'month', 'year', 'time'].map((part) => `${prefix}-${part}`));
    await post(session, `/plans/${plan.reference}/details`, {
      ...drawnAt(html),
      name: 'Renamed',
      exploitationTypes: 'LABOUR',
      scope: 'LOCAL',
      ...Object.fromEntries(fields.map((field) => [field, valueOf(html, field)])),
    }).expect(303);
    const saved = await planOf(owner.auth, plan.id);
    expect(saved.name).toBe('Renamed');
    expect(saved.safeguarding).toMatchObject({
      expectedPotentialVictims: 6,
      languages: ['Romanian'],
      receptionCentre: 'Sparkhill reception centre',
    });
  });

  it('shows the operational order on check your answers, each part with a Change link to its page', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const strike = new Date(new Date(plan.startsAt).getTime() + 3600_000).toISOString();
    await s
      .patch(owner.auth, `/operations/${plan.id}`, {
        version: plan.version,
        timings: { briefingAt: plan.startsAt, briefingPlace: 'Lloyd House', debriefAt: plan.endsAt },
        communications: { radioChannel: 'Airwave WM-OPS-3', controlRoomNumber: '0121 626 5000' },
        locations: [{ ...plan.locations![0], strikeAt: strike, entry: { basis: 'CONSENT' } }],
        risks: [DOGS].map(({ score: _score, ...risk }) => risk),
        safeguarding: {
          medicalCover: 'HART at RV1',
          interpreters: [{ language: 'Romanian', name: 'Big Word' }],
          firstResponders: [{ name: 'DC Priya Shah', agencyId: owner.agency.id }],
        },
      })
      .expect(200);
    const session = await webSignIn(t.http, owner.user.email);
    const html = (await page(session, `/plans/${plan.reference}/submit`)).text;
    const rows = Object.fromEntries(
      [
        ...html.matchAll(
          /<dt class="govuk-summary-list__key">\s*([\s\S]*?)\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*([\s\S]*?)\s*<\/dd>\s*<dd class="govuk-summary-list__actions">([\s\S]*?)<\/dd>/g,
        ),
      ].map((match) => [match[1], { value: match[2], change: /href="([^"]+)"/.exec(match[3])?.[1] }]),
    );
    const at = (path: string) => `/plans/${plan.reference}/${path}`;
    expect(rows['Briefing']).toEqual({ value: expect.stringMatching(/ at 0\d:00 (GMT|BST), Lloyd House$/), change: at('timings') });
    expect(rows['RV points']).toEqual({ value: 'None', change: at('timings') });
    expect(rows['Debrief'].change).toBe(at('timings'));
    expect(rows['Strike and entry: Car wash']).toEqual({
      value: expect.stringMatching(/^Strike at .+; entry by consent of the occupier$/),
      change: at('locations'),
    });
    expect(rows['Risk register']).toEqual({ value: '1 risk; highest residual rating: Medium (Dogs)', change: at('risks') });
    expect(rows['NRM first responders']).toEqual({ value: `DC Priya Shah (${owner.agency.code})`, change: at('safeguarding') });
    expect(rows['Interpreters']).toEqual({ value: 'Romanian: Big Word', change: at('safeguarding') });
    expect(rows['Medical cover']).toEqual({ value: 'HART at RV1', change: at('safeguarding') });
    expect(rows['Reception centre']).toEqual({
      value: 'Sparkhill reception centre; opening hours not recorded',
      change: at('safeguarding'),
    });
    expect(rows['Expected potential victims']).toEqual({ value: '6, who may speak Romanian', change: at('safeguarding') });
    expect(rows['Radio channel or talkgroup']).toEqual({ value: 'Airwave WM-OPS-3', change: at('communications') });
    expect(rows['Control room number']).toEqual({ value: '0121 626 5000', change: at('communications') });
  });
});
