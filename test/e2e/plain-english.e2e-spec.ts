import { SCOPES } from '../../src/common/domain';
import { ukLocalTime } from '../../src/common/uk-time';
import { createAgency, createUser, operationBody, unique } from '../factories';
import { browserOf, drawnAt, newPlanForm, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

/**
 * Issue 24, item 6: what people read is plain English. The API says why in words and keeps its
 * codes in `code` and `details`; pages take times as people type them, count in good English,
 * name what each Change link changes to a screen reader, name an agency once, and say each save
 * worked. (Every message of every test is also checked for code: test/support/plain-english.setup.ts.)
 */
describe('plain English', () => {
  const { t, s } = useApp();

  const { page, post } = browserOf(() => t.http);
  const bannerOf = (html: string) =>
    /<div class="govuk-notification-banner govuk-notification-banner--success"[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0] ?? '';

  describe('the API', () => {
    it('refuses a lead the policy forbids in words, with the rule in the details', async () => {
      const owner = await s.owner();
      const plan = await s.draft(owner);
      const charity = await createAgency(t.dataSource, { kind: 'VICTIM_SUPPORT' });
      const lead = await t
        .http()
        .put(`/operations/${plan.id}/lead-agency`)
        .set(owner.auth)
        .send({ agencyId: charity.id, version: plan.version })
        .expect(422);
      expect(lead.body).toEqual({
        statusCode: 422,
        code: 'LEAD_NOT_PERMITTED',
        message: 'A victim support organisation cannot lead a day of action',
        details: { rule: 'R1', agency: charity.code },
      });
    });

    it('names each invalid field by its label, with the field’s path and the codes it takes in the details', async () => {
      const owner = await s.owner();
      const start = '2031-06-01T05:00:00Z';
      const reversed = await s
        .post(owner.auth, '/operations', operationBody({ startsAt: start, endsAt: '2031-06-01T04:00:00Z' }))
        .expect(400);
      expect(reversed.body.message).toBe('The request is invalid: The end must be after the start');
      expect(reversed.body.details.fields).toEqual([{ field: 'endsAt', problems: ['The end must be after the start'] }]);
      const wrong = await s
        .post(
          owner.auth,
          '/operations',
          operationBody({ scope: 'GALACTIC', colour: 'red', safeguarding: { expectedPotentialVictims: -1 } }),
        )
        .expect(400);
      expect(wrong.body.message).toBe(
        'The request is invalid: Choose the scope of the day of action; The number of potential victims expected must be 0 or more; it has a field this request does not take (details name it)',
      );
      expect(wrong.body.details.fields).toEqual(
        expect.arrayContaining([
          { field: 'scope', problems: ['Choose the scope of the day of action'], allowed: [...SCOPES] },
          { field: 'colour', problems: ['This request does not take this field: leave it out'] },
          { field: 'safeguarding.expectedPotentialVictims', problems: ['The number of potential victims expected must be 0 or more'] },
        ]),
      );
    });

    it('says who may do what a role is refused, in words, with the roles in the details', async () => {
      const owner = await s.owner();
      const refused = await s.post(owner.manager, '/operations', operationBody()).expect(403);
      expect(refused.body).toMatchObject({
        code: 'FORBIDDEN',
        message: 'Only a coordinator can do this',
        details: { rolesNeeded: ['COORDINATOR'] },
      });
    });

    it('answers an address no route serves without echoing it, and names it in the details', async () => {
      const missing = await t.http().get('/nowhere/atAll?agencyId=1').expect(404);
      expect(missing.body).toEqual({
        statusCode: 404,
        code: 'NOT_FOUND',
        message: 'Nothing is at this address: check the method and the path',
        details: { method: 'GET', path: '/nowhere/atAll' },
      });
    });

    it('counts in good English: one location, one confirmed team', async () => {
      const owner = await s.owner();
      const plan = await s.plan(owner, { stage: 'ready' });
      const checks = (await s.get(owner.auth, `/operations/${plan.id}/readiness`).expect(200)).body.checks as {
        id: string;
        message: string;
      }[];
      expect(checks.find((check) => check.id === 'locations')?.message).toBe('1 location');
      expect(checks.find((check) => check.id === 'confirmed-deployment')?.message).toBe('1 confirmed team');
    });
  });

  describe('the pages', () => {
    it('take a time of day typed as 0600, 06:00 or 6am', async () => {
      const owner = await s.owner();
      const session = await webSignIn(t.http, owner.user.email);
      for (const [typed, hour, minute] of [
        ['0600', 6, 0],
        ['06:00', 6, 0],
        ['6am', 6, 0],
        ['1730hrs', 17, 30],
      ] as const) {
        const created = await post(
          session,
          '/plans/new',
          newPlanForm({ name: `Typed ${typed}`, 'startsAt-time': typed, 'endsAt-time': '2200' }),
        ).expect(303);
        const reference = /\/plans\/(OP-[\d-]+)/.exec(created.headers.location)![1];
        const [row] = await t.dataSource.query(`SELECT starts_at AS "startsAt", ends_at AS "endsAt" FROM operations WHERE reference = $1`, [
          reference,
        ]);
        expect(ukLocalTime(row.startsAt)).toMatchObject({ day: 1, month: 3, year: 2031, hour, minute });
        expect(ukLocalTime(row.endsAt)).toMatchObject({ hour: 22, minute: 0 });
      }
    });

    it('say that each save worked, in a success banner', async () => {
      const owner = await s.owner();
      const plan = await s.draft(owner);
      const session = await webSignIn(t.http, owner.user.email);
      const path = `/plans/${plan.reference}/communications`;
      const saved = await post(session, path, {
        ...drawnAt((await page(session, path)).text),
        radioChannel: 'Airwave talkgroup WM-OPS-3',
        controlRoomNumber: '',
      }).expect(303);
      expect(saved.headers.location).toBe(`${path}?changed`);
      expect(bannerOf((await page(session, saved.headers.location)).text)).toContain('Your change is saved');

      const admin = await webSignIn(
        t.http,
        (await createUser(t.dataSource, await createAgency(t.dataSource, { kind: 'NCA' }), ['ADMIN'])).email,
      );
      const added = await post(admin, '/admin/agencies', {
        code: unique('P').slice(0, 10),
        name: 'Border Force South',
        kind: 'BORDER_FORCE',
      }).expect(303);
      expect(added.headers.location).toBe('/admin/agencies?saved');
      expect(bannerOf((await page(admin, added.headers.location)).text)).toContain('Agency saved');
    });

    it('name what each Change link on Check your answers changes, for screen readers', async () => {
      const owner = await s.owner();
      const plan = await s.draft(owner);
      const session = await webSignIn(t.http, owner.user.email);
      const html = (await page(session, `/plans/${plan.reference}/submit`)).text;
      const links = [...html.matchAll(/>Change(?:<span class="govuk-visually-hidden">([^<]*)<\/span>)?<\/a>/g)].map((match) => match[1]);
      expect(links.length).toBeGreaterThan(10);
      expect(links).not.toContain(undefined);
      expect(links).toEqual(expect.arrayContaining([' RV points', ' NRM first responders', ' radio channel or talkgroup', ' lead agency']));
    });

    it('name an agency once where its name and its kind are the same', async () => {
      const owner = await s.owner();
      const plan = await s.draft(owner);
      const borderForce = await createAgency(t.dataSource, { kind: 'BORDER_FORCE', name: 'Border Force' });
      const session = await webSignIn(t.http, owner.user.email);
      const html = (await page(session, `/plans/${plan.reference}/safeguarding`)).text;
      expect(html).toContain(`<option value="${borderForce.id}">Border Force</option>`);
      expect(html).not.toContain('Border Force (Border Force)');
    });
  });
});
