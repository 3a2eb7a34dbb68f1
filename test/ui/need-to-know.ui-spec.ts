import type { Page } from 'playwright-core';
import { createTeam, randomPostcode, unique } from '../factories';
import { Owner, Plan, Scenario } from '../factories/scenario';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';
import { pdfPages } from '../support/pdf-text';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(120_000);

describe('Need-to-know in a browser (Chromium, headless): a victim-support partner, and the printed briefing’s marking', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  const tag = unique();
  const digits = String(Math.floor(Math.random() * 1e5)).padStart(5, '0');
  const secrets = {
    phone: [`07700 9${digits}`, `+4477009${digits}`],
    hit: [`Ack ${tag}: NCA to stand down the E7 address`],
    warrant: [`SW-${tag}`],
    cpsNote: [`CPS ${tag}: advice on charging the gangmaster`],
  };
  const receptionCentre = `Sparkhill reception centre ${tag}`;
  const tasking = `Receive and support potential victims at ${receptionCentre}`;

  /**
   * A police force's plan, as the issue found it: a reception team of a victim-support agency on it
   * beside intelligence (a subject's phone, a deconfliction hit acknowledged with a note), a warrant
   * and a request to the CPS with its note.
   */
  async function planWithVictimSupport(): Promise<{ owner: Owner; plan: Plan; partnerEmail: string; partnerTeam: string }> {
    const owner = await s.owner('POLICE');
    const postcode = randomPostcode();
    const startsAt = new Date(Date.now() + 20 * 24 * 3600_000);
    startsAt.setUTCHours(5, 0, 0, 0);
    const endsAt = new Date(startsAt.getTime() + 10 * 3600_000);
    let plan = await s.draft(owner, {
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: 'Not for release' },
      briefing: {
        information: Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of the intelligence picture.`).join('\n\n'),
        intent: 'Safeguard the workers.',
      },
      locations: [
        {
          label: 'Nail bar',
          address: '3 Stratford Road, Birmingham',
          postcode,
          entry: {
            basis: 'WARRANT',
            warrant: {
              type: 'Search warrant',
              court: 'Birmingham Magistrates',
              reference: secrets.warrant[0],
              expiresAt: endsAt.toISOString(),
            },
          },
        },
      ],
      safeguarding: { expectedPotentialVictims: 4, languages: ['Vietnamese'], receptionCentre },
    });
    plan = (
      await t
        .http()
        .put(`/operations/${plan.id}/lead-agency`)
        .set(owner.auth)
        .send({ agencyId: owner.agency.id, version: plan.version })
        .expect(200)
    ).body;
    const own = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY', 'SAFEGUARDING'] });
    plan = (
      await s
        .post(owner.auth, `/operations/${plan.id}/deployments`, { teamId: own.id, headcount: 2, tasking: 'Entry', version: plan.version })
        .expect(201)
    ).body;
    const partner = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION', 'SAFEGUARDING']);
    plan = (
      await s
        .post(owner.auth, `/operations/${plan.id}/deployments`, { teamId: partner.team.id, headcount: 2, tasking, version: plan.version })
        .expect(201)
    ).body;
    const asked = plan.deployments.find((d) => d.team.id === partner.team.id)!;
    await s.post(partner.auth, `/operations/${plan.id}/deployments/${asked.id}/confirm`, { version: asked.version }).expect(200);
    const version = async () => (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body.version;
    await s
      .post(owner.auth, `/operations/${plan.id}/cps-involvement`, {
        ...s.cpsRequest(plan),
        version: await version(),
        note: secrets.cpsNote[0],
      })
      .expect(200);
    await s
      .post(owner.auth, `/operations/${plan.id}/subjects`, { kind: 'PHONE', phone: secrets.phone[0], version: await version() })
      .expect(201);
    const nca = await s.owner('NCA');
    await s.draft(nca, {
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      locations: [{ label: 'Flat', address: '5 Stratford Road', postcode }],
    });
    const [hit] = (await s.get(owner.auth, `/operations/${plan.id}/conflicts`).expect(200)).body;
    await s
      .post(owner.auth, `/operations/${plan.id}/conflicts/${hit.hitId}/acknowledge`, { note: secrets.hit[0], version: await version() })
      .expect(200);
    return { owner, plan, partnerEmail: partner.user.email, partnerTeam: partner.team.name };
  }

  const text = (page: Page) => page.locator('body').innerText();
  const leaked = (body: string) =>
    Object.entries(secrets).flatMap(([name, forms]) => (forms.some((form) => body.includes(form)) ? [name] : []));

  it('shows a victim-support partner the reception centre and its own tasking, and no subject, hit, warrant or CPS note, on every page; axe finds nothing', async () => {
    const { plan, partnerEmail } = await planWithVictimSupport();
    const page = await open(false);
    await signIn(page, partnerEmail);
    for (const path of [
      '',
      '/safeguarding',
      '/teams',
      '/subjects',
      '/conflicts',
      '/locations',
      '/cps',
      '/evidence',
      '/details',
      '/risks',
      '/briefing',
      '/history',
      '/sharing',
    ]) {
      await page.goto(`/plans/${plan.reference}${path}`);
      await checked(page);
      const body = await text(page);
      expect([path, leaked(body)]).toEqual([path, []]);
      // The marking at the top and the foot of every page of the plan.
      await expect(page.locator('#marking-top').innerText()).resolves.toBe('OFFICIAL-SENSITIVE: Not for release');
      await expect(page.locator('#marking-bottom').innerText()).resolves.toBe('OFFICIAL-SENSITIVE: Not for release');
      if (['/subjects', '/conflicts', '/locations', '/cps'].includes(path))
        expect(body).toContain('Not shared with your agency: ask the plan’s owner');
    }
    await page.goto(`/plans/${plan.reference}/safeguarding`);
    await expect(text(page)).resolves.toContain(receptionCentre);
    await page.goto(`/plans/${plan.reference}/teams`);
    await expect(page.locator('main table').innerText()).resolves.toContain(tasking);

    const scripted = await open(true);
    await signIn(scripted, partnerEmail);
    await scripted.goto(`/plans/${plan.reference}/briefing`);
    await checked(scripted);
    const briefing = await text(scripted);
    expect(leaked(briefing)).toEqual([]);
    expect(briefing).toContain(receptionCentre);
    expect(briefing).toContain(
      'Not shared with your agency: Places, Intelligence, Prosecution; and anything of other agencies’ teams but their name and status.',
    );
  });

  it('prints the briefing pack with the marking and "page N of M" on every printed page', async () => {
    const { owner, plan } = await planWithVictimSupport();
    const page = await open(true);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}/briefing`);
    await checked(page);
    const pages = await pdfPages(await page.pdf({ format: 'A4' }));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((sheet, index) => {
      expect([index + 1, sheet]).toEqual([index + 1, expect.stringContaining('OFFICIAL-SENSITIVE: Not for release')]);
      expect(sheet).toContain(`page ${index + 1} of ${pages.length}`);
    });
    // The owner's pack holds what the partner's leaves out.
    expect(pages.join('\n')).toContain(secrets.warrant[0]);
  });

  it('lets the owner share a section from its page, and a partner released by the owner read only its own team’s record', async () => {
    const { owner, plan, partnerEmail, partnerTeam } = await planWithVictimSupport();
    const page = await open(false);
    await signIn(page, owner.user.email);
    await page.goto(`/plans/${plan.reference}/sharing`);
    await checked(page);
    const partnerForm = page.locator('form', { has: page.getByText(`What else`) }).first();
    await partnerForm.getByLabel('Places: addresses, strike times, entry and warrants').check();
    await partnerForm.getByLabel('Why').fill('The reception team meets the entry team at the nail bar');
    await partnerForm.getByRole('button', { name: /^Save what/ }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('sees what the table shows');
    await checked(page);
    // Unticked and saved, the section is withdrawn: an agency granted nothing leaves the plan with its last team.
    await partnerForm.getByLabel('Places: addresses, strike times, entry and warrants').uncheck();
    await partnerForm.getByLabel('Why').fill('They meet the entry team at the RV instead');
    await partnerForm.getByRole('button', { name: /^Save what/ }).click();
    await expect(page.locator('main table').innerText()).resolves.not.toContain('Shared by the owner');

    await page.goto(`/plans/${plan.reference}/teams`);
    const current = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body as Plan;
    const theirs = current.deployments.find((d) => d.team.name === partnerTeam)!;
    await t.http().delete(`/operations/${plan.id}/deployments/${theirs.id}?version=${current.version}`).set(owner.auth).expect(200);

    const partner = await open(false);
    await signIn(partner, partnerEmail);
    await checked(partner);
    await expect(partner.locator('main table').innerText()).resolves.toContain(
      `Your team ${partnerTeam} was released from ${plan.reference}`,
    );
    await partner.getByRole('link', { name: plan.reference }).click();
    await expect(partner.locator('h1').innerText()).resolves.toContain(partnerTeam);
    await expect(text(partner)).resolves.toContain('Your agency no longer takes part in this plan');
    await checked(partner);
    expect(leaked(await text(partner))).toEqual([]);
  });
});
