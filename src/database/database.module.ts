import {
  Global,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source';
import { DatabaseServer } from './database-server';
import { migrate } from './migrate';
import { RateLimits } from './rate-limits';
import { DEMO_USERS } from './seed/demo-data';
import { seedDemo } from './seed/seed-demo';

@Global()
@Module({
  providers: [{ provide: DatabaseServer, inject: [AppConfig], useFactory: (config: AppConfig) => DatabaseServer.open(config) }],
  exports: [DatabaseServer],
})
class DatabaseServerModule {}

/** Migrates (and seeds the demo data) before the app serves; closes the pool, then stops an embedded server. */
@Injectable()
class DatabaseLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly dataSource: DataSource,
    private readonly server: DatabaseServer,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await migrate(this.dataSource, this.logger);
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

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.server.stop();
  }
}

@Global()
@Module({
  imports: [
    DatabaseServerModule,
    TypeOrmModule.forRootAsync({
      inject: [AppConfig, DatabaseServer],
      useFactory: (config: AppConfig, server: DatabaseServer) => ({
        ...dataSourceOptions(config, server.url),
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [DatabaseLifecycle, RateLimits],
  exports: [RateLimits],
})
export class DatabaseModule {}
