import { Injectable } from '@nestjs/common';
import { DeepPartial, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';
import type { Role } from '../common/domain';
import { query } from '../database/query';
import { sql } from '../database/sql';
import { User } from './user.entity';

/** Users: TypeORM's repository for the plain reads and writes, SQL where it would not do (a lock over every active admin at once). */
@Injectable()
export class UserRepository {
  /** Every user, by email. */
  all(manager: EntityManager): Promise<User[]> {
    return manager.getRepository(User).find({ order: { email: 'ASC' } });
  }

  async find(manager: EntityManager, id: string): Promise<User | undefined> {
    return (await manager.getRepository(User).findOneBy({ id })) ?? undefined;
  }

  /** The user, locked until the caller's transaction ends (so two changes of them queue). */
  async lock(manager: EntityManager, id: string): Promise<User | undefined> {
    return (await manager.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  /** How many users of the agency hold the role. */
  countWithRole(manager: EntityManager, agencyId: string, role: Role): Promise<number> {
    return manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.agency_id = :id AND :role = ANY(u.roles)', { id: agencyId, role })
      .getCount();
  }

  async insert(manager: EntityManager, fields: DeepPartial<User>): Promise<User> {
    const repository = manager.getRepository(User);
    return repository.save(repository.create(fields));
  }

  async update(manager: EntityManager, id: string, changes: QueryDeepPartialEntity<User>): Promise<void> {
    await manager.getRepository(User).update({ id }, changes);
  }

  /** Locks every active admin (in id order, so two callers cannot deadlock) and answers their ids. */
  async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows = await query<{ id: string }>(
      manager,
      sql`SELECT id FROM users WHERE active AND 'ADMIN' = ANY (roles) ORDER BY id FOR UPDATE`,
    );
    return rows.map((row) => row.id);
  }
}
