import type { OperationView } from '../../operations/dto/plan-view.dto';
import { commandView } from './command.view';

const GOLD = { name: 'Ann Clarke', rankOrGrade: 'Chief Superintendent', agency: 'West Midlands Police', phone: '+441216265000' };

describe('the command page', () => {
  it('says who holds each role with their number as people read it, and who is not named yet', () => {
    const plan = { command: { gold: GOLD, silver: null, sio: null }, locations: undefined } as unknown as OperationView;
    const view = commandView(plan);
    expect(view.roles.map((role) => role.text)).toEqual([
      'Ann Clarke, Chief Superintendent, West Midlands Police: +44 121 626 5000',
      'Not named yet',
      'Not named yet',
    ]);
    expect(view.sites).toBeNull();
  });

  it('lists the site commander of each location the reader sees', () => {
    const plan = {
      command: { gold: null, silver: null, sio: null },
      locations: [
        { label: 'Car wash', siteCommander: { ...GOLD, name: 'Raj Patel', rankOrGrade: 'Inspector' } },
        { label: 'Nail bar', siteCommander: null },
      ],
    } as unknown as OperationView;
    expect(commandView(plan).sites).toEqual([
      { key: { text: 'Car wash' }, value: { text: 'Raj Patel, Inspector, West Midlands Police: +44 121 626 5000' } },
      { key: { text: 'Nail bar' }, value: { text: 'Not named yet' } },
    ]);
  });

  it('offers the owner a link to change each location’s site commander but the one being changed', () => {
    const plan = {
      reference: 'OP-2027-0001',
      canEdit: true,
      command: { gold: null, silver: null, sio: null },
      locations: [
        { label: 'Car wash', siteCommander: null },
        { label: 'Nail bar', siteCommander: null },
      ],
    } as unknown as OperationView;
    const view = commandView(plan, 1);
    expect(view.changingLabel).toBe('Nail bar');
    expect(view.sites?.map((row) => row.actions?.items[0].href ?? null)).toEqual(['/plans/OP-2027-0001/command?location=0', null]);
  });
});
