import { label } from '../common/labels';
import { ukDateTime } from '../common/uk-time';
import type { DaySummary, LoggedDecision } from '../day-log/day-summary';
import type { OperationView } from '../operations/dto/plan-view.dto';
import type { Block } from './documents/printable';

/** A decision as the decision log prints it: marked when intelligence brought it, and when it corrects an earlier one. */
function decisionText(decision: LoggedDecision, byId: Map<string, LoggedDecision>): string {
  const corrected = decision.correctsId ? byId.get(decision.correctsId) : undefined;
  const corrects = corrected ? ` (corrects the decision of ${ukDateTime(corrected.happenedAt)})` : '';
  return `${decision.decision}${decision.intelligence ? ' (from intelligence)' : ''}${corrects}`;
}

/** Each premises' statuses with their UK times: for a reader who sees the plan's places only (R14a). */
function premisesBlocks(plan: OperationView, day: DaySummary): Block[] {
  if (!plan.locations) {
    return [
      { kind: 'paragraph', text: `The premises’ timeline is not shared with your agency: ask ${plan.owningAgency.name} if you need it.` },
    ];
  }
  return [
    {
      kind: 'table',
      header: ['Premises', 'Status', 'When'],
      rows: day.premises.flatMap(({ location, statuses }) =>
        statuses.length
          ? statuses.map((s) => [location.label, label('premisesStatus', s.status), ukDateTime(s.happenedAt)])
          : [[location.label, 'Nothing logged', '-']],
      ),
      empty: 'The plan had no premises.',
    },
  ];
}

/**
 * "The day as it happened", for a day of action that is over: the premises' timeline and the decision log, from
 * the day's log as its reader may see it (a decision from intelligence only for those who see the Intelligence).
 */
export function dayBlocks(plan: OperationView, day: DaySummary | null): Block[] {
  if (!day) return [];
  const byId = new Map(day.decisions.map((d) => [d.id, d]));
  return [
    { kind: 'heading', text: 'The day as it happened' },
    { kind: 'subheading', text: 'Premises timeline' },
    ...premisesBlocks(plan, day),
    { kind: 'subheading', text: 'Decision log' },
    {
      kind: 'table',
      header: ['When', 'Decided by', 'Decision', 'Rationale', 'Considered', 'Recorded by'],
      rows: day.decisions.map((d) => [
        ukDateTime(d.happenedAt),
        label('decisionRole', d.decidedBy),
        decisionText(d, byId),
        d.rationale,
        d.considered,
        d.recordedBy,
      ]),
      empty: 'No decisions were logged.',
    },
  ];
}
