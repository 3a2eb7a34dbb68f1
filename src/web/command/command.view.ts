import { spokenNumber } from '../../common/phone';
import type { CommanderView } from '../../operations/dto/order.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { ROLES } from './command.form';

const ROLE_TITLES = { gold: 'Gold (strategic)', silver: 'Silver (tactical)', sio: 'Senior investigating officer (SIO)' } as const;

/** One commander in words, or that nobody is named yet. */
function commanderText(commander: CommanderView | null): string {
  if (!commander) return 'Not named yet';
  return `${commander.name}, ${commander.rankOrGrade}, ${commander.agency}: ${spokenNumber(commander.phone)}`;
}

/** The link to the form for one location's site commander. */
function changeLink(plan: OperationView, index: number, label: string) {
  return { href: `/plans/${plan.reference}/command?location=${index}`, text: 'Change', visuallyHiddenText: `site commander of ${label}` };
}

/**
 * The command page: each role's title and holder, and the site commander of each location the
 * reader sees (Places, R14a); a plan without its locations shown says nothing of them.
 */
export function commandView(plan: OperationView, changing?: number) {
  const roles = ROLES.map((role) => ({ role, title: ROLE_TITLES[role], text: commanderText(plan.command[role]) }));
  return {
    roles,
    roleRows: roles.map((role) => ({ key: { text: role.title }, value: { text: role.text } })),
    sites:
      plan.locations?.map((location, index) => ({
        key: { text: location.label },
        value: { text: commanderText(location.siteCommander) },
        ...(plan.canEdit && index !== changing ? { actions: { items: [changeLink(plan, index, location.label)] } } : {}),
      })) ?? null,
    changingLabel: changing === undefined ? null : (plan.locations?.[changing]?.label ?? null),
  };
}
