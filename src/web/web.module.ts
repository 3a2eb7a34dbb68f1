import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CpsModule } from '../cps/cps.module';
import { DayLogModule } from '../day-log/day-log.module';
import { DashboardModule } from '../dashboard/dashboard.module';
import { LeadPolicyModule } from '../lead-policy/lead-policy.module';
import { DeploymentsModule } from '../deployments/deployments.module';
import { OperationsModule } from '../operations/operations.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { TasksModule } from '../tasks/tasks.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { AccountPageController } from './account/account.controller';
import { AdminController } from './admin/admin.controller';
import { AdminPowersController } from './admin/powers.controller';
import { CalendarPageController } from './calendar/calendar.controller';
import { DashboardPageController } from './dashboard/dashboard.controller';
import { PlanCpsController } from './cps/cps.controller';
import { PlanDetailsController } from './details/details.controller';
import { PlanLifecycleController } from './lifecycle/lifecycle.controller';
import { PlanRecordController } from './record/record.controller';
import { PlanSharingController } from './sharing/sharing.controller';
import { PlanSignOffController } from './sign-off/sign-off.controller';
import { PlanSubjectsController } from './subjects/subjects.controller';
import { PlanEvidenceController } from './evidence/evidence.controller';
import { PlanRisksController } from './risks/risks.controller';
import { PlanSafeguardingController } from './safeguarding/safeguarding.controller';
import { PlansPagesController } from './plans/plans.controller';
import { SignInController } from './sign-in/sign-in.controller';
import { TasksPageController } from './tasks/tasks.controller';
import { TeamsPagesController } from './admin/teams.controller';
import { PlanOrderController } from './order/order.controller';
import { PlanCommandController } from './command/command.controller';
import { PlanCardsController } from './cards/cards.controller';
import { DayStreamController } from './day-stream/day-stream.controller';
import { PlanTeamsController } from './plan-teams/plan-teams.controller';
import { PlanDayController } from './day/day.controller';
import { PlanPages } from './plan-page';
import { PlanViewsRepository } from './plan-views.repository';
import { PlanViewsService } from './plan-views.service';
import { TaskCountInterceptor, TaskCounts } from './task-counts';

/** The web UI (DESIGN §6): pages that call the same services as the API and add no rule of their own. */
@Module({
  imports: [
    AuditModule,
    AuthModule,
    ReferenceDataModule,
    LeadPolicyModule,
    OperationsModule,
    DeploymentsModule,
    CpsModule,
    SubjectsModule,
    DayLogModule,
    WorkflowModule,
    TasksModule,
    CalendarModule,
    DashboardModule,
  ],
  providers: [PlanPages, PlanViewsService, PlanViewsRepository, TaskCounts, { provide: APP_INTERCEPTOR, useClass: TaskCountInterceptor }],
  controllers: [
    SignInController,
    TasksPageController,
    PlansPagesController,
    PlanDetailsController,
    PlanTeamsController,
    PlanOrderController,
    PlanCommandController,
    PlanCardsController,
    DayStreamController,
    PlanCpsController,
    PlanEvidenceController,
    PlanRecordController,
    PlanSubjectsController,
    PlanRisksController,
    PlanSafeguardingController,
    PlanSignOffController,
    PlanSharingController,
    PlanLifecycleController,
    PlanDayController,
    AdminController,
    AdminPowersController,
    TeamsPagesController,
    CalendarPageController,
    DashboardPageController,
    AccountPageController,
  ],
})
export class WebModule {}
