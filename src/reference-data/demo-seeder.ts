import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DEMO_USERS } from './demo-data';
import { seedDemo } from './demo-seed.repository';

/** Seeds the demo agencies, teams and users (SEED_DEMO) once the database is migrated, and prints the demo logins. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const added = await seedDemo(this.dataSource, this.config.DEMO_PASSWORD);
    if (added) this.logger.log({ msg: 'demo data seeded', usersAdded: added });
    // Only the well-known default is printed; a password someone chose stays out of the logs.
    const password =
      this.config.DEMO_PASSWORD === new AppConfig().DEMO_PASSWORD
        ? `password "${this.config.DEMO_PASSWORD}" (the default; set DEMO_PASSWORD to change it)`
        : 'password: the value of DEMO_PASSWORD';
    this.logger.log(`Demo logins, ${password}: ${DEMO_USERS.map((user) => user.email).join(', ')}`);
  }
}
