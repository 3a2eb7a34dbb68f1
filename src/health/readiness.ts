import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MigrationExecutor } from 'typeorm';
import { counted } from '../common/labels';
import { DatabaseHealth } from '../database/database-health';

/** One check's verdict, as @nestjs/terminus reports it. */
export type CheckResult = { status: 'up' } | { status: 'down'; message: string; pending?: string[] };

export interface Readiness {
  /** Why the instance is not ready, in words; none when it is. */
  problem?: string;
  checks: { database: CheckResult; migrations?: CheckResult };
}

/**
 * Ready to take traffic: the database answers, and its schema is the one this code expects (no
 * migration pending, as after another instance's newer code was rolled back under this one's).
 */
@Injectable()
export class ReadinessCheck {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly database: DatabaseHealth,
  ) {}

  async check(): Promise<Readiness> {
    if (!(await this.database.answers())) {
      const message = 'The database is unavailable';
      return { problem: message, checks: { database: { status: 'down', message } } };
    }
    const migrations = await this.migrations();
    return { problem: migrations.status === 'down' ? migrations.message : undefined, checks: { database: { status: 'up' }, migrations } };
  }

  private async migrations(): Promise<CheckResult> {
    const found = await new MigrationExecutor(this.dataSource).getPendingMigrations().catch(() => undefined);
    if (!found) return { status: 'down', message: 'The database stopped answering while its schema was checked' };
    const pending = found.map((migration) => migration.name);
    if (pending.length === 0) return { status: 'up' };
    return {
      status: 'down',
      message: `The database schema is behind this version of the app: ${counted(pending.length, 'migration')} not yet applied; restarting the app applies ${pending.length === 1 ? 'it' : 'them'}`,
      pending,
    };
  }
}
