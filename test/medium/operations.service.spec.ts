import { DomainError } from '../../src/common/errors/domain-error';
import { PlanEditingService } from '../../src/operations/plan-editing.service';
import { PlansService } from '../../src/operations/plans.service';
import { UpdateOperationDto } from '../../src/operations/dto/operation.dto';
import { useMedium } from './medium.factory';

const ctx = useMedium();

/** A change as the owner sends it: `fields` against the version they last saw. */
const change = (version: number, fields: Record<string, unknown>) => ctx.input(UpdateOperationDto, { version, ...fields });

describe('PlanEditingService and PlansService', () => {
  it('creates a DRAFT at version 1, owned by the creator’s agency, with its postcode normalised', async () => {
    const owner = await ctx.newCoordinator();
    const plan = await ctx.newPlan(owner, {
      locations: [{ label: 'Car wash', address: '12 Ladypool Road, Birmingham', postcode: 'b11 1qt' }],
    });
    expect(plan).toMatchObject({ status: 'DRAFT', version: 1, owningAgency: { id: owner.agencyId } });
    expect(plan.reference).toMatch(/^OP-\d{4}-\d{4,}$/);
    expect(plan.locations?.map((location) => location.postcode)).toEqual(['B11 1QT']);
  });

  it('changes what was sent, moves the version on and keeps the rest', async () => {
    const owner = await ctx.newCoordinator();
    const plan = await ctx.newPlan(owner);
    const changed = await ctx.get(PlanEditingService).update(owner, plan.id, await change(plan.version, { name: 'Operation Renamed' }));
    expect(changed).toMatchObject({ name: 'Operation Renamed', version: plan.version + 1, scope: plan.scope, startsAt: plan.startsAt });
  });

  it('refuses a stale version with VERSION_CONFLICT and changes nothing', async () => {
    const owner = await ctx.newCoordinator();
    const plan = await ctx.newPlan(owner);
    const editing = ctx.get(PlanEditingService);
    await editing.update(owner, plan.id, await change(plan.version, { name: 'First change' }));
    const stale = editing.update(owner, plan.id, await change(plan.version, { name: 'Second change' }));
    await expect(stale).rejects.toBeInstanceOf(DomainError);
    await expect(stale).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      statusCode: 409,
      details: { yourVersion: plan.version, currentVersion: plan.version + 1 },
    });
    expect(await ctx.get(PlansService).get(owner, plan.id)).toMatchObject({ name: 'First change', version: plan.version + 1 });
  });

  it('lets exactly one of two changes made at once against the same version win', async () => {
    const owner = await ctx.newCoordinator();
    const plan = await ctx.newPlan(owner);
    const editing = ctx.get(PlanEditingService);
    const changes = await Promise.all(['One', 'Two'].map((name) => change(plan.version, { name })));
    const results = await Promise.allSettled(changes.map((input) => editing.update(owner, plan.id, input)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'VERSION_CONFLICT' } });
  });

  it('refuses a window that ends before it starts', async () => {
    const owner = await ctx.newCoordinator();
    const plan = await ctx.newPlan(owner);
    const reversed = { startsAt: plan.endsAt, endsAt: plan.startsAt };
    await expect(ctx.get(PlanEditingService).update(owner, plan.id, await change(plan.version, reversed))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('hides a plan from another agency: it does not exist for them', async () => {
    const owner = await ctx.newCoordinator();
    const stranger = await ctx.newCoordinator();
    const plan = await ctx.newPlan(owner);
    await expect(ctx.get(PlansService).get(stranger, plan.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      ctx.get(PlanEditingService).update(stranger, plan.id, await change(plan.version, { name: 'Not mine' })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
