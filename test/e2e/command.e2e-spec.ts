import { browserOf, drawnAt, errorSummaryOf, valueOf, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

const GOLD = { name: 'Ann Clarke', rankOrGrade: 'Chief Superintendent', agency: 'West Midlands Police', phone: '0121 626 5000' };
const SILVER = { name: 'Ben Ode', rankOrGrade: 'Superintendent', agency: 'West Midlands Police', phone: '07911 123456' };
const SIO = { name: 'Cara Lane', rankOrGrade: 'Detective Chief Inspector', agency: 'National Crime Agency', phone: '+33 1 42 68 53 00' };
const BRONZE = { name: 'Raj Patel', rankOrGrade: 'Inspector', agency: 'West Midlands Police', phone: '0121 626 5001' };

/** Issue 28: the plan's command structure, Gold, Silver, the SIO and a site commander per location, through the API. */
describe('command roles', () => {
  const { t, s } = useApp();

  const patch = (who: { Authorization: string }, plan: { id: string; version: number }, body: Record<string, unknown>) =>
    t
      .http()
      .patch(`/operations/${plan.id}`)
      .set(who)
      .send({ version: plan.version, ...body });

  it('sets Gold, Silver, the SIO and a site commander, numbers in E.164, and every agency on the plan reads the command', async () => {
    const owner = await s.owner();
    const hmrc = await s.partner('HMRC');
    const plan = await s.plan(owner, { stage: 'ready', partners: [hmrc] });
    const location = plan.locations![0];

    const changed = (
      await patch(owner.auth, plan, {
        command: { gold: GOLD, silver: SILVER, sio: SIO },
        locations: [{ ...location, siteCommander: BRONZE }],
      }).expect(200)
    ).body;

    const command = {
      gold: { ...GOLD, phone: '+441216265000' },
      silver: { ...SILVER, phone: '+447911123456' },
      sio: { ...SIO, phone: '+33142685300' },
    };
    expect(changed.command).toEqual(command);
    expect(changed.locations[0].siteCommander).toEqual({ ...BRONZE, phone: '+441216265001' });
    expect((await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body.command).toEqual(command);
    expect((await s.get(hmrc.auth, `/operations/${plan.id}`).expect(200)).body.command).toEqual(command);

    const last = (await s.get(owner.auth, `/operations/${plan.id}/history`).expect(200)).body.pop();
    expect(last.summary).toEqual(
      expect.arrayContaining([
        'Gold commander: none → Ann Clarke, Chief Superintendent, West Midlands Police, +44 121 626 5000',
        'SIO: none → Cara Lane, Detective Chief Inspector, National Crime Agency, +33 1 42 68 53 00',
        `${location.label}: site commander none → Raj Patel, Inspector, West Midlands Police, +44 121 626 5001`,
      ]),
    );
  });

  it('clears a role sent as null and leaves the roles not sent as they are', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const set = (await patch(owner.auth, plan, { command: { gold: GOLD, silver: SILVER } }).expect(200)).body;
    const cleared = (await patch(owner.auth, set, { command: { silver: null } }).expect(200)).body;
    expect(cleared.command).toEqual({ gold: { ...GOLD, phone: '+441216265000' }, silver: null, sio: null });
  });

  it('refuses a number that is not a UK or international phone number, naming the role and the field', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const refused = await patch(owner.auth, plan, {
      command: { gold: { ...GOLD, phone: '12345' } },
      locations: [{ ...plan.locations![0], siteCommander: { ...BRONZE, phone: 'call the control room' } }],
    }).expect(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.details.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'command.gold.phone',
          problems: [expect.stringMatching(/^Enter the Gold commander’s 24-hour contact number as a UK or international phone number/)],
        }),
        expect.objectContaining({
          field: 'locations.0.siteCommander.phone',
          problems: [expect.stringMatching(/^Enter the site commander’s 24-hour contact number as a UK or international phone number/)],
        }),
      ]),
    );
    expect(refused.body.message).toMatch(/Gold commander’s 24-hour contact number/);
    const missing = await patch(owner.auth, plan, { command: { sio: { ...SIO, name: ' ' } } }).expect(400);
    expect(missing.body.details.fields).toEqual([
      expect.objectContaining({ field: 'command.sio.name', problems: ['Enter the SIO’s name'] }),
    ]);
  });

  it('refuses a change made from a stale version, keeping the command that stands', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    await patch(owner.auth, plan, { command: { gold: GOLD } }).expect(200);
    const stale = await patch(owner.auth, plan, { command: { gold: SILVER } }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body.command.gold.name).toBe(GOLD.name);
  });

  it('puts the command, with each location’s site commander, in the briefing pack', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const location = plan.locations![0];
    await patch(owner.auth, plan, { command: { gold: GOLD, sio: SIO }, locations: [{ ...location, siteCommander: BRONZE }] }).expect(200);
    const markdown = (await s.get(owner.auth, `/operations/${plan.id}/briefing`).set('Accept', 'text/markdown').expect(200)).text;
    // Under the Method, before the timeline; a mark that could start Markdown (+, -) is escaped in a cell.
    expect(markdown).toMatch(/## Method\n[^#]*\n### Command\n[\s\S]*\n### Timeline\n/);
    expect(markdown).toContain('| Gold (strategic) | Ann Clarke | Chief Superintendent | West Midlands Police | \\+44 121 626 5000 |');
    expect(markdown).toContain('| Silver (tactical) | Not named yet | \\- | \\- | \\- |');
    expect(markdown).toContain(
      '| Senior investigating officer | Cara Lane | Detective Chief Inspector | National Crime Agency | \\+33 1 42 68 53 00 |',
    );
    expect(markdown).toContain(
      `| Bronze / site commander, ${location.label} | Raj Patel | Inspector | West Midlands Police | \\+44 121 626 5001 |`,
    );
  });

  describe('the command page', () => {
    const { page, post } = browserOf(() => t.http);
    const form = (role: string, commander: typeof GOLD) => ({
      [`${role}Name`]: commander.name,
      [`${role}RankOrGrade`]: commander.rankOrGrade,
      [`${role}Agency`]: commander.agency,
      [`${role}Phone`]: commander.phone,
    });
    const empty = (role: string) => form(role, { name: '', rankOrGrade: '', agency: '', phone: '' });

    it('is linked from the plan, saves the roles, shows a bad number against its field, and clears a role left empty', async () => {
      const owner = await s.owner();
      const session = await webSignIn(t.http, owner.user.email);
      const plan = await s.draft(owner);
      const path = `/plans/${plan.reference}/command`;
      expect((await page(session, `/plans/${plan.reference}`)).text).toContain(`href="${path}"`);
      let html = (await page(session, path)).text;
      expect(html).toContain(`<title>Command: ${plan.reference} – Day of action planner</title>`);

      const refused = await post(session, path, {
        ...drawnAt(html),
        ...form('gold', { ...GOLD, phone: '12345' }),
        ...empty('silver'),
        ...empty('sio'),
      }).expect(400);
      expect(errorSummaryOf(refused.text)).toEqual([
        'Enter the Gold commander’s 24-hour contact number as a UK or international phone number, like 0121 626 5000 or +33 1 42 68 53 00',
      ]);
      expect(refused.text).toContain('href="#goldPhone"');

      await post(session, path, { ...drawnAt(html), ...form('gold', GOLD), ...form('silver', SILVER), ...empty('sio') }).expect(303);
      const saved = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
      expect(saved.command).toEqual({
        gold: { ...GOLD, phone: '+441216265000' },
        silver: { ...SILVER, phone: '+447911123456' },
        sio: null,
      });
      html = (await page(session, path)).text;
      expect(valueOf(html, 'goldPhone')).toBe('+441216265000');

      await post(session, path, {
        ...drawnAt(html),
        ...form('gold', { ...GOLD, phone: '+441216265000' }),
        ...empty('silver'),
        ...empty('sio'),
      }).expect(303);
      expect((await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body.command.silver).toBeNull();
    });

    it('names the site commander of one location, shows a bad number against its field, and leaves the other locations as they are', async () => {
      const owner = await s.owner();
      const session = await webSignIn(t.http, owner.user.email);
      const base = await s.draft(owner);
      const other = { label: 'Nail bar', address: '3 Stratford Road, Birmingham', postcode: base.locations![0].postcode };
      const plan = (await patch(owner.auth, base, { locations: [base.locations![0], other] }).expect(200)).body;
      const path = `/plans/${plan.reference}/command`;
      const list = (await page(session, path)).text;
      expect(list).toContain(`href="${path}?location=1"`);
      const html = (await page(session, `${path}?location=1`)).text;
      expect(html).toContain('Site commander at Nail bar');
      const site = { siteName: BRONZE.name, siteRankOrGrade: BRONZE.rankOrGrade, siteAgency: BRONZE.agency, location: '1' };

      const refused = await post(session, `${path}/site`, { ...drawnAt(html), ...site, sitePhone: 'ring control' }).expect(400);
      expect(errorSummaryOf(refused.text)).toEqual([
        'Enter the site commander’s 24-hour contact number as a UK or international phone number, like 0121 626 5000 or +33 1 42 68 53 00',
      ]);
      expect(refused.text).toContain('href="#sitePhone"');

      await post(session, `${path}/site`, { ...drawnAt(html), ...site, sitePhone: BRONZE.phone }).expect(303);
      const saved = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
      expect(saved.locations.map((l: { siteCommander: unknown }) => l.siteCommander)).toEqual([
        null,
        { ...BRONZE, phone: '+441216265001' },
      ]);
      expect(saved.locations[0]).toEqual(plan.locations[0]);
    });

    it('shows a partner the command, and each location’s site commander, without a form', async () => {
      const owner = await s.owner();
      const hmrc = await s.partner('HMRC');
      const plan = await s.plan(owner, { stage: 'ready', partners: [hmrc] });
      await patch(owner.auth, plan, { command: { gold: GOLD }, locations: [{ ...plan.locations![0], siteCommander: BRONZE }] }).expect(200);
      const session = await webSignIn(t.http, hmrc.user.email);
      const html = (await page(session, `/plans/${plan.reference}/command`)).text;
      expect(html).not.toContain('name="goldName"');
      expect(html).toContain('Ann Clarke, Chief Superintendent, West Midlands Police: +44 121 626 5000');
      // A law-enforcement partner sees the Places section (R14a), and so each location's site commander.
      expect(html).toContain('Bronze / site commanders');
      expect(html).toContain('Raj Patel, Inspector, West Midlands Police: +44 121 626 5001');
    });
  });
});
