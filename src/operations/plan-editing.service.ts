import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { definedFields } from '../common/defined';
import { BRIEFING_SECTIONS } from '../common/domain';
import type { ExploitationType, Scope } from '../common/domain';
import { DomainError } from '../common/errors/domain-error';
import { FieldProblem } from '../common/validation';
import { inTransaction } from '../database/transaction';
import { mayLead } from '../lead-policy/policy';
import { PolicyService } from '../lead-policy/policy.service';
import { AgencyRepository } from '../reference-data/agency.repository';
import { CreateOperationDto, UpdateOperationDto } from './dto/operation.dto';
import { FirstResponderDto } from './dto/order.dto';
import { OperationView } from './dto/plan-view.dto';
import { OperationAccess } from './operation-access';
import { OperationRepository } from './operation.repository';
import { OperationChanges } from './operation-row';
import { AdditionLimit } from './addition-limit';
import { PlanEvents, postcodesAdded } from './plan-events';
import { PlansService } from './plans.service';
import { owningAgencyId } from './ownership';
import { canonicalLocation, isFirstResponder } from './order';
import { orderChanges, orderTimeProblems } from './order-edits';
import {
  assertIntelligenceKept,
  assertNoProblems,
  assertWindow,
  keepingIds,
  locationIdProblems,
  LocationToStore,
  places,
  sameContent,
  snapshot,
  storedRisk,
  strikeProblems,
} from './plan-edits';
import { OrderRepository } from './order.repository';

