import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { isActiveDeployment, PLAN_SECTIONS } from '../common/domain';
import { readinessStage } from '../common/lifecycle';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { together } from '../database/together';
import { PolicyService } from '../lead-policy/policy.service';
import { OperationView } from '../operations/dto/plan-view.dto';
import { PlansService } from '../operations/plans.service';
import { WHOLE_PLAN } from '../operations/visibility.sql';
import { DeconflictionService } from './deconfliction.service';
import { ReadinessView } from './dto/workflow.dto';
import { OrderFacts } from './order-readiness';
import { CHECK_SECTIONS, noNextStep, readiness, ReadinessStage } from './readiness';

const instant = (at: string | null) => (at ? new Date(at) : null);

/** The operational order as readiness reads it, for a reader who does or does not see the intelligence. */
function orderFacts(plan: OperationView, describesIntelligence: boolean): OrderFacts {
  const { safeguarding: s } = plan;
  const confirmed = plan.deployments.filter((d) => d.status === 'CONFIRMED');
  return {
    locations: (plan.locations ?? []).map((l) => ({
      label: l.label,
      strikeAt: instant(l.strikeAt),
      entry: l.entry && { basis: l.entry.basis, warrantExpiresAt: instant(l.entry.warrant?.expiresAt ?? null) },
    })),
    briefingAt: instant(plan.timings.briefingAt),
    debriefAt: instant(plan.timings.debriefAt),
    rvPointCount: plan.rvPoints.length,
    teamsWithoutRv: confirmed.filter((d) => !d.rvPoint).map((d) => d.team.name),
    locationsWithoutTeam: (plan.locations ?? [])
      .filter((l) => !plan.deployments.some((d) => isActiveDeployment(d.status) && d.locationIds?.includes(l.id)))
      .map((l) => l.label),
    teamsWithNowhere: confirmed.filter((d) => !d.rvPoint && !d.locationIds?.length).map((d) => d.team.name),
    risks: plan.risks,
    firstResponderCount: s.firstResponders.length,
    interpreterLanguages: s.interpreters.map((i) => i.language),
    medicalCover: s.medicalCover,
    reception:
      s.receptionOpensAt && s.receptionClosesAt ? { opensAt: new Date(s.receptionOpensAt), closesAt: new Date(s.receptionClosesAt) } : null,
    radioChannel: plan.communications.radioChannel,
    controlRoomNumber: plan.communications.controlRoomNumber,
    signOffs: plan.signOffs.map((signOff) => ({ agencyCode: signOff.agency.code, state: signOff.state })),
    describesIntelligence,
  };
}

/** R11, re-evaluated against the current policy and data on every call. */
@Injectable()
export class ReadinessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly policy: PolicyService,
    private readonly deconfliction: DeconflictionService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The checks for submitting; for approving a submitted plan; once the plan is approved, the
   * go/no-go of starting it (readinessStage). A plan under way or ended, asked without a stage, has
   * no next step: it is not ready, and its one check says why (noNextStep).
   */
  async readiness(
    viewer: AuthUser,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    stage?: ReadinessStage['stage'],
  ): Promise<ReadinessView> {
    const plan = await this.plans.get(viewer, id, manager);
    if (!stage && !readinessStage(plan.status)) return { ...noNextStep(plan), stage: null };
    return this.readinessOf(plan, manager, stage);
  }

  /**
   * The same checks, of a plan the caller has just read (a page that shows both reads it once).
   * Readiness is judged on the whole plan; the caller is shown the checks of the sections they see
   * (R14a), so a partner learns whether the plan is ready, not what a hidden section holds.
   */
  async readinessOf(
    plan: OperationView,
    manager: EntityManager = this.dataSource.manager,
    stage?: ReadinessStage['stage'],
  ): Promise<ReadinessView> {
    const seesAll = plan.sections.length === PLAN_SECTIONS.length;
    const judged = await this.judge(
      seesAll ? plan : await this.plans.whole(plan.id, manager),
      plan.sections.includes('INTELLIGENCE'),
      manager,
      stage,
    );
    return seesAll ? judged : { ...judged, checks: judged.checks.filter((check) => plan.sections.includes(CHECK_SECTIONS[check.id])) };
  }

  private async judge(
    plan: OperationView,
    describesIntelligence: boolean,
    manager: EntityManager,
    stage?: ReadinessStage['stage'],
  ): Promise<ReadinessView> {
    const id = plan.id;
    // A page that still shows the readiness of a plan under way or ended (its review page, say) has it judged as a submission would be.
    stage ??= readinessStage(plan.status) ?? 'submit';
    const [conflicts, rules] = await together(manager, [
      () => this.deconfliction.conflictsOf(manager, WHOLE_PLAN, id),
      () => this.policy.rules(manager),
    ] as const);
    const judged = readiness(
      {
        now: new Date(),
        startsAt: new Date(plan.startsAt),
        endsAt: new Date(plan.endsAt),
        exploitationTypes: plan.exploitationTypes,
        scope: plan.scope,
        lead: plan.leadAgency,
        locationCount: (plan.locations ?? []).length,
        deployments: plan.deployments.flatMap((d) =>
          isActiveDeployment(d.status)
            ? [
                {
                  teamId: d.team.id,
                  teamName: d.team.name,
                  agencyCode: d.agency.code,
                  agencyKind: d.agency.kind,
                  status: d.status,
                  capabilities: d.team.capabilities,
                },
              ]
            : [],
        ),
        cps: plan.cpsInvolvement
          ? {
              status: plan.cpsInvolvement.status,
              engagedAt: plan.cpsInvolvement.engagedAt ? new Date(plan.cpsInvolvement.engagedAt) : null,
            }
          : null,
        evidence: plan.evidenceRequirements.map((r) => ({
          description: r.description,
          priority: r.priority,
          assignedTeamId: r.assignedTeam?.id ?? null,
          warning: r.warning,
        })),
        expectedPotentialVictims: plan.safeguarding.expectedPotentialVictims,
        receptionCentre: plan.safeguarding.receptionCentre,
        languages: plan.safeguarding.languages,
        conflicts: conflicts.filter((c) => c.stands).map((c) => ({ reference: c.reference, acknowledged: c.acknowledgement !== null })),
        order: orderFacts(plan, describesIntelligence),
      },
      rules,
      stage === 'start' ? { stage, startWindowHours: this.config.START_WINDOW_HOURS } : { stage },
    );
    return { ...judged, stage };
  }

  /** Refuses with NOT_READY, listing every failing blocking check. */
  async assertReady(viewer: AuthUser, id: string, manager: EntityManager, stage: ReadinessStage['stage']): Promise<void> {
    const result = await this.readiness(viewer, id, manager, stage);
    if (result.ready) return;
    const failing = result.checks.filter((check) => check.blocking && !check.ok);
    throw new DomainError('NOT_READY', `The plan is not ready to ${stage}: ${failing.map((check) => check.message).join('; ')}`, {
      checks: failing,
    });
  }
}
