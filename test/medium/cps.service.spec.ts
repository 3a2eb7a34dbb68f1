import { CpsService } from '../../src/cps/cps.service';
import { AssignEvidenceDto, CpsRequestDto, CreateEvidenceRequirementDto } from '../../src/cps/dto/cps.dto';
import { EvidenceService } from '../../src/cps/evidence.service';
import { OperationView } from '../../src/operations/dto/plan-view.dto';
import { adviceDay, MediumUser, useMedium } from './medium.factory';

const ctx = useMedium();

describe('CpsService and EvidenceService', () => {
  /** A new plan of `owner`'s with the CPS asked for advice by the day of action. */
  async function requested(owner: MediumUser): Promise<OperationView> {
    const plan = await ctx.newPlan(owner);
    const input = await ctx.input(CpsRequestDto, {
      version: plan.version,
      note: 'Advice needed on charging the controllers',
      adviceNeededBy: adviceDay(plan),
    });
    return ctx.get(CpsService).request(owner, plan.id, input);
  }

  const requirement = (version: number) =>
    ctx.input(CreateEvidenceRequirementDto, {
      offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
      evidenceType: 'VICTIM_ACCOUNT',
      description: 'Victim accounts',
      priority: 'ESSENTIAL',
      version,
    });

  it('engages the CPS when a liaison accepts the request, and then no longer lets the owner withdraw it', async () => {
    const owner = await ctx.newCoordinator();
    const plan = await requested(owner);
    expect(plan.cpsInvolvement).toMatchObject({ status: 'REQUESTED' });
    const engaged = await ctx.get(CpsService).accept(await ctx.liaison(), plan.id, plan.version);
    expect(engaged.cpsInvolvement).toMatchObject({ status: 'ENGAGED' });
    await expect(ctx.get(CpsService).withdraw(owner, plan.id, engaged.version)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('lets the owner withdraw a request before it is accepted, after which no liaison sees the plan', async () => {
    const owner = await ctx.newCoordinator();
    const plan = await requested(owner);
    const withdrawn = await ctx.get(CpsService).withdraw(owner, plan.id, plan.version);
    expect(withdrawn.cpsInvolvement).toMatchObject({ status: 'WITHDRAWN' });
    await expect(ctx.get(CpsService).accept(await ctx.liaison(), plan.id, withdrawn.version)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('takes evidence requirements only from the engaged liaison', async () => {
    const owner = await ctx.newCoordinator();
    const plan = await requested(owner);
    const evidence = ctx.get(EvidenceService);
    await expect(evidence.add(await ctx.liaison(), plan.id, await requirement(plan.version))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('Only the CPS liaison engaged'),
    });
    const engaged = await ctx.get(CpsService).accept(await ctx.liaison(), plan.id, plan.version);
    await expect(evidence.add(owner, plan.id, await requirement(engaged.version))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const added = await evidence.add(await ctx.liaison(), plan.id, await requirement(engaged.version));
    expect(added).toMatchObject({ operationVersion: engaged.version + 1, requirement: { status: 'OPEN', priority: 'ESSENTIAL' } });
  });

  it('assigns a requirement only to a team with a confirmed deployment, against the requirement’s own version', async () => {
    const owner = await ctx.newCoordinator();
    const deployed = await ctx.newTeam(owner.agency);
    const idle = await ctx.newTeam(owner.agency);
    let plan = await ctx.newDeployment(owner, await requested(owner), deployed);
    plan = await ctx.get(CpsService).accept(await ctx.liaison(), plan.id, plan.version);
    const evidence = ctx.get(EvidenceService);
    const { requirement: open } = await evidence.add(await ctx.liaison(), plan.id, await requirement(plan.version));
    const assign = async (team: { id: string }, version: number) =>
      evidence.assign(owner, plan.id, open.id, await ctx.input(AssignEvidenceDto, { teamId: team.id, version }));
    await expect(assign(idle, open.version)).rejects.toMatchObject({
      code: 'TEAM_NOT_DEPLOYED',
      message: expect.stringContaining('no confirmed deployment'),
    });
    const assigned = await assign(deployed, open.version);
    expect(assigned.requirement).toMatchObject({ status: 'ASSIGNED', version: open.version + 1 });
    await expect(assign(deployed, open.version)).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
  });
});
