import type { OperationView } from '../../operations/dto/plan-view.dto';
import { indexIn, locationsWithout, postedLocation } from './details.form';
import { detailsView, handLeadPage, leadView, removeLocationPage } from './details.view';

const agency = (code: string) => ({ id: `a-${code}`, name: `${code} agency`, code, kind: 'POLICE' }) as never;
const place = (label: string) => ({ label, address: `1 ${label} Lane`, postcode: 'B1 1AA', strikeAt: null, entry: null });
const plan = {
  reference: 'OP-2031-0001',
  version: 3,
  locations: [place('Yard'), place('Farm')],
  briefing: { information: undefined, intent: 'Arrest' },
} as unknown as OperationView;

describe('the details, locations and lead pages', () => {
  it('say in its place that a briefing section is not shared with the reader', () => {
    const sections = detailsView(plan).sections;
    expect(sections.find((section) => section.name === 'information')?.shared).toBe(false);
    expect(sections.find((section) => section.name === 'intent')?.shared).toBe(true);
  });

  it('offer only the agencies the policy lets lead, and list the others with the reason', () => {
    const view = leadView(
      [
        { agency: agency('WMP'), lead: { permitted: true } },
        { agency: agency('BCC'), lead: { permitted: false, reason: 'A local authority cannot lead' } },
      ],
      'a-WMP',
    );
    expect(view.items).toEqual([{ value: 'a-WMP', text: expect.stringContaining('WMP'), checked: true }]);
    expect(view.refused).toEqual([{ key: { text: expect.stringContaining('BCC') }, value: { text: 'A local authority cannot lead' } }]);
  });

  it('say what handing the lead on and removing a location will do, before either is done', () => {
    expect(handLeadPage(plan, 'a-GLAA', { agency: agency('GLAA'), lead: { permitted: true } })).toMatchObject({
      title: 'Hand the lead to GLAA agency',
      doing: 'GLAA agency will lead OP-2031-0001: its coordinators edit the plan from then on and its managers approve it.',
      fields: { agencyId: 'a-GLAA' },
    });
    expect(removeLocationPage(plan, 1)).toMatchObject({
      title: 'Remove Farm',
      fields: { remove: '1' },
      action: '/plans/OP-2031-0001/locations',
    });
  });

  it('read which location a form names, and never one beyond the list', () => {
    expect(indexIn(plan.locations!, '1')).toBe(1);
    expect(indexIn(plan.locations!, '2')).toBeUndefined();
    expect(indexIn(plan.locations!, 'x')).toBeUndefined();
    expect(postedLocation({ remove: '0' })).toEqual({ remove: true, index: 0 });
    expect(postedLocation({ index: '1' })).toEqual({ remove: false, index: 1 });
    expect(postedLocation({})).toEqual({ remove: false, index: undefined });
  });

  it('send back every other location as it is when one is removed', () => {
    expect(locationsWithout(plan, 0)).toEqual([expect.objectContaining({ label: 'Farm' })]);
    expect(locationsWithout(plan, undefined)).toHaveLength(2);
  });
});
