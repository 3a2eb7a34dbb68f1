import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { definedFields } from '../common/defined';
import { DomainError } from '../common/errors/domain-error';
import { inTransaction } from '../database/transaction';
import { CreateTeamDto, TeamQueryDto, TeamView, UpdateTeamDto } from './dto/team.dto';
import { TeamRepository } from './team.repository';

/**
 * Runs, in the transaction that changes a team's capacity, before the change: modules that book
 * teams (deployments) refuse a capacity below what the team is booked for.
 */
export type CapacityGuard = (
  manager: EntityManager,
  caller: AuthUser,
  team: { id: string; name: string },
  capacity: number,
) => Promise<void>;

const audited = (team: TeamView) => ({
  agencyId: team.agencyId,
  name: team.name,
  capabilities: team.capabilities,
  capacity: team.capacity,
});

@Injectable()
export class TeamsService {
  private readonly capacityGuards: CapacityGuard[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly teams: TeamRepository,
  ) {}

  guardCapacity(guard: CapacityGuard): void {
    this.capacityGuards.push(guard);
  }

  list(query: TeamQueryDto): Promise<TeamView[]> {
    return this.teams.list(this.dataSource.manager, query);
  }

  async create(caller: AuthUser, input: CreateTeamDto): Promise<TeamView> {
    this.assertMayManage(caller, input.agencyId);
    return inTransaction(this.dataSource, async (manager) => {
      const id = await this.teams.insert(manager, definedFields(input));
      const team = await this.view(manager, id);
      await this.audit.appendReference(manager, {
        entity: 'team',
        entityId: id,
        action: 'team.created',
        actor: caller,
        before: null,
        after: audited(team),
      });
      return team;
    });
  }

  async update(caller: AuthUser, id: string, input: UpdateTeamDto): Promise<TeamView> {
    return inTransaction(this.dataSource, async (manager) => {
      const team = await this.teams.lock(manager, id);
      if (!team) throw DomainError.notFound('Team', id);
      this.assertMayManage(caller, team.agencyId);
      if (input.capacity !== undefined && input.capacity < team.capacity) {
        for (const guard of this.capacityGuards) await guard(manager, caller, team, input.capacity);
      }
      const before = await this.view(manager, id);
      await this.teams.update(manager, id, definedFields(input));
      const after = await this.view(manager, id);
      await this.audit.appendReference(manager, {
        entity: 'team',
        entityId: id,
        action: 'team.updated',
        actor: caller,
        before: audited(before),
        after: audited(after),
      });
      return after;
    });
  }

  private view(manager: EntityManager, id: string): Promise<TeamView> {
    return this.teams.view(manager, id);
  }

  /** Admins manage every team; a coordinator manages the teams of their own agency. */
  private assertMayManage(caller: AuthUser, agencyId: string): void {
    if (hasRole(caller, 'ADMIN')) return;
    if (hasRole(caller, 'COORDINATOR') && caller.agencyId === agencyId) return;
    throw DomainError.forbidden("Only an admin or a coordinator of the team's agency may change its teams");
  }
}
