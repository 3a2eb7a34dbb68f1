import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashPassword, verifyPassword } from '../common/password-hashing';
import { AppConfig } from '../config/app-config';
import { DemoSeedRepository } from './demo-seed.repository';

/** The published default DEMO_PASSWORD: the only password ever printed. */
const DEFAULT_PASSWORD = new AppConfig().DEMO_PASSWORD;

type Holds = 'configured' | 'default' | 'other';

/**
 * Seeds the demo agencies, teams and users (SEED_DEMO) once the database is migrated, and prints the
 * demo logins with the password each demo user really holds: a demo user keeps the password it was
 * created with (or changed to), so a changed DEMO_PASSWORD applies only to demo users not yet created.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly demo: DemoSeedRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const added = await this.seed();
    if (added) this.logger.log({ msg: 'demo data seeded', usersAdded: added });
    const users = await this.demo.userPasswords(this.dataSource.manager);
    const holds = await Promise.all(users.map(({ passwordHash }) => this.passwordHeld(passwordHash)));
    for (const kind of ['configured', 'default', 'other'] as const) {
      const emails = users.filter((_, index) => holds[index] === kind).map((user) => user.email);
      if (emails.length > 0) this.logger.log(`Demo logins, ${this.describe(kind)}: ${emails.join(', ')}`);
    }
  }

  /**
   * Inserts whatever of the demo data is missing; never changes rows that exist
   * (so a demo user's changed password stays changed). Returns the users it added.
   */
  private seed(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await this.demo.insertAgencies(manager);
      await this.demo.insertTeams(manager);
      const missing = await this.demo.missingUsers(manager);
      const hashes = await Promise.all(missing.map(() => hashPassword(this.config.DEMO_PASSWORD)));
      for (const [index, user] of missing.entries()) await this.demo.insertUser(manager, user, hashes[index]);
      return missing.length;
    });
  }

  /** Which password a demo user holds: DEMO_PASSWORD, the published default, or one this instance does not know. */
  private async passwordHeld(passwordHash: string): Promise<Holds> {
    if (await verifyPassword(passwordHash, this.config.DEMO_PASSWORD)) return 'configured';
    if (this.config.DEMO_PASSWORD !== DEFAULT_PASSWORD && (await verifyPassword(passwordHash, DEFAULT_PASSWORD))) return 'default';
    return 'other';
  }

  /** Only the published default is ever printed; a password someone chose stays out of the logs. */
  private describe(kind: Holds): string {
    if (kind === 'configured') {
      return this.config.DEMO_PASSWORD === DEFAULT_PASSWORD
        ? `password "${DEFAULT_PASSWORD}" (the default; set DEMO_PASSWORD before the demo users are created to choose another)`
        : 'password: the value of DEMO_PASSWORD';
    }
    if (kind === 'default')
      return `password "${DEFAULT_PASSWORD}", the default they were created with (DEMO_PASSWORD sets only the password of demo users not yet created)`;
    return 'password: not DEMO_PASSWORD but the one each was created with or changed to (DEMO_PASSWORD sets only the password of demo users not yet created)';
  }
}
