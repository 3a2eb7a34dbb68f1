import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { GRANTABLE_SECTIONS, NEVER_INTELLIGENCE_KINDS } from '../common/domain';
import { DomainError } from '../common/errors/domain-error';
import { label } from '../common/labels';
import { inTransaction } from '../database/transaction';
import { SharingDto } from './dto/sharing.dto';
import { OperationView } from './dto/plan-view.dto';
import { assertOwner, assertVersion, OperationAccess } from './operation-access';
import { SharingRepository } from './sharing.repository';
import { owningAgencyId } from './ownership';
import { PlansService } from './plans.service';

/**
 * R14b: the plan's owner widens what a partner agency sees, section by section, each change with a
 * reason in the plan's history. Intelligence never goes to victim support or a local authority
 * (refused here in words, and by the database whatever writes the grant).
 */
@Injectable()
export class SharingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly audit: AuditService,
    private readonly plans: PlansService,
    private readonly sharing: SharingRepository,
  ) {}

  async share(viewer: AuthUser, operationId: string, input: SharingDto): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockVisible(manager, viewer, operationId);
      assertOwner(viewer, row, 'share the sections of');
      assertVersion(row, input.version);
      const agency = await this.sharing.standing(manager, operationId, input.agencyId);
      if (!agency) throw DomainError.notFound('Agency', input.agencyId);
      if (agency.id === owningAgencyId(row)) {
        throw new DomainError('SHARING_NOT_PERMITTED', `${agency.name} owns ${row.reference} and already sees every section of it`, {
          agency: agency.code,
        });
      }
      // On the plan: a team asked for or agreed, the creator that handed the lead on, or sections already shared (to withdraw them).
      if (!agency.onPlan && agency.id !== row.createdByAgencyId && agency.granted.length === 0) {
        throw new DomainError(
          'SHARING_NOT_PERMITTED',
          `${agency.name} has no team on ${row.reference}: request one of its teams first, then share what its officers need`,
          { agency: agency.code },
        );
      }
      if (input.sections.includes('INTELLIGENCE') && NEVER_INTELLIGENCE_KINDS.includes(agency.kind)) {
        throw new DomainError(
          'SHARING_NOT_PERMITTED',
          `${agency.name} is a ${label('agencyKind', agency.kind).toLowerCase()} agency: a plan’s intelligence is never shared with victim-support or local-authority agencies`,
          { agency: agency.code, section: 'INTELLIGENCE' },
        );
      }
      const sections = GRANTABLE_SECTIONS.filter((section) => input.sections.includes(section));
      if (JSON.stringify(sections) === JSON.stringify(agency.granted)) return;
      await this.sharing.replace(manager, { operationId, agencyId: agency.id, sections, reason: input.reason, by: viewer.id });
      // Who sees what is not the plan's content: the version moves on (R10), an approval stands.
      await this.access.update(manager, row, {});
      const who = { id: agency.id, code: agency.code, name: agency.name };
      await this.audit.append(manager, {
        operationId,
        action: 'operation.sharing-changed',
        actor: viewer,
        before: { agency: who, sections: agency.granted },
        after: { agency: who, sections, reason: input.reason },
      });
    });
    return this.plans.get(viewer, operationId);
  }
}
