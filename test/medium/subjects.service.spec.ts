import { AddSubjectDto } from '../../src/subjects/dto/subject.dto';
import { SubjectsService } from '../../src/subjects/subjects.service';
import { DeconflictionService } from '../../src/workflow/deconfliction.service';
import { unique } from '../factories';
import { MediumUser, useMedium } from './medium.factory';

const ctx = useMedium();

describe('SubjectsService and deconfliction by subject (R13)', () => {
  /** `who` adds `subject` to their plan, against its version as it is now. */
  async function add(who: MediumUser, plan: { id: string; version: number }, subject: Record<string, unknown>) {
    return ctx.get(SubjectsService).add(who, plan.id, await ctx.input(AddSubjectDto, { version: plan.version, ...subject }));
  }

  /** The hits on `plan` that a subject raised, as `who` reads them. */
  async function subjectHits(who: MediumUser, plan: { id: string }) {
    const hits = await ctx.get(DeconflictionService).conflicts(who, plan.id);
    return hits.filter((hit) => hit.kinds.some((kind) => kind !== 'PLACE'));
  }

  it('matches the same email address, in any case, across two agencies’ plans, telling each only the kind and the other’s reference', async () => {
    const nca = await ctx.newCoordinator('NCA');
    const police = await ctx.newCoordinator('POLICE');
    const ours = await ctx.newPlan(nca);
    const theirs = await ctx.newPlan(police);
    const address = `fixer.${unique().toLowerCase()}@example.org`;
    await add(police, theirs, { kind: 'EMAIL', email: address.toUpperCase() });
    await add(nca, ours, { kind: 'EMAIL', email: address });
    expect(await subjectHits(nca, ours)).toEqual([
      expect.objectContaining({ kinds: ['EMAIL'], reference: theirs.reference, stands: true }),
    ]);
    expect(await subjectHits(police, theirs)).toEqual([expect.objectContaining({ kinds: ['EMAIL'], reference: ours.reference })]);
    expect(JSON.stringify(await subjectHits(police, theirs))).not.toContain(address);
  });

  it('matches a name written with and without accents, and not the same name with another date of birth', async () => {
    const nca = await ctx.newCoordinator('NCA');
    const police = await ctx.newCoordinator('POLICE');
    const letters = unique().replace(/\d/g, '').toLowerCase();
    const ours = await ctx.newPlan(nca);
    const theirs = await ctx.newPlan(police);
    await add(police, theirs, { kind: 'PERSON', fullName: `Łukasz Wójcik-${letters}`, dateOfBirth: '1975-06-15' });
    await add(nca, ours, { kind: 'PERSON', fullName: `lukasz  WOJCIK ${letters}`, dateOfBirth: '1976-06-15' });
    expect(await subjectHits(nca, ours)).toEqual([]);
    const read = await ctx.get(SubjectsService).list(nca, ours.id);
    await add(
      nca,
      { id: ours.id, version: read.operationVersion },
      { kind: 'PERSON', fullName: `lukasz  WOJCIK ${letters}`, dateOfBirth: '1975-06-15' },
    );
    expect(await subjectHits(nca, ours)).toEqual([expect.objectContaining({ kinds: ['PERSON'], reference: theirs.reference })]);
  });

  it('lets only the plan’s owner add subjects, and hides them from other agencies', async () => {
    const owner = await ctx.newCoordinator('NCA');
    const stranger = await ctx.newCoordinator('POLICE');
    const plan = await ctx.newPlan(owner);
    const added = await add(owner, plan, { kind: 'VEHICLE', registration: 'qq99 xyz' });
    expect(added).toMatchObject({
      operationVersion: plan.version + 1,
      subjects: [expect.objectContaining({ kind: 'VEHICLE', registration: 'QQ99XYZ' })],
    });
    await expect(ctx.get(SubjectsService).list(stranger, plan.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      add(stranger, { id: plan.id, version: added.operationVersion }, { kind: 'VEHICLE', registration: 'AB12 CDE' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a stale version and adds nothing', async () => {
    const owner = await ctx.newCoordinator('NCA');
    const plan = await ctx.newPlan(owner);
    await add(owner, plan, { kind: 'VEHICLE', registration: 'QQ11 AAA' });
    await expect(add(owner, plan, { kind: 'VEHICLE', registration: 'QQ22 BBB' })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await ctx.get(SubjectsService).list(owner, plan.id)).subjects).toHaveLength(1);
  });
});
