import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { AuditRepository } from './audit.repository';
import { ReferenceEventPage, ReferenceEventQueryDto, VerifyView } from './dto/audit.dto';
import { BrokenLink, ChainedEvent, eventHash, firstBrokenLink, ReferenceChainedEvent, Stored, StoredEvent } from './hash-chain';

export interface AuditEntry {
  operationId: string;
  action: string;
  actor: AuthUser;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export type ReferenceEntity = 'agency' | 'team' | 'user' | 'policy' | 'powers';

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

/** Stored JSON: dates as ISO strings, so that the hash of what is read back equals the hash written. */
function plain(value: Record<string, unknown> | null | undefined): unknown {
  return value ? JSON.parse(JSON.stringify(value)) : null;
}

/**
 * The hash-chained, append-only record of every change: one chain per operation, one for
 * reference data. Appends happen inside the caller's transaction, under a lock on the chain,
 * so events stay in order even when a change to one plan records an event in another's chain.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditEvents: AuditRepository,
  ) {}

  async append(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const last = await this.auditEvents.lastOfOperation(manager, entry.operationId);
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
    await this.auditEvents.insertOperationEvent(manager, event, eventHash(event));
  }

  /**
   * For a change that reads reference data before it writes (a replace): taken first, it puts
   * the whole change in the chain's order, so the `before` it records is what it replaced.
   */
  async serialiseReferenceChange(manager: EntityManager): Promise<void> {
    await this.auditEvents.lockReferenceChain(manager);
  }

  async appendReference(manager: EntityManager, entry: ReferenceAuditEntry): Promise<void> {
    const last = await this.auditEvents.lastOfReference(manager);
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
    await this.auditEvents.insertReferenceEvent(manager, event, eventHash(event));
  }

  /** The position of an operation's newest event: what a form drawn now has seen of its history. */
  lastSeq(operationId: string): Promise<number> {
    return this.auditEvents.lastSeqOfOperation(this.dataSource.manager, operationId);
  }

  /** Changes to reference data, newest first, a page at a time (`cursor`: the seq the page starts below). */
  async referenceEvents(query: ReferenceEventQueryDto): Promise<ReferenceEventPage> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await this.auditEvents.referencePage(this.dataSource.manager, { before: query.cursor, limit: limit + 1 });
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].seq : null };
  }

  /** Walks every operation's chain and the reference-data chain; names the first event that does not hold. */
  async verify(): Promise<VerifyView> {
    const operations = await this.verifyOperations();
    if (operations.broken) return { ok: false, eventsChecked: operations.checked, firstBroken: operations.broken };
    const reference = await this.verifyReference();
    const checked = operations.checked + reference.checked;
    return reference.broken
      ? { ok: false, eventsChecked: checked, firstBroken: reference.broken }
      : { ok: true, eventsChecked: checked, firstBroken: null };
  }

  private async verifyOperations(): Promise<{ checked: number; broken?: VerifyView['firstBroken'] }> {
    let checked = 0;
    let chain: StoredEvent[] = [];
    let cursor: StoredEvent | undefined;
    const check = () => {
      const broken = firstBrokenLink(chain);
      return broken && { ...broken, chain: 'operation' as const, operationId: chain[0].operationId };
    };
    for (;;) {
      const rows = await this.auditEvents.operationBatch(this.dataSource.manager, cursor, VERIFY_BATCH);
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
      const rows = await this.auditEvents.referenceBatch(this.dataSource.manager, last?.seq ?? 0, VERIFY_BATCH);
      // Each batch is checked with the event before it, so a link across batches is checked too.
      const broken: BrokenLink | undefined = firstBrokenLink(last ? [last, ...rows] : rows);
      if (broken) return { checked: checked + rows.length, broken: { ...broken, chain: 'reference', operationId: null } };
      checked += rows.length;
      if (rows.length < VERIFY_BATCH) return { checked };
      last = rows[rows.length - 1];
    }
  }
}
