import { DEFAULT_POLICY_RULES } from '../../src/lead-policy/default-policy';
import { createAgency, createTeam, createUser, login, operationBody, signedIn, unique } from '../factories';
import { isolatedDatabaseUrl } from '../support/databases';
import { startTestApp, TestApp } from '../support/test-app';

describe('reference data', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let coordinator: Awaited<ReturnType<typeof signedIn>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signedIn(t.dataSource, t.http, ['ADMIN'], 'NCA')).auth;
    coordinator = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'POLICE');
  });
  afterAll(() => t.close());

  describe('agencies', () => {
    it('lets an admin create and rename an agency, and any user list them', async () => {
      const code = unique('A');
      const created = await t
        .http()
        .post('/agencies')
        .set(admin)
        .send({ code: code.toLowerCase(), name: ' Test Police ', kind: 'POLICE' })
        .expect(201);
      expect(created.body).toEqual({ id: expect.any(String), code, name: 'Test Police', kind: 'POLICE' });
      const renamed = await t.http().patch(`/agencies/${created.body.id}`).set(admin).send({ name: 'Renamed Police' }).expect(200);
      expect(renamed.body).toMatchObject({ code, name: 'Renamed Police' });
      const list = await t.http().get('/agencies').set(coordinator.auth).expect(200);
      expect(list.body).toContainEqual(renamed.body);
    });

    it('refuses a duplicate code with 409 and a clear message', async () => {
      const existing = await createAgency(t.dataSource);
      const response = await t.http().post('/agencies').set(admin).send({ code: existing.code, name: 'Again', kind: 'NCA' }).expect(409);
      expect(response.body).toMatchObject({ statusCode: 409, code: 'CONFLICT', message: 'An agency with this code already exists' });
    });

    it('refuses writes by a non-admin with 403 FORBIDDEN', async () => {
      const response = await t
        .http()
        .post('/agencies')
        .set(coordinator.auth)
        .send({ code: unique('A'), name: 'X', kind: 'POLICE' })
        .expect(403);
      expect(response.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      await t.http().patch(`/agencies/${coordinator.agency.id}`).set(coordinator.auth).send({ name: 'Mine now' }).expect(403);
    });

    it('validates every field, refuses unknown ones and lists each problem', async () => {
      const response = await t.http().post('/agencies').set(admin).send({ code: '1', kind: 'ARMY', colour: 'blue' }).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      const fields = response.body.details.fields.map((problem: { field: string }) => problem.field).sort();
      expect(fields).toEqual(['code', 'colour', 'kind', 'name']);
    });

    it('answers 404 for an unknown agency and 400 for a malformed id', async () => {
      await t.http().patch('/agencies/9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d').set(admin).send({ name: 'X' }).expect(404);
      const malformed = await t.http().patch('/agencies/not-a-uuid').set(admin).send({ name: 'X' }).expect(400);
      expect(malformed.body.details.fields[0]).toEqual({
        field: 'id',
        problems: ['The id in the address must be an id this service gave out'],
      });
    });

    it('will not turn a CPS agency with liaisons into another kind', async () => {
      const cps = await createAgency(t.dataSource, { kind: 'CPS' });
      await createUser(t.dataSource, cps, ['CPS_LIAISON']);
      const response = await t.http().patch(`/agencies/${cps.id}`).set(admin).send({ kind: 'POLICE' }).expect(400);
      expect(response.body.message).toBe(
        'This agency has 1 CPS liaison, and only users of the Crown Prosecution Service can be CPS liaisons: change their roles first',
      );
    });
  });

  describe('teams', () => {
    it('filters by agency and by capability', async () => {
      const agency = await createAgency(t.dataSource);
      const entry = await createTeam(t.dataSource, agency, { capabilities: ['ENTRY'] });
      const forensics = await createTeam(t.dataSource, agency, { capabilities: ['DIGITAL_FORENSICS', 'SEARCH'] });
      const all = await t.http().get(`/teams?agencyId=${agency.id}`).set(coordinator.auth).expect(200);
      expect(all.body.map((team: { id: string }) => team.id).sort()).toEqual([entry.id, forensics.id].sort());
      const filtered = await t.http().get(`/teams?agencyId=${agency.id}&capability=DIGITAL_FORENSICS`).set(coordinator.auth).expect(200);
      expect(filtered.body).toEqual([
        {
          id: forensics.id,
          agencyId: agency.id,
          agencyCode: agency.code,
          name: forensics.name,
          capabilities: ['DIGITAL_FORENSICS', 'SEARCH'],
          capacity: 10,
        },
      ]);
    });

    it("lets a coordinator manage their own agency's teams but not another's", async () => {
      const own = await t
        .http()
        .post('/teams')
        .set(coordinator.auth)
        .send({ agencyId: coordinator.agency.id, name: 'Entry Team 7', capabilities: ['ENTRY', 'ARREST'], capacity: 8 })
        .expect(201);
      expect(own.body).toMatchObject({ agencyId: coordinator.agency.id, capacity: 8 });
      await t.http().patch(`/teams/${own.body.id}`).set(coordinator.auth).send({ capacity: 9 }).expect(200);

      const other = await createAgency(t.dataSource);
      const otherTeam = await createTeam(t.dataSource, other);
      await t
        .http()
        .post('/teams')
        .set(coordinator.auth)
        .send({ agencyId: other.id, name: 'Not mine', capabilities: [], capacity: 2 })
        .expect(403);
      await t.http().patch(`/teams/${otherTeam.id}`).set(coordinator.auth).send({ capacity: 1 }).expect(403);
      await t.http().patch(`/teams/${otherTeam.id}`).set(admin).send({ capacity: 3 }).expect(200);
    });

    it('refuses a manager (no write role) with 403', async () => {
      const manager = await signedIn(t.dataSource, t.http, ['MANAGER']);
      await t
        .http()
        .post('/teams')
        .set(manager.auth)
        .send({ agencyId: manager.agency.id, name: 'T', capabilities: [], capacity: 2 })
        .expect(403);
    });

    it('refuses unknown capabilities, zero capacity and a duplicate name', async () => {
      const bad = await t
        .http()
        .post('/teams')
        .set(admin)
        .send({ agencyId: coordinator.agency.id, name: 'T', capabilities: ['FLYING'], capacity: 0 })
        .expect(400);
      expect(bad.body.details.fields.map((problem: { field: string }) => problem.field).sort()).toEqual(['capabilities', 'capacity']);
      const team = await createTeam(t.dataSource, coordinator.agency);
      const duplicate = await t
        .http()
        .post('/teams')
        .set(admin)
        .send({ agencyId: coordinator.agency.id, name: team.name, capabilities: [], capacity: 2 })
        .expect(409);
      expect(duplicate.body.message).toBe('This agency already has a team with this name');
    });

    it('answers 404 for a team of an agency that does not exist', async () => {
      const response = await t
        .http()
        .post('/teams')
        .set(admin)
        .send({ agencyId: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d', name: 'Ghost', capabilities: [], capacity: 2 })
        .expect(404);
      expect(response.body.message).toBe('The agency does not exist');
    });
  });

  describe('users', () => {
    it('lets an admin create a user who can then sign in, and never returns a password or hash', async () => {
      const email = `${unique('new.').toLowerCase()}@test.local`;
      const created = await t
        .http()
        .post('/users')
        .set(admin)
        .send({
          email: email.toUpperCase(),
          name: 'New Person',
          agencyId: coordinator.agency.id,
          roles: ['COORDINATOR', 'MANAGER'],
          password: 'a long enough password',
        })
        .expect(201);
      expect(created.body).toMatchObject({
        email,
        name: 'New Person',
        roles: ['COORDINATOR', 'MANAGER'],
        active: true,
        agency: { id: coordinator.agency.id },
      });
      // Whether they must still choose their own password is shown; the password and its hash never are.
      const withoutFlag = (body: unknown) => JSON.stringify(body).replace(/"passwordChangeRequired":(true|false)/g, '');
      expect(created.body.passwordChangeRequired).toBe(true);
      expect(withoutFlag(created.body)).not.toMatch(/password|hash|argon/i);
      await login(t.http, { email }, 'a long enough password');
      const list = await t.http().get('/users').set(admin).expect(200);
      expect(withoutFlag(list.body)).not.toMatch(/password|argon/i);
      expect(list.body.map((user: { email: string }) => user.email)).toContain(email);
    });

    it('refuses a duplicate email, whatever its case, with 409', async () => {
      const existing = await createUser(t.dataSource, coordinator.agency);
      const response = await t
        .http()
        .post('/users')
        .set(admin)
        .send({
          email: existing.email.toUpperCase(),
          name: 'Twin',
          agencyId: coordinator.agency.id,
          roles: ['MANAGER'],
          password: 'a long enough password',
        })
        .expect(409);
      expect(response.body).toMatchObject({ code: 'CONFLICT', message: 'A user with this email already exists' });
    });

    it('gives CPS_LIAISON only to users of a CPS agency', async () => {
      const body = {
        email: `${unique('l.').toLowerCase()}@test.local`,
        name: 'Liaison',
        roles: ['CPS_LIAISON'],
        password: 'a long enough password',
      };
      const refused = await t
        .http()
        .post('/users')
        .set(admin)
        .send({ ...body, agencyId: coordinator.agency.id })
        .expect(400);
      expect(refused.body.message).toContain('Only users of the Crown Prosecution Service can be CPS liaisons');
      const cps = await createAgency(t.dataSource, { kind: 'CPS' });
      await t
        .http()
        .post('/users')
        .set(admin)
        .send({ ...body, agencyId: cps.id })
        .expect(201);
    });

    it('is backed by the database: a liaison outside the CPS cannot be written even directly', async () => {
      await expect(createUser(t.dataSource, coordinator.agency, ['CPS_LIAISON'])).rejects.toThrow(
        'CPS_LIAISON is only for users of a CPS agency',
      );
    });

    it('changes roles, password and active state; a disabled user can no longer sign in', async () => {
      const user = await createUser(t.dataSource, coordinator.agency);
      await t
        .http()
        .patch(`/users/${user.id}`)
        .set(admin)
        .send({ roles: ['MANAGER'], password: 'another long password' })
        .expect(200);
      const token = await login(t.http, user, 'another long password');
      const me = await t.http().get('/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(me.body.roles).toEqual(['MANAGER']);
      await t.http().patch(`/users/${user.id}`).set(admin).send({ active: false }).expect(200);
      await t.http().post('/auth/login').send({ email: user.email, password: 'another long password' }).expect(401);
    });

    it('is for admins only', async () => {
      await t.http().get('/users').set(coordinator.auth).expect(403);
      await t
        .http()
        .post('/users')
        .set(coordinator.auth)
        .send({ email: 'x@test.local', name: 'X', agencyId: coordinator.agency.id, roles: ['ADMIN'], password: 'a long enough password' })
        .expect(403);
    });

    it('refuses the most common passwords and the user’s own name, with no composition rules', async () => {
      const email = `${unique('jo.bloggs.').toLowerCase()}@test.local`;
      const body = { email, name: 'Jo Bloggs', agencyId: coordinator.agency.id, roles: ['COORDINATOR'] };
      for (const [password, problem] of [
        ['qwertyuiop123', 'too common'],
        ['aaaaaaaaaaaa', 'too common'],
        [`${email.split('@')[0]}!2027`, 'must not contain the email address or its name'],
      ]) {
        const refused = await t
          .http()
          .post('/users')
          .set(admin)
          .send({ ...body, password })
          .expect(400);
        expect(refused.body.details.fields).toEqual([{ field: 'password', problems: [expect.stringContaining(problem)] }]);
      }
      const created = (
        await t
          .http()
          .post('/users')
          .set(admin)
          .send({ ...body, password: 'lantern quarry biscuit' })
          .expect(201)
      ).body;
      const reused = await t.http().patch(`/users/${created.id}`).set(admin).send({ password: 'password1234' }).expect(400);
      expect(reused.body.details.fields[0].field).toBe('password');
    });

    it('lets nobody change their own roles, agency or access, only another admin; their name they may', async () => {
      const self = await createUser(t.dataSource, coordinator.agency, ['ADMIN']);
      const selfAuth = { Authorization: `Bearer ${await login(t.http, self)}` };
      for (const change of [{ roles: ['ADMIN', 'COORDINATOR'] }, { agencyId: (await createAgency(t.dataSource)).id }, { active: false }]) {
        const refused = await t.http().patch(`/users/${self.id}`).set(selfAuth).send(change).expect(403);
        expect(refused.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('ask another admin') });
      }
      await t.http().patch(`/users/${self.id}`).set(selfAuth).send({ name: 'Renamed by themselves' }).expect(200);
      await t
        .http()
        .patch(`/users/${self.id}`)
        .set(admin)
        .send({ roles: ['ADMIN', 'COORDINATOR'] })
        .expect(200);
    });

    it('keeps one active admin when two admins remove each other at the same moment', async () => {
      const own = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
      try {
        const agency = await createAgency(own.dataSource, { kind: 'NCA' });
        const [a, b] = await Promise.all([createUser(own.dataSource, agency, ['ADMIN']), createUser(own.dataSource, agency, ['ADMIN'])]);
        const [aAuth, bAuth] = await Promise.all([a, b].map(async (user) => ({ Authorization: `Bearer ${await login(own.http, user)}` })));
        const [aOnB, bOnA] = await Promise.all([
          own.http().patch(`/users/${b.id}`).set(aAuth).send({ active: false }),
          own
            .http()
            .patch(`/users/${a.id}`)
            .set(bAuth)
            .send({ roles: ['COORDINATOR'] }),
        ]);
        expect([aOnB.status, bOnA.status].sort()).toEqual([200, 409]);
        const refused = aOnB.status === 409 ? aOnB : bOnA;
        expect(refused.body).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('last active admin') });
        const [{ admins }] = await own.dataSource.query(`SELECT count(*)::int AS admins FROM users WHERE active AND 'ADMIN' = ANY (roles)`);
        expect(admins).toBe(1);
      } finally {
        await own.close();
      }
    });

    it('refuses a short password and an empty role list', async () => {
      const response = await t
        .http()
        .post('/users')
        .set(admin)
        .send({ email: 'not-an-email', name: 'X', agencyId: coordinator.agency.id, roles: [], password: 'short' })
        .expect(400);
      expect(response.body.details.fields.map((problem: { field: string }) => problem.field).sort()).toEqual([
        'email',
        'password',
        'roles',
      ]);
    });
  });

  describe('lead/support policy', () => {
    it('installs exactly the default rules R1 and R2 and describes each in words', async () => {
      const response = await t.http().get('/policy/rules').set(coordinator.auth).expect(200);
      const installed = response.body.map(({ description: _description, ...rule }: { description: string }) => rule);
      expect(installed).toEqual(DEFAULT_POLICY_RULES);
      const rule = (kind: string, role: string) =>
        response.body.find((r: { agencyKind: string; role: string }) => r.agencyKind === kind && r.role === role);
      expect(rule('NCA', 'LEAD')).toMatchObject({ permitted: true, allowedScopes: null });
      expect(rule('GLAA', 'LEAD')).toMatchObject({ permitted: true, exploitationTypesWithin: ['LABOUR'] });
      expect(rule('GLAA', 'LEAD').description).toBe(
        'The Gangmasters and Labour Abuse Authority can lead local, regional or national days of action against labour exploitation alone',
      );
      expect(rule('GLAA', 'SUPPORT')).toMatchObject({ permitted: true, exploitationTypesAnyOf: ['LABOUR'] });
      expect(rule('CPS', 'SUPPORT')).toMatchObject({ permitted: false });
      expect(rule('HMRC', 'LEAD')).toMatchObject({ permitted: false });
    });

    it('lets an admin change a rule, and refuses to let the CPS lead or deploy', async () => {
      // The policy is shared by every operation: change it only in a database of this test's own.
      const own = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
      try {
        const ownAdmin = (await signedIn(own.dataSource, own.http, ['ADMIN'], 'NCA')).auth;
        const rules = DEFAULT_POLICY_RULES.map((rule) =>
          rule.agencyKind === 'LOCAL_AUTHORITY' && rule.role === 'SUPPORT' ? { ...rule, allowedScopes: ['LOCAL'] } : rule,
        );
        const changed = await own.http().put('/policy/rules').set(ownAdmin).send({ rules, reason: 'Test change' }).expect(200);
        const rule = changed.body.find(
          (r: { agencyKind: string; role: string }) => r.agencyKind === 'LOCAL_AUTHORITY' && r.role === 'SUPPORT',
        );
        expect(rule).toMatchObject({ allowedScopes: ['LOCAL'], description: 'A local authority can supply teams to local days of action' });
        const reread = await own.http().get('/policy/rules').set(ownAdmin).expect(200);
        expect(reread.body).toContainEqual(rule);
        expect(reread.body).toHaveLength(DEFAULT_POLICY_RULES.length);
        const cps = await own
          .http()
          .put('/policy/rules')
          .set(ownAdmin)
          .send({ rules: [{ agencyKind: 'CPS', role: 'LEAD', permitted: true }], reason: 'Test change' })
          .expect(400);
        expect(cps.body.message).toContain('The CPS takes part through early involvement only');
      } finally {
        await own.close();
      }
    });

    it('replaces the whole policy, as PUT means: a rule left out is gone, and what it allowed is forbidden', async () => {
      const own = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
      try {
        const ownAdmin = await signedIn(own.dataSource, own.http, ['ADMIN'], 'NCA');
        const only = DEFAULT_POLICY_RULES.filter((rule) => rule.agencyKind === 'POLICE');
        const replaced = await own.http().put('/policy/rules').set(ownAdmin.auth).send({ rules: only, reason: 'Test change' }).expect(200);
        expect(replaced.body.map(({ description: _description, ...rule }: { description: string }) => rule)).toEqual(only);
        const coordinator = await signedIn(own.dataSource, own.http, ['COORDINATOR'], 'NCA');
        const plan = (await own.http().post('/operations').set(coordinator.auth).send(operationBody()).expect(201)).body;
        const refused = await own
          .http()
          .put(`/operations/${plan.id}/lead-agency`)
          .set(coordinator.auth)
          .send({ agencyId: coordinator.agency.id, version: plan.version })
          .expect(422);
        expect(refused.body).toMatchObject({
          code: 'LEAD_NOT_PERMITTED',
          message: 'The National Crime Agency cannot lead a day of action',
        });
        const audit = (await own.http().get('/audit/reference?limit=1').set(ownAdmin.auth).expect(200)).body.items[0];
        expect(audit).toMatchObject({ entity: 'policy', action: 'policy.replaced', actor: { id: ownAdmin.user.id } });
        expect(audit.before.rules).toHaveLength(DEFAULT_POLICY_RULES.length);
        expect(audit.after.rules).toHaveLength(only.length);
      } finally {
        await own.close();
      }
    });

    it('replaces the policy one PUT at a time: concurrent replaces leave one of the sets, never their union, each audited against what it replaced', async () => {
      const own = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
      try {
        const ownAdmin = await signedIn(own.dataSource, own.http, ['ADMIN'], 'NCA');
        const sets = ['POLICE', 'GLAA', 'HMRC', 'DWP'].map((kind) => DEFAULT_POLICY_RULES.filter((rule) => rule.agencyKind === kind));
        const key = (rule: { agencyKind: string; role: string }) => `${rule.agencyKind}/${rule.role}`;
        await Promise.all(
          sets.map((rules) => own.http().put('/policy/rules').set(ownAdmin.auth).send({ rules, reason: 'Test change' }).expect(200)),
        );
        const final = (await own.http().get('/policy/rules').set(ownAdmin.auth).expect(200)).body.map(key).sort();
        expect(sets.map((rules) => rules.map(key).sort())).toContainEqual(final);
        const events = (await own.http().get('/audit/reference?limit=4').set(ownAdmin.auth).expect(200)).body.items.reverse();
        for (let i = 1; i < events.length; i++)
          expect(events[i].before.rules.map(key).sort()).toEqual(events[i - 1].after.rules.map(key).sort());
        expect(events[events.length - 1].after.rules.map(key).sort()).toEqual(final);
      } finally {
        await own.close();
      }
    });

    it('refuses a rule listed twice, unknown values, and non-admins', async () => {
      const twice = { agencyKind: 'DWP', role: 'SUPPORT', permitted: true };
      await t
        .http()
        .put('/policy/rules')
        .set(admin)
        .send({ rules: [twice, twice], reason: 'Test change' })
        .expect(400);
      const unknown = await t
        .http()
        .put('/policy/rules')
        .set(admin)
        .send({ rules: [{ agencyKind: 'ARMY', role: 'LEAD', permitted: 'yes' }], reason: 'Test change' })
        .expect(400);
      expect(unknown.body.details.fields.map((problem: { field: string }) => problem.field).sort()).toEqual([
        'rules.0.agencyKind',
        'rules.0.permitted',
      ]);
      await t
        .http()
        .put('/policy/rules')
        .set(coordinator.auth)
        .send({ rules: [twice], reason: 'Test change' })
        .expect(403);
    });
  });

  describe('the reference-data audit', () => {
    it('records who changed agencies, teams, users and the policy, before and after, for admins only and never a password', async () => {
      const own = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
      try {
        const admin = await signedIn(own.dataSource, own.http, ['ADMIN'], 'NCA');
        const agency = (
          await own
            .http()
            .post('/agencies')
            .set(admin.auth)
            .send({ code: unique('AU'), name: 'Audited', kind: 'HMRC' })
            .expect(201)
        ).body;
        await own.http().patch(`/agencies/${agency.id}`).set(admin.auth).send({ name: 'Audited, renamed' }).expect(200);
        const team = (
          await own
            .http()
            .post('/teams')
            .set(admin.auth)
            .send({ agencyId: agency.id, name: 'Audit team', capabilities: ['TAX_COMPLIANCE'], capacity: 4 })
            .expect(201)
        ).body;
        await own.http().patch(`/teams/${team.id}`).set(admin.auth).send({ capacity: 6 }).expect(200);
        const user = (
          await own
            .http()
            .post('/users')
            .set(admin.auth)
            .send({
              email: `${unique('au.').toLowerCase()}@test.local`,
              name: 'Audited user',
              agencyId: agency.id,
              roles: ['COORDINATOR'],
              password: 'copper meadow lantern',
            })
            .expect(201)
        ).body;
        await own
          .http()
          .patch(`/users/${user.id}`)
          .set(admin.auth)
          .send({ roles: ['MANAGER'], password: 'another meadow lantern' })
          .expect(200);
        const withoutDwp = DEFAULT_POLICY_RULES.map((rule) =>
          rule.agencyKind === 'DWP' && rule.role === 'SUPPORT' ? { ...rule, permitted: false } : rule,
        );
        await own.http().put('/policy/rules').set(admin.auth).send({ rules: withoutDwp, reason: 'Test change' }).expect(200);

        const page = (await own.http().get('/audit/reference').set(admin.auth).expect(200)).body;
        expect(page.items.map((event: { action: string }) => event.action)).toEqual([
          'policy.replaced',
          'user.password_issued',
          'user.updated',
          'user.password_issued',
          'user.created',
          'team.updated',
          'team.created',
          'agency.updated',
          'agency.created',
        ]);
        expect(page.items[2]).toMatchObject({
          entity: 'user',
          entityId: user.id,
          actor: { id: admin.user.id },
          actorAgency: { id: admin.agency.id },
          before: { roles: ['COORDINATOR'] },
          after: { roles: ['MANAGER'] },
        });
        expect(page.items[1]).toMatchObject({
          entity: 'user',
          entityId: user.id,
          action: 'user.password_issued',
          actor: { id: admin.user.id },
          after: { email: user.email },
        });
        expect(page.items[5]).toMatchObject({ before: { capacity: 4 }, after: { capacity: 6 } });
        const dwp = (rules: { agencyKind: string; role: string }[]) =>
          rules.find((rule) => rule.agencyKind === 'DWP' && rule.role === 'SUPPORT');
        expect(dwp(page.items[0].before.rules)).toMatchObject({ permitted: true });
        expect(dwp(page.items[0].after.rules)).toMatchObject({ permitted: false });
        expect(JSON.stringify(page)).not.toMatch(/lantern|argon|passwordHash/i);

        const first = (await own.http().get('/audit/reference?limit=3').set(admin.auth).expect(200)).body;
        const second = (await own.http().get(`/audit/reference?limit=3&cursor=${first.nextCursor}`).set(admin.auth).expect(200)).body;
        expect([...first.items, ...second.items].map((event: { seq: number }) => event.seq)).toEqual(
          page.items.slice(0, 6).map((event: { seq: number }) => event.seq),
        );
        const coordinator = await signedIn(own.dataSource, own.http);
        await own.http().get('/audit/reference').set(coordinator.auth).expect(403);

        expect((await own.http().get('/audit/verify').set(admin.auth).expect(200)).body).toMatchObject({ ok: true, eventsChecked: 9 });
        await expect(own.dataSource.query(`DELETE FROM reference_audit_events`)).rejects.toThrow('append-only');
        await own.dataSource.query('ALTER TABLE reference_audit_events DISABLE TRIGGER tr_reference_audit_events_append_only');
        await own.dataSource.query(`UPDATE reference_audit_events SET after = '{"roles": ["ADMIN"]}' WHERE seq = 6`);
        await own.dataSource.query('ALTER TABLE reference_audit_events ENABLE TRIGGER tr_reference_audit_events_append_only');
        const broken = (await own.http().get('/audit/verify').set(admin.auth).expect(200)).body;
        expect(broken).toMatchObject({
          ok: false,
          firstBroken: { chain: 'reference', operationId: null, seq: 6, problem: expect.stringContaining('changed after it was written') },
        });
      } finally {
        await own.close();
      }
    });
  });
});
