import { Injectable } from '@nestjs/common';
import { DeepPartial, EntityManager } from 'typeorm';
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
