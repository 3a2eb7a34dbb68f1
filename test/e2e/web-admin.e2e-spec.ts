import { createAgency, createUser, TEST_PASSWORD, unique } from '../factories';
import { browserOf, cookieOf, csrfOf, errorSummaryOf, postSignIn, valueOf, WebSession, webSignIn } from '../support/browser-session';
import { isolatedDatabaseUrl } from '../support/databases';
import { startTestApp } from '../support/test-app';
import { useApp } from '../support/use-app';

describe('Web pages: admin of reference data', () => {
  const { t } = useApp();

  const { page, post } = browserOf(() => t.http);
  const admin = async () =>
    webSignIn(t.http, (await createUser(t.dataSource, await createAgency(t.dataSource, { kind: 'NCA' }), ['ADMIN'])).email);

  /** Signs in with a one-time password, which leads to the account page, and sets a password of their own there. */
  async function firstSignIn(email: string, oneTime: string): Promise<WebSession> {
    const signedIn = await postSignIn(t.http, { email, password: oneTime }, 303);
    expect(signedIn.headers.location).toBe('/account');
    const forced: WebSession = { cookie: cookieOf(signedIn.headers['set-cookie']), csrf: '' };
    forced.csrf = csrfOf((await page(forced, '/account')).text);
    const changed = await post(forced, '/account', { currentPassword: oneTime, newPassword: 'my own quiet meadow' }).expect(303);
    const session = { cookie: cookieOf(changed.headers['set-cookie']), csrf: '' };
    session.csrf = csrfOf((await page(session, '/')).text);
    return session;
  }

  it('refuses every admin page to a user who is not an admin, with the 403 page', async () => {
    const coordinator = await webSignIn(
      t.http,
      (await createUser(t.dataSource, await createAgency(t.dataSource), ['COORDINATOR', 'MANAGER'])).email,
    );
    for (const path of ['/admin', '/admin/agencies', '/admin/users', '/admin/policy', '/admin/audit']) {
      expect((await page(coordinator, path, 403)).text).toContain('You cannot do this');
    }
    await post(coordinator, '/admin/agencies', { code: 'NOPE', name: 'Nope', kind: 'POLICE' }).expect(403);
    expect(await t.dataSource.query(`SELECT 1 FROM agencies WHERE code = 'NOPE'`)).toHaveLength(0);
    expect((await page(coordinator, '/')).text).not.toContain('href="/admin"');
  });

  it('adds and changes agencies and teams with the API’s validation', async () => {
    const session = await admin();
    expect((await page(session, '/')).text).toContain('href="/admin"');
    const empty = await post(session, '/admin/agencies', { code: '', name: '', kind: '' }).expect(400);
    expect(errorSummaryOf(empty.text)).toEqual([
      expect.stringMatching(/^The code must be 2 to 16/),
      expect.stringMatching(/name/i),
      'Select the kind of agency',
    ]);
    const code = unique('W').slice(0, 10);
    await post(session, '/admin/agencies', { code: code.toLowerCase(), name: 'West Midlands Police', kind: 'POLICE' }).expect(303);
    const [agency] = await t.dataSource.query(`SELECT id, name FROM agencies WHERE code = $1`, [code]);
    expect(agency.name).toBe('West Midlands Police');
    const change = (await page(session, `/admin/agencies?change=${agency.id}`)).text;
    expect(valueOf(change, 'code')).toBe(code);
    await post(session, '/admin/agencies', { id: agency.id, code, name: 'West Midlands Police Service', kind: 'POLICE' }).expect(303);

    const noOfficers = await post(session, '/admin/teams', {
      agencyId: agency.id,
      name: 'Entry team',
      capabilities: 'ENTRY',
      capacity: '0',
    }).expect(400);
    expect(errorSummaryOf(noOfficers.text)).toEqual(['The number of officers in the team must be 1 or more']);
    expect(noOfficers.text).toContain('value="Entry team"');
    expect(noOfficers.text).toMatch(/value="ENTRY" checked/);
    await post(session, '/admin/teams', {
      agencyId: agency.id,
      name: 'Entry team',
      capabilities: ['ENTRY', 'SEARCH'],
      capacity: '8',
    }).expect(303);
    const [team] = await t.dataSource.query(`SELECT id, capabilities, capacity FROM teams WHERE agency_id = $1`, [agency.id]);
    expect(team).toMatchObject({ capabilities: ['ENTRY', 'SEARCH'], capacity: 8 });
    await post(session, '/admin/teams', { id: team.id, name: 'Entry team', capabilities: ['ENTRY'], capacity: '6' }).expect(303);
    expect((await t.dataSource.query(`SELECT capacity FROM teams WHERE id = $1`, [team.id]))[0].capacity).toBe(6);
  });

  it('adds a user with a one-time password shown once, which signs them in to choose their own; disabling them ends their session', async () => {
    const session = await admin();
    const agency = await createAgency(t.dataSource);
    const email = `${unique('new.').toLowerCase()}@test.local`;
    const created = await post(session, '/admin/users', {
      email,
      name: 'New Coordinator',
      agencyId: agency.id,
      roles: 'COORDINATOR',
    }).expect(200);
    const password = /<strong class="govuk-!-font-size-24"><code>([^<]+)<\/code><\/strong>/.exec(created.text)![1];
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.text).toContain('They must choose their own password when they first sign in with it');
    expect(JSON.stringify(t.logger.entries)).not.toContain(password);
    const theirs = await firstSignIn(email, password);
    const users = (await page(session, '/admin/users')).text;
    expect(users).not.toContain(password);
    const [user] = await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]);
    const wrongRole = await post(session, '/admin/users', {
      id: user.id,
      name: 'New Coordinator',
      agencyId: agency.id,
      roles: 'CPS_LIAISON',
      active: 'true',
    }).expect(400);
    expect(errorSummaryOf(wrongRole.text)[0]).toMatch(/CPS/);
    await post(session, '/admin/users', {
      id: user.id,
      name: 'New Coordinator',
      agencyId: agency.id,
      roles: 'COORDINATOR',
      active: 'false',
    }).expect(303);
    await page(theirs, '/', 303);
  });

  it('changes one rule of the policy through the API’s validation, the others kept', async () => {
    // A database of its own: the policy decides for every plan, and tests beside this one rely on the default.
    const own = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
    try {
      const ownBrowser = browserOf(() => own.http);
      const session = await webSignIn(
        own.http,
        (await createUser(own.dataSource, await createAgency(own.dataSource, { kind: 'NCA' }), ['ADMIN'])).email,
      );
      const form = (await ownBrowser.page(session, '/admin/policy?change=HMRC:LEAD')).text;
      expect(form).toContain('HM Revenue and Customs: leading');
      const cps = await ownBrowser
        .post(session, '/admin/policy', { rule: 'CPS:LEAD', permitted: 'true', reason: 'Testing the CPS rule' })
        .expect(400);
      expect(errorSummaryOf(cps.text)[0]).toMatch(/CPS/);
      const noReason = await ownBrowser.post(session, '/admin/policy', { rule: 'HMRC:LEAD', permitted: 'true' }).expect(400);
      expect(errorSummaryOf(noReason.text)).toEqual(['Give the reason for changing the policy: it goes into the reference data’s history']);
      expect(noReason.text).toContain('href="#reason"');
      await ownBrowser
        .post(session, '/admin/policy', {
          rule: 'HMRC:LEAD',
          permitted: 'true',
          allowedScopes: ['LOCAL', 'REGIONAL'],
          exploitationTypesWithin: 'LABOUR',
          reason: 'HMRC leads payroll cases',
        })
        .expect(303);
      const [audit] = await own.dataSource.query(
        `SELECT after FROM reference_audit_events WHERE action = 'policy.replaced' ORDER BY seq DESC LIMIT 1`,
      );
      expect(audit.after.reason).toBe('HMRC leads payroll cases');
      const rules = await own.dataSource.query(
        `SELECT agency_kind, role, permitted, allowed_scopes, exploitation_types_within FROM policy_rules ORDER BY agency_kind, role`,
      );
      expect(
        rules.find((rule: { agency_kind: string; role: string }) => rule.agency_kind === 'HMRC' && rule.role === 'LEAD'),
      ).toMatchObject({ permitted: true, allowed_scopes: ['LOCAL', 'REGIONAL'], exploitation_types_within: ['LABOUR'] });
      expect(rules).toHaveLength(20);
      expect(rules.find((rule: { agency_kind: string; role: string }) => rule.agency_kind === 'NCA' && rule.role === 'LEAD')).toMatchObject(
        { permitted: true, allowed_scopes: null },
      );
    } finally {
      await own.close();
    }
  });

  it('lets a coordinator manage their own agency’s teams, and no other’s', async () => {
    const agency = await createAgency(t.dataSource);
    const other = await createAgency(t.dataSource);
    const session = await webSignIn(t.http, (await createUser(t.dataSource, agency, ['COORDINATOR'])).email);
    const teams = (await page(session, '/admin/teams')).text;
    expect(teams).toContain(`value="${agency.id}"`);
    expect(teams).not.toContain(`value="${other.id}"`);
    await post(session, '/admin/teams', { agencyId: agency.id, name: 'Our entry team', capabilities: 'ENTRY', capacity: '6' }).expect(303);
    expect(await t.dataSource.query(`SELECT 1 FROM teams WHERE agency_id = $1 AND name = 'Our entry team'`, [agency.id])).toHaveLength(1);
    const refused = await post(session, '/admin/teams', {
      agencyId: other.id,
      name: 'Not ours',
      capabilities: 'ENTRY',
      capacity: '6',
    }).expect(400);
    expect(errorSummaryOf(refused.text)).toHaveLength(1);
    expect(await t.dataSource.query(`SELECT 1 FROM teams WHERE agency_id = $1`, [other.id])).toHaveLength(0);
  });

  it('gives a user who forgot their password a new initial password, shown once; the old one no longer signs in', async () => {
    const session = await admin();
    const agency = await createAgency(t.dataSource);
    const user = await createUser(t.dataSource, agency, ['COORDINATOR']);
    const before = await webSignIn(t.http, user.email);
    const reset = await post(session, '/admin/users', {
      id: user.id,
      name: user.name,
      agencyId: agency.id,
      roles: 'COORDINATOR',
      active: 'true',
      newPassword: 'yes',
    }).expect(200);
    expect(reset.text).toContain('New one-time password set');
    const password = /<strong class="govuk-!-font-size-24"><code>([^<]+)<\/code><\/strong>/.exec(reset.text)![1];
    await page(before, '/', 303);
    await postSignIn(t.http, { email: user.email, password: TEST_PASSWORD }, 401);
    await firstSignIn(user.email, password);
  });

  it('shows the reference data’s history and checks every audit chain', async () => {
    // A database of its own: other tests break chains on purpose, to see them caught.
    const own = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
    try {
      const ownBrowser = browserOf(() => own.http);
      const session = await webSignIn(
        own.http,
        (await createUser(own.dataSource, await createAgency(own.dataSource, { kind: 'NCA' }), ['ADMIN'])).email,
      );
      await ownBrowser.post(session, '/admin/agencies', { code: 'AUDITED', name: 'Audited agency', kind: 'POLICE' }).expect(303);
      const audit = (await ownBrowser.page(session, '/admin/audit')).text;
      expect(audit).toContain('Added an agency');
      expect(audit).toContain('Name: Audited agency');
      const verified = (await ownBrowser.page(session, '/admin/audit?verify')).text;
      expect(verified).toMatch(/Every audit chain is whole: \d+ events checked/);
    } finally {
      await own.close();
    }
  });

  it('shows the lead and support policy with each rule in words', async () => {
    const session = await admin();
    const policy = (await page(session, '/admin/policy')).text;
    expect(policy).toContain('Gangmasters and Labour Abuse Authority');
    expect(policy.match(/<tr class="govuk-table__row">/g)?.length).toBeGreaterThanOrEqual(20);
  });
});
