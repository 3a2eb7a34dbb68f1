import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Agency } from '../reference-data/agency.entity';

/**
 * The agencies a plan names or may name: its lead, the candidates to lead it, the agencies of its
 * first responders. Read-only: agencies themselves are kept by reference data.
 */
@Injectable()
export class PlanAgencyRepository {
  /** The agency, or null when there is none with that id; in the caller's transaction (`manager`). */
  find(manager: EntityManager, id: string): Promise<Agency | null> {
    return manager.getRepository(Agency).findOneBy({ id });
  }

  /** An agency a plan's row already refers to (a foreign key keeps it there). */
  get(manager: EntityManager, id: string): Promise<Agency> {
    return manager.getRepository(Agency).findOneByOrFail({ id });
  }

  /** Those of the agencies that exist, in no particular order. */
  some(manager: EntityManager, ids: string[]): Promise<Agency[]> {
    return manager.getRepository(Agency).findBy({ id: In(ids) });
  }

  /** Every agency, by code. */
  all(manager: EntityManager): Promise<Agency[]> {
    return manager.getRepository(Agency).find({ order: { code: 'ASC' } });
  }
}
