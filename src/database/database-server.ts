import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase } from './embedded';

/** Where the database is: the server named by DATABASE_URL, or the embedded one this process started. */
export class DatabaseServer {
  private constructor(
    readonly url: string,
    private readonly embedded?: EmbeddedDatabase,
  ) {}

  static async open(config: AppConfig): Promise<DatabaseServer> {
    if (config.DATABASE_URL) return new DatabaseServer(config.DATABASE_URL);
    const started = Date.now();
    const embedded = await EmbeddedDatabase.start(config.DATA_DIR);
    new Logger('Database').log(`embedded Postgres up in ${Date.now() - started} ms (data in ${config.DATA_DIR})`);
    return new DatabaseServer(embedded.url, embedded);
  }

  /** Times the embedded Postgres was started again after dying under the app (none for a server of its own). */
  get postgresRestarts(): number {
    return this.embedded?.restarts ?? 0;
  }

  async stop(): Promise<void> {
    await this.embedded?.stop();
  }
}
