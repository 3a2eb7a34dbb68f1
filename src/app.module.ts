import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CpsModule } from './cps/cps.module';
import { DatabaseModule } from './database/database.module';
import { DeploymentsModule } from './deployments/deployments.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { LeadPolicyModule } from './lead-policy/lead-policy.module';
import { OperationsModule } from './operations/operations.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { SubjectsModule } from './subjects/subjects.module';
import { DayLogModule } from './day-log/day-log.module';
import { WorkflowModule } from './workflow/workflow.module';
import { TasksModule } from './tasks/tasks.module';
import { CalendarModule } from './calendar/calendar.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { WebModule } from './web/web.module';
import { SiteExceptionFilter } from './web/web-exception.filter';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        MetricsModule.forRoot(config),
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
        WebModule,
        AuditModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: SiteExceptionFilter },
      ],
    };
  }
}
