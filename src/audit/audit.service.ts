import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { SqlParams } from '../database/sql-params';
import { visibleTo } from '../operations/visibility';
import { HistoryEventView, VerifyView } from './dto/audit.dto';
import { ChainedEvent, eventHash, firstBrokenLink, StoredEvent } from './hash-chain';

export interface AuditEntry {
  operationId: string;
  action: string;
  actor: AuthUser;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

const VERIFY_BATCH = 5000;

/** Stored JSON: dates as ISO strings, so that the hash of what is read back equals the hash written. */
function plain(value: Record<string, unknown> | null | undefined): unknown {
  return value ? JSON.parse(JSON.stringify(value)) : null;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an event to the operation's chain inside the caller's transaction. Callers
   * hold the operation's row lock, so appends to one chain never interleave.
   */
  async append(manager: EntityManager, entry: AuditEntry): Promise<void> {
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

  /** Walks every chain and names the first event that does not hold. */
  async verify(): Promise<VerifyView> {
    let checked = 0;
    let chain: StoredEvent[] = [];
    let cursor: { operationId: string; seq: number } | undefined;
    for (;;) {
      const rows = await this.dataSource.query(
        `SELECT id::text, operation_id AS "operationId", seq, action, actor_id AS "actorId", actor_agency_id AS "actorAgencyId",
                to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, before, after,
                prev_hash AS "prevHash", hash
           FROM audit_events
          WHERE $1::uuid IS NULL OR (operation_id, seq) > ($1::uuid, $2::int)
          ORDER BY operation_id, seq
          LIMIT ${VERIFY_BATCH}`,
        [cursor?.operationId ?? null, cursor?.seq ?? 0],
      );
      for (const row of rows as StoredEvent[]) {
        if (chain.length && chain[0].operationId !== row.operationId) {
          const broken = firstBrokenLink(chain);
          if (broken) return { ok: false, eventsChecked: checked, firstBroken: broken };
          chain = [];
        }
        chain.push(row);
        checked++;
      }
      if (rows.length < VERIFY_BATCH) break;
      cursor = rows[rows.length - 1];
    }
    const broken = firstBrokenLink(chain);
    return broken ? { ok: false, eventsChecked: checked, firstBroken: broken } : { ok: true, eventsChecked: checked, firstBroken: null };
  }
}
