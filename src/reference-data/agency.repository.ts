import { Injectable } from '@nestjs/common';
import { DeepPartial, EntityManager, In } from 'typeorm';
import { Agency } from './agency.entity';

/** Agencies, through TypeORM's repository: nothing about them needs more than one table. */
@Injectable()
export class AgencyRepository {
  /** Every agency, by code. */
  all(manager: EntityManager): Promise<Agency[]> {
    return manager.getRepository(Agency).find({ order: { code: 'ASC' } });
  }

  async find(manager: EntityManager, id: string): Promise<Agency | undefined> {
    return (await manager.getRepository(Agency).findOneBy({ id })) ?? undefined;
  }

  /** An agency a row already refers to (a foreign key keeps it there). */
  get(manager: EntityManager, id: string): Promise<Agency> {
    return manager.getRepository(Agency).findOneByOrFail({ id });
  }

  /** Those of the agencies that exist, in no particular order. */
  some(manager: EntityManager, ids: string[]): Promise<Agency[]> {
    return manager.getRepository(Agency).findBy({ id: In(ids) });
  }

  /** The agency, locked until the caller's transaction ends (so two changes of it queue). */
  async lock(manager: EntityManager, id: string): Promise<Agency | undefined> {
    return (await manager.getRepository(Agency).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  insert(manager: EntityManager, fields: DeepPartial<Agency>): Promise<Agency> {
    const repository = manager.getRepository(Agency);
    return repository.save(repository.create(fields));
  }

  /** Writes the changes made to an agency read before; answers it as stored. */
  save(manager: EntityManager, agency: Agency): Promise<Agency> {
    return manager.getRepository(Agency).save(agency);
  }
}
