import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { AGENCY_KINDS, POLICY_ROLES } from '../common/domain';
import { definedFields } from '../common/defined';
import { label } from '../common/labels';
import { validationError } from '../common/validation';
import { inTransaction } from '../database/transaction';
import { PolicyRuleDto, PolicyRuleView } from './dto/policy-rule.dto';
import { CPS_TAKES_PART, describeRule, RuleData } from './policy';
import { PolicyRepository } from './policy.repository';

const KIND_ORDER = new Map<string, number>(AGENCY_KINDS.map((kind, index) => [kind, index]));
const ROLE_ORDER = new Map<string, number>(POLICY_ROLES.map((role, index) => [role, index]));

function toView(rule: RuleData): PolicyRuleView {
  return {
    agencyKind: rule.agencyKind,
    role: rule.role,
    permitted: rule.permitted,
    allowedScopes: rule.allowedScopes,
    exploitationTypesWithin: rule.exploitationTypesWithin,
    exploitationTypesAnyOf: rule.exploitationTypesAnyOf,
    description: describeRule(rule),
  };
}

@Injectable()
export class PolicyService {
  private readonly logger = new Logger(PolicyService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policyRules: PolicyRepository,
  ) {}

  /** The rules as they stand now; pass the transaction's manager to read them inside it. */
  async rules(manager: EntityManager = this.dataSource.manager): Promise<RuleData[]> {
    const rules = await this.policyRules.rules(manager);
    return rules.sort(
      (a, b) =>
        (KIND_ORDER.get(a.agencyKind) ?? 0) - (KIND_ORDER.get(b.agencyKind) ?? 0) ||
        (ROLE_ORDER.get(a.role) ?? 0) - (ROLE_ORDER.get(b.role) ?? 0),
    );
  }

  async list(): Promise<PolicyRuleView[]> {
    return (await this.rules()).map(toView);
  }

  /** Replaces the whole policy, with the reason why in the reference data's history. */
  async replace(caller: AuthUser, rules: PolicyRuleDto[], reason: string): Promise<PolicyRuleView[]> {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      const key = `${rule.agencyKind}/${rule.role}`;
      if (seen.has(key)) {
        throw validationError([
          {
            field: `rules.${index}`,
            problems: [
              `The ${rule.role === 'LEAD' ? 'lead' : 'support'} rule for ${label('agencyKind', rule.agencyKind)} is listed more than once`,
            ],
          },
        ]);
      }
      seen.add(key);
      if (rule.agencyKind === 'CPS' && rule.permitted) {
        throw validationError([{ field: `rules.${index}.permitted`, problems: [CPS_TAKES_PART] }]);
      }
    });
    await inTransaction(this.dataSource, async (manager) => {
      await this.audit.serialiseReferenceChange(manager);
      const current = await this.policyRules.stored(manager);
      const before = current.map(toView);
      // A replace, as PUT means: a rule left out is removed, and with it the permission (no rule forbids).
      const left = current.filter((rule) => !seen.has(`${rule.agencyKind}/${rule.role}`));
      if (left.length) await this.policyRules.remove(manager, left);
      for (const rule of rules) await this.policyRules.upsert(manager, { ...definedFields(rule), updatedBy: caller.id });
      const after = (await this.rules(manager)).map(toView);
      await this.audit.appendReference(manager, {
        entity: 'policy',
        entityId: 'rules',
        action: 'policy.replaced',
        actor: caller,
        before: { rules: before },
        after: { rules: after, reason },
      });
    });
    this.logger.log({ msg: 'policy rules replaced', by: caller.id, rules: [...seen] });
    return this.list();
  }
}
