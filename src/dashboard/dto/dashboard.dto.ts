import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { queryInt } from '../../common/transforms';
import { Omittable } from '../../common/validators';
import { MAX_MONTHS } from '../period';

const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/;
const monthMessage = (name: string) => ({ message: `${name} must be a month written YYYY-MM, for example 2027-03` });

/** The period: `from` and `to` (months, UK time, both included), or the last `months` months ending this month; by default the last 12. */
export class DashboardQueryDto {
  @ApiPropertyOptional({ example: '2026-01', description: 'First month of the period (YYYY-MM, UK time); to defaults to this month' })
  @Omittable()
  @IsString(monthMessage('from'))
  @Matches(MONTH, monthMessage('from'))
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12',
    description: 'Last month of the period (YYYY-MM, UK time), included; from defaults to 11 months before',
  })
  @Omittable()
  @IsString(monthMessage('to'))
  @Matches(MONTH, monthMessage('to'))
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_MONTHS, description: 'The last N months, this month included (instead of from and to)' })
  @Omittable()
  @Transform(queryInt)
  @IsInt({ message: `months must be a whole number from 1 to ${MAX_MONTHS}` })
  @Min(1, { message: `months must be a whole number from 1 to ${MAX_MONTHS}` })
  @Max(MAX_MONTHS, { message: `months must be a whole number from 1 to ${MAX_MONTHS}` })
  months?: number;
}

export class PeriodView {
  @ApiProperty({ example: '2026-01' }) from: string;
  @ApiProperty({ example: '2026-12' }) to: string;
  @ApiProperty({ example: 12 }) months: number;
}

export class ScopeView {
  @ApiProperty({ example: 'MPS' }) agencyCode: string;
  @ApiProperty({
    enum: ['VISIBLE', 'OWNED_OR_SUPPORTED'],
    description:
      'VISIBLE: every plan the caller may see (R14), for a manager; OWNED_OR_SUPPORTED: the plans the caller’s agency owns or supports with a team, for a coordinator',
  })
  basis: 'VISIBLE' | 'OWNED_OR_SUPPORTED';
}

export class StatusCountsView {
  @ApiProperty() DRAFT: number;
  @ApiProperty() SUBMITTED: number;
  @ApiProperty() CHANGES_REQUESTED: number;
  @ApiProperty() APPROVED: number;
  @ApiProperty() ACTIVE: number;
  @ApiProperty() COMPLETED: number;
  @ApiProperty() CANCELLED: number;
  @ApiProperty() STOOD_DOWN: number;
}

export class PlansMonthView {
  @ApiProperty({ example: '2026-03', description: 'The month the plans start in, UK time' }) month: string;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Plans the caller’s agency owns: it leads them, or created them and no lead is chosen yet' }) led: number;
  @ApiProperty({ description: 'Plans another agency owns, on which the caller’s agency has a team that did not decline' })
  supported: number;
  @ApiProperty({ type: StatusCountsView }) byStatus: StatusCountsView;
}

export class PlansPerMonthView {
  @ApiProperty({ type: PlansMonthView, isArray: true }) months: PlansMonthView[];
  @ApiProperty() total: number;
  @ApiProperty() summary: string;
}

export class LeadTimeBucketView {
  @ApiProperty({ example: '7 to 13 days' }) label: string;
  @ApiProperty({ description: 'Whole days from engagement to the start, at least' }) fromDays: number;
  @ApiProperty({ nullable: true, type: Number, description: 'At most (null: no upper bound)' }) toDays: number | null;
  @ApiProperty() plans: number;
}

export class CpsLeadTimeView {
  @ApiProperty({ example: 7, description: 'The mark: a CPS liaison engaged at least this many days before the start' })
  thresholdDays: number;
  @ApiProperty({ description: 'Plans in the period (not cancelled) with a CPS liaison engaged' }) plans: number;
  @ApiProperty({ description: 'Of those, engaged at least thresholdDays before the start' }) inTime: number;
  @ApiProperty({ nullable: true, type: Number, description: 'inTime as a whole percentage of plans' }) percentInTime: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Median days from engagement to the start, one decimal' }) medianDays:
    number | null;
  @ApiProperty({ type: LeadTimeBucketView, isArray: true }) buckets: LeadTimeBucketView[];
  @ApiProperty() summary: string;
}

export class ReadinessCheckCountView {
  @ApiProperty({ example: 'cps-engaged', description: 'The id GET /operations/:id/readiness gives the check' }) id: string;
  @ApiProperty({ example: 'Engage the CPS early' }) title: string;
  @ApiProperty({ description: 'Plans failing the check' }) failing: number;
}

export class UpcomingReadinessView {
  @ApiProperty({ example: 30 }) windowDays: number;
  @ApiProperty({ description: 'Plans starting within windowDays from now that have not ended (completed, cancelled or stood down)' })
  plans: number;
  @ApiProperty({ description: 'Of those, plans failing none of the checks below' }) ready: number;
  @ApiProperty({ type: ReadinessCheckCountView, isArray: true, description: 'The blocking checks counted, most failed first' })
  checks: ReadinessCheckCountView[];
  @ApiProperty() summary: string;
}

export class AgencyRefView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class PartnerResponseView {
  @ApiProperty({ type: AgencyRefView, description: 'The agency whose team was asked for' }) agency: AgencyRefView;
  @ApiProperty({ description: 'Requests that agency answered (confirmed or declined)' }) answered: number;
  @ApiProperty({ description: 'Median hours from request to answer, one decimal' }) medianHours: number;
  @ApiProperty({ description: '90th percentile of hours from request to answer, one decimal' }) p90Hours: number;
}

export class PartnerResponsesView {
  @ApiProperty({ type: PartnerResponseView, isArray: true, description: 'Slowest median first' }) agencies: PartnerResponseView[];
  @ApiProperty() summary: string;
}

export class OutcomesMonthView {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ description: 'Days of action completed that started in the month' }) completed: number;
  @ApiProperty({
    description: 'Days of action stood down that started in the month: their outcomes so far, where recorded, are in the counts beside',
  })
  stoodDown: number;
  @ApiProperty() arrests: number;
  @ApiProperty() potentialVictimsSafeguarded: number;
  @ApiProperty() nrmReferrals: number;
  @ApiProperty() premisesVisited: number;
}

/** The outcomes of the days of action completed, and the outcomes so far of those stood down: real outcomes either way. */
export class OutcomesPerMonthView {
  @ApiProperty({ type: OutcomesMonthView, isArray: true }) months: OutcomesMonthView[];
  @ApiProperty({ type: OutcomesMonthView, description: 'The whole period (month: the period, from–to)' }) total: OutcomesMonthView;
  @ApiProperty() summary: string;
}

export class DashboardView {
  @ApiProperty({ type: PeriodView }) period: PeriodView;
  @ApiProperty({ type: ScopeView }) scope: ScopeView;
  @ApiProperty({ type: PlansPerMonthView }) plansPerMonth: PlansPerMonthView;
  @ApiProperty({ type: CpsLeadTimeView }) cpsLeadTime: CpsLeadTimeView;
  @ApiProperty({ type: UpcomingReadinessView }) readiness: UpcomingReadinessView;
  @ApiProperty({ type: PartnerResponsesView }) partnerResponse: PartnerResponsesView;
  @ApiProperty({ type: OutcomesPerMonthView }) outcomesPerMonth: OutcomesPerMonthView;
}
