import { Injectable } from '@nestjs/common';
import { DeepPartial, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';
import { first, query } from '../database/query';
import { join, sql, Sql } from '../database/sql';
import type { Capability } from '../common/domain';
import { TeamView } from './dto/team.dto';
import { Team } from './team.entity';

// A team is shown with its agency's code, which the entity does not hold: a join, so SQL.
const TEAM_VIEW = sql`SELECT t.id, t.agency_id AS "agencyId", a.code AS "agencyCode", t.name, t.capabilities, t.capacity
                        FROM teams t JOIN agencies a ON a.id = t.agency_id`;

/** Teams: written through TypeORM's repository, shown as the API shows them. */
@Injectable()
export class TeamRepository {
  list(manager: EntityManager, filter: { agencyId?: string; capability?: Capability }): Promise<TeamView[]> {
    const conditions: Sql[] = [sql`true`];
    if (filter.agencyId) conditions.push(sql`t.agency_id = ${filter.agencyId}`);
    if (filter.capability) conditions.push(sql`${filter.capability} = ANY (t.capabilities)`);
    return query<TeamView>(manager, sql`${TEAM_VIEW} WHERE ${join(conditions, ' AND ')} ORDER BY a.code, t.name`);
  }

  async view(manager: EntityManager, id: string): Promise<TeamView> {
    return (await first<TeamView>(manager, sql`${TEAM_VIEW} WHERE t.id = ${id}`)) as TeamView;
  }

  /** The team, locked until the caller's transaction ends (so two changes of it queue). */
  async lock(manager: EntityManager, id: string): Promise<Team | undefined> {
    return (await manager.getRepository(Team).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  /** Inserts the team and answers its id. */
  async insert(manager: EntityManager, fields: DeepPartial<Team>): Promise<string> {
    const repository = manager.getRepository(Team);
    return (await repository.save(repository.create(fields))).id;
  }

  async update(manager: EntityManager, id: string, changes: QueryDeepPartialEntity<Team>): Promise<void> {
    await manager.getRepository(Team).update({ id }, changes);
  }
}