/** Creating a plan and editing its content (R9, R10, R15); the modules built on operations hear of changes of place and time. */
@Injectable()
export class PlanEditingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
    private readonly plans: PlansService,
    private readonly events: PlanEvents,
    private readonly additions: AdditionLimit,
    private readonly operations: OperationRepository,
    private readonly orders: OrderRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  async create(viewer: AuthUser, input: CreateOperationDto): Promise<OperationView> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    assertWindow(startsAt, endsAt);
    const order = orderChanges(null, input);
    const locations = (input.locations ?? []).map(canonicalLocation);
    const risks = (input.risks ?? []).map(storedRisk);
    assertNoProblems([...orderTimeProblems(null, order, { startsAt, endsAt }), ...strikeProblems({ startsAt, endsAt }, locations)]);
    // Its postcodes count against the creator's daily limit on additions (AdditionLimit), which reports a refusal to their managers.
    const id = await this.additions.reportingRefusals(() =>
      inTransaction(this.dataSource, async (manager) => {
        await this.assertFirstResponders(manager, input.safeguarding?.firstResponders);
        const row = await this.operations.insert(manager, {
          reference: await this.operations.nextReference(manager, new Date().getUTCFullYear()),
          name: input.name,
          exploitationTypes: input.exploitationTypes,
          scope: input.scope,
          startsAt,
          endsAt,
          briefing: definedFields(input.briefing) as Record<string, string>,
          expectedPotentialVictims: input.safeguarding?.expectedPotentialVictims ?? 0,
          languages: input.safeguarding?.languages ?? [],
          receptionCentre: input.safeguarding?.receptionCentre ?? null,
          order: {
            ...Object.fromEntries(order.map((change) => [change.column, change.stored])),
            ...(input.marking?.classification ? { classification: input.marking.classification } : {}),
            ...(input.marking?.handlingInstruction ? { handling_instruction: input.marking.handlingInstruction } : {}),
          },
          createdBy: viewer.id,
          createdByAgencyId: viewer.agencyId,
        });
        await this.operations.replaceLocations(manager, row.id, locations);
        await this.orders.replaceRisks(manager, row.id, risks);
        await this.audit.append(manager, {
          operationId: row.id,
          action: 'operation.created',
          actor: viewer,
          before: null,
          after: snapshot(row, locations, risks),
        });
        if (locations.length) {
          await this.events.placeOrTimeChanged(manager, viewer, {
            operationId: row.id,
            reference: row.reference,
            owningAgencyId: owningAgencyId(row),
            placesChanged: true,
            newPostcodes: postcodesAdded([], locations),
          });
        }
        return row.id;
      }),
    );
    return this.plans.get(viewer, id);
  }

  /** Changes what the owner sent, and nothing else; an approved plan goes back to DRAFT (R9). */
  async update(viewer: AuthUser, id: string, input: UpdateOperationDto): Promise<OperationView> {
    await this.additions.reportingRefusals(() =>
      inTransaction(this.dataSource, async (manager) => {
        const row = await this.access.lockForEdit(manager, viewer, id, input.version);
        const changes: OperationChanges = {};
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        const change = (field: string, column: keyof OperationChanges, from: unknown, to: unknown, stored: unknown = to) => {
          if (sameContent(from, to)) return;
          changes[column] = stored;
          before[field] = from;
          after[field] = to;
        };
        /** A field of a part of the plan (the marking, the briefing): the part records only the fields that changed. */
        const changeIn = (part: 'marking' | 'briefing', field: string, from: unknown, to: unknown) => {
          before[part] = { ...(before[part] as object | undefined), [field]: from };
          after[part] = { ...(after[part] as object | undefined), [field]: to };
        };

        if (input.name !== undefined) change('name', 'name', row.name, input.name);
        if (input.exploitationTypes !== undefined)
          change('exploitationTypes', 'exploitation_types', row.exploitationTypes, input.exploitationTypes);
        if (input.scope !== undefined) change('scope', 'scope', row.scope, input.scope);
        const startsAt = input.startsAt ? new Date(input.startsAt) : row.startsAt;
        const endsAt = input.endsAt ? new Date(input.endsAt) : row.endsAt;
        if (input.startsAt || input.endsAt) {
          assertWindow(startsAt, endsAt);
          change('startsAt', 'starts_at', row.startsAt.toISOString(), startsAt.toISOString(), startsAt);
          change('endsAt', 'ends_at', row.endsAt.toISOString(), endsAt.toISOString(), endsAt);
        }
        if (input.marking) {
          // R14d: a change of marking is a change to the plan, recorded like any other (an approved plan goes back to DRAFT).
          const { classification, handlingInstruction } = definedFields(input.marking);
          if (classification !== undefined && !sameContent(row.classification, classification)) {
            changes.classification = classification;
            changeIn('marking', 'classification', row.classification, classification);
          }
          if (handlingInstruction !== undefined && !sameContent(row.handlingInstruction, handlingInstruction)) {
            changes.handling_instruction = handlingInstruction || null;
            changeIn('marking', 'handlingInstruction', row.handlingInstruction, handlingInstruction || null);
          }
        }
        if (input.briefing) {
          // An empty section is no section: only the sections whose text changed are written and recorded.
          const sent = definedFields(input.briefing);
          const changed = BRIEFING_SECTIONS.filter(
            (section) => sent[section] !== undefined && !sameContent(row.briefing[section], sent[section]),
          );
          for (const section of changed) changeIn('briefing', section, row.briefing[section] ?? null, sent[section]);
          if (changed.length)
            changes.briefing = JSON.stringify({
              ...row.briefing,
              ...Object.fromEntries(changed.map((section) => [section, sent[section]])),
            });
        }
        if (input.safeguarding) {
          const { expectedPotentialVictims, languages, receptionCentre } = input.safeguarding;
          if (expectedPotentialVictims !== undefined)
            change('expectedPotentialVictims', 'expected_potential_victims', row.expectedPotentialVictims, expectedPotentialVictims);
          if (languages !== undefined) change('languages', 'safeguarding_languages', row.safeguardingLanguages, languages);
          if (receptionCentre !== undefined) change('receptionCentre', 'reception_centre', row.receptionCentre, receptionCentre);
        }
        const order = orderChanges(row, input);
        for (const { field, column, before: from, after: to, stored } of order) change(field, column, from, to, stored);
        const problems = orderTimeProblems(row, order, { startsAt, endsAt });
        await this.assertFirstResponders(manager, input.safeguarding?.firstResponders);

        let placesChanged = false;
        let locationsChanged = false;
        let newPostcodes: string[] = [];
        let locations: LocationToStore[] | undefined = input.locations?.map((l) => ({ ...canonicalLocation(l), id: l.id }));
        if (locations) {
          const current = await this.operations.locations(manager, id);
          problems.push(...locationIdProblems(current, locations), ...strikeProblems({ startsAt, endsAt }, locations));
          locations = keepingIds(current, locations);
          if (!sameContent(current, locations)) {
            locationsChanged = true;
            placesChanged = places(current) !== places(locations);
            newPostcodes = postcodesAdded(current, locations);
            before.locations = current;
            after.locations = locations;
          }
        }
        if (changes.starts_at || changes.ends_at) {
          const outside = (await this.orders.timesOutside(manager, id, { startsAt, endsAt })).filter(
            (what) => !locations || what.startsWith('the RV'),
          );
          if (outside.length)
            problems.push({ field: 'endsAt', problems: [`${outside.join(', ')} would fall outside the new window; change them first`] });
        }
        assertNoProblems(problems);
        let risksChanged = false;
        if (input.risks) {
          const current = await this.orders.risks(manager, id);
          assertIntelligenceKept(current, input.risks);
          const risks = input.risks.map(storedRisk);
          if (!sameContent(current, risks)) {
            risksChanged = true;
            before.risks = current;
            after.risks = risks;
          }
        }
        if (Object.keys(changes).length === 0 && !locationsChanged && !risksChanged) return;

        if (row.leadAgencyId && (changes.exploitation_types || changes.scope)) {
          await this.assertLeadStillPermitted(manager, row.leadAgencyId, {
            exploitationTypes: (changes.exploitation_types as ExploitationType[] | undefined) ?? row.exploitationTypes,
            scope: (changes.scope as Scope | undefined) ?? row.scope,
          });
        }
        await this.access.updatePlan(manager, viewer, row, changes);
        if (locationsChanged && locations) await this.operations.replaceLocations(manager, id, locations);
        if (risksChanged && input.risks) await this.orders.replaceRisks(manager, id, input.risks);
        await this.audit.append(manager, { operationId: id, action: 'operation.updated', actor: viewer, before, after });
        const moved = changes.starts_at || changes.ends_at ? { startsAt, endsAt } : undefined;
        if (moved || placesChanged) {
          await this.events.placeOrTimeChanged(manager, viewer, {
            operationId: id,
            reference: row.reference,
            owningAgencyId: owningAgencyId(row),
            moved,
            placesChanged,
            newPostcodes,
          });
        }
      }),
    );
    return this.plans.get(viewer, id);
  }

  /** Each named first responder belongs to an agency that is an NRM first responder organisation. */
  private async assertFirstResponders(manager: EntityManager, responders: FirstResponderDto[] | undefined): Promise<void> {
    if (!responders?.length) return;
    const agencies = await this.agencies.some(
      manager,
      responders.map((r) => r.agencyId),
    );
    const kinds = new Map(agencies.map((agency) => [agency.id, agency]));
    const problems = responders.flatMap((responder, index): FieldProblem[] => {
      const agency = kinds.get(responder.agencyId);
      if (!agency) return [{ field: `safeguarding.firstResponders.${index}.agencyId`, problems: ['Choose an agency that exists'] }];
      if (isFirstResponder(agency.kind)) return [];
      return [
        {
          field: `safeguarding.firstResponders.${index}.agencyId`,
          problems: [`${agency.name} is not an NRM first responder organisation, so ${responder.name} cannot refer potential victims`],
        },
      ];
    });
    assertNoProblems(problems);
  }

  private async assertLeadStillPermitted(
    manager: EntityManager,
    leadAgencyId: string,
    facts: { exploitationTypes: ExploitationType[]; scope: Scope },
  ): Promise<void> {
    const lead = await this.agencies.get(manager, leadAgencyId);
    const verdict = mayLead(lead.kind, facts, await this.policy.rules(manager));
    if (!verdict.permitted) {
      throw new DomainError('LEAD_NOT_PERMITTED', `${verdict.reason}, and ${lead.name} leads this plan: change the lead first`, {
        rule: verdict.rule,
        agency: lead.code,
      });
    }
  }
}
