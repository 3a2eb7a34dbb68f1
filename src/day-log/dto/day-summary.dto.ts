import { ApiProperty } from '@nestjs/swagger';
import { DECISION_ROLES, DecisionRole, PREMISES_STATUSES, PremisesStatus } from '../../common/domain';
import { LogLocationView } from './day-log.dto';

export class AgeGroupCounts {
  @ApiProperty() ADULT: number;
  @ApiProperty() CHILD: number;
}

export class SeizureCounts {
  @ApiProperty() CASH: number;
  @ApiProperty() DEVICES: number;
  @ApiProperty() DOCUMENTS: number;
}

export class DayTotalsView {
  @ApiProperty() arrests: number;
  @ApiProperty({ type: AgeGroupCounts }) potentialVictims: AgeGroupCounts;
  @ApiProperty() safeguarded: number;
  @ApiProperty() nrmReferrals: number;
  @ApiProperty() dutyToNotify: number;
  @ApiProperty({ type: SeizureCounts }) seizures: SeizureCounts;
}

export class LoggedOutcomesView {
  @ApiProperty() arrests: number;
  @ApiProperty() potentialVictimsSafeguarded: number;
  @ApiProperty() nrmReferrals: number;
  @ApiProperty() premisesVisited: number;
}

export class PremisesStatusAt {
  @ApiProperty({ enum: PREMISES_STATUSES }) status: PremisesStatus;
  @ApiProperty() happenedAt: string;
}

export class PremisesTimelineView {
  @ApiProperty({ type: LogLocationView }) location: LogLocationView;
  @ApiProperty({ type: PremisesStatusAt, isArray: true, description: 'In the order they happened' }) statuses: PremisesStatusAt[];
}

export class LoggedDecisionView {
  @ApiProperty() id: string;
  @ApiProperty() happenedAt: string;
  @ApiProperty({ enum: DECISION_ROLES }) decidedBy: DecisionRole;
  @ApiProperty() decision: string;
  @ApiProperty() rationale: string;
  @ApiProperty() considered: string;
  @ApiProperty({ description: 'Derived from intelligence: only for readers who see the Intelligence section' }) intelligence: boolean;
  @ApiProperty() recordedBy: string;
  @ApiProperty({ nullable: true, type: String, description: 'The decision this one corrects; the log keeps both' })
  correctsId: string | null;
}

export class DaySummaryView {
  @ApiProperty({ description: 'Whether anything was logged: with nothing logged, the figures say nothing about the day' }) logged: boolean;
  @ApiProperty({ type: DayTotalsView, description: 'Each count totalled, a corrected count replaced by its correction' })
  totals: DayTotalsView;
  @ApiProperty({ description: 'Premises whose status reached Entry made or later' }) premisesVisited: number;
  @ApiProperty({ type: LoggedOutcomesView, description: 'The outcomes to complete the plan with, as the log counted them' })
  outcomes: LoggedOutcomesView;
  @ApiProperty({ type: PremisesTimelineView, isArray: true, description: 'Each location, only for a reader who sees the Places section' })
  premises: PremisesTimelineView[];
  @ApiProperty({ type: LoggedDecisionView, isArray: true, description: 'In the order the decisions were taken' })
  decisions: LoggedDecisionView[];
}
