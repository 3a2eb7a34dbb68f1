import { createTeam, randomPostcode } from '../factories';
import { Owner, Plan } from '../factories/scenario';
import { browserOf, webSignIn } from '../support/browser-session';
import { pastRightMargin, pdfLayout } from '../support/pdf-text';
import { useApp } from '../support/use-app';

const BRONZE = { name: 'Raj Patel', rankOrGrade: 'Inspector', agency: 'West Midlands Police', phone: '0121 626 5001' };
const MARKING = 'OFFICIAL-SENSITIVE: Not to be shared beyond the operation';

/** Issue 28: a premises card for each address, as officers there are briefed, in print and as a PDF. */
describe('premises cards', () => {
  const { t, s } = useApp();
  const { page } = browserOf(() => t.http);
  let owner: Owner;

  beforeEach(async () => {
    owner = await s.owner();
  });

  // The clocks go back at 01:00 UTC on 31 October 2027: the car wash is struck in BST, the house in GMT.
  const places = () => [
    {
      label: 'Car wash',
      address: '12 Ladypool Road, Birmingham',
      postcode: randomPostcode(),
      strikeAt: '2027-10-30T04:00:00Z',
      siteCommander: BRONZE,
      entry: {
        basis: 'WARRANT',
        warrant: {
          type: 'Search warrant, s8 PACE',
          court: 'Birmingham Magistrates',
          reference: 'BMC/2027/0142',
          expiresAt: '2027-11-01T12:00:00Z',
        },
      },
    },
    { label: 'House', address: '3 Stratford Road, Birmingham', postcode: randomPostcode(), strikeAt: '2027-10-31T06:00:00Z' },
    { label: 'Nail bar', address: '40 Coventry Road, Birmingham', postcode: randomPostcode() },
  ];

  /** A plan over the clock change with three locations, a team at the car wash and another at the house, and risks naming two of them. */
  async function planWithTeams(): Promise<Plan> {
    let plan = await s.draft(owner, {
      startsAt: '2027-10-30T00:00:00Z',
      endsAt: '2027-11-01T12:00:00Z',
      marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: 'Not to be shared beyond the operation' },
      locations: places(),
      communications: { radioChannel: 'Airwave talkgroup WM-OPS-3', controlRoomNumber: '0121 626 5000' },
      safeguarding: {
        expectedPotentialVictims: 6,
        languages: ['Romanian'],
        receptionCentre: 'Sparkhill reception centre',
        interpreters: [{ language: 'Romanian', name: 'Big Word, booked 04:00 to 16:00' }],
      },
    });
    const [carWash, house] = plan.locations ?? [];
    plan = (
      await s
        .patch(owner.auth, `/operations/${plan.id}`, {
          version: plan.version,
          risks: [
            { hazard: 'DOGS', likelihood: 2, impact: 3, controls: 'Dog handler at the CAR WASH', residual: 'LOW', owner: 'PS Jones' },
            {
              hazard: 'WEAPONS',
              likelihood: 2,
              impact: 4,
              controls: `Taser cover at ${house.postcode}`,
              residual: 'MEDIUM',
              owner: 'Insp Shah',
            },
          ],
        })
        .expect(200)
    ).body;
    for (const [callSign, location] of [
      ['Tango 1', carWash],
      ['Tango 2', house],
    ] as const) {
      const team = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY'] });
      plan = (
        await s
          .post(owner.auth, `/operations/${plan.id}/deployments`, {
            teamId: team.id,
            headcount: 4,
            callSign,
            locationIds: [location.id],
            version: plan.version,
          })
          .expect(201)
      ).body;
    }
    return plan;
  }

  const cardsPdf = async (who: { Authorization: string }, plan: { id: string }) => {
    const answer = await s.get(who, `/operations/${plan.id}/cards.pdf`).responseType('blob').expect(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.headers['cache-control']).toBe('no-store');
    return pdfLayout(answer.body as Buffer);
  };

  it('prints a page for each location: its address, its strike time in UK time, its teams and its risks, framed by the marking', async () => {
    const plan = await planWithTeams();
    const [carWash, house, nailBar] = plan.locations ?? [];
    const pages = await cardsPdf(owner.auth, plan);
    expect(pages).toHaveLength(3);

    pages.forEach((page, at) => {
      const lines = page.text.split('\n');
      expect(lines[0]).toBe(MARKING);
      expect(lines.at(-2)).toBe(MARKING);
      expect(lines.at(-1)).toContain(`${plan.reference} — page ${at + 1} of 3`);
      expect(pastRightMargin(page, 40)).toEqual([]);
    });
    // A long fact wraps onto the next line of the card: read as running text.
    const [carWashCard, houseCard, nailBarCard] = pages.map((page) => page.text.replace(/\n/g, ' '));

    expect(carWashCard).toContain(carWash.address);
    expect(carWashCard).toContain(carWash.postcode);
    expect(carWashCard).toContain('Sat, 30 October 2027 at 05:00 BST');
    expect(carWashCard).toContain('Warrant: Search warrant, s8 PACE, Birmingham Magistrates, ref. BMC/2027/0142');
    expect(carWashCard).toContain('Raj Patel, Inspector, West Midlands Police');
    expect(carWashCard).toContain('+44 121 626 5001');
    expect(carWashCard).toContain('Tango 1');
    expect(carWashCard).not.toContain('Tango 2');
    expect(carWashCard).toContain('Dog handler at the CAR WASH');
    expect(carWashCard).not.toContain('Taser cover');

    expect(houseCard).toContain(house.address);
    expect(houseCard).toContain('Sun, 31 October 2027 at 06:00 GMT');
    expect(houseCard).toContain('Tango 2');
    expect(houseCard).not.toContain('Tango 1');
    expect(houseCard).toContain('Taser cover at');
    expect(houseCard).not.toContain('Dog handler');

    expect(nailBarCard).toContain(nailBar.address);
    expect(nailBarCard).toContain('No team allocated here yet');
    expect(nailBarCard).toContain('No risk in the register names this place');
    for (const card of [carWashCard, houseCard, nailBarCard]) {
      expect(card).toContain('Sparkhill reception centre');
      expect(card).toContain('Romanian: Big Word');
      expect(card).toContain('Airwave talkgroup WM-OPS-3');
    }
  });

  it('fits each card on one sheet for a plan of 10 locations, 20 teams at one of them, long risks naming it and a 200-character handling instruction', async () => {
    const handling = `Not to be shared beyond the operation. ${'Brief officers in person only; '.repeat(6)}`.slice(0, 200);
    const locations = Array.from({ length: 10 }, (_, at) => ({
      label: `Unit ${at + 1}`,
      address: `${at + 1} Industrial Estate, Tyseley, Birmingham`,
      postcode: randomPostcode(),
      siteCommander: BRONZE,
    }));
    let plan = await s.draft(owner, { marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: handling }, locations });
    const controls = `Unit 1: ${'armed cover at the front and rear doors, dog handler in the yard, paramedic at the RV; '.repeat(20)}`;
    plan = (
      await s
        .patch(owner.auth, `/operations/${plan.id}`, {
          version: plan.version,
          risks: Array.from({ length: 8 }, () => ({
            hazard: 'WEAPONS',
            likelihood: 3,
            impact: 4,
            controls,
            residual: 'HIGH',
            owner: 'Insp Shah',
          })),
        })
        .expect(200)
    ).body;
    const unit1 = plan.locations![0];
    for (let at = 1; at <= 20; at++) {
      const team = await createTeam(t.dataSource, owner.agency, { name: `Entry and search team ${at}`, capabilities: ['ENTRY', 'SEARCH'] });
      plan = (
        await s
          .post(owner.auth, `/operations/${plan.id}/deployments`, {
            teamId: team.id,
            headcount: 6,
            callSign: `Tango ${at}`,
            powers: ['ENTRY', 'SEARCH'],
            locationIds: [unit1.id],
            version: plan.version,
          })
          .expect(201)
      ).body;
    }

    const pages = await cardsPdf(owner.auth, plan);
    expect(pages).toHaveLength(10);
    pages.forEach((page, at) => {
      const card = page.text.replace(/\n/g, ' ');
      expect(card).toContain(`${plan.reference} — page ${at + 1} of 10`);
      expect(card).toContain(locations[at].address);
      locations.filter((_, other) => other !== at).forEach((other) => expect(card).not.toContain(other.address));
    });
    const first = pages[0].text.replace(/\n/g, ' ');
    expect(first).toContain('…and 14 more teams: see the briefing pack.');
    expect(first).toContain('…and 4 more risks: see the briefing pack.');
    expect(pages[9].text).toContain('No risk in the register names this place');
  });

  it('shows a partner with the places but not the teams its own team and its status, and says other agencies’ teams there are not shown', async () => {
    let plan = await planWithTeams();
    const [carWash] = plan.locations ?? [];
    const hmrc = await s.partner();
    plan = (
      await s
        .post(owner.auth, `/operations/${plan.id}/deployments`, {
          teamId: hmrc.team.id,
          headcount: 2,
          callSign: 'Hotel 1',
          locationIds: [carWash.id],
          version: plan.version,
        })
        .expect(201)
    ).body;
    await t
      .http()
      .put(`/operations/${plan.id}/sharing`)
      .set(owner.auth)
      .send({ version: plan.version, agencyId: hmrc.agency.id, sections: ['PLACES'], reason: 'They inspect the car wash' })
      .expect(200);

    const [carWashCard, houseCard] = (await cardsPdf(hmrc.auth, plan)).map((page) => page.text.replace(/\n/g, ' '));
    expect(carWashCard).toContain('Hotel 1');
    expect(carWashCard).toContain('Requested');
    expect(carWashCard).not.toContain('Tango 1');
    expect(carWashCard).toContain('Other agencies’ teams at this address are not shared with your agency');
    expect(houseCard).toContain('No team of your agency is allocated here.');
    expect(houseCard).not.toContain('No team allocated here yet');
  });

  it('gives a partner the premises are not shared with one page that says so, with no address on it', async () => {
    const plan = await planWithTeams();
    const charity = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
    await s
      .post(owner.auth, `/operations/${plan.id}/deployments`, {
        teamId: charity.team.id,
        headcount: 1,
        tasking: 'Reception',
        version: plan.version,
      })
      .expect(201);
    const theirs: Plan = (await s.get(charity.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(theirs.locations).toBeUndefined();

    const pages = await cardsPdf(charity.auth, plan);
    expect(pages).toHaveLength(1);
    expect(pages[0].text).toContain('The premises of this plan are not shared with your agency');
    const html = (await page(await webSignIn(t.http, charity.user.email), `/plans/${plan.reference}/cards`)).text;
    expect(html).toContain('The premises of this plan are not shared with your agency');
    for (const location of plan.locations ?? []) {
      for (const shown of [pages[0].text, html]) {
        expect(shown).not.toContain(location.address);
        expect(shown).not.toContain(location.postcode);
      }
    }
  });

  it('answers 404 for a plan the caller may not see, and 400 for an id that is not one', async () => {
    const plan = await s.draft(owner);
    const stranger = await s.owner();
    const hidden = await s.get(stranger.auth, `/operations/${plan.id}/cards.pdf`).expect(404);
    expect(hidden.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const malformed = await s.get(owner.auth, '/operations/not-an-id/cards.pdf').expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400 });
  });

  describe('in the browser', () => {
    it('shows each card on a printable page, and downloads the same cards as a PDF', async () => {
      const plan = await planWithTeams();
      const session = await webSignIn(t.http, owner.user.email);
      const html = (await page(session, `/plans/${plan.reference}/cards`)).text;
      expect(html).toContain('<h1 class="govuk-heading-l">Premises cards</h1>');
      for (const location of plan.locations ?? []) {
        expect(html).toContain(`>${location.label}</h2>`);
        expect(html).toContain(location.postcode);
      }
      expect(html.match(/<section class="app-card"/g)).toHaveLength(3);
      expect(html).toContain(`href="/plans/${plan.reference}/cards.pdf"`);
      expect(html).toContain(MARKING);

      const planPage = (await page(session, `/plans/${plan.reference}`)).text;
      expect(planPage).toContain(`href="/plans/${plan.reference}/cards"`);

      const pdf = await page(session, `/plans/${plan.reference}/cards.pdf`).responseType('blob');
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe(`attachment; filename="${plan.reference}-premises-cards.pdf"`);
      expect(await pdfLayout(pdf.body as Buffer)).toHaveLength(3);
    });

    it('shows a plan of another agency to nobody, and an address that is not a plan’s reference as not found', async () => {
      const plan = await s.draft(owner);
      const stranger = await s.owner();
      const session = await webSignIn(t.http, stranger.user.email);
      await page(session, `/plans/${plan.reference}/cards`, 404);
      await page(session, `/plans/${plan.reference}/cards.pdf`, 404);
      await page(session, '/plans/not-a-reference/cards', 404);
    });
  });
});
