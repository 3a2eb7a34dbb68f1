import { LeadAssignmentService } from '../../src/operations/lead-assignment.service';
import { PlanEditingService } from '../../src/operations/plan-editing.service';
import { SetLeadAgencyDto, UpdateOperationDto } from '../../src/operations/dto/operation.dto';
import { AgencyView } from '../../src/reference-data/dto/agency.dto';
import { MediumUser, useMedium } from './medium.factory';

const ctx = useMedium();

describe('LeadAssignmentService under the default policy (R1, R3)', () => {
  let owner: MediumUser;
  let nca: AgencyView;
  let glaa: AgencyView;
  let hmrc: AgencyView;

  beforeAll(async () => {
    owner = await ctx.newCoordinator('POLICE');
    nca = await ctx.newAgency('NCA');
    glaa = await ctx.newAgency('GLAA');
    hmrc = await ctx.newAgency('HMRC');
  });

  /** The owner names `agency` to lead a new plan of theirs made with `overrides`. */
  async function lead(agency: AgencyView, overrides: Record<string, unknown> = {}) {
    const plan = await ctx.newPlan(owner, overrides);
    return ctx
      .get(LeadAssignmentService)
      .setLead(owner, plan.id, await ctx.input(SetLeadAgencyDto, { agencyId: agency.id, version: plan.version }));
  }

  it('lets police and the NCA lead a UK operation', async () => {
    await expect(lead(owner.agency, { exploitationTypes: ['SEXUAL'] })).resolves.toMatchObject({
      leadAgency: { id: owner.agencyId },
      version: 2,
    });
    await expect(lead(nca, { exploitationTypes: ['SEXUAL'], scope: 'NATIONAL' })).resolves.toMatchObject({ leadAgency: { id: nca.id } });
  });

  it('lets the GLAA lead only operations against labour exploitation alone, naming the rule in the details', async () => {
    await expect(lead(glaa, { exploitationTypes: ['LABOUR'] })).resolves.toMatchObject({ leadAgency: { id: glaa.id } });
    await expect(lead(glaa, { exploitationTypes: ['LABOUR', 'CRIMINAL'] })).rejects.toMatchObject({
      code: 'LEAD_NOT_PERMITTED',
      message: 'The Gangmasters and Labour Abuse Authority can lead only days of action against labour exploitation alone',
      details: { rule: 'R1' },
    });
  });

  it('lets only the NCA lead an international operation', async () => {
    const international = { scope: 'INTERNATIONAL', exploitationTypes: ['SEXUAL'] };
    await expect(lead(owner.agency, international)).rejects.toMatchObject({
      code: 'LEAD_NOT_PERMITTED',
      message: 'An international day of action can be led only by the National Crime Agency',
    });
    await expect(lead(nca, international)).resolves.toMatchObject({ leadAgency: { id: nca.id } });
  });

  it('refuses a kind of agency that may not lead at all', async () => {
    await expect(lead(hmrc)).rejects.toMatchObject({
      code: 'LEAD_NOT_PERMITTED',
      message: 'HM Revenue and Customs cannot lead a day of action',
    });
  });

  it('refuses a change to the plan that its lead would not be allowed to lead', async () => {
    const plan = await lead(glaa, { exploitationTypes: ['LABOUR'] });
    const glaaCoordinator = await ctx.newUser(glaa, ['COORDINATOR']);
    const editing = ctx.get(PlanEditingService);
    const change = (fields: Record<string, unknown>) => ctx.input(UpdateOperationDto, { version: plan.version, ...fields });
    await expect(editing.update(glaaCoordinator, plan.id, await change({ exploitationTypes: ['SEXUAL'] }))).rejects.toMatchObject({
      code: 'LEAD_NOT_PERMITTED',
    });
    await expect(editing.update(glaaCoordinator, plan.id, await change({ scope: 'INTERNATIONAL' }))).rejects.toMatchObject({
      code: 'LEAD_NOT_PERMITTED',
    });
    await expect(editing.update(glaaCoordinator, plan.id, await change({ scope: 'REGIONAL' }))).resolves.toMatchObject({
      scope: 'REGIONAL',
    });
  });

  it('lists the agencies eligible to lead and support an international plan', async () => {
    const plan = await ctx.newPlan(owner, { exploitationTypes: ['SEXUAL'], scope: 'INTERNATIONAL' });
    const eligible = await ctx.get(LeadAssignmentService).eligibleAgencies(owner, plan.id);
    const kinds = (list: { kind: string }[]) => [...new Set(list.map((agency) => agency.kind))];
    expect(kinds(eligible.lead)).toEqual(['NCA']);
    expect(kinds(eligible.support)).toEqual(expect.arrayContaining(['HMRC', 'POLICE']));
    expect(kinds(eligible.support)).not.toContain('CPS');
    expect(kinds(eligible.support)).not.toContain('GLAA');
  });
});
