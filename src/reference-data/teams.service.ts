import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { definedFields } from '../common/defined';
import { DomainError } from '../common/errors/domain-error';
import { inTransaction } from '../database/transaction';
import { CreateTeamDto, TeamQueryDto, TeamView, UpdateTeamDto } from './dto/team.dto';
import { Team } from './team.entity';

const TEAM_VIEW_SQL = `
  SELECT t.id, t.agency_id AS "agencyId", a.code AS "agencyCode", t.name, t.capabilities, t.capacity
    FROM teams t JOIN agencies a ON a.id = t.agency_id`;

const audited = (team: TeamView) => ({ agencyId: team.agencyId, name: team.name, capabilities: team.capabilities, capacity: team.capacity });

@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: TeamQueryDto): Promise<TeamView[]> {
    return this.dataSource.query(
      `${TEAM_VIEW_SQL}
        WHERE ($1::uuid IS NULL OR t.agency_id = $1) AND ($2::text IS NULL OR $2 = ANY (t.capabilities))
        ORDER BY a.code, t.name`,
      [query.agencyId ?? null, query.capability ?? null],
    );
  }

  async create(caller: AuthUser, input: CreateTeamDto): Promise<TeamView> {
    this.assertMayManage(caller, input.agencyId);
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(Team);
      const { id } = await repository.save(repository.create(definedFields(input)));
      const team = await this.view(manager, id);
      await this.audit.appendReference(manager, { entity: 'team', entityId: id, action: 'team.created', actor: caller, before: null, after: audited(team) });
      return team;
    });
  }

  async update(caller: AuthUser, id: string, input: UpdateTeamDto): Promise<TeamView> {
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(Team);
      const team = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!team) throw DomainError.notFound('Team', id);
      this.assertMayManage(caller, team.agencyId);
      const before = await this.view(manager, id);
      await repository.update({ id }, definedFields(input));
      const after = await this.view(manager, id);
      await this.audit.appendReference(manager, { entity: 'team', entityId: id, action: 'team.updated', actor: caller, before: audited(before), after: audited(after) });
      return after;
    });
  }

  private async view(manager: EntityManager, id: string): Promise<TeamView> {
    const [team] = await manager.query(`${TEAM_VIEW_SQL} WHERE t.id = $1`, [id]);
    return team;
  }

  /** Admins manage every team; a coordinator manages the teams of their own agency. */
  private assertMayManage(caller: AuthUser, agencyId: string): void {
    if (hasRole(caller, 'ADMIN')) return;
    if (hasRole(caller, 'COORDINATOR') && caller.agencyId === agencyId) return;
    throw DomainError.forbidden("Only an admin or a coordinator of the team's agency may change its teams");
  }
}
