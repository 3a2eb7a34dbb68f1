import type { OperationView } from '../operations/dto/plan-view.dto';
import { cardBlocks } from './cards';
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
    locations: [CAR_WASH, HOUSE],
    risks: [],
    deployments: [],
    safeguarding: { languages: [], interpreters: [], receptionCentre: null, receptionOpensAt: null, receptionClosesAt: null },
    communications: { radioChannel: null, controlRoomNumber: null },
    ...fields,
  } as unknown as OperationView;
}

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

  it('lists on each card only the teams allocated there, leaving out a declined team', () => {
    const team = (name: string, status: string, locationIds: string[]) => ({
      team: { id: name, name },
      agency: { code: 'WMP' },
      status,
      headcount: 4,
      callSign: `${name} call`,
      powers: [],
      rvPoint: null,
      locationIds,
    });
    const [carWash, house] = cardBlocks(
      plan({
        deployments: [team('Alpha', 'CONFIRMED', ['l1', 'l2']), team('Bravo', 'REQUESTED', ['l2']), team('Charlie', 'DECLINED', ['l1'])],
      }),
    );
    expect(tableOf(carWash, 'Team')?.map((row) => row[0])).toEqual(['Alpha']);
    expect(tableOf(house, 'Team')?.map((row) => row[0])).toEqual(['Alpha', 'Bravo']);
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
