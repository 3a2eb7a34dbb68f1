import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { SqlParams } from '../database/sql-params';
import { visibleTo } from '../operations/visibility';
import { HistoryEventView, ReferenceEventPage, ReferenceEventQueryDto, VerifyView } from './dto/audit.dto';
import { BrokenLink, ChainedEvent, eventHash, firstBrokenLink, ReferenceChainedEvent, Stored, StoredEvent } from './hash-chain';

export interface AuditEntry {
  operationId: string;
  action: string;
  actor: AuthUser;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export type ReferenceEntity = 'agency' | 'team' | 'user' | 'policy';

export interface ReferenceAuditEntry {
  entity: ReferenceEntity;
  entityId: string;
  action: string;
  actor: AuthUser;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

const VERIFY_BATCH = 5000;
const DEFAULT_PAGE = 50;
/** The advisory lock key of the reference-data chain; an operation's chain locks on a hash of its id. */
const REFERENCE_CHAIN_LOCK = 7_241_016;

/** Stored JSON: dates as ISO strings, so that the hash of what is read back equals the hash written. */
function plain(value: Record<string, unknown> | null | undefined): unknown {
  return value ? JSON.parse(JSON.stringify(value)) : null;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an event to the operation's chain inside the caller's transaction. A transaction
   * lock on the chain keeps appends in order, also when a change to one plan records an event
   * in another's chain (a deconfliction hit it raised).
   */
  async append(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [entry.operationId]);
    const [last] = await manager.query(
      `SELECT seq, hash FROM audit_events WHERE operation_id = $1 ORDER BY seq DESC LIMIT 1`,
      [entry.operationId],
    );
    const event: ChainedEvent = {
      operationId: entry.operationId,
      seq: (last?.seq ?? 0) + 1,
      action: entry.action,
      actorId: entry.actor.id,
      actorAgencyId: entry.actor.agencyId,
      at: new Date().toISOString(),
      before: plain(entry.before),
      after: plain(entry.after),
      prevHash: last?.hash ?? null,
    };
    await manager.query(
      `INSERT INTO audit_events (operation_id, seq, action, actor_id, actor_agency_id, at, before, after, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        event.operationId,
        event.seq,
        event.action,
        event.actorId,
        event.actorAgencyId,
        event.at,
        JSON.stringify(event.before),
        JSON.stringify(event.after),
        event.prevHash,
        eventHash(event),
      ],
    );
  }

  /** Appends a change to reference data (agencies, teams, users, the policy) to its one chain, inside the caller's transaction. */
  async appendReference(manager: EntityManager, entry: ReferenceAuditEntry): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [REFERENCE_CHAIN_LOCK]);
    const [last] = await manager.query(`SELECT seq, hash FROM reference_audit_events ORDER BY seq DESC LIMIT 1`);
    const event: ReferenceChainedEvent = {
      seq: (last?.seq ?? 0) + 1,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      actorId: entry.actor.id,
      actorAgencyId: entry.actor.agencyId,
      at: new Date().toISOString(),
      before: plain(entry.before),
      after: plain(entry.after),
      prevHash: last?.hash ?? null,
    };
    await manager.query(
      `INSERT INTO reference_audit_events (seq, entity, entity_id, action, actor_id, actor_agency_id, at, before, after, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        event.seq,
        event.entity,
        event.entityId,
        event.action,
        event.actorId,
        event.actorAgencyId,
        event.at,
        JSON.stringify(event.before),
        JSON.stringify(event.after),
        event.prevHash,
        eventHash(event),
      ],
    );
  }

  /** The operation's history, oldest first, for a viewer who may see the operation (R14). */
  async history(viewer: AuthUser, operationId: string): Promise<HistoryEventView[]> {
    const p = new SqlParams();
    const id = p.add(operationId);
    const visible = await this.dataSource.query(`SELECT 1 FROM operations o WHERE o.id = ${id} AND ${visibleTo(viewer, p)}`, p.values);
    if (visible.length === 0) throw DomainError.notFound('Operation', operationId);
    const rows = await this.dataSource.query(
      `SELECT e.seq, e.action, e.at, e.before, e.after,
              json_build_object('id', u.id, 'name', u.name, 'email', u.email) AS actor,
              json_build_object('id', a.id, 'code', a.code, 'name', a.name) AS "actorAgency"
         FROM audit_events e
         JOIN users u ON u.id = e.actor_id
         JOIN agencies a ON a.id = e.actor_agency_id
        WHERE e.operation_id = $1
        ORDER BY e.seq`,
      [operationId],
    );
    return rows.map((row: HistoryEventView & { at: Date }) => ({ ...row, at: row.at.toISOString() }));
  }

