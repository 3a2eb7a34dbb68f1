import type { OperationView } from '../../operations/dto/plan-view.dto';
import { EMPTY_SIGN_OFF } from './sign-off.form';
import { signOffView } from './sign-off.view';

const nca = { id: 'a-nca', name: 'National Crime Agency', code: 'NCA' };
const team = (status: string, agency = nca) => ({
  status,
  agency,
  version: 1,
  team: { name: `${status} team` },
  headcount: 4,
  followsOperationWindow: true,
  tasking: '',
  powers: [],
  rvPoint: null,
  callSign: 'Bravo 1',
});
const plan = {
  startsAt: '2031-03-01T05:00:00.000Z',
  endsAt: '2031-03-01T13:00:00.000Z',
  timings: { briefingAt: null, briefingPlace: null, debriefAt: null },
  locations: [],
  deployments: [team('CONFIRMED'), team('REQUESTED'), team('CONFIRMED', { id: 'a-gla', name: 'GLAA', code: 'GLAA' })],
  signOffs: [{ agency: nca, state: 'AWAITING', decision: null, by: null, at: null, reason: null }],
} as unknown as OperationView;

describe('the partner sign-off page', () => {
  it('shows the viewer’s agency its part, with only its confirmed teams, and lets it decide when nothing refuses it', () => {
    const view = signOffView(plan, { agencyId: nca.id }, null, null, EMPTY_SIGN_OFF);
    expect(view.deciding).toBe(true);
    expect(view.withdrawn).toBe(false);
    expect(view.part?.rows[0]).toEqual({ key: { text: 'Window' }, value: { text: expect.stringContaining(' to ') } });
    expect(view.part?.teams.map((t) => t.name)).toEqual(['CONFIRMED team']);
    expect(view.rows).toEqual([[{ text: 'National Crime Agency (NCA)' }, { text: expect.any(String) }, { text: '–' }, { text: '–' }]]);
  });

  it('says why the agency may not decide, and offers no decision', () => {
    const view = signOffView(plan, { agencyId: nca.id }, 'The plan is not submitted for review', [], EMPTY_SIGN_OFF);
    expect(view.deciding).toBe(false);
    expect(view.refusal).toBe('The plan is not submitted for review');
    expect(view.withdrawn).toBe(true);
  });

  it('shows an agency with no part only where each sign-off stands', () => {
    const view = signOffView(plan, { agencyId: 'another' }, null, null, EMPTY_SIGN_OFF);
    expect(view).toMatchObject({ mine: null, part: null, deciding: false });
  });

  it('keeps the decision as typed, as which choice is ticked', () => {
    expect(signOffView(plan, { agencyId: nca.id }, null, null, { decision: 'DECLINED', reason: 'x' }).chosen).toEqual({
      signOff: false,
      decline: true,
    });
    expect(signOffView(plan, { agencyId: nca.id }, null, null, { decision: 'SIGNED_OFF', reason: '' }).chosen).toEqual({
      signOff: true,
      decline: false,
    });
  });
});
