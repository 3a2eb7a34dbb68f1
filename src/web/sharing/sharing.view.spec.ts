import type { OperationView } from '../../operations/dto/plan-view.dto';
import { sharingView } from './sharing.view';

const agency = (code: string, kind: string) => ({ id: `a-${code}`, name: code, code, kind });
const owner = agency('WMP', 'POLICE');
const glaa = agency('GLAA', 'GLAA');
const council = agency('BCC', 'LOCAL_AUTHORITY');
const plan = {
  owningAgency: owner,
  createdByAgency: owner,
  deployments: [
    { status: 'CONFIRMED', agency: glaa },
    { status: 'DECLINED', agency: agency('HMRC', 'HMRC') },
  ],
  sharing: [
    { agency: council, sections: ['PLACES'], reason: 'Safeguarding visit', by: { name: 'Ann Owner' }, at: '2031-01-10T09:00:00.000Z' },
  ],
  sections: ['CORE', 'INTELLIGENCE'],
} as unknown as OperationView;

describe('the sharing page', () => {
  it('lists the partners with an active team or a grant, never the owner or a team that declined, in order of code', () => {
    expect(sharingView(plan, {}).rows.map((row) => row.agency.code)).toEqual(['BCC', 'GLAA']);
  });

  it('says what each partner sees, and offers no box for what it sees anyway or may never see', () => {
    const [council] = sharingView(plan, {}).rows;
    expect(council.cells.map((cell) => cell.text)).toEqual(['Yes', 'Shared by the owner', 'Yes', 'No', 'Never', 'No']);
    expect(council.items.map((item) => [item.value, item.checked])).toEqual([
      ['PLACES', true],
      ['TEAMS', false],
      ['PROSECUTION', false],
    ]);
    expect(council.never).toBe(true);
    expect(council.last).toBe('Safeguarding visit (Ann Owner, Fri, 10 January 2031 at 09:00 GMT)');
  });

  it('keeps what was typed for the agency posted, and says what was saved for whom', () => {
    const view = sharingView(plan, { 'a-GLAA': { sections: ['INTELLIGENCE'], reason: 'Joint visit' } }, 'a-GLAA');
    const glaaRow = view.rows[1];
    expect(glaaRow.reason).toBe('Joint visit');
    expect(glaaRow.items.filter((item) => item.checked).map((item) => item.value)).toEqual(['INTELLIGENCE']);
    expect(view.banner).toBe('Saved: GLAA sees what the table shows, and the change is in the plan’s history');
    expect(view.yours).toHaveLength(2);
  });
});
