import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { personJson } from '../database/json';
import { first, query } from '../database/query';
import { named, sql } from '../database/sql';
import { ReferenceEventView } from './dto/audit.dto';
import { ChainedEvent, ReferenceChainedEvent, Stored } from './hash-chain';

/** The reference-data chain's advisory lock key; an operation's chain locks on a hash of its id. */
const REFERENCE_CHAIN_LOCK = 7_241_016;
/** Timestamps as they were hashed: UTC, to the millisecond. */
const HASHED_AT = sql`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

type Link = { seq: number; hash: string };

/**
 * The audit chains, append-only (a trigger refuses anything else). Hand-written SQL: appends
 * take a transaction-scoped advisory lock on their chain, and the verifier walks in batches.
 */
@Injectable()
export class AuditRepository {
  async lastOfOperation(manager: EntityManager, operationId: string): Promise<Link | undefined> {
    await query(manager, sql`SELECT pg_advisory_xact_lock(hashtextextended(${operationId}, 0))`);
    return first<Link>(manager, sql`SELECT seq, hash FROM audit_events WHERE operation_id = ${operationId} ORDER BY seq DESC LIMIT 1`);
  }

  /** The position of an operation's newest event (0 for none), read without taking the chain's lock. */
  async lastSeqOfOperation(manager: EntityManager, operationId: string): Promise<number> {
    return (
      (await first<{ seq: number }>(manager, named(sql`SELECT max(seq) AS seq FROM audit_events WHERE operation_id = ${operationId}`)))
        ?.seq ?? 0
    );
  }

  async insertOperationEvent(manager: EntityManager, event: ChainedEvent, hash: string): Promise<void> {
    await query(
      manager,
      sql`INSERT INTO audit_events (operation_id, seq, action, actor_id, actor_agency_id, at, before, after, prev_hash, hash)
          VALUES (${event.operationId}, ${event.seq}, ${event.action}, ${event.actorId}, ${event.actorAgencyId}, ${event.at},
                  ${JSON.stringify(event.before)}, ${JSON.stringify(event.after)}, ${event.prevHash}, ${hash})`,
    );
  }

  async lockReferenceChain(manager: EntityManager): Promise<void> {
    await query(manager, sql`SELECT pg_advisory_xact_lock(${REFERENCE_CHAIN_LOCK})`);
  }

  async lastOfReference(manager: EntityManager): Promise<Link | undefined> {
    await this.lockReferenceChain(manager);
    return first<Link>(manager, sql`SELECT seq, hash FROM reference_audit_events ORDER BY seq DESC LIMIT 1`);
  }

  async insertReferenceEvent(manager: EntityManager, event: ReferenceChainedEvent, hash: string): Promise<void> {
    await query(
      manager,
      sql`INSERT INTO reference_audit_events (seq, entity, entity_id, action, actor_id, actor_agency_id, at, before, after, prev_hash, hash)
          VALUES (${event.seq}, ${event.entity}, ${event.entityId}, ${event.action}, ${event.actorId}, ${event.actorAgencyId}, ${event.at},
                  ${JSON.stringify(event.before)}, ${JSON.stringify(event.after)}, ${event.prevHash}, ${hash})`,
    );
  }

  async referencePage(manager: EntityManager, page: { before?: number; limit: number }): Promise<ReferenceEventView[]> {
    const rows = await query<ReferenceEventView & { at: Date }>(
      manager,
      sql`SELECT e.seq, e.entity, e.entity_id AS "entityId", e.action, e.at, e.before, e.after,
                 ${personJson('u')} AS actor,
                 json_build_object('id', a.id, 'code', a.code, 'name', a.name) AS "actorAgency"
            FROM reference_audit_events e
            JOIN users u ON u.id = e.actor_id
            JOIN agencies a ON a.id = e.actor_agency_id
           WHERE ${page.before === undefined ? sql`true` : sql`e.seq < ${page.before}`}
           ORDER BY e.seq DESC
           LIMIT ${page.limit}`,
    );
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }

  /** A batch of operation events in chain order, after the (operation, seq) given. */
  operationBatch(
    manager: EntityManager,
    after: { operationId: string; seq: number } | undefined,
    size: number,
  ): Promise<Stored<ChainedEvent>[]> {
    return query(
      manager,
      sql`SELECT id::text, operation_id AS "operationId", seq, action, actor_id AS "actorId", actor_agency_id AS "actorAgencyId",
                 ${HASHED_AT} AS at, before, after, prev_hash AS "prevHash", hash
            FROM audit_events
           WHERE ${after ? sql`(operation_id, seq) > (${after.operationId}::uuid, ${after.seq}::int)` : sql`true`}
           ORDER BY operation_id, seq
           LIMIT ${size}`,
    );
  }

  referenceBatch(manager: EntityManager, afterSeq: number, size: number): Promise<Stored<ReferenceChainedEvent>[]> {
    return query(
      manager,
      sql`SELECT id::text, seq, entity, entity_id AS "entityId", action, actor_id AS "actorId", actor_agency_id AS "actorAgencyId",
                 ${HASHED_AT} AS at, before, after, prev_hash AS "prevHash", hash
            FROM reference_audit_events
           WHERE seq > ${afterSeq}
           ORDER BY seq
           LIMIT ${size}`,
    );
  }
}
