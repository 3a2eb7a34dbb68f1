import { DeploymentsService } from '../../src/deployments/deployments.service';
import { OperationView } from '../../src/operations/dto/plan-view.dto';
import { PlansService } from '../../src/operations/plans.service';
import { useMedium } from './medium.factory';

const ctx = useMedium();

const deploymentOf = (plan: OperationView, team: { id: string }) => plan.deployments?.find((deployment) => deployment.team.id === team.id);

/** The id and version to answer for `team`'s deployment on `plan` with, as its own agency sees them. */
function answering(plan: OperationView, team: { id: string }): { id: string; version: number } {
  const deployment = deploymentOf(plan, team);
  if (deployment?.version === undefined) throw new Error(`No deployment of team ${team.id} with a version on ${plan.reference}`);
  return { id: deployment.id, version: deployment.version };
}

describe('DeploymentsService', () => {
  it('confirms the owning agency’s own team at once and requests a partner’s team of its agency (R7)', async () => {
    const owner = await ctx.newCoordinator();
    const partnerAgency = await ctx.newAgency('HMRC');
    const own = await ctx.newTeam(owner.agency);
    const partners = await ctx.newTeam(partnerAgency, { capabilities: ['TAX_COMPLIANCE'] });
    let plan = await ctx.newPlan(owner);
    plan = await ctx.newDeployment(owner, plan, own);
    plan = await ctx.newDeployment(owner, plan, partners);
    expect(deploymentOf(plan, own)).toMatchObject({ status: 'CONFIRMED' });
    expect(deploymentOf(plan, partners)).toMatchObject({ status: 'REQUESTED' });
  });

  it('refuses to confirm a team on a second plan whose window overlaps, by the exclusion constraint’s code (R5)', async () => {
    const owner = await ctx.newCoordinator();
    const team = await ctx.newTeam(owner.agency);
    const first = await ctx.newDeployment(owner, await ctx.newPlan(owner), team);
    const second = await ctx.newPlan(owner, { startsAt: first.startsAt, endsAt: first.endsAt });
    await expect(ctx.newDeployment(owner, second, team)).rejects.toMatchObject({
      code: 'TEAM_DOUBLE_BOOKED',
      details: { team: team.name, operation: first.reference },
    });
    expect(deploymentOf(await ctx.get(PlansService).get(owner, second.id), team)).toBeUndefined();
  });

  it('lets exactly one of two confirmations at once of a partner’s team on overlapping plans win (R5)', async () => {
    const partner = await ctx.newCoordinator('HMRC');
    const team = await ctx.newTeam(partner.agency, { capabilities: ['TAX_COMPLIANCE'] });
    const plans = await Promise.all(
      [ctx.newCoordinator(), ctx.newCoordinator()].map(async (who) => ctx.newDeployment(await who, await ctx.newPlan(await who), team)),
    );
    const deployments = ctx.get(DeploymentsService);
    const answers = await Promise.allSettled(
      plans.map((plan) => deployments.confirm(partner, plan.id, answering(plan, team).id, answering(plan, team).version)),
    );
    expect(answers.filter((answer) => answer.status === 'fulfilled')).toHaveLength(1);
    expect(answers.find((answer) => answer.status === 'rejected')).toMatchObject({ reason: { code: 'TEAM_DOUBLE_BOOKED' } });
  });

  it('allows back-to-back windows, where one ends as the next starts', async () => {
    const owner = await ctx.newCoordinator();
    const team = await ctx.newTeam(owner.agency);
    const first = await ctx.newDeployment(owner, await ctx.newPlan(owner), team);
    const endsAt = new Date(new Date(first.endsAt).getTime() + 8 * 3600_000).toISOString();
    const next = await ctx.newDeployment(owner, await ctx.newPlan(owner, { startsAt: first.endsAt, endsAt }), team);
    expect(deploymentOf(next, team)).toMatchObject({ status: 'CONFIRMED' });
  });

  it('frees the team when its deployment is released', async () => {
    const owner = await ctx.newCoordinator();
    const team = await ctx.newTeam(owner.agency);
    const first = await ctx.newDeployment(owner, await ctx.newPlan(owner), team);
    // A release is the owner's change to the plan, so it carries the plan's version (R10).
    await ctx.get(DeploymentsService).release(owner, first.id, answering(first, team).id, first.version);
    const second = await ctx.newDeployment(owner, await ctx.newPlan(owner, { startsAt: first.startsAt, endsAt: first.endsAt }), team);
    expect(deploymentOf(second, team)).toMatchObject({ status: 'CONFIRMED' });
  });

  it('refuses a headcount over the team’s capacity (R6) and a team the support policy forbids (R2)', async () => {
    const owner = await ctx.newCoordinator();
    const small = await ctx.newTeam(owner.agency, { capacity: 4 });
    const plan = await ctx.newPlan(owner);
    await expect(ctx.newDeployment(owner, plan, small, { headcount: 5 })).rejects.toMatchObject({
      code: 'CAPACITY_EXCEEDED',
      details: { capacity: 4, headcount: 5 },
    });
    const cpsTeam = await ctx.newTeam(await ctx.newAgency('CPS'), { capabilities: ['INTELLIGENCE'] });
    await expect(ctx.newDeployment(owner, plan, cpsTeam)).rejects.toMatchObject({ code: 'SUPPORT_NOT_PERMITTED', details: { rule: 'R2' } });
  });
});
