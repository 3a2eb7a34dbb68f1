import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { FieldMap } from '../form-errors';
import { formText } from '../forms';
import type { EditForm } from '../plan-page';
import type { PlanChange } from '../plan-change';

/** Gold, Silver and the SIO, each entered as four fields: `goldName`, `goldRankOrGrade`, `goldAgency`, `goldPhone`. */
export const ROLES = ['gold', 'silver', 'sio'] as const;
type Role = (typeof ROLES)[number];
const PARTS = ['name', 'rankOrGrade', 'agency', 'phone'] as const;
type Part = (typeof PARTS)[number];

const fieldName = (role: Role, part: Part) => `${role}${part.charAt(0).toUpperCase()}${part.slice(1)}`;
const ROLE_WORDS: Record<Role, string> = { gold: 'Gold commander', silver: 'Silver commander', sio: 'SIO' };
const PART_WORDS: Record<Part, string> = { name: 'name', rankOrGrade: 'rank or grade', agency: 'agency', phone: '24-hour contact number' };

export type CommandForm = Record<string, string>;

/** The form's fields in the order the page shows them. */
export const COMMAND_ORDER = ROLES.flatMap((role) => PARTS.map((part) => fieldName(role, part)));

export const COMMAND_LABELS: Record<string, string> = Object.fromEntries(
  ROLES.flatMap((role) => PARTS.map((part) => [fieldName(role, part), `${ROLE_WORDS[role]}’s ${PART_WORDS[part]}`])),
);

/** `command.gold.phone` → `goldPhone`; a problem with a role as a whole goes against its name. */
export const COMMAND_FIELDS: FieldMap = {
  id: (field) => {
    const [, role, part] = field.split('.');
    if (!ROLES.includes(role as Role)) return '';
    return fieldName(role as Role, PARTS.includes(part as Part) ? (part as Part) : 'name');
  },
};

/** The plan's command as the form shows it: each role's fields, empty for a role nobody holds. */
export function commandOf(plan: OperationView): CommandForm {
  return Object.fromEntries(ROLES.flatMap((role) => PARTS.map((part) => [fieldName(role, part), plan.command[role]?.[part] ?? ''])));
}

export const postedCommand = (body: unknown): CommandForm => Object.fromEntries(COMMAND_ORDER.map((name) => [name, formText(body, name)]));

/** The command form as posted, and how it is merged with the plan as it is now (R10). */
export function commandForm(body: unknown): EditForm<CommandForm> {
  return { current: commandOf, posted: postedCommand(body), labels: COMMAND_LABELS, fields: COMMAND_FIELDS };
}

/**
 * The roles the person changed (any of `mine`'s fields) as the API takes them: a role whose fields
 * are all left empty is cleared; one partly filled goes as typed, for the API to say what is missing.
 */
export function changedCommand(values: CommandForm, mine: string[]): PlanChange {
  const touched = ROLES.filter((role) => PARTS.some((part) => mine.includes(fieldName(role, part))));
  const roleOf = (role: Role) => {
    const typed = Object.fromEntries(PARTS.map((part) => [part, values[fieldName(role, part)] ?? '']));
    return PARTS.every((part) => typed[part].trim() === '') ? null : typed;
  };
  return { change: { command: Object.fromEntries(touched.map((role) => [role, roleOf(role)])) }, fields: COMMAND_FIELDS };
}
