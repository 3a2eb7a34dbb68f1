import type { OperationView } from '../operations/dto/plan-view.dto';
import { cardBlocks, cardsPrintable } from './cards';
import { renderPdf } from './documents/pdf';
import type { Block } from './documents/printable';

const CAR_WASH = {
  id: 'l1',
  label: 'Car wash',
  address: '12 Ladypool Road',
  postcode: 'B12 8JY',
  strikeAt: null,
  entry: null,
  siteCommander: null,
};
const HOUSE = { ...CAR_WASH, id: 'l2', label: 'House', address: '3 Stratford Road', postcode: 'B11 1AA' };
const risk = (fields: Record<string, unknown>) => ({
  hazard: 'OTHER',
  hazardDetail: null,
  likelihood: 2,
  impact: 2,
  score: 4,
  controls: 'Briefed at the RV',
  residual: 'LOW',
  owner: 'PS Jones',
  acceptedBy: null,
  intelligenceDerived: false,
  ...fields,
});

function plan(fields: Partial<Record<keyof OperationView, unknown>>): OperationView {
  return {
    reference: 'OP-2027-0001',
    name: 'Operation Nightingale',
    owningAgency: { name: 'West Midlands Police' },
    marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: null },
    sections: ['CORE', 'PLACES', 'SAFEGUARDING', 'TEAMS', 'INTELLIGENCE', 'PROSECUTION'],
    locations: [CAR_WASH, HOUSE],
    risks: [],
    deployments: [],
    safeguarding: { languages: [], interpreters: [], receptionCentre: null, receptionOpensAt: null, receptionClosesAt: null },
    communications: { radioChannel: null, controlRoomNumber: null },
    ...fields,
  } as unknown as OperationView;
}

const team = (name: string, status: string, locationIds: string[], fields: Record<string, unknown> = {}) => ({
  team: { id: name, name },
  agency: { code: 'WMP' },
  status,
  headcount: 4,
  callSign: `${name} call`,
  powers: [],
  rvPoint: null,
  locationIds,
  ...fields,
});

/** The rows of the card's table headed by `first`, as text. */
const tableOf = (card: Block[], first: string) => {
  const table = card.find((block) => block.kind === 'table' && block.header[0] === first);
  return table?.kind === 'table' ? table.rows : undefined;
};

