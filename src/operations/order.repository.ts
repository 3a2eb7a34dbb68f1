import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { first, query } from '../database/query';
import { sql } from '../database/sql';
import { RiskDto, RvPointDto } from './dto/order.dto';

export interface RvPointRow {
  id: string;
  name: string;
  meetAt: Date;
}

/** The structured parts of the operational order that have rows of their own: the risk register and the RV points. */
@Injectable()
export class OrderRepository {
  async risks(manager: EntityManager, operationId: string): Promise<RiskDto[]> {
    return query(
      manager,
      sql`SELECT hazard, hazard_detail AS "hazardDetail", likelihood, impact, controls, residual, owner, accepted_by AS "acceptedBy",
                 intelligence AS "intelligenceDerived"
            FROM operation_risks WHERE operation_id = ${operationId} ORDER BY position`,
    );
  }

  async replaceRisks(manager: EntityManager, operationId: string, risks: RiskDto[]): Promise<void> {
    await query(manager, sql`DELETE FROM operation_risks WHERE operation_id = ${operationId}`);
    if (risks.length === 0) return;
    const column = <T>(of: (risk: RiskDto) => T) => risks.map(of);
    await query(
      manager,
      sql`INSERT INTO operation_risks (operation_id, position, hazard, hazard_detail, likelihood, impact, controls, residual, owner, accepted_by, intelligence)
          SELECT ${operationId}, position, hazard, hazard_detail, likelihood, impact, controls, residual, owner, accepted_by, intelligence
            FROM unnest(${column((r) => r.hazard)}::text[], ${column((r) => r.hazardDetail ?? null)}::text[], ${column((r) => r.likelihood)}::int[],
                        ${column((r) => r.impact)}::int[], ${column((r) => r.controls)}::text[], ${column((r) => r.residual)}::text[],
                        ${column((r) => r.owner)}::text[], ${column((r) => r.acceptedBy ?? null)}::text[],
                        ${column((r) => r.intelligenceDerived ?? false)}::boolean[])
                 WITH ORDINALITY AS r(hazard, hazard_detail, likelihood, impact, controls, residual, owner, accepted_by, intelligence, position)`,
    );
  }

  rvPoint(manager: EntityManager, operationId: string, id: string): Promise<(RvPointRow & { address: string }) | undefined> {
    return first(
      manager,
      sql`SELECT id, name, address, meet_at AS "meetAt" FROM rv_points WHERE id = ${id} AND operation_id = ${operationId}`,
    );
  }

  async insertRvPoint(manager: EntityManager, operationId: string, point: RvPointDto): Promise<string> {
    const [{ id }] = await query<{ id: string }>(
      manager,
      sql`INSERT INTO rv_points (operation_id, name, address, meet_at) VALUES (${operationId}, ${point.name}, ${point.address}, ${point.meetAt}) RETURNING id`,
    );
    return id;
  }

  async updateRvPoint(manager: EntityManager, id: string, point: RvPointDto): Promise<void> {
    await query(
      manager,
      sql`UPDATE rv_points SET name = ${point.name}, address = ${point.address}, meet_at = ${point.meetAt} WHERE id = ${id}`,
    );
  }

  async deleteRvPoint(manager: EntityManager, id: string): Promise<void> {
    await query(manager, sql`DELETE FROM rv_points WHERE id = ${id}`);
  }

  /** The teams that meet at an RV point (while they still count). */
  async teamsAt(manager: EntityManager, rvPointId: string): Promise<string[]> {
    const rows = await query<{ name: string }>(
      manager,
      sql`SELECT t.name FROM deployments d JOIN teams t ON t.id = d.team_id
           WHERE d.rv_point_id = ${rvPointId} AND d.status IN ('REQUESTED', 'CONFIRMED') ORDER BY t.name`,
    );
    return rows.map((row) => row.name);
  }

  /** Times of the day that a new window would leave outside it. */
  async timesOutside(manager: EntityManager, operationId: string, window: { startsAt: Date; endsAt: Date }): Promise<string[]> {
    const rows = await query<{ what: string }>(
      manager,
      sql`SELECT 'the RV time of ' || name AS what FROM rv_points
           WHERE operation_id = ${operationId} AND (meet_at < ${window.startsAt} OR meet_at > ${window.endsAt})
          UNION ALL
          SELECT 'the strike time of ' || label FROM operation_locations
           WHERE operation_id = ${operationId} AND (strike_at < ${window.startsAt} OR strike_at > ${window.endsAt})`,
    );
    return rows.map((row) => row.what);
  }
}
