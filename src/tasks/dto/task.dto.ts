import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPERATION_STATUSES, OperationStatus } from '../../common/domain';

export const TASK_KINDS = [
  'FINISH_PLAN',
  'MAKE_CHANGES',
  'CHASE_APPROVAL',
  'START_PLAN',
  'COMPLETE_PLAN',
  'ACKNOWLEDGE_HIT',
  'ANSWER_TEAM_REQUEST',
  'GATHER_EVIDENCE',
  'ACCEPT_CPS_REQUEST',
  'DECIDE_EVIDENCE',
  'REVIEW_PLAN',
  'NEEDS_ANOTHER_MANAGER',
  'SIGN_OFF_PART',
  'TEAM_RELEASED',
  'TEAM_DECLINED',
  'LOOK_INTO_ADDITIONS',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export class TaskOperationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'OP-2027-0001' }) reference: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: OPERATION_STATUSES }) status: OperationStatus;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiPropertyOptional({
    minimum: 1,
    description:
      'On a sign-off task (SIGN_OFF_PART): the plan’s version as the task was read. Sign off against it (POST /operations/{id}/sign-off): should the plan change again, the sign-off is refused (VERSION_CONFLICT) rather than given on what the task did not name',
  })
  version?: number;
}

class TaskUserView {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class AdditionLimitReportView {
  @ApiProperty({ format: 'uuid', description: 'The report, to mark as looked into (POST /tasks/addition-limit-reports/{id}/looked-into)' })
  id: string;
  @ApiProperty({ type: TaskUserView, description: 'Who reached the limit' }) user: TaskUserView;
  @ApiProperty({ example: '2026-12-10', description: 'The UK day (YYYY-MM-DD) they reached it' }) day: string;
  @ApiProperty({ description: 'The daily limit then: identifiers and postcodes one user may add to plans in a day' }) dailyLimit: number;
  @ApiProperty({ description: 'How many of their changes the limit refused that day' }) changesRefused: number;
  @ApiProperty({ description: 'How many identifiers and postcodes those changes would have added' }) additionsRefused: number;
  @ApiProperty({ description: 'When the last was refused' }) lastRefusedAt: string;
}

export class TaskView {
  @ApiProperty({ enum: TASK_KINDS }) kind: TaskKind;
  @ApiPropertyOptional({
    type: TaskOperationView,
    description:
      'The plan the task is about. Absent only on a LOOK_INTO_ADDITIONS task whose refused changes were new plans (never made), and no plan the caller may see',
  })
  operation?: TaskOperationView;
  @ApiProperty({ description: 'What to do, in words' }) summary: string;
  @ApiProperty({ description: 'The plan starts within 7 days' }) urgent: boolean;
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 23,
    description:
      'Whole hours until the plan starts, when it starts within 24 hours (0: within the hour); absent when it starts later or has started',
  })
  startsInHours?: number;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The deployment to confirm or decline; or the team that was released (TEAM_RELEASED) or that its agency declined (TEAM_DECLINED)',
  })
  deploymentId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The evidence requirement to gather or decide' }) requirementId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The deconfliction hit to acknowledge' }) hitId?: string;
  @ApiPropertyOptional({
    type: AdditionLimitReportView,
    description:
      'On a LOOK_INTO_ADDITIONS task (managers): a user of the agency went past the daily limit on identifiers and postcodes added to plans, and was refused; the operation is the plan of their last refused change, if any. Stays until a manager marks it as looked into',
  })
  additionLimit?: AdditionLimitReportView;
  @ApiPropertyOptional({
    type: String,
    isArray: true,
    description:
      'On a sign-off task whose sign-off a change withdrew: each change to the agency’s part of the plan since it signed it off (the window, briefing and debrief times, the places and strike times, and its own teams), ' +
      'one sentence each, as the plan’s history says it (UK time, GMT or BST named), and only what the caller may see of the plan. ' +
      'Empty when what changed is not shared with the caller’s agency. The summary names the first few.',
    example: ['Glam Nails: strike time 06:00 → 06:30 GMT'],
  })
  changes?: string[];
}
