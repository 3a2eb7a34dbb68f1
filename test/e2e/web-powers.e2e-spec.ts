import { createAgency, createUser } from '../factories';
import { browserOf, errorSummaryOf, webSignIn, WebSession } from '../support/browser-session';
import { isolatedDatabaseUrl } from '../support/databases';
import { startTestApp, TestApp } from '../support/test-app';
import { useApp } from '../support/use-app';

/** Issue 16: admins change which kind of agency holds which power in the browser, JavaScript off. */
describe('Web pages: powers by kind of agency', () => {
  const { t } = useApp();

  const { page, post } = browserOf(() => t.http);

  it('refuses the powers pages to a user who is not an admin, with the 403 page, and changes nothing', async () => {
    const coordinator = await webSignIn(
      t.http,
      (await createUser(t.dataSource, await createAgency(t.dataSource), ['COORDINATOR', 'MANAGER'])).email,
    );
    for (const path of ['/admin/powers', '/admin/powers/HMRC']) {
      expect((await page(coordinator, path, 403)).text).toContain('You cannot do this');
    }
    await post(coordinator, '/admin/powers/HMRC', { powers: 'ENTRY', reason: 'Not mine to change' }).expect(403);
    const held = await t.dataSource.query(`SELECT power FROM agency_kind_powers WHERE kind = 'HMRC' ORDER BY power`);
    expect(held.map((row: { power: string }) => row.power)).toEqual(['ARREST', 'ENTRY', 'SEARCH', 'TAX_COMPLIANCE']);
  });

  it('lists every kind of agency with its powers by name, linked from the admin page', async () => {
    const session = await webSignIn(
      t.http,
      (await createUser(t.dataSource, await createAgency(t.dataSource, { kind: 'NCA' }), ['ADMIN'])).email,
    );
    expect((await page(session, '/admin')).text).toContain('<a class="govuk-link" href="/admin/powers">Powers</a>');
    const list = (await page(session, '/admin/powers')).text;
    expect(list).toContain('<title>Powers – Day of action planner</title>');
    expect(list).toMatch(/Department for Work and Pensions<\/th>\s*<td class="govuk-table__cell">Benefits investigation<\/td>/);
    expect(list).toMatch(/Police<\/th>\s*<td class="govuk-table__cell">Entry, Search, Arrest<\/td>/);
    expect(list).toMatch(/Crown Prosecution Service<\/th>\s*<td class="govuk-table__cell">None<\/td>/);
    expect(list).toContain(
      'href="/admin/powers/BORDER_FORCE">Change<span class="govuk-visually-hidden"> the powers of Border Force</span>',
    );
    expect(list).not.toContain('href="/admin/powers/CPS"');
    expect(list).not.toContain('BENEFITS_INVESTIGATION');
    expect(list).not.toContain('govuk-notification-banner');

    const cps = (await page(session, '/admin/powers/CPS')).text;
    expect(cps).toContain('never as a deployed team');
    expect(cps).not.toContain('<form method="post" action="/admin/powers/CPS"');
    expect((await page(session, '/admin/powers/FIRE_SERVICE', 404)).text).toContain('Page not found');
  });

  // A database of its own: the powers decide for every plan, and tests beside this one rely on the defaults.
  describe('changing them', () => {
    let own: TestApp;
    let session: WebSession;

    beforeAll(async () => {
      own = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
      session = await webSignIn(
        own.http,
        (await createUser(own.dataSource, await createAgency(own.dataSource, { kind: 'NCA' }), ['ADMIN'])).email,
      );
    });
    afterAll(() => own?.close());

    const ownBrowser = browserOf(() => own.http);
    const held = async (kind: string) =>
      (await own.dataSource.query(`SELECT power FROM agency_kind_powers WHERE kind = $1`, [kind]))
        .map((row: { power: string }) => row.power)
        .sort();

    it('shows the form with the powers held ticked, and keeps what was ticked when the reason is missing', async () => {
      const form = (await ownBrowser.page(session, '/admin/powers/GLAA')).text;
      expect(form).toContain('<h1 class="govuk-heading-l">Powers of Gangmasters and Labour Abuse Authority</h1>');
      expect(form).toMatch(/value="LABOUR_INSPECTION" checked/);
      expect(form).not.toMatch(/value="TAX_COMPLIANCE" checked/);
      expect(form).toContain('Reason for the change');

      const before = await held('GLAA');
      const missing = await ownBrowser
        .post(session, '/admin/powers/GLAA', { powers: ['ENTRY', 'LABOUR_INSPECTION'], reason: '   ' })
        .expect(400);
      expect(errorSummaryOf(missing.text)).toEqual(['Enter the reason for the change']);
      expect(missing.text).toContain('<a href="#reason">Enter the reason for the change</a>');
      expect(missing.text).toContain('<title>Error: Powers of Gangmasters and Labour Abuse Authority – Day of action planner</title>');
      expect(missing.text).toMatch(/value="ENTRY" checked/);
      expect(missing.text).not.toMatch(/value="ARREST" checked/);
      expect(await held('GLAA')).toEqual(before);

      const cps = await ownBrowser.post(session, '/admin/powers/CPS', { powers: 'ARREST', reason: 'Let the CPS arrest' }).expect(400);
      expect(errorSummaryOf(cps.text)).toEqual([expect.stringContaining('never with teams')]);
      expect(await held('CPS')).toEqual([]);
    });

    it('changes the powers of a kind, says so, and shows the change and its reason in the audit', async () => {
      const saved = await ownBrowser
        .post(session, '/admin/powers/BORDER_FORCE', {
          powers: ['ENTRY', 'IMMIGRATION_CHECKS'],
          reason: 'Inland teams carry out immigration checks only',
        })
        .expect(303);
      expect(saved.headers.location).toBe('/admin/powers?changed=BORDER_FORCE');
      const list = (await ownBrowser.page(session, saved.headers.location)).text;
      expect(list).toContain('govuk-notification-banner--success');
      expect(list).toContain('Powers of Border Force changed');
      expect(list).toMatch(/Border Force<\/th>\s*<td class="govuk-table__cell">Entry, Immigration checks<\/td>/);
      expect(await held('BORDER_FORCE')).toEqual(['ENTRY', 'IMMIGRATION_CHECKS']);

      // None ticked: a browser sends no field at all.
      await ownBrowser
        .post(session, '/admin/powers/LOCAL_AUTHORITY', { reason: 'Council officers enter with the police only' })
        .expect(303);
      expect(await held('LOCAL_AUTHORITY')).toEqual([]);

      const audit = (await ownBrowser.page(session, '/admin/audit')).text;
      expect(audit).toContain('Changed the powers of Border Force');
      expect(audit).toContain('Powers: Entry, Search, Arrest, Immigration checks → Entry, Immigration checks');
      expect(audit).toContain('Reason: Inland teams carry out immigration checks only');
      expect(audit).toContain('Changed the powers of Local authority');
      expect(audit).toContain('Powers: Entry → none');
      expect(audit).not.toContain('IMMIGRATION_CHECKS');
    });
  });
});
