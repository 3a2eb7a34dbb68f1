import type { HistoryEventView } from '../../audit/dto/audit.dto';
import { BRIEFING_SECTIONS, isActiveDeployment } from '../../common/domain';
import { agencyNamed, inSentence, label } from '../../common/labels';
import { markingText } from '../../common/marking';
import { ukDateTime } from '../../common/uk-time';
import type { LocationView } from '../../operations/dto/operation.dto';
import type { RiskView } from '../../operations/dto/order.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { SECTION_TITLES } from '../../workflow/briefing';
import { columnWidths } from '../../workflow/documents/column-widths';
import type { Block } from '../../workflow/documents/printable';
import type { ConflictView, ReadinessView } from '../../workflow/dto/workflow.dto';
import { historyEntries } from '../history-view';
import { FieldError } from '../page';
import { readinessItems } from '../plan-sections';
import { awaitsAcceptance, hazardName, registerOrder } from '../../operations/order';

/** What a row says of a section of the plan the reader's agency is not shown (R14a). */
const NOT_SHARED = 'Not shared with your agency';

/** Check your answers: a location's strike time and the basis on which officers enter. */
function strikeAndEntry(place: LocationView): string {
  const strike = place.strikeAt ? `Strike at ${ukDateTime(place.strikeAt)}` : 'No strike time set';
  const entry = place.entry;
  if (!entry) return `${strike}; entry basis not recorded`;
  const detail = entry.warrant
    ? ` (${entry.warrant.type}, ${entry.warrant.reference}, expires ${ukDateTime(entry.warrant.expiresAt)})`
    : entry.power
      ? ` (${entry.power})`
      : '';
  return `${strike}; entry by ${label('entryBasis', entry.basis).toLowerCase()}${detail}`;
}

/** Check your answers: the briefing, the RV points and the debrief. */
function timingRows(plan: OperationView): [string, string][] {
  const { briefingAt, briefingPlace, debriefAt } = plan.timings;
  return [
    ['Briefing', briefingAt ? `${ukDateTime(briefingAt)}${briefingPlace ? `, ${briefingPlace}` : ''}` : 'Not set'],
    ['RV points', plan.rvPoints.map((rv) => `${rv.name}, ${rv.address}, ${ukDateTime(rv.meetAt)}`).join('; ') || 'None'],
    ['Debrief', debriefAt ? ukDateTime(debriefAt) : 'Not set'],
  ];
}

/** Check your answers: how many risks, and the highest residual one. */
export function riskSummary(risks: RiskView[]): string {
  if (!risks.length) return 'No risks recorded';
  const [highest] = registerOrder(risks);
  const hazard = hazardName(highest);
  const unaccepted = risks.filter(awaitsAcceptance).length;
  return `${risks.length} ${risks.length === 1 ? 'risk' : 'risks'}; highest residual rating: ${label('riskRating', highest.residual)} (${hazard})${unaccepted ? `; ${unaccepted} high not accepted by a senior officer` : ''}`;
}

/** Check your answers: the potential victims and the NRM arrangements. */
function safeguardingRows(plan: OperationView): [string, string][] {
  const s = plan.safeguarding;
  const hours =
    s.receptionOpensAt && s.receptionClosesAt
      ? `open ${ukDateTime(s.receptionOpensAt)} to ${ukDateTime(s.receptionClosesAt)}`
      : 'opening hours not recorded';
  return [
    ['Expected potential victims', `${s.expectedPotentialVictims}${s.languages.length ? `, who may speak ${s.languages.join(', ')}` : ''}`],
    ['Reception centre', `${s.receptionCentre || 'Not given'}; ${hours}`],
    [
      'NRM first responders',
      s.firstResponders.map((f) => `${f.name} (${f.agency.code})${f.phone ? `, ${f.phone}` : ''}`).join('; ') || 'None named',
    ],
    ['Interpreters', s.interpreters.map((i) => `${i.language}: ${i.name}`).join('; ') || 'None booked'],
    ['Medical cover', s.medicalCover || 'Not arranged'],
  ];
}

