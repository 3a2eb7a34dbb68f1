import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { EvidencePriority, EvidenceStatus, EvidenceType, Offence } from '../common/domain';
import { first, query } from '../database/query';
import { sql } from '../database/sql';

export interface RequirementRow {
  id: string;
  version: number;
  status: EvidenceStatus;
  offence: Offence;
  offenceOther: string | null;
  evidenceType: EvidenceType;
  description: string;
  priority: EvidencePriority;
  assignedTeamId: string | null;
  assignedAgencyId: string | null;
}

export interface RequirementContent {
  offence: Offence;
  offenceOther: string | null;
  evidenceType: EvidenceType;
  description: string;
  priority: EvidencePriority;
}

/**
 * Evidence requirements: only this module writes them. Hand-written SQL: every transition
 * bumps the requirement's own version (R10), read under the row lock.
 */
@Injectable()
export class EvidenceRepository {
  lock(manager: EntityManager, operationId: string, requirementId: string): Promise<RequirementRow | undefined> {
    return first(
      manager,
      sql`SELECT r.id, r.version, r.status, r.offence, r.offence_other AS "offenceOther", r.evidence_type AS "evidenceType", r.description,
                 r.priority, r.assigned_team_id AS "assignedTeamId", t.agency_id AS "assignedAgencyId"
            FROM evidence_requirements r LEFT JOIN teams t ON t.id = r.assigned_team_id
           WHERE r.id = ${requirementId} AND r.operation_id = ${operationId}
             FOR UPDATE OF r`,
    );
  }

  async insert(manager: EntityManager, operationId: string, content: RequirementContent, by: string): Promise<string> {
    const [{ id }] = await query<{ id: string }>(
      manager,
      sql`INSERT INTO evidence_requirements (operation_id, offence, offence_other, evidence_type, description, priority, created_by)
          VALUES (${operationId}, ${content.offence}, ${content.offenceOther}, ${content.evidenceType}, ${content.description}, ${content.priority}, ${by})
          RETURNING id`,
    );
    return id;
  }

  async update(manager: EntityManager, id: string, content: RequirementContent): Promise<void> {
    await query(
      manager,
      sql`UPDATE evidence_requirements SET offence = ${content.offence}, offence_other = ${content.offenceOther}, evidence_type = ${content.evidenceType},
                 description = ${content.description}, priority = ${content.priority}, version = version + 1, updated_at = now()
           WHERE id = ${id}`,
    );
  }

  /** A team and whether it has a confirmed deployment on the operation (what assigning needs). */
  team(
    manager: EntityManager,
    operationId: string,
    teamId: string,
  ): Promise<{ id: string; name: string; capabilities: string[]; deployed: boolean } | undefined> {
    return first(
      manager,
      sql`SELECT t.id, t.name, t.capabilities,
                 EXISTS (SELECT 1 FROM deployments d WHERE d.operation_id = ${operationId} AND d.team_id = t.id AND d.status = 'CONFIRMED') AS deployed
            FROM teams t WHERE t.id = ${teamId}`,
    );
  }

  async assign(manager: EntityManager, id: string, teamId: string): Promise<void> {
    await query(
      manager,
      sql`UPDATE evidence_requirements SET assigned_team_id = ${teamId}, status = 'ASSIGNED', version = version + 1, updated_at = now() WHERE id = ${id}`,
    );
  }

  /** Requirements of a team that left the plan go back to OPEN, to be given to another team. */
  unassignTeam(manager: EntityManager, operationId: string, teamId: string): Promise<{ id: string; description: string }[]> {
    return query(
      manager,
      sql`UPDATE evidence_requirements SET assigned_team_id = NULL, status = 'OPEN', version = version + 1, updated_at = now()
           WHERE operation_id = ${operationId} AND assigned_team_id = ${teamId} AND status IN ('ASSIGNED', 'REJECTED')
          RETURNING id, description`,
    );
  }

  async gathered(manager: EntityManager, id: string, note: string, by: string): Promise<void> {
    await query(
      manager,
      sql`UPDATE evidence_requirements SET status = 'GATHERED', gathered_note = ${note}, gathered_by = ${by}, gathered_at = now(),
                 rejection_reason = NULL, decided_by = NULL, decided_at = NULL, version = version + 1, updated_at = now()
           WHERE id = ${id}`,
    );
  }

  async decide(
    manager: EntityManager,
    id: string,
    decision: { status: 'ACCEPTED' | 'REJECTED'; by: string; reason: string | null },
  ): Promise<void> {
    await query(
      manager,
      sql`UPDATE evidence_requirements SET status = ${decision.status}, decided_by = ${decision.by}, decided_at = now(), rejection_reason = ${decision.reason},
                 version = version + 1, updated_at = now()
           WHERE id = ${id}`,
    );
  }
}
