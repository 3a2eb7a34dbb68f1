import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rehearse } from '../database/transaction';
import type { OperationView } from '../operations/dto/plan-view.dto';
import { PlansService } from '../operations/plans.service';
import { Consequence, consequencesOf } from './consequences';

/**
 * What a change to a plan would do besides itself (return an approved plan to draft, withdraw
 * partners' sign-offs, ask partners to confirm again, release teams, hand the lead on), found by
 * making the change in a transaction that is rolled back: the same rules decide, nothing is kept.
 */
@Injectable()
export class ConsequencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
  ) {}

  /** Whether a change to this plan could have consequences others rely on: worth rehearsing first. */
  mayHave(plan: OperationView): boolean {
    return (
      plan.status === 'APPROVED' ||
      plan.signOffs.some((signOff) => signOff.state === 'SIGNED_OFF') ||
      plan.deployments.some((d) => d.status === 'CONFIRMED' && d.agency.id !== plan.owningAgency.id)
    );
  }

  /** Rehearses `change` (which makes it through the services, as for real): what it would do, and what it answers. */
  async of<R>(planId: string, change: () => Promise<R>): Promise<{ consequences: Consequence[]; result: R }> {
    const { before, after, result } = await rehearse(this.dataSource, change, (manager) => this.plans.whole(planId, manager));
    return { consequences: consequencesOf(before, after), result };
  }
}
