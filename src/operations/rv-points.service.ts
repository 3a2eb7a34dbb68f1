import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { validationError } from '../common/validation';
import { inTransaction } from '../database/transaction';
import { OperationView } from './dto/plan-view.dto';
import { RvPointDto } from './dto/order.dto';
import { OperationAccess } from './operation-access';
import { OperationRow } from './operation-row';
import { timesOutsideWindow } from './order';
import { OrderRepository } from './order.repository';
import { PlansService } from './plans.service';

/** Where and when teams meet before the strike: the owner adds, changes and removes RV points (R9, R10, R15). */
@Injectable()
export class RvPointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly audit: AuditService,
    private readonly plans: PlansService,
    private readonly orders: OrderRepository,
  ) {}

  async add(viewer: AuthUser, operationId: string, version: number, point: RvPointDto): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, version);
      assertInWindow(row, point);
      const id = await this.orders.insertRvPoint(manager, operationId, point);
      await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, {
        operationId,
        action: 'rv-point.added',
        actor: viewer,
        before: null,
        after: { rvPointId: id, ...stored(point) },
      });
    });
    return this.plans.get(viewer, operationId);
  }

  async change(viewer: AuthUser, operationId: string, rvPointId: string, version: number, point: RvPointDto): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, version);
      const current = await this.find(manager, operationId, rvPointId);
      assertInWindow(row, point);
      const before = { rvPointId, name: current.name, address: current.address, meetAt: current.meetAt.toISOString() };
      const after = { rvPointId, ...stored(point) };
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      await this.orders.updateRvPoint(manager, rvPointId, point);
      await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, { operationId, action: 'rv-point.changed', actor: viewer, before, after });
    });
    return this.plans.get(viewer, operationId);
  }

  /** Refused while a team still meets there: move those teams to another RV point first. */
  async remove(viewer: AuthUser, operationId: string, rvPointId: string, version: number): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, operationId, version);
      const current = await this.find(manager, operationId, rvPointId);
      const teams = await this.orders.teamsAt(manager, rvPointId);
      if (teams.length) {
        throw new DomainError(
          'CONFLICT',
          `${teams.join(', ')} meet${teams.length === 1 ? 's' : ''} at ${current.name}; give them another RV point first`,
          { teams },
        );
      }
      await this.orders.deleteRvPoint(manager, rvPointId);
      await this.access.updatePlan(manager, viewer, row, {});
      await this.audit.append(manager, {
        operationId,
        action: 'rv-point.removed',
        actor: viewer,
        before: { rvPointId, name: current.name, address: current.address, meetAt: current.meetAt.toISOString() },
        after: null,
      });
    });
    return this.plans.get(viewer, operationId);
  }

  private async find(manager: EntityManager, operationId: string, rvPointId: string) {
    const point = await this.orders.rvPoint(manager, operationId, rvPointId);
    if (!point) throw DomainError.notFound('RV point', rvPointId);
    return point;
  }
}

function stored(point: RvPointDto) {
  return { name: point.name, address: point.address, meetAt: new Date(point.meetAt).toISOString() };
}

function assertInWindow(row: OperationRow, point: RvPointDto): void {
  const problems = timesOutsideWindow(row, [{ field: 'meetAt', what: `The RV time of ${point.name}`, at: point.meetAt }]);
  if (problems.length) throw validationError(problems);
}
