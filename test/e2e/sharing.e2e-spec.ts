import { createAgency, createUser, login, operationBody } from '../factories';
import { Owner, Plan, Signed } from '../factories/scenario';
import { TeamRow } from '../factories';
import { browserOf, drawnAt, errorSummaryOf, valueOf, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

type Partner = Signed & { team: TeamRow };

/** Issue 23: the owner widens what a partner sees (R14b), leaving a plan ends access (R14), and every plan carries its marking (R14d). */
describe('sharing sections, leaving a plan, and the protective marking', () => {
  const { t, s } = useApp();
  let owner: Owner;

  beforeEach(async () => {
    owner = await s.owner('POLICE');
  });

  const read = async (who: { auth: { Authorization: string } }, plan: { id: string }, status = 200) =>
    (await s.get(who.auth, `/operations/${plan.id}`).expect(status)).body as Plan;
  const share = (plan: { id: string }, body: Record<string, unknown>, who: { auth: { Authorization: string } } = owner) =>
    t.http().put(`/operations/${plan.id}/sharing`).set(who.auth).send(body);
  const grants = async (plan: { id: string }) =>
    (await t.dataSource.query(
      `SELECT a.code, g.section FROM plan_section_grants g JOIN agencies a ON a.id = g.agency_id WHERE g.operation_id = $1 ORDER BY 1, 2`,
      [plan.id],
    )) as { code: string; section: string }[];

  /** A draft of the owner's with each partner's team requested and confirmed. */
  async function planWith(...partners: Partner[]): Promise<Plan> {
    let plan = await s.draft(owner);
    for (const partner of partners) {
      plan = (
        await s
          .post(owner.auth, `/operations/${plan.id}/deployments`, {
            teamId: partner.team.id,
            headcount: 1,
            tasking: 'In support',
            version: plan.version,
          })
          .expect(201)
      ).body;
      const asked = plan.deployments.find((d) => d.team.id === partner.team.id)!;
      await s.post(partner.auth, `/operations/${plan.id}/deployments/${asked.id}/confirm`, { version: asked.version }).expect(200);
    }
    return read(owner, plan);
  }

  describe('R14b: the owner shares sections, with a reason, in the history', () => {
    it('widens and narrows what a victim-support partner sees, section by section, and records each change with its reason', async () => {
      const sa = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
      const hmrc = await s.partner('HMRC', ['TAX_COMPLIANCE']);
      const plan = await planWith(sa, hmrc);
      expect(await read(sa, plan)).not.toHaveProperty('locations');
      expect((await read(sa, plan)).sections).toEqual(['CORE', 'SAFEGUARDING']);

      const widened = (
        await share(plan, {
          version: plan.version,
          agencyId: sa.agency.id,
          sections: ['PLACES', 'PROSECUTION'],
          reason: 'The reception team meets the entry team at the address',
        }).expect(200)
      ).body;
      expect(widened.version).toBe(plan.version + 1);
      expect(widened.sharing).toEqual([
        expect.objectContaining({
          agency: expect.objectContaining({ id: sa.agency.id }),
          sections: ['PLACES', 'PROSECUTION'],
          reason: 'The reception team meets the entry team at the address',
        }),
      ]);
      const seen = await read(sa, plan);
      expect(seen.sections).toEqual(['CORE', 'PLACES', 'SAFEGUARDING', 'PROSECUTION']);
      expect(seen.locations).toEqual(plan.locations);
      expect(seen).not.toHaveProperty('sharing');

      await share(plan, {
        version: widened.version,
        agencyId: sa.agency.id,
        sections: [],
        reason: 'The meeting point moved to the RV',
      }).expect(200);
      expect(await read(sa, plan)).not.toHaveProperty('locations');
      expect(await grants(plan)).toEqual([]);

      const history = (await s.get(owner.auth, `/operations/${plan.id}/history`).expect(200)).body.filter(
        (event: { action: string }) => event.action === 'operation.sharing-changed',
      );
      expect(history.map((event: { before: unknown; after: unknown }) => [event.before, event.after])).toEqual([
        [
          { agency: { id: sa.agency.id, code: sa.agency.code, name: sa.agency.name }, sections: [] },
          {
            agency: expect.anything(),
            sections: ['PLACES', 'PROSECUTION'],
            reason: 'The reception team meets the entry team at the address',
          },
        ],
        [
          { agency: expect.anything(), sections: ['PLACES', 'PROSECUTION'] },
          { agency: expect.anything(), sections: [], reason: 'The meeting point moved to the RV' },
        ],
      ]);
      // The agency sees the changes made about it; another partner does not.
      const sharingEvents = async (who: Signed) =>
        (await s.get(who.auth, `/operations/${plan.id}/history`).expect(200)).body.filter(
          (event: { action: string }) => event.action === 'operation.sharing-changed',
        );
      expect(await sharingEvents(sa)).toHaveLength(2);
      expect(await sharingEvents(hmrc)).toEqual([]);
    });

    it('keeps an approval standing: who sees what is not the plan’s content', async () => {
      const hmrc = await s.partner('HMRC', ['TAX_COMPLIANCE']);
      const plan = await s.plan(owner, { stage: 'approved', partners: [hmrc] });
      const shared = (
        await share(plan, {
          version: plan.version,
          agencyId: hmrc.agency.id,
          sections: ['INTELLIGENCE'],
          reason: 'Their financial investigators trace the payroll',
        }).expect(200)
      ).body;
      expect(shared.status).toBe('APPROVED');
      expect((await read(hmrc, plan)).sections).toContain('INTELLIGENCE');
    });

    it('refuses bad requests with the contract’s shape and a message a person can act on, changing nothing', async () => {
      const sa = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
      const la = await s.partner('LOCAL_AUTHORITY', ['SAFEGUARDING']);
      const plan = await planWith(sa, la);
      const stranger = await createAgency(t.dataSource, { kind: 'NCA' });
      const good = { version: plan.version, agencyId: sa.agency.id, sections: ['PLACES'], reason: 'They meet the entry team' };
      const refusals: [Record<string, unknown>, number, string, RegExp][] = [
        [{ ...good, agencyId: stranger.id }, 422, 'SHARING_NOT_PERMITTED', /has no team on .*request one of its teams first/],
        [{ ...good, agencyId: owner.agency.id }, 422, 'SHARING_NOT_PERMITTED', /owns .* and already sees every section/],
        [{ ...good, agencyId: '00000000-0000-4000-8000-000000000000' }, 404, 'NOT_FOUND', /Agency .* was not found/],
        [
          { ...good, sections: ['PLACES', 'GOSSIP'] },
          400,
          'VALIDATION_FAILED',
          /Choose sections from Places, Teams, Intelligence and Prosecution/,
        ],
        [{ ...good, sections: ['CORE'] }, 400, 'VALIDATION_FAILED', /Core and Safeguarding are every partner’s already/],
        [{ ...good, version: plan.version - 1 }, 409, 'VERSION_CONFLICT', /has changed since version/],
        [{ ...good, reason: '  ' }, 400, 'VALIDATION_FAILED', /Give the reason for sharing or withdrawing these sections/],
        [
          { version: plan.version, agencyId: sa.agency.id, sections: ['INTELLIGENCE'], reason: 'x' },
          422,
          'SHARING_NOT_PERMITTED',
          /never shared with victim-support or local-authority agencies/,
        ],
        [
          { version: plan.version, agencyId: la.agency.id, sections: ['PLACES', 'INTELLIGENCE'], reason: 'x' },
          422,
          'SHARING_NOT_PERMITTED',
          /local authority agency: a plan’s intelligence is never shared/,
        ],
      ];
      for (const [body, status, code, message] of refusals) {
        const response = await share(plan, body).expect(status);
        expect(response.body).toEqual({
          statusCode: status,
          code,
          message: expect.stringMatching(message),
          ...(response.body.details ? { details: expect.anything() } : {}),
        });
      }
      await share(plan, good, sa).expect(403);
      expect(await grants(plan)).toEqual([]);
      expect((await read(owner, plan)).version).toBe(plan.version);
    });

    it('is refused by the database too: no path grants Intelligence to a victim-support agency', async () => {
      const sa = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
      const plan = await planWith(sa);
      await expect(
        t.dataSource.query(
          `INSERT INTO plan_section_grants (operation_id, agency_id, section, reason, granted_by) VALUES ($1, $2, 'INTELLIGENCE', 'x', $3)`,
          [plan.id, sa.agency.id, owner.user.id],
        ),
      ).rejects.toThrow(/intelligence is never shared with a victim-support or local-authority agency/);
    });

    it('lets one of two owners sharing at the same moment win; the other is told the plan changed', async () => {
      const hmrc = await s.partner('HMRC', ['TAX_COMPLIANCE']);
      const plan = await planWith(hmrc);
      const answers = await Promise.all(
        (['PLACES', 'INTELLIGENCE'] as const).map((section) =>
          share(plan, {
            version: plan.version,
            agencyId: hmrc.agency.id,
            sections: [section, 'TEAMS'],
            reason: `Share ${section.toLowerCase()} too`,
          }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect((await grants(plan)).map((grant) => grant.section)).toHaveLength(2);
    });

    it('shares from the page, one agency at a time, and refuses Intelligence to victim support on the page', async () => {
      const { page, post } = browserOf(() => t.http);
      const sa = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
      const plan = await planWith(sa);
      const session = await webSignIn(t.http, owner.user.email);
      let html = (await page(session, `/plans/${plan.reference}/sharing`)).text;
      expect(html).toContain(`What else ${sa.agency.name} sees`);
      const refused = await post(session, `/plans/${plan.reference}/sharing`, {
        ...drawnAt(html),
        agencyId: sa.agency.id,
        sections: ['PLACES'],
        reason: '',
      }).expect(400);
      expect(errorSummaryOf(refused.text)).toEqual([
        'Give the reason for sharing or withdrawing these sections: it goes into the plan’s history',
      ]);
      expect(refused.text).toContain(`href="#reason-${sa.agency.id}"`);
      await post(session, `/plans/${plan.reference}/sharing`, {
        ...drawnAt(html),
        agencyId: sa.agency.id,
        sections: ['PLACES'],
        reason: 'They meet the entry team there',
      }).expect(303);
      html = (await page(session, `/plans/${plan.reference}/sharing?saved=${sa.agency.id}`)).text;
      expect(html).toContain(`Saved: ${sa.agency.name} sees what the table shows`);
      expect(await grants(plan)).toEqual([{ code: sa.agency.code, section: 'PLACES' }]);
      // Intelligence is not offered to victim support, and the page says why; posted anyway, it is refused in words.
      expect(html).not.toContain('value="INTELLIGENCE"');
      expect(html).toContain('Intelligence is never shared with a victim-support or local-authority agency.');
      const intelligence = await post(session, `/plans/${plan.reference}/sharing`, {
        ...drawnAt(html),
        agencyId: sa.agency.id,
        sections: ['INTELLIGENCE'],
        reason: 'x',
      }).expect(400);
      expect(errorSummaryOf(intelligence.text)[0]).toMatch(/never shared with victim-support or local-authority agencies/);

      const partnerSession = await webSignIn(t.http, sa.user.email);
      const theirs = (await page(partnerSession, `/plans/${plan.reference}/sharing`)).text;
      expect(theirs).toContain('What your agency sees');
      expect(theirs).toContain('Places: addresses, strike times, entry and warrants');
      expect(theirs).not.toContain('They meet the entry team there');
    });
  });

  describe('R14: an agency that leaves a plan keeps only its own deployment record', () => {
    it('makes the plan a 404 for a partner released by the owner, and tells it on Your tasks', async () => {
      const dwp = await s.partner('DWP', ['BENEFITS_INVESTIGATION']);
      const plan = await planWith(dwp);
      const deployment = plan.deployments.find((d) => d.team.id === dwp.team.id)!;
      await t.http().delete(`/operations/${plan.id}/deployments/${deployment.id}?version=${plan.version}`).set(owner.auth).expect(200);
      await read(dwp, plan, 404);
      expect((await s.get(dwp.auth, '/operations?limit=100').expect(200)).body.items.map((item: { id: string }) => item.id)).not.toContain(
        plan.id,
      );
      const record = (await s.get(dwp.auth, `/operations/${plan.id}/deployments/${deployment.id}`).expect(200)).body;
      expect(record).toMatchObject({
        reference: plan.reference,
        planVisible: false,
        marking: { classification: 'OFFICIAL-SENSITIVE' },
        deployment: { id: deployment.id, status: 'RELEASED', tasking: 'In support', releaseReason: 'released by the owner' },
      });
      const tasks = (await s.get(dwp.auth, '/tasks').expect(200)).body;
      expect(tasks).toContainEqual(
        expect.objectContaining({
          kind: 'TEAM_RELEASED',
          deploymentId: deployment.id,
          summary: expect.stringMatching(
            new RegExp(`^Your team ${dwp.team.name} was released from ${plan.reference} on .+: it is free for other work$`),
          ),
        }),
      );

      const { page } = browserOf(() => t.http);
      const session = await webSignIn(t.http, dwp.user.email);
      expect((await page(session, '/')).text).toContain(`href="/plans/${plan.reference}/teams/${deployment.id}"`);
      const recordPage = (await page(session, `/plans/${plan.reference}/teams/${deployment.id}`)).text;
      expect(recordPage).toContain('Your agency no longer takes part in this plan');
      expect(recordPage).toContain('id="marking-top"');
      await page(session, `/plans/${plan.reference}`, 404);
      // Someone else's record of a plan they do not see is not found; nor is it for an admin of the team's agency (R15).
      const other = await s.partner('HMRC', ['TAX_COMPLIANCE']);
      await s.get(other.auth, `/operations/${plan.id}/deployments/${deployment.id}`).expect(404);
      const admin = await createUser(t.dataSource, dwp.agency, ['ADMIN']);
      await s
        .get({ Authorization: `Bearer ${await login(t.http, admin)}` }, `/operations/${plan.id}/deployments/${deployment.id}`)
        .expect(404);
    });

    it('keeps the plan for a partner granted a section after its team was released, and for every partner once the plan ends', async () => {
      const nca = await s.partner('NCA', ['INTELLIGENCE']);
      const hmrc = await s.partner('HMRC', ['TAX_COMPLIANCE']);
      const plan = await planWith(nca, hmrc);
      const shared = (
        await share(plan, {
          version: plan.version,
          agencyId: nca.agency.id,
          sections: ['INTELLIGENCE'],
          reason: 'NCA runs the target',
        }).expect(200)
      ).body;
      const ncaDeployment = plan.deployments.find((d) => d.team.id === nca.team.id)!;
      await t.http().delete(`/operations/${plan.id}/deployments/${ncaDeployment.id}?version=${shared.version}`).set(owner.auth).expect(200);
      expect((await read(nca, plan)).sections).toEqual(['CORE', 'PLACES', 'SAFEGUARDING', 'INTELLIGENCE']);
      const current = await read(owner, plan);
      await s
        .post(owner.auth, `/operations/${plan.id}/cancel`, { version: current.version, reason: 'Target arrested elsewhere' })
        .expect(200);
      expect((await read(hmrc, plan)).status).toBe('CANCELLED');
    });
  });

  describe('R14d: the protective marking', () => {
    it('defaults to OFFICIAL-SENSITIVE and refuses anything above it in words', async () => {
      const plan = await s.draft(owner);
      expect(plan.marking).toEqual({ classification: 'OFFICIAL-SENSITIVE', handlingInstruction: null });
      const refusal = 'Mark the plan OFFICIAL or OFFICIAL-SENSITIVE: material classified SECRET or above must not be held in this system';
      for (const classification of ['SECRET', 'TOP SECRET', 'official']) {
        const refused = await s.post(owner.auth, '/operations', { ...operationBody(), marking: { classification } }).expect(400);
        expect(refused.body).toMatchObject({
          code: 'VALIDATION_FAILED',
          message: expect.stringContaining(refusal),
          details: { fields: [{ field: 'marking.classification', problems: [refusal] }] },
        });
      }
      const long = await s
        .patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, marking: { handlingInstruction: 'x'.repeat(201) } })
        .expect(400);
      expect(long.body.details.fields).toEqual([
        { field: 'marking.handlingInstruction', problems: ['Keep the handling instruction to 200 characters or fewer'] },
      ]);
      const broken = await s
        .patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, marking: { handlingInstruction: 'Not for\nrelease' } })
        .expect(400);
      expect(broken.body.details.fields).toEqual([
        {
          field: 'marking.handlingInstruction',
          problems: ['Write the handling instruction on one line: it is printed beside the marking'],
        },
      ]);
      expect((await read(owner, plan)).version).toBe(plan.version);
    });

    it('records a change of marking in the history, and withdraws an approval as any change does', async () => {
      const plan = await s.plan(owner, { stage: 'approved' });
      const changed = (
        await s
          .patch(owner.auth, `/operations/${plan.id}`, {
            version: plan.version,
            marking: { classification: 'OFFICIAL', handlingInstruction: 'For the operation team only' },
          })
          .expect(200)
      ).body;
      expect(changed).toMatchObject({
        status: 'DRAFT',
        marking: { classification: 'OFFICIAL', handlingInstruction: 'For the operation team only' },
      });
      const history = (await s.get(owner.auth, `/operations/${plan.id}/history`).expect(200)).body;
      expect(history).toContainEqual(
        expect.objectContaining({
          action: 'operation.updated',
          before: { marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: null } },
          after: { marking: { classification: 'OFFICIAL', handlingInstruction: 'For the operation team only' } },
        }),
      );
      expect(history.map((event: { action: string }) => event.action)).toContain('operation.approval-withdrawn');
    });

    it('carries the marking in the plan list, at the top of each download, and as the first line of the plans export', async () => {
      const plan = await s.draft(owner, { marking: { classification: 'OFFICIAL', handlingInstruction: 'Not for release' } });
      const list = (await s.get(owner.auth, '/operations?limit=100').expect(200)).body.items;
      expect(list.find((item: { id: string }) => item.id === plan.id).marking).toEqual({
        classification: 'OFFICIAL',
        handlingInstruction: 'Not for release',
      });
      const markdown = await s.get(owner.auth, `/operations/${plan.id}/briefing`).set('Accept', 'text/markdown').expect(200);
      expect(markdown.text.split('\n')[0]).toBe('**OFFICIAL: Not for release**');
      expect(markdown.text.trimEnd().split('\n').pop()).toBe('**OFFICIAL: Not for release**');
      const html = await s.get(owner.auth, `/operations/${plan.id}/briefing`).set('Accept', 'text/html').expect(200);
      expect(html.text).toMatch(/<body>\s*<p class="marking">OFFICIAL: Not for release<\/p>/);
      expect(html.text).toContain('@top-center{content:"OFFICIAL\\3a  Not for release"');

      const { page } = browserOf(() => t.http);
      const session = await webSignIn(t.http, owner.user.email);
      const csv = (await page(session, `/plans/export.csv?q=${plan.reference}`)).text.replace(/^\uFEFF/, '').split('\r\n');
      expect(csv[0]).toBe('OFFICIAL');
      expect(csv[1]).toMatch(/^Reference,Name,Protective marking,/);
      expect(csv[2]).toContain(',OFFICIAL: Not for release,');
      const sensitive = await s.draft(owner);
      const both = (await page(session, '/plans/export.csv?q=OP-')).text.replace(/^\uFEFF/, '').split('\r\n');
      expect(both[0]).toBe('OFFICIAL-SENSITIVE');
      expect(both.join('\n')).toContain(sensitive.reference);
      const empty = (await page(session, '/plans/export.csv?q=no-such-plan-anywhere')).text.replace(/^\uFEFF/, '').split('\r\n');
      expect(empty[0]).toMatch(/^Reference,/);
    });

    it('shows the marking at the top and the foot of every page of the plan, and lets the owner set it on the details page', async () => {
      const { page, post } = browserOf(() => t.http);
      const plan = await s.draft(owner);
      const session = await webSignIn(t.http, owner.user.email);
      const html = (await page(session, `/plans/${plan.reference}/details`)).text;
      expect(html).toMatch(/<p class="app-marking" id="marking-top">OFFICIAL-SENSITIVE<\/p>/);
      expect(html).toMatch(/<p class="app-marking" id="marking-bottom">OFFICIAL-SENSITIVE<\/p>/);
      const when = Object.fromEntries(
        ['startsAt', 'endsAt'].flatMap((field) =>
          ['day', 'month', 'year', 'time'].map((part) => [`${field}-${part}`, valueOf(html, `${field}-${part}`)]),
        ),
      );
      const saved = await post(session, `/plans/${plan.reference}/details`, {
        ...drawnAt(html),
        name: plan.name,
        exploitationTypes: plan.exploitationTypes,
        scope: plan.scope,
        classification: 'OFFICIAL',
        handlingInstruction: 'Operation team only',
        ...when,
      });
      expect(saved.status).toBe(303);
      expect((await read(owner, plan)).marking).toEqual({ classification: 'OFFICIAL', handlingInstruction: 'Operation team only' });
      expect((await page(session, `/plans/${plan.reference}/history`)).text).toContain(
        'id="marking-bottom">OFFICIAL: Operation team only</p>',
      );
    });
  });
});
