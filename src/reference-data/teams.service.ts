import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { definedFields } from '../common/defined';
import { DomainError } from '../common/errors/domain-error';
import { CreateTeamDto, TeamQueryDto, TeamView, UpdateTeamDto } from './dto/team.dto';
import { Team } from './team.entity';

const TEAM_VIEW_SQL = `
  SELECT t.id, t.agency_id AS "agencyId", a.code AS "agencyCode", t.name, t.capabilities, t.capacity
    FROM teams t JOIN agencies a ON a.id = t.agency_id`;

@Injectable()
export class TeamsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    const repository = this.dataSource.getRepository(Team);
    const team = await repository.save(repository.create(input));
    return this.view(team.id);
  }

  async update(caller: AuthUser, id: string, input: UpdateTeamDto): Promise<TeamView> {
    const repository = this.dataSource.getRepository(Team);
    const team = await repository.findOneBy({ id });
    if (!team) throw DomainError.notFound('Team', id);
    this.assertMayManage(caller, team.agencyId);
    await repository.update({ id }, definedFields(input));
    return this.view(id);
  }

  private async view(id: string): Promise<TeamView> {
    const [team] = await this.dataSource.query(`${TEAM_VIEW_SQL} WHERE t.id = $1`, [id]);
    return team;
  }

  /** Admins manage every team; a coordinator manages the teams of their own agency. */
  private assertMayManage(caller: AuthUser, agencyId: string): void {
    if (hasRole(caller, 'ADMIN')) return;
    if (hasRole(caller, 'COORDINATOR') && caller.agencyId === agencyId) return;
    throw DomainError.forbidden("Only an admin or a coordinator of the team's agency may change its teams");
  }
}
