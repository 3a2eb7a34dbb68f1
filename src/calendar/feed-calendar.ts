import ical, { ICalEventClass, ICalEventStatus } from 'ical-generator';
import type { OperationStatus } from '../common/domain';
import { label } from '../common/labels';
import { Marking, markingText } from '../common/marking';
import { ukClock, ukDate, ukDateTime } from '../common/uk-time';
import type { OwnedPlanRow, TeamDeploymentRow } from './calendar.repository';

/** What the feed says it holds (X-WR-CALDESC). */
export const FEED_DESCRIPTION =
  'Plans your agency owns and your agency’s confirmed teams, from the Day of action planner: reference, name, status, times and marking; the details are on each plan’s page';

/** Calendar apps ask again this often (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 3600;

export interface FeedContent {
  agencyCode: string;
  /** The site's address, for links to the plans: `https://planner.example` (no trailing slash). */
  siteUrl: string;
  plans: OwnedPlanRow[];
  deployments: TeamDeploymentRow[];
}

/**
 * A plan's status as a calendar's: not yet agreed is tentative; a plan cancelled, or a day of action
 * stood down, cancels the event, so subscribed calendars update.
 */
export function planEventStatus(status: OperationStatus): ICalEventStatus {
  if (status === 'CANCELLED' || status === 'STOOD_DOWN') return ICalEventStatus.CANCELLED;
  if (status === 'APPROVED' || status === 'ACTIVE' || status === 'COMPLETED') return ICalEventStatus.CONFIRMED;
  return ICalEventStatus.TENTATIVE;
}

/** A team's part stands while it is confirmed, and after the plan completed; released otherwise (cancelled plan, or released by the owner), it is cancelled. */
export function deploymentEventStatus(
  deployment: Pick<TeamDeploymentRow, 'status' | 'releasedOnCompletion' | 'planStatus'>,
): ICalEventStatus {
  if (deployment.planStatus === 'CANCELLED') return ICalEventStatus.CANCELLED;
  if (deployment.status === 'CONFIRMED' || deployment.releasedOnCompletion) return ICalEventStatus.CONFIRMED;
  return ICalEventStatus.CANCELLED;
}

/**
 * Text as an iCalendar TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line break
 * escaped. ical-generator escapes an event's text itself but writes the calendar's own name and
 * description (X-WR-CALNAME, X-WR-CALDESC) as given.
 */
function icalText(text: string): string {
  return text.replace(/[\\;,]/g, '\\$&').replace(/\r?\n/g, '\\n');
}

/** A window as people in the UK read it; the end as a time of day alone when it falls on the same day. */
function window(startsAt: Date, endsAt: Date): string {
  return `${ukDateTime(startsAt)} to ${ukDate(startsAt) === ukDate(endsAt) ? ukClock(endsAt) : ukDateTime(endsAt)}`;
}

/** R14d: the plan's marking as the calendar's access class: an OFFICIAL-SENSITIVE plan's event is CONFIDENTIAL, an OFFICIAL one's PRIVATE. */
export function eventClass(marking: Marking): ICalEventClass {
  return marking.classification === 'OFFICIAL-SENSITIVE' ? ICalEventClass.CONFIDENTIAL : ICalEventClass.PRIVATE;
}

function planDescription(plan: OwnedPlanRow, url: string): string {
  const why = plan.cancelReason ? [`${label('status', plan.status)}: ${plan.cancelReason}`] : [];
  return [
    markingText(plan),
    `Status: ${label('status', plan.status)}`,
    ...why,
    `Window: ${window(plan.startsAt, plan.endsAt)}`,
    `Plan page: ${url}`,
  ].join('\n');
}

function deploymentDescription(deployment: TeamDeploymentRow, url: string): string {
  const state =
    deployment.status === 'RELEASED' && !deployment.releasedOnCompletion
      ? `Released: ${deployment.releaseReason ?? 'by the plan’s owner'}`
      : label('deploymentStatus', deployment.releasedOnCompletion ? 'CONFIRMED' : deployment.status);
  return [
    markingText(deployment),
    `Team: ${deployment.team} (${state})`,
    `Team window: ${window(deployment.startsAt, deployment.endsAt)}`,
    `Plan: ${deployment.reference}: ${deployment.planName} (${label('status', deployment.planStatus)})`,
    `Plan window: ${window(deployment.planStartsAt, deployment.planEndsAt)}`,
    `Plan page: ${url}`,
  ].join('\n');
}

/**
 * The feed as iCalendar text. Each event's UID stays the same for the life of its plan or
 * deployment and its SEQUENCE grows with every change (the plan's version; for a team, the plan's
 * and the deployment's versions together), so calendar apps update the event rather than add one.
 * Times are UTC (DTSTART…Z): calendar apps show them in the reader's own zone. What a calendar
 * app reads, it keeps and syncs out of the planner's reach, so an event holds only the plan's Core
 * facts and its marking, and links to the plan page for the rest (issue 23): no address, RV point,
 * tasking, power or call sign.
 */
export function feedCalendar(content: FeedContent): string {
  const calendar = ical({
    name: icalText(`Days of action – ${content.agencyCode}`),
    description: icalText(FEED_DESCRIPTION),
    prodId: { company: 'Day of action planner', product: 'Calendar feed', language: 'EN' },
    ttl: REFRESH_SECONDS,
  });
  const planUrl = (reference: string) => `${content.siteUrl}/plans/${reference}`;
  for (const plan of content.plans) {
    calendar.createEvent({
      id: `${plan.id}@planner`,
      sequence: plan.version,
      start: plan.startsAt,
      end: plan.endsAt,
      stamp: plan.updatedAt,
      lastModified: plan.updatedAt,
      summary: `${plan.reference}: ${plan.name}`,
      description: planDescription(plan, planUrl(plan.reference)),
      url: planUrl(plan.reference),
      status: planEventStatus(plan.status),
      class: eventClass(plan),
    });
  }
  for (const deployment of content.deployments) {
    calendar.createEvent({
      id: `${deployment.id}@planner`,
      sequence: deployment.planVersion + deployment.version,
      start: deployment.startsAt,
      end: deployment.endsAt,
      stamp: deployment.updatedAt,
      lastModified: deployment.updatedAt,
      summary: `${deployment.team} on ${deployment.reference}`,
      description: deploymentDescription(deployment, planUrl(deployment.reference)),
      url: planUrl(deployment.reference),
      status: deploymentEventStatus(deployment),
      class: eventClass(deployment),
    });
  }
  // Every line ends with CRLF (RFC 5545 §3.1), the last one too, which ical-generator leaves off.
  return `${calendar.toString()}\r\n`;
}
