import { AuthUser } from '../common/auth/auth-user';
import { BRIEFING_SECTIONS } from '../common/domain';
import { capabilityWarning, SUGGESTED_CAPABILITY } from '../common/evidence-fit';
import { AgencyView } from '../reference-data/dto/agency.dto';
import { LocationView, OperationSummaryView } from './dto/operation.dto';
import { DeploymentView, EvidenceRequirementView, OperationView } from './dto/plan-view.dto';
import { OperationRow } from './operation-row';
import { DeploymentRow, EvidenceRow, PlanRow } from './plan-read.repository';
import { mayEditPlan } from './ownership';

/** The rows of the read model as the API shows them: instants as ISO 8601, every briefing section present. */

const iso = (at: Date | string | null): string | null => (at === null ? null : new Date(at).toISOString());

export function toSummary(row: OperationRow & { leadAgency: AgencyView | null }): OperationSummaryView {
  return {
    id: row.id,
    reference: row.reference,
    name: row.name,
    status: row.status,
    exploitationTypes: row.exploitationTypes,
    scope: row.scope,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    leadAgency: row.leadAgency,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toDeploymentView(row: DeploymentRow): DeploymentView {
  return {
    ...row,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    requestedAt: row.requestedAt.toISOString(),
    respondedAt: iso(row.respondedAt),
    releasedAt: iso(row.releasedAt),
  };
}

export function toEvidenceView(row: EvidenceRow): EvidenceRequirementView {
  return {
    ...row,
    suggestedCapability: SUGGESTED_CAPABILITY[row.evidenceType],
    warning: row.assignedTeam ? capabilityWarning(row.evidenceType, row.assignedTeam) : null,
    gatheredAt: iso(row.gatheredAt),
    decidedAt: iso(row.decidedAt),
    history: row.history.map((step) => ({ ...step, at: iso(step.at) as string })),
  };
}

export function toOperationView(
  viewer: AuthUser,
  row: PlanRow,
  lists: { locations: LocationView[]; deployments: DeploymentRow[]; evidence: EvidenceRow[] },
): OperationView {
  const cps = row.cpsInvolvement;
  return {
    ...toSummary(row),
    owningAgency: row.leadAgency ?? row.createdByAgency,
    briefing: Object.fromEntries(BRIEFING_SECTIONS.map((section) => [section, row.briefing[section] ?? ''])) as OperationView['briefing'],
    locations: lists.locations,
    safeguarding: {
      expectedPotentialVictims: row.expectedPotentialVictims,
      languages: row.safeguardingLanguages,
      receptionCentre: row.receptionCentre,
      receptionOpensAt: iso(row.receptionOpensAt),
      receptionClosesAt: iso(row.receptionClosesAt),
      medicalCover: row.medicalCover,
      firstResponders: row.firstResponderViews,
      interpreters: row.interpreters,
    },
    timings: { briefingAt: iso(row.briefingAt), briefingPlace: row.briefingPlace, debriefAt: iso(row.debriefAt) },
    rvPoints: row.rvPoints,
    communications: { radioChannel: row.radioChannel, controlRoomNumber: row.controlRoomNumber },
    risks: row.risks.map((risk) => ({ ...risk, score: risk.likelihood * risk.impact })),
    deployments: lists.deployments.map(toDeploymentView),
    signOffs: row.signOffs,
    cpsInvolvement: cps && {
      ...cps,
      requestedAt: iso(cps.requestedAt) as string,
      engagedAt: iso(cps.engagedAt),
      declinedAt: iso(cps.declinedAt),
      closedAt: iso(cps.closedAt),
    },
    evidenceRequirements: lists.evidence.map(toEvidenceView),
    approval: row.approvedByPerson && row.approvedAt ? { by: row.approvedByPerson, at: row.approvedAt.toISOString() } : null,
    outcomes: row.outcomes as OperationView['outcomes'],
    cancelReason: row.cancelReason,
    createdBy: row.createdByPerson,
    createdByAgency: row.createdByAgency,
    updatedBy: row.updatedByPerson,
    updatedAt: row.updatedAt.toISOString(),
    canEdit: mayEditPlan(viewer, row),
  };
}
