import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { first, query } from '../database/query';
import { named, sql } from '../database/sql';
import type { Caller } from './caller.repository';

export interface SessionRow extends Caller {
  csrfToken: string;
  /** Seconds since the session was last seen: the idle clock. */
  idleSeconds: number;
}

/** Sessions found by the hash of their id; a session is live while its user is active at the generation it began with. */
@Injectable()
export class SessionRepository {
  async insert(manager: EntityManager, session: { idHash: Buffer; userId: string; generation: number; csrfToken: string }): Promise<void> {
    await query(
      manager,
      sql`INSERT INTO sessions (id_hash, user_id, token_generation, csrf_token)
          VALUES (${session.idHash}, ${session.userId}, ${session.generation}, ${session.csrfToken})`,
    );
  }

  /** The live session with this id hash, with its user as the rules need them: none once idle or old, or the user changed. */
  live(manager: EntityManager, idHash: Buffer, idleSeconds: number, maxAgeSeconds: number): Promise<SessionRow | undefined> {
    return first(
      manager,
      named(sql`SELECT u.id, u.email, u.name, u.roles, u.agency_id AS "agencyId", a.code AS "agencyCode", a.kind AS "agencyKind",
                       u.password_change_required AS "passwordChangeRequired",
                       s.csrf_token AS "csrfToken", extract(epoch FROM now() - s.last_seen_at)::int AS "idleSeconds"
                  FROM sessions s JOIN users u ON u.id = s.user_id JOIN agencies a ON a.id = u.agency_id
                 WHERE s.id_hash = ${idHash} AND u.active AND u.token_generation = s.token_generation
                   AND s.last_seen_at > now() - make_interval(secs => ${idleSeconds})
                   AND s.created_at > now() - make_interval(secs => ${maxAgeSeconds})`),
    );
  }

  async touch(manager: EntityManager, idHash: Buffer): Promise<void> {
    await query(manager, sql`UPDATE sessions SET last_seen_at = now() WHERE id_hash = ${idHash}`);
  }

  async delete(manager: EntityManager, idHash: Buffer): Promise<void> {
    await query(manager, sql`DELETE FROM sessions WHERE id_hash = ${idHash}`);
  }

  /** Every session of the user, whatever its state. */
  async deleteAllOf(manager: EntityManager, userId: string): Promise<void> {
    await query(manager, sql`DELETE FROM sessions WHERE user_id = ${userId}`);
  }

  /** Sessions that can no longer be used: idle, too old, or of a user since disabled or changed. */
  async deleteEnded(manager: EntityManager, idleSeconds: number, maxAgeSeconds: number): Promise<void> {
    await query(
      manager,
      sql`DELETE FROM sessions s USING users u
           WHERE u.id = s.user_id
             AND (s.last_seen_at <= now() - make_interval(secs => ${idleSeconds})
                  OR s.created_at <= now() - make_interval(secs => ${maxAgeSeconds})
                  OR NOT u.active OR u.token_generation <> s.token_generation)`,
    );
  }
}
