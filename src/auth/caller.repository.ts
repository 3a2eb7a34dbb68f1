import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { first } from '../database/query';
import { named, sql } from '../database/sql';

export interface Caller extends AuthUser {
  /** They still sign in with a one-time password an admin issued, and must set their own first. */
  passwordChangeRequired: boolean;
}

/** The signed-in user, read on every request: a named prepared statement, joined to the agency the rules need. */
@Injectable()
export class CallerRepository {
  /**
   * The active user the token names, while the token's generation is still theirs (a password
   * change ends it); and whether they must still replace a one-time password an admin issued.
   */
  find(manager: EntityManager, id: string, generation: number): Promise<Caller | undefined> {
    return first(
      manager,
      named(sql`SELECT u.id, u.email, u.name, u.roles, u.agency_id AS "agencyId", a.code AS "agencyCode", a.kind AS "agencyKind",
                       u.password_change_required AS "passwordChangeRequired"
                  FROM users u JOIN agencies a ON a.id = u.agency_id
                 WHERE u.id = ${id} AND u.active AND u.token_generation = ${generation}`),
    );
  }
}
