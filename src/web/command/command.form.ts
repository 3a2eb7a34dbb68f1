import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { FieldMap } from '../form-errors';
import { formText } from '../forms';
import { storedLocation } from '../order-form';
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

/** The site commander form: the location's place in the plan's list, and the commander's four fields. */
export interface SiteForm {
  location: number;
  name: string;
  rankOrGrade: string;
  agency: string;
  phone: string;
}

const SITE_PARTS: Record<Part, string> = { name: 'siteName', rankOrGrade: 'siteRankOrGrade', agency: 'siteAgency', phone: 'sitePhone' };
export const SITE_ORDER = Object.values(SITE_PARTS);
/** `locations.2.siteCommander.phone` → `sitePhone`; anything else of the list goes to the summary alone. */
export const SITE_FIELDS: FieldMap = {
  id: (field) => {
    const part = /^locations\.\d+\.siteCommander\.(\w+)$/.exec(field)?.[1];
    return part && PARTS.includes(part as Part) ? SITE_PARTS[part as Part] : '';
  },
};

/** The site commander form of the location at `index` as the page first shows it; none when there is no such location. */
export function siteFormOf(plan: OperationView, index: string | undefined): SiteForm | null {
  const at = Number(index);
  const location = index !== undefined && Number.isInteger(at) ? plan.locations?.[at] : undefined;
  if (!location) return null;
  const commander = location.siteCommander;
  return { location: at, ...Object.fromEntries(PARTS.map((part) => [part, commander?.[part] ?? ''])) } as SiteForm;
}

export function postedSite(body: unknown): SiteForm {
  const parts = Object.fromEntries(PARTS.map((part) => [part, formText(body, SITE_PARTS[part])]));
  return { location: Number(formText(body, 'location')), ...parts } as SiteForm;
}

/**
 * The plan's locations as the API takes them, with the site commander of the one at `site.location`
 * as typed (cleared when all four fields are empty): every other location goes back as it is.
 */
export function locationsWithSite(plan: OperationView, site: SiteForm): Record<string, unknown>[] {
  const typed = { name: site.name, rankOrGrade: site.rankOrGrade, agency: site.agency, phone: site.phone };
  const siteCommander = PARTS.every((part) => typed[part].trim() === '') ? null : typed;
  return (plan.locations ?? []).map((location, index) => ({
    ...storedLocation(location),
    ...(index === site.location ? { siteCommander } : {}),
  }));
}
