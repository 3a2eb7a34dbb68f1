import {
  GRANTABLE_SECTIONS,
  isActiveDeployment,
  NEVER_INTELLIGENCE_KINDS,
  PLAN_SECTIONS,
  PlanSection,
  seenByDefault,
} from '../../common/domain';
import { label } from '../../common/labels';
import { ukDateTime } from '../../common/uk-time';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { AgencyView } from '../../reference-data/dto/agency.dto';
import type { SharingTyped } from './sharing.form';

/** What a partner agency sees of one section: by default, because the owner granted it, not, or never (R14a, R14b). */
type Seen = 'DEFAULT' | 'GRANTED' | 'NO' | 'NEVER';
const SEEN_TEXT: Record<Seen, string> = { DEFAULT: 'Yes', GRANTED: 'Shared by the owner', NO: 'No', NEVER: 'Never' };

type Plan = Pick<OperationView, 'deployments' | 'createdByAgency' | 'owningAgency' | 'sharing' | 'sections'>;

/**
 * The agencies on a plan as its owner sees them, each with what it sees: those with a team asked
 * for or agreed, the creator that handed the lead on, and those granted sections.
 */
function partners(plan: Plan) {
  const agencies = new Map<string, AgencyView>();
  for (const d of plan.deployments) if (isActiveDeployment(d.status)) agencies.set(d.agency.id, d.agency);
  agencies.set(plan.createdByAgency.id, plan.createdByAgency);
  for (const share of plan.sharing ?? []) agencies.set(share.agency.id, share.agency);
  agencies.delete(plan.owningAgency.id);
  return [...agencies.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((agency) => {
      const share = plan.sharing?.find((each) => each.agency.id === agency.id);
      const seen = (section: PlanSection): Seen =>
        seenByDefault(agency.kind, section)
          ? 'DEFAULT'
          : share?.sections.includes(section as (typeof GRANTABLE_SECTIONS)[number])
            ? 'GRANTED'
            : section === 'INTELLIGENCE' && NEVER_INTELLIGENCE_KINDS.includes(agency.kind)
              ? 'NEVER'
              : 'NO';
      return {
        agency,
        cells: PLAN_SECTIONS.map((section) => ({ text: SEEN_TEXT[seen(section)] })),
        last: share ? `${share.reason} (${share.by.name}, ${ukDateTime(share.at)})` : null,
        // A section the agency may never be given is not offered (a disabled box helps nobody): the hint says why.
        items: GRANTABLE_SECTIONS.filter((section) => !seenByDefault(agency.kind, section) && seen(section) !== 'NEVER').map((section) => ({
          value: section,
          text: label('planSection', section),
          checked: seen(section) === 'GRANTED',
        })),
        never: NEVER_INTELLIGENCE_KINDS.includes(agency.kind),
      };
    });
}

/**
 * The sharing page: a row per partner with what it sees and the boxes to grant more (as typed, when
 * the form comes back), the sections the viewer sees, and after a save (`saved`: the agency) a banner.
 */
export function sharingView(plan: Plan, typed: SharingTyped, saved?: string) {
  const rows = partners(plan).map((partner) => {
    const posted = typed[partner.agency.id];
    return {
      ...partner,
      reason: posted?.reason ?? '',
      items: posted ? partner.items.map((item) => ({ ...item, checked: posted.sections.includes(item.value) })) : partner.items,
    };
  });
  const savedFor = rows.find((row) => row.agency.id === saved)?.agency;
  return {
    rows,
    head: [{ text: 'Agency' }, ...PLAN_SECTIONS.map((section) => ({ text: label('sectionName', section) }))],
    yours: plan.sections.map((section) => label('planSection', section)),
    banner: savedFor && `Saved: ${savedFor.name} sees what the table shows, and the change is in the plan’s history`,
  };
}
