import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/app-config';
import { readEnvFile } from './config/env-file';
import { dataSourceOptions } from './database/data-source';
import { PolicyRule } from './lead-policy/policy-rule.entity';
import { Agency } from './reference-data/agency.entity';
import { Team } from './reference-data/team.entity';
import { User } from './reference-data/user.entity';

/** The DataSource for the TypeORM CLI (npm run migration:*): the app's own definition, on DATABASE_URL (from the environment or .env). */
readEnvFile();
const config = loadConfig();
if (!config.DATABASE_URL) {
  throw new Error('The migration commands need DATABASE_URL: the Postgres to migrate');
}

export default new DataSource(dataSourceOptions(config, config.DATABASE_URL, [Agency, Team, User, PolicyRule]));
