import { LABELS } from '../../src/common/labels';
import { randomPostcode, unique } from '../factories';
import { Auth } from '../factories/scenario';
import { webSignIn } from '../support/browser-session';
import { binary, pastRightMargin, pdfLayout, PdfPage, pdfText } from '../support/pdf-text';
import { useApp } from '../support/use-app';

const MARKING = 'OFFICIAL-SENSITIVE: Not to be shared outside the agencies on this plan';
/** The PDF's side margin in points: nothing may be drawn closer than this to the right edge of the sheet. */
const SIDE_MARGIN = 40;
const SECTION_HEADINGS = Object.values(LABELS.briefingSection);
const OWNER_HEADINGS = [
  ...SECTION_HEADINGS,
  'Subjects of interest',
  'Command',
  'Timeline',
  'Teams',
  'Locations and entry',
  'Risk register, highest residual risk first',
  'NRM first responders on the day',
  'Interpreters',
  'Evidence required by the CPS',
];

/** Forty risks, each with its own marker and long control measures, so the register runs over several pages. */
const RISKS = Array.from({ length: 40 }, (_, at) => ({
  hazard: 'OTHER',
  hazardDetail: `Hazard marker ${String(at).padStart(2, '0')}`,
  likelihood: 1 + (at % 5),
  impact: 1 + ((at * 3) % 5),
  controls: `Control ${at}: ${'Brief the entry team on the layout, stage the dog handler at the rear and keep medics at the RV. '.repeat(2)}`,
  residual: 'LOW',
  owner: `Owner marker ${String(at).padStart(2, '0')}`,
  acceptedBy: 'Supt Hale',
}));

/** The lines of a page between its header (the marking) and its foot (the marking, then the page line). */
const body = (page: PdfPage) => page.text.split('\n').slice(1, -2);

