import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { first, query } from '../database/query';
import { join, sql, Sql } from '../database/sql';
import type { Capability } from '../common/domain';
import { TeamView } from './dto/team.dto';

// A team is shown with its agency's code, which the entity does not hold: a join, so SQL.
const TEAM_VIEW = sql`SELECT t.id, t.agency_id AS "agencyId", a.code AS "agencyCode", t.name, t.capabilities, t.capacity
                        FROM teams t JOIN agencies a ON a.id = t.agency_id`;

/** Teams as the API shows them. */
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
}
