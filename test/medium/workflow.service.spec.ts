import { LifecycleService } from '../../src/workflow/lifecycle.service';
import { ReviewService } from '../../src/workflow/review.service';
import { ReviewDto } from '../../src/workflow/dto/workflow.dto';
import { useMedium } from './medium.factory';

const ctx = useMedium();

const decision = (version: number, body: { decision: 'APPROVE' | 'REQUEST_CHANGES'; comment?: string }) =>
  ctx.input(ReviewDto, { version, ...body });

describe('LifecycleService and ReviewService (R8, R11, R12)', () => {
  it('refuses to submit a plan that is not ready, listing each failing blocking check', async () => {
    const owner = await ctx.newCoordinator();
    const plan = await ctx.newPlan(owner);
    const refused = ctx.get(LifecycleService).submit(owner, plan.id, plan.version);
    await expect(refused).rejects.toMatchObject({ code: 'NOT_READY', message: expect.stringContaining('Choose a lead agency') });
    const checks = await refused.catch((error: { details: { checks: { id: string }[] } }) => error.details.checks.map((check) => check.id));
    expect(checks).toEqual(['lead-agency', 'confirmed-deployment', 'cps-engaged', 'evidence-requirements', 'safeguarding']);
  });

  it('submits a ready plan, and a manager of the lead agency approves it', async () => {
    const owner = await ctx.newCoordinator();
    const manager = await ctx.newUser(owner.agency, ['MANAGER']);
    const ready = await ctx.newReadyPlan(owner);
    const submitted = await ctx.get(LifecycleService).submit(owner, ready.id, ready.version);
    expect(submitted.status).toBe('SUBMITTED');
    const approved = await ctx
      .get(ReviewService)
      .review(manager, ready.id, await decision(submitted.version, { decision: 'APPROVE', comment: 'Proportionate; go.' }));
    expect(approved).toMatchObject({ status: 'APPROVED', approval: { by: { id: manager.id } } });
  });

  it('lets the owner withdraw a submission, and a manager send it back for changes', async () => {
    const owner = await ctx.newCoordinator();
    const manager = await ctx.newUser(owner.agency, ['MANAGER']);
    const lifecycle = ctx.get(LifecycleService);
    const ready = await ctx.newReadyPlan(owner);
    let plan = await lifecycle.submit(owner, ready.id, ready.version);
    plan = await lifecycle.withdraw(owner, plan.id, plan.version);
    expect(plan.status).toBe('DRAFT');
    plan = await lifecycle.submit(owner, plan.id, plan.version);
    plan = await ctx
      .get(ReviewService)
      .review(manager, plan.id, await decision(plan.version, { decision: 'REQUEST_CHANGES', comment: 'Add a dog handler to the risk' }));
    expect(plan).toMatchObject({ status: 'CHANGES_REQUESTED', approval: null });
  });

  it('refuses every transition the status does not allow with INVALID_TRANSITION', async () => {
    const owner = await ctx.newCoordinator();
    const plan = await ctx.newPlan(owner);
    const lifecycle = ctx.get(LifecycleService);
    await expect(lifecycle.withdraw(owner, plan.id, plan.version)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(lifecycle.start(owner, plan.id, plan.version)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const cancelled = await lifecycle.cancel(owner, plan.id, plan.version, 'Intelligence went stale');
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Intelligence went stale' });
    await expect(lifecycle.submit(owner, plan.id, cancelled.version)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(lifecycle.cancel(owner, plan.id, cancelled.version, 'Again')).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('keeps four eyes: the creator may not approve, nor a manager of another agency, nor against an old version', async () => {
    const agency = await ctx.newAgency('POLICE');
    const creator = await ctx.newUser(agency, ['COORDINATOR', 'MANAGER']);
    const manager = await ctx.newUser(agency, ['MANAGER']);
    const ready = await ctx.newReadyPlan(creator);
    const plan = await ctx.get(LifecycleService).submit(creator, ready.id, ready.version);
    const review = ctx.get(ReviewService);
    await expect(review.review(creator, plan.id, await decision(plan.version, { decision: 'APPROVE' }))).rejects.toMatchObject({
      code: 'SELF_APPROVAL',
    });
    const stranger = await ctx.newUser(await ctx.newAgency('POLICE'), ['MANAGER']);
    await expect(review.review(stranger, plan.id, await decision(plan.version, { decision: 'APPROVE' }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(review.review(manager, plan.id, await decision(plan.version - 1, { decision: 'APPROVE' }))).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    await expect(review.review(manager, plan.id, await decision(plan.version, { decision: 'APPROVE' }))).resolves.toMatchObject({
      status: 'APPROVED',
    });
  });
});
