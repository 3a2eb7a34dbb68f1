import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { definedFields } from '../common/defined';
import { DomainError } from '../common/errors/domain-error';
import { Agency } from './agency.entity';
import { AgencyView, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';
import { User } from './user.entity';

export function toAgencyView(agency: Agency): AgencyView {
  return { id: agency.id, code: agency.code, name: agency.name, kind: agency.kind };
}

@Injectable()
export class AgenciesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<AgencyView[]> {
    const agencies = await this.dataSource.getRepository(Agency).find({ order: { code: 'ASC' } });
    return agencies.map(toAgencyView);
  }

  async create(input: CreateAgencyDto): Promise<AgencyView> {
    const repository = this.dataSource.getRepository(Agency);
    const agency = await repository.save(repository.create(input));
    return toAgencyView(agency);
  }

  async update(id: string, input: UpdateAgencyDto): Promise<AgencyView> {
    return this.dataSource.transaction(async (manager) => {
      const agency = await manager.getRepository(Agency).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!agency) throw DomainError.notFound('Agency', id);
      if (input.kind && input.kind !== 'CPS' && agency.kind === 'CPS') {
        const liaisons = await manager
          .getRepository(User)
          .createQueryBuilder('u')
          .where('u.agency_id = :id AND :role = ANY(u.roles)', { id, role: 'CPS_LIAISON' })
          .getCount();
        if (liaisons > 0) {
          throw new DomainError(
            'VALIDATION_FAILED',
            `This agency has ${liaisons} CPS liaison(s); CPS_LIAISON is only for users of a CPS agency, so change their roles first`,
          );
        }
      }
      Object.assign(agency, definedFields(input));
      return toAgencyView(await manager.getRepository(Agency).save(agency));
    });
  }
}
