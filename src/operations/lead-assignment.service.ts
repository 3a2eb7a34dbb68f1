import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { AGENCY_KINDS } from '../common/domain';
import { DomainError } from '../common/errors/domain-error';
import { inTransaction } from '../database/transaction';
import { mayLead, maySupport, OperationFacts, Verdict } from '../lead-policy/policy';
import { PolicyService } from '../lead-policy/policy.service';
import { Agency } from '../reference-data/agency.entity';
import { AgencyRepository } from '../reference-data/agency.repository';
import { toAgencyView } from '../reference-data/agencies.service';
import { AgencyView } from '../reference-data/dto/agency.dto';
import { EligibleAgenciesView, SetLeadAgencyDto } from './dto/operation.dto';
import { OperationView } from './dto/plan-view.dto';
import { OperationAccess } from './operation-access';
import { PlansService } from './plans.service';

/** Choosing the lead agency (R1, R3, R4): one column, set only to an agency the policy lets lead this operation. */
@Injectable()
export class LeadAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
    private readonly plans: PlansService,
    private readonly agencies: AgencyRepository,
  ) {}

  async setLead(viewer: AuthUser, id: string, input: SetLeadAgencyDto): Promise<OperationView> {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, id, input.version);
      if (row.leadAgencyId === input.agencyId) return this.plans.asChangedBy(viewer, id, manager);
      let agency: Agency | undefined;
      if (input.agencyId) {
        agency = await this.agencies.find(manager, input.agencyId);
        if (!agency) throw DomainError.notFound('Agency', input.agencyId);
        const verdict = mayLead(agency.kind, row, await this.policy.rules(manager));
        if (!verdict.permitted) throw new DomainError('LEAD_NOT_PERMITTED', verdict.reason, { rule: verdict.rule, agency: agency.code });
      }
      const previous = row.leadAgencyId ? await this.agencies.find(manager, row.leadAgencyId) : null;
      await this.access.updatePlan(manager, viewer, row, { lead_agency_id: input.agencyId });
      await this.audit.append(manager, {
        operationId: id,
        action: 'operation.lead-changed',
        actor: viewer,
        before: { leadAgency: previous ? previous.code : null },
        after: { leadAgency: agency ? agency.code : null },
      });
      return this.plans.asChangedBy(viewer, id, manager);
    });
  }

  /** The agencies the current policy lets lead, and support, this operation. */
  async eligibleAgencies(viewer: AuthUser, id: string): Promise<EligibleAgenciesView> {
    const choices = await this.choices(await this.plans.get(viewer, id));
    return {
      lead: choices.filter((choice) => choice.lead.permitted).map((choice) => choice.agency),
      support: choices.filter((choice) => choice.support.permitted).map((choice) => choice.agency),
    };
  }

  /** Every agency, with the policy's verdict on its leading and supporting an operation the caller has read: the reason for each refusal. */
  async choices(operation: OperationFacts): Promise<{ agency: AgencyView; lead: Verdict; support: Verdict }[]> {
    const [agencies, rules] = await Promise.all([this.agencies.all(this.dataSource.manager), this.policy.rules()]);
    const kindOrder = (agency: Agency) => AGENCY_KINDS.indexOf(agency.kind);
    return agencies
      .sort((a, b) => kindOrder(a) - kindOrder(b) || a.code.localeCompare(b.code))
      .map((agency) => ({
        agency: toAgencyView(agency),
        lead: mayLead(agency.kind, operation, rules),
        support: maySupport(agency.kind, operation, rules),
      }));
  }
}
