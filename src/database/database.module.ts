import { Global, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { InstanceKeys } from '../config/instance-keys';
import { dataSourceOptions } from './data-source';
import { DatabaseServer } from './database-server';
import { InstanceKeyRepository } from './instance-key.repository';
import { checkKeyFingerprints } from './key-fingerprints';
import { migrate } from './migrate';
import { DatabaseHealth } from './database-health';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimits } from './rate-limits';

@Global()
@Module({
  providers: [{ provide: DatabaseServer, inject: [AppConfig], useFactory: (config: AppConfig) => DatabaseServer.open(config) }],
  exports: [DatabaseServer],
})
class DatabaseServerModule {}

/**
 * Migrates, then checks this instance holds the keys the database was started with, before any
 * module starts its work (seeding the demo data comes after, at bootstrap); on shutdown closes
 * the pool, then stops an embedded server.
 */
@Injectable()
class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly dataSource: DataSource,
    private readonly server: DatabaseServer,
    private readonly keys: InstanceKeys,
    private readonly instanceKeys: InstanceKeyRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.dataSource, this.logger);
    await checkKeyFingerprints(this.dataSource.manager, this.instanceKeys, this.keys);
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
        // Each module registers its own entities (TypeOrmModule.forFeature).
        autoLoadEntities: true,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [DatabaseLifecycle, InstanceKeyRepository, RateLimitRepository, RateLimits, DatabaseHealth],
  exports: [RateLimits, DatabaseHealth],
})
export class DatabaseModule {}
