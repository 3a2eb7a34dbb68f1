import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { definedFields } from '../common/defined';
import { DomainError } from '../common/errors/domain-error';
import { counted } from '../common/labels';
import { inTransaction } from '../database/transaction';
import { Agency } from './agency.entity';
import { AgencyView, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';
import { User } from './user.entity';

export function toAgencyView(agency: Agency): AgencyView {
  return { id: agency.id, code: agency.code, name: agency.name, kind: agency.kind };
}

const audited = (agency: AgencyView) => ({ code: agency.code, name: agency.name, kind: agency.kind });

@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<AgencyView[]> {
    const agencies = await this.dataSource.getRepository(Agency).find({ order: { code: 'ASC' } });
    return agencies.map(toAgencyView);
  }

  create(caller: AuthUser, input: CreateAgencyDto): Promise<AgencyView> {
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(Agency);
      const agency = toAgencyView(await repository.save(repository.create(definedFields(input))));
      await this.audit.appendReference(manager, { entity: 'agency', entityId: agency.id, action: 'agency.created', actor: caller, before: null, after: audited(agency) });
      return agency;
    });
  }

  update(caller: AuthUser, id: string, input: UpdateAgencyDto): Promise<AgencyView> {
    return inTransaction(this.dataSource, async (manager) => {
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
            `This agency has ${counted(liaisons, 'CPS liaison')}, and only users of the Crown Prosecution Service can be CPS liaisons: change their roles first`,
          );
        }
      }
      const before = toAgencyView(agency);
      Object.assign(agency, definedFields(input));
      const after = toAgencyView(await manager.getRepository(Agency).save(agency));
      await this.audit.appendReference(manager, { entity: 'agency', entityId: id, action: 'agency.updated', actor: caller, before: audited(before), after: audited(after) });
      return after;
    });
  }
}
