import 'reflect-metadata';
import { createApp } from './app.setup';
import { JsonLogger } from './common/logging/json-logger';
import { ConfigValidationError, loadConfig } from './config/app-config';
import { readEnvFile } from './config/env-file';

async function bootstrap(): Promise<void> {
  readEnvFile();
  const config = loadConfig();
  const logger = new JsonLogger(config.LOG_LEVEL);
  const started = Date.now();
  const app = await createApp(config, logger);
  app.enableShutdownHooks();
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
  logger.log(
    { msg: `listening on http://localhost:${config.PORT} (API docs at /docs)`, port: config.PORT, startupMs: Date.now() - started },
    'Main',
  );
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    new JsonLogger().error(error instanceof Error ? error : String(error), 'Main');
  }
  process.exit(1);
});
