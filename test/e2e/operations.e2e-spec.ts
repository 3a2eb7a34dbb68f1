import { DataSource } from 'typeorm';
import { createAgency, createUser, login, operationBody, signedIn } from '../factories';
import { Scenario } from '../factories/scenario';
import { isolatedDatabaseUrl } from '../support/databases';
import { startTestApp, TestApp } from '../support/test-app';

type Signed = Awaited<ReturnType<typeof signedIn>>;

describe('operations and the lead agency', () => {
  let t: TestApp;
  let s: Scenario;
  let mps: Signed;
  let agencies: { police: string; nca: string; glaa: string; hmrc: string };

  beforeAll(async () => {
    t = await startTestApp();
    s = new Scenario(t);
    mps = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'POLICE');
    agencies = {
      police: (await createAgency(t.dataSource, { kind: 'POLICE' })).id,
      nca: (await createAgency(t.dataSource, { kind: 'NCA' })).id,
      glaa: (await createAgency(t.dataSource, { kind: 'GLAA' })).id,
      hmrc: (await createAgency(t.dataSource, { kind: 'HMRC' })).id,
    };
  });
  afterAll(() => t.close());

  const create = (who: Signed = mps, overrides: Record<string, unknown> = {}) => s.draft(who, overrides);

  describe('creating, reading, listing and editing', () => {
    it('creates a DRAFT with a reference, normalised postcodes, version 1 and the creator’s agency as owner', async () => {
      const operation = (
        await t
          .http()
          .post('/operations')
          .set(mps.auth)
          .send(operationBody({ locations: [{ label: 'Car wash', address: '12 Ladypool Road, Birmingham', postcode: 'b12 8jy' }] }))
          .expect(201)
      ).body;
      expect(operation).toMatchObject({
        reference: expect.stringMatching(/^OP-\d{4}-\d{4,}$/),
        status: 'DRAFT',
        version: 1,
        leadAgency: null,
        owningAgency: { id: mps.agency.id },
        locations: [{ label: 'Car wash', address: '12 Ladypool Road, Birmingham', postcode: 'B12 8JY' }],
        safeguarding: { expectedPotentialVictims: 6, languages: ['Romanian'], receptionCentre: 'Sparkhill reception centre' },
        createdBy: { id: mps.user.id, email: mps.user.email },
        canEdit: true,
      });
      expect(operation.briefing).toEqual({
        information: 'Intelligence suggests forced labour at two car washes.',
        intent: 'Safeguard workers; arrest controllers.',
        method: '',
        administration: '',
        risk: '',
        communications: '',
        humanitarian: '',
      });
      const read = await t.http().get(`/operations/${operation.id}`).set(mps.auth).expect(200);
      expect(read.body).toEqual(operation);
    });

    it('gives unique references under concurrent creation', async () => {
      const created = await Promise.all(Array.from({ length: 12 }, () => t.http().post('/operations').set(mps.auth).send(operationBody())));
      expect(created.map((response) => response.status)).toEqual(Array(12).fill(201));
      const references = created.map((response) => response.body.reference);
      expect(new Set(references).size).toBe(12);
    });

    it('patches fields, bumps the version and keeps what was not sent', async () => {
      const operation = await create();
      const patched = await t
        .http()
        .patch(`/operations/${operation.id}`)
        .set(mps.auth)
        .send({
          version: 1,
          name: 'Renamed',
          briefing: { risk: 'Dogs on site' },
          locations: [{ label: 'Yard', address: '1 High St', postcode: 'sw1a1aa' }],
        })
        .expect(200);
      expect(patched.body).toMatchObject({ name: 'Renamed', version: 2, locations: [{ postcode: 'SW1A 1AA' }] });
      expect(patched.body.briefing).toMatchObject({ risk: 'Dogs on site', information: operation.briefing.information });
      expect(patched.body.safeguarding).toEqual(operation.safeguarding);
    });

    it('refuses a stale version with 409 VERSION_CONFLICT and changes nothing', async () => {
      const operation = await create();
      await t.http().patch(`/operations/${operation.id}`).set(mps.auth).send({ version: 1, name: 'First' }).expect(200);
      const stale = await t.http().patch(`/operations/${operation.id}`).set(mps.auth).send({ version: 1, name: 'Second' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { yourVersion: 1, currentVersion: 2 } });
      const read = await t.http().get(`/operations/${operation.id}`).set(mps.auth).expect(200);
      expect(read.body).toMatchObject({ name: 'First', version: 2 });
    });

    it('lists visible operations newest first with filters and a keyset cursor', async () => {
      const own = await signedIn(t.dataSource, t.http);
      const made: { id: string; reference: string }[] = [];
      for (let i = 0; i < 5; i++) made.push(await create(own, { name: `Harbour ${i}` }));
      const first = await t.http().get('/operations?limit=2').set(own.auth).expect(200);
      expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([made[4].id, made[3].id]);
      const second = await t.http().get(`/operations?limit=2&cursor=${first.body.nextCursor}`).set(own.auth).expect(200);
      expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([made[2].id, made[1].id]);
      const third = await t.http().get(`/operations?limit=2&cursor=${second.body.nextCursor}`).set(own.auth).expect(200);
      expect(third.body).toEqual({ items: [expect.objectContaining({ id: made[0].id })], nextCursor: null });

      const byName = await t.http().get('/operations?q=harbour 3').set(own.auth).expect(200);
      expect(byName.body.items.map((item: { id: string }) => item.id)).toEqual([made[3].id]);
      const byReference = await t.http().get(`/operations?q=${made[1].reference}`).set(own.auth).expect(200);
      expect(byReference.body.items.map((item: { id: string }) => item.id)).toEqual([made[1].id]);
      const drafts = await t.http().get('/operations?status=DRAFT&limit=100').set(own.auth).expect(200);
      expect(drafts.body.items).toHaveLength(5);
      await t
        .http()
        .get('/operations?status=APPROVED')
        .set(own.auth)
        .expect(200)
        .expect(({ body }) => expect(body.items).toEqual([]));
      const later = new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString();
      await t
        .http()
        .get(`/operations?from=${later}`)
        .set(own.auth)
        .expect(200)
        .expect(({ body }) => expect(body.items).toEqual([]));
    });
  });

  describe('list pages', () => {
    it('hands out a cursor that does not depend on the session’s time zone or date style', async () => {
      const url = await isolatedDatabaseUrl();
      const database = new URL(url).pathname.slice(1);
      const admin = new DataSource({ type: 'postgres', url });
      await admin.initialize();
      await admin.query(`ALTER DATABASE ${database} SET timezone = 'America/New_York'`);
      await admin.query(`ALTER DATABASE ${database} SET datestyle = 'SQL, DMY'`);
      await admin.destroy();
      const own = await startTestApp({ DATABASE_URL: url });
      try {
        const coordinator = await signedIn(own.dataSource, own.http);
        const made: string[] = [];
        for (let i = 0; i < 3; i++)
          made.push((await own.http().post('/operations').set(coordinator.auth).send(operationBody()).expect(201)).body.id);
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await own
            .http()
            .get(`/operations?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
            .set(coordinator.auth)
            .expect(200);
          seen.push(...page.body.items.map((item) => item.id));
          cursor = page.body.nextCursor;
          if (cursor)
            expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
        } while (cursor);
        expect(seen).toEqual([...made].reverse());
      } finally {
        await own.close();
      }
    });

    it('answers a filtered list for someone who sees no plans (an admin) with an empty page, not an error', async () => {
      const admin = await signedIn(t.dataSource, t.http, ['ADMIN'], 'NCA');
      for (const filter of [
        'q=harbour',
        'status=DRAFT',
        `from=${new Date().toISOString()}`,
        `to=${new Date().toISOString()}&q=x&status=APPROVED`,
      ]) {
        const page = await t.http().get(`/operations?${filter}`).set(admin.auth).expect(200);
        expect(page.body).toEqual({ items: [], nextCursor: null });
      }
    });
  });

  describe('the lead agency (R1, R3, R4)', () => {
    const setLead = (id: string, agencyId: string | null, version: number, who: Signed = mps) =>
      t.http().put(`/operations/${id}/lead-agency`).set(who.auth).send({ agencyId, version });

    it('lets police and the NCA lead a UK operation', async () => {
      const operation = await create(mps, { exploitationTypes: ['SEXUAL'] });
      const police = await setLead(operation.id, agencies.police, 1).expect(200);
      expect(police.body).toMatchObject({ leadAgency: { id: agencies.police }, version: 2 });
      const other = await create(mps, { exploitationTypes: ['SEXUAL'], scope: 'NATIONAL' });
      await setLead(other.id, agencies.nca, 1).expect(200);
    });

    it('lets GLAA lead only all-LABOUR operations, saying why otherwise and naming the rule in the details', async () => {
      const labour = await create(mps, { exploitationTypes: ['LABOUR'] });
      await setLead(labour.id, agencies.glaa, 1).expect(200);
      const mixed = await create(mps, { exploitationTypes: ['LABOUR', 'CRIMINAL'] });
      const refused = await setLead(mixed.id, agencies.glaa, 1).expect(422);
      expect(refused.body).toMatchObject({
        code: 'LEAD_NOT_PERMITTED',
        message: 'The Gangmasters and Labour Abuse Authority can lead only days of action against labour exploitation alone',
        details: { rule: 'R1' },
      });
    });

    it('lets only the NCA lead an INTERNATIONAL operation', async () => {
      const international = await create(mps, { scope: 'INTERNATIONAL', exploitationTypes: ['SEXUAL'] });
      const refused = await setLead(international.id, agencies.police, 1).expect(422);
      expect(refused.body.message).toBe('An international day of action can be led only by the National Crime Agency');
      await setLead(international.id, agencies.nca, 1).expect(200);
    });

    it('refuses a kind that may not lead at all', async () => {
      const operation = await create();
      const refused = await setLead(operation.id, agencies.hmrc, 1).expect(422);
      expect(refused.body.message).toBe('HM Revenue and Customs cannot lead a day of action');
    });

    it('refuses a change of exploitation types or scope that the lead would not be allowed', async () => {
      const operation = await create(mps, { exploitationTypes: ['LABOUR'] });
      await setLead(operation.id, agencies.glaa, 1).expect(200);
      const glaaCoordinator = await createUser(t.dataSource, { id: agencies.glaa, code: '', name: '', kind: 'GLAA' });
      const glaa = { auth: { Authorization: `Bearer ${await login(t.http, glaaCoordinator)}` } } as Signed;
      const types = await t
        .http()
        .patch(`/operations/${operation.id}`)
        .set(glaa.auth)
        .send({ version: 2, exploitationTypes: ['SEXUAL'] })
        .expect(422);
      expect(types.body.code).toBe('LEAD_NOT_PERMITTED');
      expect(types.body.message).toContain(
        'The Gangmasters and Labour Abuse Authority can lead only days of action against labour exploitation alone',
      );
      const scope = await t
        .http()
        .patch(`/operations/${operation.id}`)
        .set(glaa.auth)
        .send({ version: 2, scope: 'INTERNATIONAL' })
        .expect(422);
      expect(scope.body.message).toContain('An international day of action can be led only by the National Crime Agency');
      await t.http().patch(`/operations/${operation.id}`).set(glaa.auth).send({ version: 2, scope: 'REGIONAL' }).expect(200);
    });

    it('lists the agencies eligible to lead and support under the policy', async () => {
      const operation = await create(mps, { exploitationTypes: ['SEXUAL'], scope: 'INTERNATIONAL' });
      const eligible = await t.http().get(`/operations/${operation.id}/eligible-agencies`).set(mps.auth).expect(200);
      const kinds = (list: { kind: string }[]) => [...new Set(list.map((agency) => agency.kind))];
      expect(kinds(eligible.body.lead)).toEqual(['NCA']);
      expect(kinds(eligible.body.support)).not.toContain('CPS');
      expect(kinds(eligible.body.support)).not.toContain('GLAA');
      expect(kinds(eligible.body.support)).toContain('HMRC');
    });

    it('has exactly one winner among concurrent lead changes with the same version', async () => {
      const operation = await create(mps, { exploitationTypes: ['SEXUAL'] });
      // The owner names its own agency as lead, so that every loser stays the owner and is told of the conflict (409).
      const responses = await Promise.all(Array.from({ length: 12 }, () => setLead(operation.id, mps.agency.id, 1)));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(11);
      const read = await t.http().get(`/operations/${operation.id}`).set(mps.auth).expect(200);
      expect(read.body.version).toBe(2);
    });
  });

  it('has exactly one winner among concurrent PATCHes with the same version', async () => {
    const operation = await create();
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t
          .http()
          .patch(`/operations/${operation.id}`)
          .set(mps.auth)
          .send({ version: 1, name: `Writer ${i}` }),
      ),
    );
    const winners = responses.filter((response) => response.status === 200);
    expect(winners).toHaveLength(1);
    expect(responses.filter((response) => response.status === 409)).toHaveLength(11);
    const read = await t.http().get(`/operations/${operation.id}`).set(mps.auth).expect(200);
    expect(read.body).toMatchObject({ version: 2, name: winners[0].body.name });
  });

  describe('SQL statements per request', () => {
    async function statementsFor(call: () => Promise<unknown>): Promise<number> {
      const spy = jest.spyOn(t.dataSource.logger, 'logQuery');
      try {
        await call();
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    }

    it('reads a whole plan in a fixed few statements, and a page in as many whatever its size', async () => {
      const own = await signedIn(t.dataSource, t.http);
      const made: { id: string; reference: string }[] = [];
      for (let i = 0; i < 55; i++) made.push(await create(own));
      const plan = await statementsFor(() => t.http().get(`/operations/${made[0].id}`).set(own.auth).expect(200));
      const small = await statementsFor(() => t.http().get('/operations?limit=5').set(own.auth).expect(200));
      const page = await statementsFor(() =>
        t
          .http()
          .get('/operations?limit=50')
          .set(own.auth)
          .expect(200)
          .expect(({ body }) => expect(body.items).toHaveLength(50)),
      );
      // The caller (1); the operation with its agencies, people, locations and CPS involvement, as far as
      // the caller sees each (1); its deployments and evidence requirements (1 each).
      expect(plan).toBe(4);
      // The caller (1), the page with its lead agencies (1).
      expect(small).toBe(2);
      expect(page).toBe(small);
    });

    it('sends the reads of every request as named statements, prepared once on the connection', async () => {
      const single = await startTestApp({ DB_POOL_SIZE: '1' });
      try {
        const coordinator = await signedIn(single.dataSource, single.http);
        const plan = (await single.http().post('/operations').set(coordinator.auth).send(operationBody()).expect(201)).body;
        for (let i = 0; i < 2; i++) await single.http().get(`/operations/${plan.id}`).set(coordinator.auth).expect(200);
        const prepared: { name: string; statement: string }[] = await single.dataSource.query(
          `SELECT name, statement FROM pg_prepared_statements`,
        );
        const named = (fragment: string) => prepared.filter((row) => row.name.startsWith('q_') && row.statement.includes(fragment));
        for (const fragment of [
          'FROM users u JOIN agencies a',
          'LEFT JOIN cps_involvements c',
          'FROM operation_locations',
          'FROM deployments d',
          'FROM evidence_requirements r',
        ]) {
          expect(named(fragment)).toHaveLength(1);
        }
      } finally {
        await single.close();
      }
    });
  });

  describe('need-to-know (R14, R15)', () => {
    it('hides a plan from other agencies and from admins: 404 on read and write, absent from lists', async () => {
      const operation = await create();
      const outsider = await signedIn(t.dataSource, t.http, ['COORDINATOR', 'MANAGER']);
      const admin = await signedIn(t.dataSource, t.http, ['ADMIN'], 'NCA');
      for (const who of [outsider, admin]) {
        await t.http().get(`/operations/${operation.id}`).set(who.auth).expect(404);
        await t.http().patch(`/operations/${operation.id}`).set(who.auth).send({ version: 1, name: 'Mine' }).expect(404);
        await t
          .http()
          .put(`/operations/${operation.id}/lead-agency`)
          .set(who.auth)
          .send({ agencyId: who.agency.id, version: 1 })
          .expect(404);
        await t.http().get(`/operations/${operation.id}/history`).set(who.auth).expect(404);
        await t.http().get(`/operations/${operation.id}/eligible-agencies`).set(who.auth).expect(404);
        const list = await t.http().get('/operations?limit=100').set(who.auth).expect(200);
        expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(operation.id);
      }
    });

    it('answers a lead agency that hands the lead on with the plan as changed, though it can no longer see it', async () => {
      const own = await signedIn(t.dataSource, t.http);
      const nca = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'NCA');
      const operation = await create(own);
      await t.http().put(`/operations/${operation.id}/lead-agency`).set(own.auth).send({ agencyId: nca.agency.id, version: 1 }).expect(200);
      const handed = await t
        .http()
        .put(`/operations/${operation.id}/lead-agency`)
        .set(nca.auth)
        .send({ agencyId: agencies.police, version: 2 })
        .expect(200);
      expect(handed.body).toMatchObject({ leadAgency: { id: agencies.police }, version: 3, canEdit: false });
      await t.http().get(`/operations/${operation.id}`).set(nca.auth).expect(404);
      const history = (await t.http().get(`/operations/${operation.id}/history`).set(own.auth).expect(200)).body;
      expect(history[history.length - 1]).toMatchObject({ action: 'operation.lead-changed', after: { leadAgency: expect.any(String) } });
    });

    it('lets an agency that can see but does not own the plan read it, and refuses its edits with 403', async () => {
      const own = await signedIn(t.dataSource, t.http);
      const nca = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'NCA');
      const operation = await create(own);
      await t.http().put(`/operations/${operation.id}/lead-agency`).set(own.auth).send({ agencyId: nca.agency.id, version: 1 }).expect(200);
      const read = await t.http().get(`/operations/${operation.id}`).set(own.auth).expect(200);
      expect(read.body).toMatchObject({ owningAgency: { id: nca.agency.id }, canEdit: false });
      const refused = await t.http().patch(`/operations/${operation.id}`).set(own.auth).send({ version: 2, name: 'Not yours' }).expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      await t.http().patch(`/operations/${operation.id}`).set(nca.auth).send({ version: 2, name: 'NCA renamed' }).expect(200);
    });

    it('lets a manager of the owning agency read but not edit', async () => {
      const operation = await create();
      const manager = await createUser(t.dataSource, mps.agency, ['MANAGER']);
      const auth = { Authorization: `Bearer ${await login(t.http, manager)}` };
      await t.http().get(`/operations/${operation.id}`).set(auth).expect(200);
      await t.http().patch(`/operations/${operation.id}`).set(auth).send({ version: 1, name: 'x' }).expect(403);
      await t.http().post('/operations').set(auth).send(operationBody()).expect(403);
    });
  });

  describe('bad input', () => {
    const fieldsOf = (body: { details: { fields: { field: string }[] } }) => body.details.fields.map((problem) => problem.field).sort();

    it.each([
      ['unknown fields', { status: 'APPROVED', leadAgencyId: 'x', version: 9 }, ['leadAgencyId', 'status', 'version']],
      ['empty exploitation types', { exploitationTypes: [] }, ['exploitationTypes']],
      ['unknown exploitation type', { exploitationTypes: ['PICKPOCKETING'] }, ['exploitationTypes']],
      ['bad dates', { startsAt: 'tomorrow', endsAt: '2027-02-30T05:00:00' }, ['endsAt', 'startsAt']],
      ['a malformed postcode', { locations: [{ label: 'x', address: 'y', postcode: 'NOT A CODE' }] }, ['locations.0.postcode']],
      ['an oversized name', { name: 'x'.repeat(201) }, ['name']],
      ['a negative victim count', { safeguarding: { expectedPotentialVictims: -1 } }, ['safeguarding.expectedPotentialVictims']],
      ['an unknown scope', { scope: 'GALACTIC' }, ['scope']],
    ])('refuses %s with 400 and per-field details', async (_name, overrides, fields) => {
      const response = await t.http().post('/operations').set(mps.auth).send(operationBody(overrides)).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(response.body)).toEqual(fields);
    });

    it('refuses reversed and over-long windows', async () => {
      const start = '2027-06-01T05:00:00Z';
      const reversed = await t
        .http()
        .post('/operations')
        .set(mps.auth)
        .send(operationBody({ startsAt: start, endsAt: '2027-06-01T04:00:00Z' }))
        .expect(400);
      expect(reversed.body.message).toContain('The end must be after the start');
      const long = await t
        .http()
        .post('/operations')
        .set(mps.auth)
        .send(operationBody({ startsAt: start, endsAt: '2027-06-04T06:00:00Z' }))
        .expect(400);
      expect(long.body.message).toContain('at most 72 hours');
      const operation = await create();
      const patched = await t
        .http()
        .patch(`/operations/${operation.id}`)
        .set(mps.auth)
        .send({ version: 1, endsAt: '2020-01-01T00:00:00Z' })
        .expect(400);
      expect(patched.body.code).toBe('VALIDATION_FAILED');
    });

    it('refuses a PATCH without a version', async () => {
      const operation = await create();
      const response = await t.http().patch(`/operations/${operation.id}`).set(mps.auth).send({ name: 'x' }).expect(400);
      expect(fieldsOf(response.body)).toEqual(['version']);
    });

    it.each([
      ['a negative limit', 'limit=-1', 'limit'],
      ['a huge limit', 'limit=100000', 'limit'],
      ['a non-numeric limit', 'limit=ten', 'limit'],
      ['a garbage cursor', 'cursor=garbage', 'cursor'],
      ['a forged cursor', `cursor=${Buffer.from('["not a date","x"]').toString('base64url')}`, 'cursor'],
      ['an unknown status', 'status=PENDING', 'status'],
      ['a bad date', 'from=yesterday', 'from'],
    ])('refuses %s in the list query', async (_name, query, field) => {
      const response = await t.http().get(`/operations?${query}`).set(mps.auth).expect(400);
      expect(fieldsOf(response.body)).toEqual([field]);
    });

    it('refuses a non-UUID id with 400, and an unknown lead agency with 404', async () => {
      await t.http().get('/operations/123').set(mps.auth).expect(400);
      const operation = await create();
      await t
        .http()
        .put(`/operations/${operation.id}/lead-agency`)
        .set(mps.auth)
        .send({ agencyId: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d', version: 1 })
        .expect(404);
    });
  });

  describe('the audit trail', () => {
    it('records every change, oldest first, with the actor', async () => {
      const operation = await create();
      await t.http().patch(`/operations/${operation.id}`).set(mps.auth).send({ version: 1, name: 'Second name' }).expect(200);
      await t.http().put(`/operations/${operation.id}/lead-agency`).set(mps.auth).send({ agencyId: mps.agency.id, version: 2 }).expect(200);
      await t.http().patch(`/operations/${operation.id}`).set(mps.auth).send({ version: 3, scope: 'REGIONAL' }).expect(200);
      const history = await t.http().get(`/operations/${operation.id}/history`).set(mps.auth).expect(200);
      expect(history.body.map((event: { action: string }) => event.action)).toEqual([
        'operation.created',
        'operation.updated',
        'operation.lead-changed',
        'operation.updated',
      ]);
      expect(history.body[1]).toMatchObject({
        seq: 2,
        actor: { id: mps.user.id, name: mps.user.name, email: mps.user.email },
        actorAgency: { id: mps.agency.id },
        before: { name: operation.name },
        after: { name: 'Second name' },
      });
      expect(history.body[2]).toMatchObject({ before: { leadAgency: null }, after: { leadAgency: mps.agency.code } });
      expect(history.body[3]).toMatchObject({ before: { scope: 'LOCAL' }, after: { scope: 'REGIONAL' } });
    });

    it('refuses to change or delete history in the database itself', async () => {
      const operation = await create();
      await expect(t.dataSource.query(`UPDATE audit_events SET action = 'x' WHERE operation_id = $1`, [operation.id])).rejects.toThrow(
        'append-only',
      );
      await expect(t.dataSource.query(`DELETE FROM audit_events WHERE operation_id = $1`, [operation.id])).rejects.toThrow('append-only');
    });

    it('detects tampering: the verifier names the first broken link', async () => {
      const own = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
      try {
        const coordinator = await signedIn(own.dataSource, own.http);
        const admin = await signedIn(own.dataSource, own.http, ['ADMIN']);
        const operation = (await own.http().post('/operations').set(coordinator.auth).send(operationBody()).expect(201)).body;
        await own.http().patch(`/operations/${operation.id}`).set(coordinator.auth).send({ version: 1, name: 'Honest change' }).expect(200);
        await own.http().patch(`/operations/${operation.id}`).set(coordinator.auth).send({ version: 2, name: 'Another' }).expect(200);
        const intact = await own.http().get('/audit/verify').set(admin.auth).expect(200);
        expect(intact.body).toEqual({ ok: true, eventsChecked: 3, firstBroken: null });
        await own.http().get('/audit/verify').set(coordinator.auth).expect(403);

        await own.dataSource.query('ALTER TABLE audit_events DISABLE TRIGGER tr_audit_events_append_only');
        await own.dataSource.query(`UPDATE audit_events SET after = '{"name": "Forged change"}' WHERE operation_id = $1 AND seq = 2`, [
          operation.id,
        ]);
        await own.dataSource.query('ALTER TABLE audit_events ENABLE TRIGGER tr_audit_events_append_only');

        const broken = await own.http().get('/audit/verify').set(admin.auth).expect(200);
        expect(broken.body).toMatchObject({
          ok: false,
          firstBroken: { operationId: operation.id, seq: 2, problem: expect.stringContaining('changed after it was written') },
        });
      } finally {
        await own.close();
      }
    });
  });
});
