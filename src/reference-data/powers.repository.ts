import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AgencyKind, Power } from '../common/domain';
import { query } from '../database/query';
import { sql } from '../database/sql';

/** Which kind of agency holds which power (agency_kind_powers): one row per kind and power held. */
@Injectable()
export class PowersRepository {
  async all(manager: EntityManager): Promise<{ kind: AgencyKind; power: Power }[]> {
    return query(manager, sql`SELECT kind, power FROM agency_kind_powers`);
  }

  async ofKind(manager: EntityManager, kind: AgencyKind): Promise<Power[]> {
    const rows = await query<{ power: Power }>(manager, sql`SELECT power FROM agency_kind_powers WHERE kind = ${kind}`);
    return rows.map((row) => row.power);
  }

  /** The kind now holds exactly `powers`. */
  async replace(manager: EntityManager, kind: AgencyKind, powers: Power[]): Promise<void> {
    await query(manager, sql`DELETE FROM agency_kind_powers WHERE kind = ${kind}`);
    if (powers.length === 0) return;
    await query(manager, sql`INSERT INTO agency_kind_powers (kind, power) SELECT ${kind}::text, unnest(${powers}::text[])`);
  }
}
