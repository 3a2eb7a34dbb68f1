import { createTeam, randomPostcode } from '../factories';
import { Plan, Scenario } from '../factories/scenario';
import { pastRightMargin, pdfLayout } from '../support/pdf-text';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(180_000);

const MARKING = 'OFFICIAL-SENSITIVE: Not to be shared outside the agencies on this plan';

/** Issue 28: the premises cards page printed from the browser (A4, Chromium): a sheet for each address. */
describe('The premises cards printed from a browser (Chromium, headless)', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  /** A plan with three locations, each with everything a card shows: a warrant, a site commander, a team and two risks that name it. */
  async function threePlaces(): Promise<{ plan: Plan; email: string }> {
    const owner = await s.owner();
    const labels = ['Car wash', 'House', 'Nail bar'];
    let plan = await s.draft(owner, {
      marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: 'Not to be shared outside the agencies on this plan' },
      locations: labels.map((label, at) => ({
        label,
        address: `${at + 10} Ladypool Road, Sparkbrook, Birmingham`,
        postcode: randomPostcode(),
        siteCommander: { name: 'Raj Patel', rankOrGrade: 'Inspector', agency: 'West Midlands Police', phone: '0121 626 5001' },
        entry: {
          basis: 'WARRANT',
          warrant: {
            type: 'Search warrant, s8 PACE 1984',
            court: 'Birmingham Magistrates’ Court',
            reference: `BMC/2027/014${at}`,
            expiresAt: '2027-12-31T23:59:00Z',
          },
        },
      })),
      risks: labels.flatMap((label) => [
        {
          hazard: 'DOGS',
          likelihood: 3,
          impact: 3,
          controls: `Dog handler with the entry team at the ${label}`,
          residual: 'LOW',
          owner: 'PS 2231 Jones',
        },
        {
          hazard: 'HOSTILE_OCCUPANTS',
          likelihood: 3,
          impact: 4,
          controls: `Two officers with Taser at the rear of the ${label}; an ambulance on standby at the RV point`,
          residual: 'MEDIUM',
          owner: 'Insp Shah',
        },
      ]),
      communications: { radioChannel: 'Airwave talkgroup WM-OPS-3', controlRoomNumber: '0121 626 5000' },
      safeguarding: {
        expectedPotentialVictims: 6,
        languages: ['Romanian', 'Vietnamese'],
        receptionCentre: 'Sparkhill reception centre, 1 Stratford Road',
        interpreters: [
          { language: 'Romanian', name: 'Big Word, booked 04:00 to 16:00' },
          { language: 'Vietnamese', name: 'Language Line, on call' },
        ],
      },
    });
    for (const [at, location] of (plan.locations ?? []).entries()) {
      const team = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY'] });
      plan = (
        await s
          .post(owner.auth, `/operations/${plan.id}/deployments`, {
            teamId: team.id,
            headcount: 4,
            callSign: `Tango ${at + 1}`,
            locationIds: [location.id],
            version: plan.version,
          })
          .expect(201)
      ).body;
    }
    return { plan, email: owner.user.email };
  }

  it('is reached from the plan, offers the PDF, and prints each card on a sheet of its own under the marking', async () => {
    const { plan, email } = await threePlaces();
    const page = await open(false);
    await signIn(page, email);
    await page.goto(`/plans/${plan.reference}`);
    await page.getByRole('link', { name: 'Premises cards', exact: true }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Premises cards');
    await checked(page);
    await expect(page.getByRole('link', { name: 'Download as PDF', exact: true }).getAttribute('href')).resolves.toBe(
      `/plans/${plan.reference}/cards.pdf`,
    );

    const sheets = await pdfLayout(await page.pdf({ format: 'A4', printBackground: true }));
    expect(sheets).toHaveLength(3);
    sheets.forEach((sheet, at) => {
      const lines = sheet.text.split('\n');
      expect(lines[0]).toBe(MARKING);
      expect(lines.at(-1)).toContain(MARKING);
      expect(lines.at(-1)).toContain(`page ${at + 1} of 3`);
      expect(pastRightMargin(sheet, 40)).toEqual([]);
      (plan.locations ?? []).forEach((location, other) => {
        expect([location.label, sheet.text.includes(location.address)]).toEqual([location.label, other === at]);
      });
      expect(sheet.text).toContain(`Tango ${at + 1}`);
    });
  });
});