  /** Changes to reference data, newest first, a page at a time (`cursor`: the seq the page starts below). */
  async referenceEvents(query: ReferenceEventQueryDto): Promise<ReferenceEventPage> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await this.dataSource.query(
      `SELECT e.seq, e.entity, e.entity_id AS "entityId", e.action, e.at, e.before, e.after,
              json_build_object('id', u.id, 'name', u.name, 'email', u.email) AS actor,
              json_build_object('id', a.id, 'code', a.code, 'name', a.name) AS "actorAgency"
         FROM reference_audit_events e
         JOIN users u ON u.id = e.actor_id
         JOIN agencies a ON a.id = e.actor_agency_id
        WHERE $1::int IS NULL OR e.seq < $1::int
        ORDER BY e.seq DESC
        LIMIT $2`,
      [query.cursor ?? null, limit + 1],
    );
    const items = rows.slice(0, limit).map((row: { at: Date }) => ({ ...row, at: row.at.toISOString() }));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].seq : null };
  }

  /** Walks every operation's chain and the reference-data chain; names the first event that does not hold. */
  async verify(): Promise<VerifyView> {
    const operations = await this.verifyOperations();
    if (operations.broken) return { ok: false, eventsChecked: operations.checked, firstBroken: operations.broken };
    const reference = await this.verifyReference();
    const checked = operations.checked + reference.checked;
    return reference.broken ? { ok: false, eventsChecked: checked, firstBroken: reference.broken } : { ok: true, eventsChecked: checked, firstBroken: null };
  }

  private async verifyOperations(): Promise<{ checked: number; broken?: VerifyView['firstBroken'] }> {
    let checked = 0;
    let chain: StoredEvent[] = [];
    let cursor: { operationId: string; seq: number } | undefined;
    const check = () => {
      const broken = firstBrokenLink(chain);
      return broken && { ...broken, chain: 'operation' as const, operationId: chain[0].operationId };
    };
    for (;;) {
      const rows: StoredEvent[] = await this.dataSource.query(
        `SELECT id::text, operation_id AS "operationId", seq, action, actor_id AS "actorId", actor_agency_id AS "actorAgencyId",
                to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, before, after,
                prev_hash AS "prevHash", hash
           FROM audit_events
          WHERE $1::uuid IS NULL OR (operation_id, seq) > ($1::uuid, $2::int)
          ORDER BY operation_id, seq
          LIMIT ${VERIFY_BATCH}`,
        [cursor?.operationId ?? null, cursor?.seq ?? 0],
      );
      for (const row of rows) {
        if (chain.length && chain[0].operationId !== row.operationId) {
          const broken = check();
          if (broken) return { checked, broken };
          chain = [];
        }
        chain.push(row);
        checked++;
      }
      if (rows.length < VERIFY_BATCH) break;
      cursor = rows[rows.length - 1];
    }
    return { checked, broken: check() };
  }

  private async verifyReference(): Promise<{ checked: number; broken?: VerifyView['firstBroken'] }> {
    let checked = 0;
    let last: Stored<ReferenceChainedEvent> | undefined;
    for (;;) {
      const rows: Stored<ReferenceChainedEvent>[] = await this.dataSource.query(
        `SELECT id::text, seq, entity, entity_id AS "entityId", action, actor_id AS "actorId", actor_agency_id AS "actorAgencyId",
                to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, before, after,
                prev_hash AS "prevHash", hash
           FROM reference_audit_events
          WHERE seq > $1
          ORDER BY seq
          LIMIT ${VERIFY_BATCH}`,
        [last?.seq ?? 0],
      );
      // Each batch is checked with the event before it, so a link across batches is checked too.
      const broken: BrokenLink | undefined = firstBrokenLink(last ? [last, ...rows] : rows);
      if (broken) return { checked: checked + rows.length, broken: { ...broken, chain: 'reference', operationId: null } };
      checked += rows.length;
      if (rows.length < VERIFY_BATCH) return { checked };
      last = rows[rows.length - 1];
    }
  }
}
