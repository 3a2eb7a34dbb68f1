import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { query } from '../database/query';
import { sql } from '../database/sql';
import { DEMO_AGENCIES, DEMO_TEAMS, DEMO_USERS } from './demo-data';

type DemoUser = (typeof DEMO_USERS)[number];

/** The demo data (demo-data.ts): each insert adds only what is missing and never changes a row that exists. */
@Injectable()
export class DemoSeedRepository {
  async insertAgencies(manager: EntityManager): Promise<void> {
    await query(
      manager,
      sql`INSERT INTO agencies (code, name, kind)
          SELECT * FROM unnest(${DEMO_AGENCIES.map((a) => a.code)}::text[], ${DEMO_AGENCIES.map((a) => a.name)}::text[],
                               ${DEMO_AGENCIES.map((a) => a.kind)}::text[])
          ON CONFLICT (code) DO NOTHING`,
    );
  }

  async insertTeams(manager: EntityManager): Promise<void> {
    await query(
      manager,
      sql`INSERT INTO teams (agency_id, name, capabilities, capacity)
          SELECT a.id, t.name, string_to_array(t.capabilities, ','), t.capacity
            FROM unnest(${DEMO_TEAMS.map((t) => t.agency)}::text[], ${DEMO_TEAMS.map((t) => t.name)}::text[],
                        ${DEMO_TEAMS.map((t) => t.capabilities.join(','))}::text[], ${DEMO_TEAMS.map((t) => t.capacity)}::int[])
                 AS t(code, name, capabilities, capacity)
            JOIN agencies a ON a.code = t.code
          ON CONFLICT (agency_id, name) DO NOTHING`,
    );
  }

  /** The demo users not yet in the database. */
  async missingUsers(manager: EntityManager): Promise<DemoUser[]> {
    const existing = await query<{ email: string }>(
      manager,
      sql`SELECT email FROM users WHERE email = ANY(${DEMO_USERS.map((u) => u.email)})`,
    );
    const have = new Set(existing.map((row) => row.email));
    return DEMO_USERS.filter((user) => !have.has(user.email));
  }

  async insertUser(manager: EntityManager, user: DemoUser, passwordHash: string): Promise<void> {
    await query(
      manager,
      sql`INSERT INTO users (email, name, agency_id, roles, password_hash)
          SELECT ${user.email}, ${user.name}, id, ${user.roles}, ${passwordHash} FROM agencies WHERE code = ${user.agency}
          ON CONFLICT (lower(email)) DO NOTHING`,
    );
  }

  /** The demo users there are, with the hash of the password each holds now. */
  userPasswords(manager: EntityManager): Promise<{ email: string; passwordHash: string }[]> {
    return query(
      manager,
      sql`SELECT email, password_hash AS "passwordHash" FROM users WHERE email = ANY(${DEMO_USERS.map((u) => u.email)}) ORDER BY email`,
    );
  }
}