/** Issue 28: the briefing pack as the PDF officers carry, laid out on the server. */
describe('the briefing pack as a PDF', () => {
  const { t, s } = useApp();

  const pdf = async (who: Auth, id: string) => {
    const response = await t.http().get(`/operations/${id}/briefing.pdf`).set(who).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    return pdfLayout(response.body as Buffer);
  };

  async function planOfMany() {
    const owner = await s.owner();
    const hmrc = await s.partner('HMRC');
    const victims = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
    const tag = unique();
    const plan = await s.plan(owner, {
      stage: 'ready',
      partners: [hmrc, victims],
      body: {
        marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: 'Not to be shared outside the agencies on this plan' },
        briefing: {
          information: `Intelligence ${tag}: the controllers move the workers between the car washes at night.`,
          intent: 'Safeguard the workers; arrest the controllers.',
          method: 'Simultaneous entry at both addresses at 06:00.',
          administration: 'Refreshments at the RV.',
          risk: 'See the register.',
          communications: 'Talkgroup on the day.',
          humanitarian: 'Reception centre at the leisure centre.',
        },
        locations: [{ label: 'Car wash', address: '12 Ladypool Road, Birmingham', postcode: randomPostcode() }],
        risks: RISKS,
      },
    });
    const nominal = `Nominal ${tag}`;
    await s
      .post(owner.auth, `/operations/${plan.id}/subjects`, {
        kind: 'PERSON',
        fullName: nominal,
        dateOfBirth: '1984-02-01',
        version: plan.version,
      })
      .expect(201);
    return { owner, hmrc, victims, plan, tag, nominal };
  }

  it('carries the marking at the top and foot of every page, with the reference, page N of M, the version and the time it was produced', async () => {
    const { owner, plan } = await planOfMany();
    const version = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body.version;

    const pages = await pdf(owner.auth, plan.id);

    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, at) => {
      const lines = page.text.split('\n');
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.height).toBeCloseTo(841.89, 1);
      expect(lines[0]).toBe(MARKING);
      expect(lines.at(-2)).toBe(MARKING);
      expect(lines.at(-1)).toMatch(
        new RegExp(
          `^${plan.reference} — page ${at + 1} of ${pages.length} · Version ${version} · Produced \\w{3}, \\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2} (GMT|BST)$`,
        ),
      );
    });
  });

  it('prints the whole of the longest marking, a 200-character handling instruction over several lines, above and below the text of every page', async () => {
    const owner = await s.owner();
    const instruction =
      `Not to be shared outside the agencies named on this plan; ${'ask the owner before copying any page of it to anyone else; '.repeat(3)}`
        .slice(0, 200)
        .trim();
    const plan = await s.plan(owner, {
      stage: 'ready',
      body: { marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: instruction }, risks: RISKS },
    });
    const marking = `OFFICIAL-SENSITIVE: ${instruction}`;

    const pages = await pdf(owner.auth, plan.id);

    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, at) => {
      const lines = page.text.split('\n');
      const last = lines.at(-1) ?? '';
      expect(page.text.replace(/\n/g, ' ').startsWith(at === 0 ? `${marking} ${plan.reference}: ` : `${marking} `)).toBe(true);
      expect(lines.slice(0, -1).join(' ').endsWith(marking)).toBe(true);
      expect(last).toContain(`${plan.reference} — page ${at + 1} of ${pages.length}`);
    });
  });

  it('holds every section for the owner, fits the page width, repeats the register’s header on each page, splits no row and ends no page on a heading', async () => {
    const { owner, plan, nominal } = await planOfMany();

    const pages = await pdf(owner.auth, plan.id);
    const lines = pages.flatMap(body);

    for (const heading of OWNER_HEADINGS) expect(lines).toContain(heading);
    expect(lines.join('\n')).toContain(nominal);
    expect(pages.flatMap((page) => pastRightMargin(page, SIDE_MARGIN))).toEqual([]);
    const register = pages.filter((page) => page.flow.includes('Hazard marker'));
    expect(register.length).toBeGreaterThan(1);
    for (const page of register)
      expect(page.text).toMatch(/^Hazard Likelihood Impact Score Control measures Residual risk Owner Accepted by$/m);
    for (const [at, risk] of RISKS.entries()) {
      const holding = pages.filter((page) => page.flow.includes(risk.hazardDetail));
      expect({ at, pages: holding.length, owner: holding[0]?.flow.includes(risk.owner) }).toEqual({ at, pages: 1, owner: true });
    }
    for (const page of pages.slice(0, -1)) expect(OWNER_HEADINGS).not.toContain(body(page).at(-1));
  });

  it('holds only what is shared: no Intelligence for a law-enforcement partner without the grant, nor for victim support, who sees no premises either', async () => {
    const { hmrc, victims, plan, tag, nominal } = await planOfMany();

    for (const [reader, places] of [
      [hmrc, true],
      [victims, false],
    ] as const) {
      const text = (await pdf(reader.auth, plan.id)).map((page) => page.text).join('\n');
      const lines = text.split('\n');
      expect(lines).not.toContain('Information');
      expect(lines).not.toContain('Subjects of interest');
      expect(text).not.toContain(nominal);
      expect(text).not.toContain(`Intelligence ${tag}`);
      expect(lines).toContain('Intent');
      expect(lines.includes('Locations and entry')).toBe(places);
      expect(text.includes('Ladypool Road')).toBe(places);
    }
  });

  it('answers 404 for a plan the caller may not see, 400 for an id that is not one, and 401 to nobody signed in', async () => {
    const { plan } = await planOfMany();
    const stranger = await s.owner('NCA');

    const hidden = await s.get(stranger.auth, `/operations/${plan.id}/briefing.pdf`).expect(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    const malformed = await s.get(stranger.auth, '/operations/not-a-plan/briefing.pdf').expect(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    await t.http().get(`/operations/${plan.id}/briefing.pdf`).expect(401);
  });

  it('downloads from the briefing page as a file named by the reference, holding the pack, for the plan’s readers only', async () => {
    const { owner, plan, nominal } = await planOfMany();
    const mine = await webSignIn(t.http, owner.user.email);

    const download = await t
      .http()
      .get(`/plans/${plan.reference}/briefing/pack.pdf`)
      .set('Cookie', mine.cookie)
      .buffer(true)
      .parse(binary)
      .expect(200);

    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${plan.reference}-briefing.pdf"`);
    expect(await pdfText(download.body as Buffer)).toContain(nominal);
    const theirs = await webSignIn(t.http, (await s.owner('NCA')).user.email);
    for (const reference of [plan.reference, 'not-a-reference']) {
      const refused = await t.http().get(`/plans/${reference}/briefing/pack.pdf`).set('Cookie', theirs.cookie).expect(404);
      expect(refused.text).toContain('<title>Page not found – Day of action planner</title>');
      expect(refused.text).not.toContain(plan.name);
    }
  });
});