describe('premises cards', () => {
  it('puts a risk on the card of each place its hazard, controls or owner names by label or postcode, in any case', () => {
    const [carWash, house] = cardBlocks(
      plan({
        risks: [
          risk({ hazardDetail: 'Lookouts at the CAR WASH' }),
          risk({ controls: 'Rear door covered at b11 1aa' }),
          risk({ owner: 'PS Jones, house entry team' }),
          risk({ controls: 'Cordon of the whole street' }),
        ],
      }),
    );
    expect(tableOf(carWash, 'Hazard')?.map((row) => row[0])).toEqual(['Other: Lookouts at the CAR WASH']);
    expect(tableOf(house, 'Hazard')?.map((row) => row[1])).toEqual(['Rear door covered at b11 1aa', 'Briefed at the RV']);
  });

  it('names a place only by its whole label or postcode: not "Unit 1" in "Unit 12", nor "House" in "warehouse"; a postcode with or without its space', () => {
    const unit = (id: string, label: string, postcode: string) => ({ ...CAR_WASH, id, label, postcode });
    const cards = cardBlocks(
      plan({
        locations: [unit('u1', 'Unit 1', 'B12 8JY'), unit('u12', 'Unit 12', 'B11 1AA'), unit('h', 'House', 'B5 4TD')],
        risks: [
          risk({ controls: 'Cordon at unit 12 (a.k.a. the warehouse)' }),
          risk({ controls: 'Rear door of B111AA' }),
          risk({ controls: 'Dogs kept at b12 8jy, Unit  1' }),
          risk({ controls: 'Lookouts by the (house) gate' }),
        ],
      }),
    );
    expect(cards.map((card) => tableOf(card, 'Hazard')?.map((row) => row[1]))).toEqual([
      ['Dogs kept at b12 8jy, Unit  1'],
      ['Cordon at unit 12 (a.k.a. the warehouse)', 'Rear door of B111AA'],
      ['Lookouts by the (house) gate'],
    ]);
  });

  it('marks a risk the intelligence brought, as the briefing pack does', () => {
    const [carWash] = cardBlocks(
      plan({ risks: [risk({ hazard: 'DOGS', controls: 'Handler at the car wash', intelligenceDerived: true })] }),
    );
    expect(tableOf(carWash, 'Hazard')?.[0][0]).toBe('Dogs (from intelligence)');
  });

  it('lists on each card only the teams allocated there, leaving out a declined team', () => {
    const [carWash, house] = cardBlocks(
      plan({
        deployments: [team('Alpha', 'CONFIRMED', ['l1', 'l2']), team('Bravo', 'REQUESTED', ['l2']), team('Charlie', 'DECLINED', ['l1'])],
      }),
    );
    expect(tableOf(carWash, 'Team')?.map((row) => row[0])).toEqual(['Alpha']);
    expect(tableOf(house, 'Team')?.map((row) => row[0])).toEqual(['Alpha', 'Bravo']);
  });

  it('says whether each team is requested or confirmed, and when to meet at its RV point with the day, as a plan runs over days', () => {
    const rvPoint = { id: 'rv1', name: 'RV1: Tesco car park', meetAt: '2027-10-30T03:30:00Z' };
    const [carWash] = cardBlocks(
      plan({ deployments: [team('Alpha', 'CONFIRMED', ['l1'], { rvPoint }), team('Bravo', 'REQUESTED', ['l1'])] }),
    );
    expect(tableOf(carWash, 'Team')?.map((row) => [row[0], row[5], row[6]])).toEqual([
      ['Alpha', 'RV1: Tesco car park, Sat, 30 October 2027 at 04:30 BST', 'Confirmed'],
      ['Bravo', 'Not given', 'Requested'],
    ]);
  });

  it('tells a reader without the Teams section that other agencies’ teams at the address are not shared, and whom to ask', () => {
    const unshared = plan({ sections: ['CORE', 'PLACES', 'SAFEGUARDING'] });
    const [carWash] = cardBlocks(unshared);
    expect(carWash).toContainEqual({
      kind: 'table',
      header: expect.any(Array),
      rows: [],
      empty: 'No team of your agency is allocated here.',
    });
    expect(carWash).toContainEqual({
      kind: 'paragraph',
      text: 'Other agencies’ teams at this address are not shared with your agency: ask the plan’s owner, West Midlands Police, who else will be here.',
    });
    const [shared] = cardBlocks(plan({}));
    expect(
      shared.filter((block) => block.kind === 'paragraph').map((block) => block.kind === 'paragraph' && block.text),
    ).not.toContainEqual(expect.stringContaining('not shared'));
  });

  it('lists at most 6 teams and 4 risks on a card, fewer under long facts, and says how many more the briefing pack has', () => {
    const crowded = (fields: Record<string, unknown>) =>
      cardBlocks(
        plan({
          deployments: Array.from({ length: 20 }, (_, at) => team(`Team ${at + 1}`, 'CONFIRMED', ['l1'])),
          risks: Array.from({ length: 7 }, () => risk({ controls: `Car wash: ${'cover the rear door and the yard; '.repeat(20)}` })),
          ...fields,
        }),
      )[0];
    const carWash = crowded({});
    expect(tableOf(carWash, 'Team')).toHaveLength(6);
    expect(tableOf(carWash, 'Hazard')).toHaveLength(4);
    expect(carWash).toContainEqual({ kind: 'paragraph', text: '…and 14 more teams: see the briefing pack.' });
    expect(carWash).toContainEqual({ kind: 'paragraph', text: '…and 3 more risks: see the briefing pack.' });
    const controls = tableOf(carWash, 'Hazard')![0][1];
    expect(controls).toHaveLength(160);
    expect(controls.endsWith('…')).toBe(true);

    const commander = {
      name: 'Sergeant '.repeat(22),
      rankOrGrade: 'Inspector '.repeat(10),
      agency: 'Police '.repeat(28),
      phone: '0121 626 5001',
    };
    const longFacts = crowded({
      locations: [{ ...CAR_WASH, address: 'Flat 2, '.repeat(60), siteCommander: commander }],
      communications: { radioChannel: 'Airwave talkgroup WM-OPS-3; '.repeat(7), controlRoomNumber: null },
    });
    expect(tableOf(longFacts, 'Team')).toHaveLength(3);
    expect(tableOf(longFacts, 'Hazard')).toHaveLength(4);
  });

  it('fits a card on one A4 sheet when every text on it is as long as the plan allows, with 20 teams and 8 risks there', async () => {
    const long = (length: number) => 'Longer words than most, and more of them; '.repeat(60).slice(0, length);
    const at = '2027-10-30T04:00:00Z';
    const unit = {
      id: 'u1',
      label: `Unit 1 ${long(193)}`,
      address: long(500),
      postcode: 'B12 8JY',
      strikeAt: at,
      entry: { basis: 'WARRANT', warrant: { type: long(200), court: long(200), reference: long(100), expiresAt: at } },
      siteCommander: { name: long(200), rankOrGrade: long(100), agency: long(200), phone: '0121 626 5001' },
    };
    const rvPoint = { id: 'rv1', name: long(200), meetAt: at };
    const full = plan({
      name: long(200),
      marking: { classification: 'OFFICIAL-SENSITIVE', handlingInstruction: long(200) },
      locations: [unit],
      deployments: Array.from({ length: 20 }, (_, n) =>
        team(long(200), 'CONFIRMED', ['u1'], {
          callSign: long(40),
          powers: ['ENTRY', 'SEARCH', 'ARREST'],
          rvPoint,
          team: { id: `t${n}`, name: long(200) },
        }),
      ),
      risks: Array.from({ length: 8 }, () =>
        risk({ hazardDetail: `Unit 1 ${long(493)}`, controls: long(2000), owner: long(200), intelligenceDerived: true }),
      ),
      safeguarding: {
        languages: ['Romanian'],
        interpreters: Array.from({ length: 6 }, () => ({ language: long(60), name: long(200) })),
        receptionCentre: long(500),
        receptionOpensAt: at,
        receptionClosesAt: at,
      },
      communications: { radioChannel: long(200), controlRoomNumber: long(40) },
    });
    const pdf = (await renderPdf(cardsPrintable(full, new Date()))).toString('latin1');
    expect(pdf.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
  });

  it('gives a reader without the places one page that says they are not shared, and a plan without places one that says none are added', () => {
    const [hidden, ...more] = cardBlocks(plan({ locations: undefined }));
    expect(more).toEqual([]);
    expect(hidden).toContainEqual({
      kind: 'paragraph',
      text: 'The premises of this plan are not shared with your agency. Ask the plan’s owner, West Midlands Police, if your part needs them.',
    });
    expect(cardBlocks(plan({ locations: [] }))).toEqual([
      [
        { kind: 'marking', text: 'OFFICIAL-SENSITIVE' },
        { kind: 'title', text: 'OP-2027-0001: Operation Nightingale' },
        { kind: 'paragraph', text: 'No locations yet: a coordinator of West Midlands Police adds them.' },
      ],
    ]);
  });
});
