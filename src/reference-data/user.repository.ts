import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { query } from '../database/query';
import { sql } from '../database/sql';

/** Users, where TypeORM's repository would not do: a lock over every active admin at once. */
@Injectable()
export class UserRepository {
  /** Locks every active admin (in id order, so two callers cannot deadlock) and answers their ids. */
  async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows = await query<{ id: string }>(manager, sql`SELECT id FROM users WHERE active AND 'ADMIN' = ANY (roles) ORDER BY id FOR UPDATE`);
    return rows.map((row) => row.id);
  }
}
