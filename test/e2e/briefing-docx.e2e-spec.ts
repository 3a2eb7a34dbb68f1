import { LABELS } from '../../src/common/labels';
import { unique } from '../factories';
import { Auth, Plan } from '../factories/scenario';
import { webSignIn } from '../support/browser-session';
import { partsOf, textOf } from '../support/docx-text';
import { binary } from '../support/pdf-text';
import { useApp } from '../support/use-app';

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const SECTIONS = Object.values(LABELS.briefingSection);
const TEAMS_HEADER = ['Team', 'Agency', 'Officers', 'Tasking', 'Powers', 'RV point', 'Call sign', 'Window', 'Status'];

/** The texts of the paragraphs in a Word style (Heading1: the sections), in order. */
const styled = (body: string, style: string) =>
  [...body.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g)]
    .map(([paragraph]) => paragraph)
    .filter((paragraph) => paragraph.includes(`<w:pStyle w:val="${style}"/>`))
    .map(textOf);

/** The tables of a document, each as its rows' XML. */
const tablesOf = (body: string) =>
  [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([table]) => table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []);
const cellsOf = (row: string) => (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf);

/** Issue 28: the briefing pack as a Word document, under its marking on every page, as the reader may see it. */
describe('the briefing pack as a Word document', () => {
  const { t, s } = useApp();
  const marking = { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: 'Share only with the agencies on this plan' };
  let owner: Awaited<ReturnType<typeof s.owner>>;
  let victimSupport: Awaited<ReturnType<typeof s.partner>>;
  let hmrc: Awaited<ReturnType<typeof s.partner>>;
  let plan: Plan;
  const subject = unique('Zbigniew Subject');

  const docx = (who: Auth, id: string) => s.get(who, `/operations/${id}/briefing.docx`).buffer(true).parse(binary);

  beforeAll(async () => {
    owner = await s.owner();
    hmrc = await s.partner('HMRC');
    victimSupport = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
    plan = await s.plan(owner, { stage: 'ready', body: { marking }, partners: [hmrc, victimSupport] });
    const { version } = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    await s
      .post(owner.auth, `/operations/${plan.id}/subjects`, { version, kind: 'PERSON', fullName: subject, dateOfBirth: '1980-02-01' })
      .expect(201);
  });

  it('puts the marking at the top and foot of every page, with the reference and Word’s page N of M fields at the foot, on A4', async () => {
    const response = await docx(owner.auth, plan.id).expect(200);
    expect(response.headers['content-type']).toBe(WORD);
    expect(response.headers['cache-control']).toBe('no-store');
    const { body, headers, footers } = partsOf(response.body);
    const printed = `${marking.classification}: ${marking.handlingInstruction}`;
    expect(textOf(headers)).toContain(printed);
    expect(textOf(footers)).toContain(printed);
    expect(textOf(footers)).toContain(`${plan.reference} — page `);
    expect(footers).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footers).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('has the IIMARCH sections as headings kept with what follows, and the Teams table with its header repeated and no row split', async () => {
    const { body } = partsOf((await docx(owner.auth, plan.id).expect(200)).body);
    const headings = styled(body, 'Heading1');
    expect(headings.filter((heading) => SECTIONS.includes(heading))).toEqual(SECTIONS);
    expect(body.match(/<w:pStyle w:val="Heading1"\/><w:keepNext\/>/g)).toHaveLength(headings.length);
    const teams = tablesOf(body).find((rows) => rows.length > 0 && cellsOf(rows[0]).join('|') === TEAMS_HEADER.join('|'));
    expect(teams).toBeDefined();
    const [header, ...rows] = teams!;
    expect(header).toContain('<w:tblHeader/>');
    expect(rows.map((row) => row.includes('<w:tblHeader/>'))).not.toContain(true);
    expect(teams!.map((row) => row.includes('<w:cantSplit/>'))).not.toContain(false);
    expect(rows.map((row) => cellsOf(row)[0])).toContain(hmrc.team.name);
    expect(textOf(body)).toContain(subject);
  });

  it('leaves out of a victim-support partner’s document the Information section and the subjects, which it may not see', async () => {
    const { body } = partsOf((await docx(victimSupport.auth, plan.id).expect(200)).body);
    const headings = styled(body, 'Heading1');
    expect(headings).not.toContain(LABELS.briefingSection.information);
    expect(headings).toContain(LABELS.briefingSection.humanitarian);
    expect(body).not.toContain(subject);
  });

  it('is not found for an agency not on the plan, and refuses an id that is not one', async () => {
    const stranger = await s.owner();
    const notFound = await s.get(stranger.auth, `/operations/${plan.id}/briefing.docx`).expect(404);
    expect(notFound.body.code).toBe('NOT_FOUND');
    const malformed = await s.get(owner.auth, '/operations/not-an-id/briefing.docx').expect(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });

  it('downloads from the briefing page’s address as a file named by the reference, for the plan’s readers only', async () => {
    const mine = await webSignIn(t.http, owner.user.email);
    const download = await t
      .http()
      .get(`/plans/${plan.reference}/briefing/pack.docx`)
      .set('Cookie', mine.cookie)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(download.headers['content-type']).toBe(WORD);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${plan.reference}-briefing.docx"`);
    expect(textOf(partsOf(download.body).body)).toContain(subject);

    const theirs = await webSignIn(t.http, (await s.owner()).user.email);
    for (const reference of [plan.reference, 'not-a-reference']) {
      const refused = await t.http().get(`/plans/${reference}/briefing/pack.docx`).set('Cookie', theirs.cookie).expect(404);
      expect(refused.text).toContain('<title>Page not found – Day of action planner</title>');
      expect(refused.text).not.toContain(plan.name);
    }
  });
});
