import { Logger } from '@nestjs/common';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ReferenceData1764320000000 } from './migrations/1764320000000-ReferenceData';
import { Operations1764330000000 } from './migrations/1764330000000-Operations';
import { Deployments1764340000000 } from './migrations/1764340000000-Deployments';
import { CpsInvolvement1764350000000 } from './migrations/1764350000000-CpsInvolvement';
import { Review1764360000000 } from './migrations/1764360000000-Review';
import { NewestVisible1764370000000 } from './migrations/1764370000000-NewestVisible';
import { PartnerAnswers1764380000000 } from './migrations/1764380000000-PartnerAnswers';
import { Hardening1764390000000 } from './migrations/1764390000000-Hardening';
import { FourEyes1764400000000 } from './migrations/1764400000000-FourEyes';
import { Sessions1764410000000 } from './migrations/1764410000000-Sessions';
import { PlanViews1764420000000 } from './migrations/1764420000000-PlanViews';
import { OperationalOrder1764430000000 } from './migrations/1764430000000-OperationalOrder';
import { PowersAudit1764431000000 } from './migrations/1764431000000-PowersAudit';
import { Subjects1764440000000 } from './migrations/1764440000000-Subjects';
import { CalendarFeeds1764450000000 } from './migrations/1764450000000-CalendarFeeds';
import { Dashboard1764460000000 } from './migrations/1764460000000-Dashboard';
import { NeedToKnow1764470000000 } from './migrations/1764470000000-NeedToKnow';
import { StandDown1764480000000 } from './migrations/1764480000000-StandDown';
import { Accounts1764490000000 } from './migrations/1764490000000-Accounts';
import { TrustedDevices1764500000000 } from './migrations/1764500000000-TrustedDevices';
import { HitFacts1764510000000 } from './migrations/1764510000000-HitFacts';
import { InstanceKeys1764520000000 } from './migrations/1764520000000-InstanceKeys';
import { TeamPremises1764530000000 } from './migrations/1764530000000-TeamPremises';
import { CommandRoles1764535000000 } from './migrations/1764535000000-CommandRoles';
import { DayLog1764540000000 } from './migrations/1764540000000-DayLog';

export const MIGRATIONS = [
  ReferenceData1764320000000,
  Operations1764330000000,
  Deployments1764340000000,
  CpsInvolvement1764350000000,
  Review1764360000000,
  NewestVisible1764370000000,
  PartnerAnswers1764380000000,
  Hardening1764390000000,
  FourEyes1764400000000,
  Sessions1764410000000,
  PlanViews1764420000000,
  OperationalOrder1764430000000,
  PowersAudit1764431000000,
  Subjects1764440000000,
  CalendarFeeds1764450000000,
  Dashboard1764460000000,
  NeedToKnow1764470000000,
  StandDown1764480000000,
  Accounts1764490000000,
  TrustedDevices1764500000000,
  HitFacts1764510000000,
  InstanceKeys1764520000000,
  TeamPremises1764530000000,
  CommandRoles1764535000000,
  DayLog1764540000000,
];

const logger = new Logger('Database');

/**
 * The one DataSource definition: the app (through Nest, whose modules each register their own
 * entities) and the migration CLI (src/data-source.cli.ts, which lists them) both build from it.
 */
export function dataSourceOptions(config: AppConfig, url: string, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: config.DB_POOL_SIZE,
    connectTimeoutMS: config.DB_CONNECT_TIMEOUT_MS,
    applicationName: 'day-of-action-planner',
    extra: {
      // Dates and times cross the wire in ISO form, in UTC, whatever the server's or database's defaults.
      options: '-c DateStyle=ISO,MDY -c TimeZone=UTC',
      statement_timeout: config.DB_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: config.DB_STATEMENT_TIMEOUT_MS * 3,
      idleTimeoutMillis: 30000,
    },
    // A pooled connection that dies (Postgres restarted) must not crash the process.
    poolErrorHandler: (error: Error) => logger.warn({ msg: 'idle database connection lost', error: error.message }),
  };
}
