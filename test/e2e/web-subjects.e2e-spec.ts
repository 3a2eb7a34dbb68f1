import { randomPostcode } from '../factories';
import { Owner } from '../factories/scenario';
import { browserOf, drawnAt, errorSummaryOf, valueOf, WebSession, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

/** Issue 17 in the browser without JavaScript: the subjects page, and subject hits on the conflicts page. */
describe('Web pages: subjects of interest', () => {
  const { t, s } = useApp();
  let nca: Owner;
  let police: Owner;
  let ncaSession: WebSession;
  let policeSession: WebSession;

  beforeEach(async () => {
    nca = await s.owner('NCA');
    police = await s.owner('POLICE');
    [ncaSession, policeSession] = await Promise.all([webSignIn(t.http, nca.user.email), webSignIn(t.http, police.user.email)]);
  });

  const { page, post } = browserOf(() => t.http);
  const digits = () => String(Math.floor(Math.random() * 1e5)).padStart(5, '0');

  it('adds a person with a date of birth and aliases, and a phone, and removes one', async () => {
    const plan = await s.draft(nca);
    const path = `/plans/${plan.reference}/subjects`;
    let html = (await page(ncaSession, path)).text;
    expect(html).toContain('<h1 class="govuk-heading-l">Subjects of interest</h1>');
    await post(ncaSession, path, {
      ...drawnAt(html),
      kind: 'PERSON',
      fullName: 'Jan Kowalski',
      'dateOfBirth-day': '1',
      'dateOfBirth-month': '2',
      'dateOfBirth-year': '1980',
      aliases: 'Janek\r\nJohn K',
      phone: '',
      registration: '',
      email: '',
    }).expect(303);
    html = (await page(ncaSession, path)).text;
    await post(ncaSession, path, { ...drawnAt(html), kind: 'PHONE', phone: `07700 9${digits()}` }).expect(303);
    html = (await page(ncaSession, path)).text;
    expect(html).toContain('Jan Kowalski, born 1 February 1980; also known as Janek, John K');
    expect(html).toMatch(/\+4477009\d{5}/);

    const subjects = (await s.get(nca.auth, `/operations/${plan.id}/subjects`).expect(200)).body.subjects;
    expect(subjects.map((subject: { kind: string }) => subject.kind)).toEqual(['PERSON', 'PHONE']);
    await post(ncaSession, `${path}/remove`, { ...drawnAt(html), subjectId: subjects[1].id }).expect(303);
    expect((await s.get(nca.auth, `/operations/${plan.id}/subjects`).expect(200)).body.subjects).toHaveLength(1);
  });

  it('lists what is wrong in the error summary, in form order, keeping what was typed', async () => {
    const plan = await s.draft(nca);
    const path = `/plans/${plan.reference}/subjects`;
    const html = (await page(ncaSession, path)).text;
    const noKind = await post(ncaSession, path, { ...drawnAt(html), fullName: 'Someone' }).expect(400);
    expect(errorSummaryOf(noKind.text)).toEqual(['Select what kind of subject this is']);
    const badDate = await post(ncaSession, path, {
      ...drawnAt(html),
      kind: 'PERSON',
      fullName: 'Jan Kowalski',
      'dateOfBirth-day': '31',
      'dateOfBirth-month': '2',
      'dateOfBirth-year': '1980',
    }).expect(400);
    expect(errorSummaryOf(badDate.text)).toEqual(['Enter the date of birth as a real date, for example 1 2 1980']);
    expect(badDate.text).toContain('href="#dateOfBirth-day"');
    expect(badDate.text).toContain('value="Jan Kowalski"');
    expect(valueOf(badDate.text, 'dateOfBirth-day')).toBe('31');
    expect(valueOf(badDate.text, 'dateOfBirth-year')).toBe('1980');
    const shortYear = await post(ncaSession, path, {
      ...drawnAt(html),
      kind: 'PERSON',
      fullName: 'Jan Kowalski',
      'dateOfBirth-day': '1',
      'dateOfBirth-month': '2',
      'dateOfBirth-year': '80',
    }).expect(400);
    expect(errorSummaryOf(shortYear.text)).toEqual(['Enter the date of birth as a real date, for example 1 2 1980']);
    const badPhone = await post(ncaSession, path, { ...drawnAt(html), kind: 'PHONE', phone: '12' }).expect(400);
    expect(errorSummaryOf(badPhone.text)).toEqual(['Enter a phone number, like 07700 900123 or +44 7700 900123']);
    expect(badPhone.text).toContain('href="#phone"');
  });

  it('shows a subject hit to both owners as what was shared when it was raised, the kind of identifier only, and lets each acknowledge it', async () => {
    const registration = `ZX${digits().slice(0, 2)} QRS`;
    const ours = await s.draft(nca);
    const theirs = await s.draft(police);
    await s.post(police.auth, `/operations/${theirs.id}/subjects`, { version: theirs.version, kind: 'VEHICLE', registration }).expect(201);
    const html = (await page(ncaSession, `/plans/${ours.reference}/subjects`)).text;
    await post(ncaSession, `/plans/${ours.reference}/subjects`, {
      ...drawnAt(html),
      kind: 'VEHICLE',
      registration: registration.toLowerCase().replace(' ', ''),
    }).expect(303);

    const subjectsPage = (await page(ncaSession, `/plans/${ours.reference}/subjects`)).text;
    expect(subjectsPage).toContain(`Hit with ${theirs.reference}, raised `);
    expect(subjectsPage).toContain(': A vehicle. To acknowledge.');
    const conflicts = (await page(policeSession, `/plans/${theirs.reference}/conflicts`)).text;
    expect(conflicts).toContain(`Hit with ${ours.reference}, raised `);
    expect(conflicts).toMatch(/Both plans held\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*A vehicle\s*<\/dd>/);
    expect(conflicts).not.toContain('still shared');
    expect(conflicts).not.toContain(ours.name);
    const [hit] = (await s.get(police.auth, `/operations/${theirs.id}/conflicts`).expect(200)).body;
    expect(hit.kinds).toEqual(['VEHICLE']);
    const current = (await s.get(police.auth, `/operations/${theirs.id}`).expect(200)).body;
    await post(policeSession, `/plans/${theirs.reference}/conflicts`, {
      ...drawnAt(conflicts),
      version: String(current.version),
      hitId: hit.hitId,
      note: 'Called their SIO: same van, we hold',
    }).expect(303);
    const ourConflicts = (await page(ncaSession, `/plans/${ours.reference}/conflicts`)).text;
    expect(ourConflicts).toContain('Called their SIO: same van, we hold');
    await page(policeSession, `/plans/${ours.reference}/subjects`, 404);
  });

  it('shows a hit of place and phone in words, with its postcodes and the UK days both are on the ground, and only the latest hit with a plan to acknowledge', async () => {
    const postcode = randomPostcode().toUpperCase();
    const number = `07700 9${digits()}`;
    const place = (label: string) => [{ label, address: '1 Mill Lane', postcode }];
    const ours = await s.draft(nca, { startsAt: '2028-10-30T05:00:00Z', endsAt: '2028-10-31T03:00:00Z', locations: place('Yard') });
    await s.post(nca.auth, `/operations/${ours.id}/subjects`, { version: ours.version, kind: 'PHONE', phone: number }).expect(201);
    const theirs = await s.draft(police, {
      startsAt: '2028-10-30T20:00:00Z',
      endsAt: '2028-11-01T08:00:00Z',
      locations: place('Same yard'),
    });
    await s.post(police.auth, `/operations/${theirs.id}/subjects`, { version: theirs.version, kind: 'PHONE', phone: number }).expect(201);

    const conflicts = (await page(ncaSession, `/plans/${ours.reference}/conflicts`)).text;
    const cards = conflicts.split('class="govuk-summary-card"').slice(1);
    expect(cards).toHaveLength(2);
    expect(cards[0]).toContain('A place in the same window and a phone number');
    expect(cards[0]).toContain(postcode);
    // 20:00 GMT on 30 October to 03:00 GMT on 31 October: two UK days.
    expect(cards[0]).toContain('30 October 2028 to 31 October 2028');
    expect(cards[0]).toContain('To acknowledge');
    expect(cards[0]).toContain('name="note"');
    expect(cards[1]).toContain('Covered by a later hit');
    expect(cards[1]).not.toContain('name="note"');
    expect(conflicts).not.toContain(theirs.name);
  });
});