/** Check your answers: a row for each answer, with a link to change it for someone who may change the plan. */
function answerRows(plan: OperationView) {
  const change = (path: string, what: string) => ({
    items: plan.canEdit ? [{ href: `/plans/${plan.reference}/${path}`, text: 'Change', visuallyHiddenText: what }] : [],
  });
  const row = (key: string, value: string, path: string) => ({
    key: { text: key },
    value: { text: value },
    actions: change(path, inSentence(key)),
  });
  return [
    row('Name', plan.name, 'details'),
    row('Types of exploitation', plan.exploitationTypes.map((type) => label('exploitationType', type)).join(', '), 'details'),
    row('Scope', label('scope', plan.scope), 'details'),
    row('Protective marking', markingText(plan.marking), 'details'),
    row('Window', `${ukDateTime(plan.startsAt)} to ${ukDateTime(plan.endsAt)}`, 'details'),
    ...(plan.locations
      ? [
          row('Locations', plan.locations.map((place) => `${place.label}, ${place.postcode}`).join('; ') || 'None', 'locations'),
          ...plan.locations.map((place) => row(`Strike and entry: ${place.label}`, strikeAndEntry(place), 'locations')),
        ]
      : [row('Locations', NOT_SHARED, 'locations')]),
    ...timingRows(plan).map(([key, value]) => row(key, value, 'timings')),
    row('Lead agency', plan.leadAgency ? agencyNamed(plan.leadAgency) : 'Not chosen', 'lead'),
    row(
      'Teams',
      plan.deployments
        .filter((d) => isActiveDeployment(d.status))
        .map((d) => `${d.team.name} (${d.agency.code}), ${label('deploymentStatus', d.status).toLowerCase()}`)
        .join('; ') || 'None',
      'teams',
    ),
    row('Risk register', riskSummary(plan.risks), 'risks'),
    ...safeguardingRows(plan).map(([key, value]) => row(key, value, 'safeguarding')),
    row('Radio channel or talkgroup', plan.communications.radioChannel || 'Not recorded', 'communications'),
    row('Control room number', plan.communications.controlRoomNumber || 'Not recorded', 'communications'),
    row(
      'Early CPS involvement',
      plan.cpsInvolvement === undefined
        ? NOT_SHARED
        : plan.cpsInvolvement
          ? label('cpsStatus', plan.cpsInvolvement.status)
          : 'Not requested',
      'cps',
    ),
    ...BRIEFING_SECTIONS.map((name) =>
      row(SECTION_TITLES[name], plan.briefing[name] === undefined ? NOT_SHARED : plan.briefing[name] || 'Not written yet', 'details'),
    ),
  ];
}

/** The check-your-answers page: every answer, and the readiness checks with where each is fixed. */
export function submitView(plan: OperationView, readiness: ReadinessView) {
  return { rows: answerRows(plan), readiness, readinessItems: readinessItems(plan.reference, readiness) };
}

/** A refused submission (NOT_READY) names each failing check: each is listed with a link to where it is fixed. */
export function failingChecks(reference: string, readiness: ReadinessView): FieldError[] {
  return readinessItems(reference, readiness)
    .filter((_item, index) => readiness.checks[index].blocking && !readiness.checks[index].ok)
    .map((item) => ({ field: '', text: `${item.title.text}: ${item.hint.text}`, href: item.href }));
}

/** Why a plan not submitted for review cannot be reviewed. */
export function notUnderReview(plan: Pick<OperationView, 'status'>): string {
  return `The plan is ${label('status', plan.status).toLowerCase()}: only a plan submitted for review is reviewed.`;
}

/** The review page: readiness, the hits, why the reader may not review (null when they may), and for a plan approved before and sent back, what changed since that approval. */
export function reviewView(
  plan: OperationView,
  history: HistoryEventView[],
  readiness: ReadinessView,
  hits: ConflictView[],
  refusal: string | null,
) {
  const approvedAt = history.findLastIndex((event) => event.action === 'operation.approved');
  return {
    readinessItems: readinessItems(plan.reference, readiness),
    readiness,
    hits,
    hitsShared: plan.sections.includes('INTELLIGENCE'),
    refusal,
    sinceApproval: approvedAt >= 0 ? historyEntries(history.slice(approvedAt + 1)) : [],
    approvedBefore: approvedAt >= 0,
  };
}

/** Characters of a printed table's line across A4 portrait, with room to spare around each word: the scale a table's columns are measured against. */
const PRINTED_LINE = 100;

/** Each column's share of a table's width, in per cent (to a tenth), so that a table of many columns fits A4 portrait when printed. */
export function columnShares(header: string[], rows: string[][]): number[] {
  return columnWidths(header, rows, 100, 100 / PRINTED_LINE).map((share) => Math.round(share * 10) / 10);
}

/** The briefing pack as a page: its blocks, less the title the page's heading already gives; each table with its columns' shares of the width. */
export function briefingView(blocks: Block[]) {
  return {
    blocks: blocks
      .filter((block) => block.kind !== 'title')
      .map((block) => (block.kind === 'table' ? { ...block, shares: columnShares(block.header, block.rows) } : block)),
    width: 'full',
  };
}

/** The plan's history, newest first. */
export function historyView(history: HistoryEventView[]) {
  return { entries: historyEntries(history).reverse() };
}
