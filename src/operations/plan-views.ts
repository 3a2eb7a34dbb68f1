import { BRIEFING_SECTIONS } from '../common/domain';
import { capabilityWarning, SUGGESTED_CAPABILITY } from '../common/evidence-fit';
import { AgencyView } from '../reference-data/dto/agency.dto';
import { OperationSummaryView } from './dto/operation.dto';
import { DeploymentView, EvidenceRequirementView, OperationView } from './dto/plan-view.dto';
import { SummaryColumns } from './operation-row';
import { DeploymentRow, EvidenceRow, PlanRow } from './plan-read.repository';
import { mayEditPlan } from './ownership';
import { planActions } from './plan-actions';
import { Reader, WHOLE_PLAN } from './visibility.sql';

/** The rows of the read model as the API shows them: instants as ISO 8601, every briefing section present. */

const iso = (at: Date | string | null): string | null => (at === null ? null : new Date(at).toISOString());

export function toSummary(row: SummaryColumns & { leadAgency: AgencyView | null }): OperationSummaryView {
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
    marking: { classification: row.classification, handlingInstruction: row.handlingInstruction },
  };
}

/** A deployment the reader sees in full: all of Teams, or their own agency's team (R14a). */
export type DeploymentInFull = DeploymentView & Required<Omit<DeploymentView, 'declineReason'>>;

export function seenInFull(deployment: DeploymentView): deployment is DeploymentInFull {
  return deployment.version !== undefined;
}

/** A deployment as the reader may see it (R14a): in full, or another agency's team as team, agency and status. */
export function toDeploymentView(row: DeploymentRow): DeploymentView {
  const { full, declineReason, locationIds, ...deployment } = row;
  const reason = declineReason ?? {};
  if (!full) return { id: row.id, team: row.team, agency: row.agency, status: row.status, ...reason };
  return {
    ...deployment,
    ...(locationIds ? { locationIds } : {}),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    requestedAt: row.requestedAt.toISOString(),
    respondedAt: iso(row.respondedAt),
    releasedAt: iso(row.releasedAt),
    ...reason,
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

/**
 * The plan as the reader sees it. The read left out what the reader may not see (R14a); what it
 * left out is absent here too, not blank: the briefing's Information, the locations, the CPS
 * involvement, and the sharing (the holders' own).
 */
export function toOperationView(
  reader: Reader,
  row: PlanRow,
  lists: { deployments: DeploymentRow[]; evidence: EvidenceRow[] },
): OperationView {
  const cps = row.cpsInvolvement;
  // The read leaves the Information out for a reader who may not see it, and puts it in, if only as '', for one who may.
  const briefing = BRIEFING_SECTIONS.filter((section) => section !== 'information' || 'information' in row.briefing).map((section) => [
    section,
    row.briefing[section] ?? '',
  ]);
  return {
    ...toSummary(row),
    owningAgency: row.leadAgency ?? row.createdByAgency,
    sections: row.sections,
    ...(row.sharing ? { sharing: row.sharing } : {}),
    briefing: Object.fromEntries(briefing) as OperationView['briefing'],
    ...(row.locations ? { locations: row.locations } : {}),
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
    command: { gold: row.goldCommander, silver: row.silverCommander, sio: row.sioCommander },
    risks: row.risks.map((risk) => ({ ...risk, score: risk.likelihood * risk.impact })),
    deployments: lists.deployments.map(toDeploymentView),
    signOffs: row.signOffs,
    ...(row.cpsShown
      ? {
          cpsInvolvement: cps && {
            ...cps,
            requestedAt: iso(cps.requestedAt) as string,
            engagedAt: iso(cps.engagedAt),
            declinedAt: iso(cps.declinedAt),
            closedAt: iso(cps.closedAt),
          },
        }
      : {}),
    evidenceRequirements: lists.evidence.map(toEvidenceView),
    approval: row.approvedByPerson && row.approvedAt ? { by: row.approvedByPerson, at: row.approvedAt.toISOString() } : null,
    outcomes: row.outcomes as OperationView['outcomes'],
    cancelReason: row.cancelReason,
    createdBy: row.createdByPerson,
    createdByAgency: row.createdByAgency,
    updatedBy: row.updatedByPerson,
    updatedAt: row.updatedAt.toISOString(),
    canEdit: reader !== WHOLE_PLAN && mayEditPlan(reader, row),
    actions: planActions(reader === WHOLE_PLAN ? null : reader, row),
  };
}
