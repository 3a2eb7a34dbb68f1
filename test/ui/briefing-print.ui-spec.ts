import { createTeam } from '../factories';
import { Plan, Scenario } from '../factories/scenario';
import { pastRightMargin, pdfLayout, type PdfPage } from '../support/pdf-text';
import type { TestApp } from '../support/test-app';
import { browserSuite } from './support/browser';

// A browser under a machine busy with the rest of the suite is slow; no test here measures time.
jest.setTimeout(180_000);

const MARKING = 'OFFICIAL-SENSITIVE: Not to be shared outside the agencies on this plan';
// The print's side margin is 15 mm (42.5 pt): nothing may be drawn in it.
const SIDE_MARGIN_PT = 40;
const TEAMS = 14;
// A word a browser cannot break at a space: it must still wrap inside its cell.
const UNBROKEN = 'safeguarding.lead.officer.operation.nightingale@westmidlands.police.uk';

/** Issue 28: the briefing page printed from the browser (A4, Chromium) reads as a briefing pack. */
describe('The briefing page printed from a browser (Chromium, headless)', () => {
  const ui = browserSuite();
  const { open, checked, signIn } = ui;
  let t: TestApp;
  let s: Scenario;
  beforeAll(() => {
    t = ui.app();
    s = new Scenario(t);
  });

  /** A ready plan with many teams, each with a long tasking and one naming an address that has no space to break at. */
  async function crowdedPlan(): Promise<{ plan: Plan; email: string }> {
    const owner = await s.owner();
    let plan = await s.plan(owner, {
      stage: 'ready',
      body: {
        marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: 'Not to be shared outside the agencies on this plan' },
      },
    });
    for (let number = 1; number <= TEAMS; number++) {
      const team = await createTeam(t.dataSource, owner.agency, { capabilities: owner.team.capabilities });
      plan = (
        await s
          .post(owner.auth, `/operations/${plan.id}/deployments`, {
            teamId: team.id,
            headcount: 4,
            callSign: `Tango ${number}`,
            tasking:
              `Cordon the rear of the premises, hold the yard and the alley behind it, record everyone leaving and report to ${UNBROKEN} ` +
              'before standing down; safeguarding officers stay with any potential victim until the reception centre takes over.',
            version: plan.version,
          })
          .expect(201)
      ).body;
    }
    return { plan, email: owner.user.email };
  }

  const lines = (page: PdfPage) => page.text.split('\n');

  it('offers the pack as a PDF, Word, Markdown and HTML, and prints on A4 with the marking and page number on every sheet, within the margins', async () => {
    const { plan, email } = await crowdedPlan();
    const page = await open(false);
    await signIn(page, email);
    await page.goto(`/plans/${plan.reference}/briefing`);
    await checked(page);
    const links = Object.fromEntries(
      await Promise.all(
        ['Download as PDF', 'Download as Word', 'Markdown', 'HTML'].map(
          async (name) => [name, await page.getByRole('link', { name, exact: true }).getAttribute('href')] as const,
        ),
      ),
    );
    expect(links).toEqual({
      'Download as PDF': `/plans/${plan.reference}/briefing/pack.pdf`,
      'Download as Word': `/plans/${plan.reference}/briefing/pack.docx`,
      Markdown: `/plans/${plan.reference}/briefing/pack.md`,
      HTML: `/plans/${plan.reference}/briefing/pack.html`,
    });
    const pdf = await page.request.get(links['Download as PDF']!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    const sheets = await pdfLayout(await page.pdf({ format: 'A4', printBackground: true }));
    expect(sheets.length).toBeGreaterThan(2);
    sheets.forEach((sheet, at) => {
      expect(Math.abs(sheet.width - 595.3)).toBeLessThan(1);
      const text = lines(sheet);
      expect(text[0]).toBe(MARKING);
      expect(text.at(-1)).toContain(MARKING);
      expect(text.at(-1)).toContain(`page ${at + 1} of ${sheets.length}`);
      expect(pastRightMargin(sheet, SIDE_MARGIN_PT)).toEqual([]);
      expect(sheet.items.filter((item) => item.x < SIDE_MARGIN_PT)).toEqual([]);
    });
    const all = sheets.map((sheet) => sheet.text).join('\n');
    // The Teams table's header, repeated on each sheet it runs over, reaches its last column, Status.
    const teamsHeaders = all.split('\n').filter((line) => line.startsWith('Team Agency Officers Tasking Powers'));
    expect(teamsHeaders.length).toBeGreaterThan(1);
    teamsHeaders.forEach((header) => expect(header).toMatch(/ Window Status$/));
    expect(all).not.toMatch(/Signed in as|Skip to main content|Print this page/);
    // The address wraps inside its cell: its pieces, read in order, make it whole again.
    expect(all.replace(/\s+/g, '')).toContain(UNBROKEN);
    // No heading is the last thing printed above a page's foot, away from what it heads.
    const headings = await page.locator('main h2, main h3').allInnerTexts();
    expect(headings).toContain('Administration');
    expect(sheets.map((sheet) => lines(sheet).at(-2)).filter((last) => headings.includes(last!))).toEqual([]);
    // Nothing of the screen's frame is printed: no grey band of the page's background below the content.
    await page.emulateMedia({ media: 'print' });
    await expect(page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).resolves.toBe('rgb(255, 255, 255)');
  });
});
