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
import { AgencyRepository } from './agency.repository';
import { AgencyView, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';
import { UserRepository } from './user.repository';

export function toAgencyView(agency: Agency): AgencyView {
  return { id: agency.id, code: agency.code, name: agency.name, kind: agency.kind };
}

const audited = (agency: AgencyView) => ({ code: agency.code, name: agency.name, kind: agency.kind });

@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly agencies: AgencyRepository,
    private readonly users: UserRepository,
  ) {}

  async list(): Promise<AgencyView[]> {
    const agencies = await this.agencies.all(this.dataSource.manager);
    return agencies.map(toAgencyView);
  }

  create(caller: AuthUser, input: CreateAgencyDto): Promise<AgencyView> {
    return inTransaction(this.dataSource, async (manager) => {
      const agency = toAgencyView(await this.agencies.insert(manager, definedFields(input)));
      await this.audit.appendReference(manager, {
        entity: 'agency',
        entityId: agency.id,
        action: 'agency.created',
        actor: caller,
        before: null,
        after: audited(agency),
      });
      return agency;
    });
  }

  update(caller: AuthUser, id: string, input: UpdateAgencyDto): Promise<AgencyView> {
    return inTransaction(this.dataSource, async (manager) => {
      const agency = await this.agencies.lock(manager, id);
      if (!agency) throw DomainError.notFound('Agency', id);
      if (input.kind && input.kind !== 'CPS' && agency.kind === 'CPS') {
        const liaisons = await this.users.countWithRole(manager, id, 'CPS_LIAISON');
        if (liaisons > 0) {
          throw new DomainError(
            'VALIDATION_FAILED',
            `This agency has ${counted(liaisons, 'CPS liaison')}, and only users of the Crown Prosecution Service can be CPS liaisons: change their roles first`,
          );
        }
      }
      const before = toAgencyView(agency);
      Object.assign(agency, definedFields(input));
      const after = toAgencyView(await this.agencies.save(manager, agency));
      await this.audit.appendReference(manager, {
        entity: 'agency',
        entityId: id,
        action: 'agency.updated',
        actor: caller,
        before: audited(before),
        after: audited(after),
      });
      return after;
    });
  }
}
