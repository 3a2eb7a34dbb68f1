import { definedFields } from '../common/defined';
import { FieldProblem } from '../common/validation';
import type { SafeguardingDto } from './dto/operation.dto';
import type { CommandDto, CommanderDto, CommunicationsDto, TimingsDto } from './dto/order.dto';
import type { OperationColumn, OperationRow } from './operation-row';
import { canonicalCommander, timesOutsideWindow, Window } from './order';
import { sameContent } from './plan-edits';

/** One field of the operational order as the API names it, the column that stores it, and how a value is stored and compared. */
interface OrderField {
  part: 'timings' | 'communications' | 'safeguarding' | 'command';
  field: string;
  column: OperationColumn;
  /** What the stored row holds, in the API's form. */
  current: (row: OperationRow) => unknown;
  instant?: boolean;
  /** Stored as JSON: a list (empty when there is none) or one record (null when there is none). */
  json?: 'list' | 'record';
}

const isoOf = (at: Date | null) => (at ? at.toISOString() : null);

const FIELDS: OrderField[] = [
  { part: 'timings', field: 'briefingAt', column: 'briefing_at', current: (row) => isoOf(row.briefingAt), instant: true },
  { part: 'timings', field: 'briefingPlace', column: 'briefing_place', current: (row) => row.briefingPlace },
  { part: 'timings', field: 'debriefAt', column: 'debrief_at', current: (row) => isoOf(row.debriefAt), instant: true },
  { part: 'communications', field: 'radioChannel', column: 'radio_channel', current: (row) => row.radioChannel },
  { part: 'communications', field: 'controlRoomNumber', column: 'control_room_number', current: (row) => row.controlRoomNumber },
  {
    part: 'safeguarding',
    field: 'receptionOpensAt',
    column: 'reception_opens_at',
    current: (row) => isoOf(row.receptionOpensAt),
    instant: true,
  },
  {
    part: 'safeguarding',
    field: 'receptionClosesAt',
    column: 'reception_closes_at',
    current: (row) => isoOf(row.receptionClosesAt),
    instant: true,
  },
  { part: 'safeguarding', field: 'medicalCover', column: 'medical_cover', current: (row) => row.medicalCover },
  { part: 'safeguarding', field: 'firstResponders', column: 'first_responders', current: (row) => row.firstResponders, json: 'list' },
  { part: 'safeguarding', field: 'interpreters', column: 'interpreters', current: (row) => row.interpreters, json: 'list' },
  { part: 'command', field: 'gold', column: 'gold_commander', current: (row) => row.goldCommander, json: 'record' },
  { part: 'command', field: 'silver', column: 'silver_commander', current: (row) => row.silverCommander, json: 'record' },
  { part: 'command', field: 'sio', column: 'sio_commander', current: (row) => row.sioCommander, json: 'record' },
];

export type OrderInput = { timings?: TimingsDto; communications?: CommunicationsDto; safeguarding?: SafeguardingDto; command?: CommandDto };

/** A change of one order field: the column's new value, and the field's value before and after in the API's form. */
export interface OrderChange {
  field: string;
  column: OperationColumn;
  before: unknown;
  after: unknown;
  stored: unknown;
}

/** What was sent of the order's own columns, against what is stored (`row`, or nothing for a new plan). */
export function orderChanges(row: OperationRow | null, input: OrderInput): OrderChange[] {
  return FIELDS.flatMap((spec) => {
    const sent = definedFields(input[spec.part] as Record<string, unknown> | undefined)[spec.field];
    if (sent === undefined) return [];
    const after = spec.instant
      ? sent === null
        ? null
        : new Date(sent as string).toISOString()
      : spec.json === 'list'
        ? canonicalList(spec.field, sent)
        : spec.json === 'record'
          ? canonicalCommander(sent as CommanderDto | null)
          : sent;
    const before = row ? spec.current(row) : spec.json === 'list' ? [] : null;
    if (sameContent(before, after)) return [];
    const stored = spec.json && after !== null ? JSON.stringify(after) : after;
    return [{ field: `${spec.part}.${spec.field}`, column: spec.column, before, after, stored }];
  });
}

/** First responders and interpreters as stored: only their own fields, in a fixed order. */
function canonicalList(field: string, list: unknown): unknown {
  const items = list as Record<string, unknown>[];
  return field === 'firstResponders'
    ? items.map((f) => ({ name: f.name, agencyId: f.agencyId, phone: f.phone ?? null }))
    : items.map((i) => ({ language: i.language, name: i.name }));
}

/** The plan's own times of the day, as they will stand after `changes`, checked against the window they will have. */
export function orderTimeProblems(row: OperationRow | null, changes: OrderChange[], window: Window): FieldProblem[] {
  const after = (field: string, current: Date | null): string | null => {
    const change = changes.find((c) => c.field === field);
    return change ? (change.after as string | null) : isoOf(current);
  };
  const briefingAt = after('timings.briefingAt', row?.briefingAt ?? null);
  const debriefAt = after('timings.debriefAt', row?.debriefAt ?? null);
  const opensAt = after('safeguarding.receptionOpensAt', row?.receptionOpensAt ?? null);
  const closesAt = after('safeguarding.receptionClosesAt', row?.receptionClosesAt ?? null);
  const problems = timesOutsideWindow(window, [
    { field: 'timings.briefingAt', what: 'The briefing', at: briefingAt },
    { field: 'timings.debriefAt', what: 'The debrief', at: debriefAt },
  ]);
  if (briefingAt && debriefAt && briefingAt >= debriefAt)
    problems.push({ field: 'timings.debriefAt', problems: ['The debrief must come after the briefing'] });
  if ((opensAt === null) !== (closesAt === null)) {
    problems.push({
      field: opensAt ? 'safeguarding.receptionClosesAt' : 'safeguarding.receptionOpensAt',
      problems: ['Give both the time the reception centre opens and the time it closes'],
    });
  } else if (opensAt && closesAt && opensAt >= closesAt) {
    problems.push({ field: 'safeguarding.receptionClosesAt', problems: ['The reception centre must close after it opens'] });
  }
  return problems;
}
