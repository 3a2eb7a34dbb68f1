import 'reflect-metadata';
import { ukDateTime } from './common/uk-time';
import { runCommand, screenProgress } from './database/backup/command';
import { restoreDatabase } from './database/backup/restore';

/** `npm run restore -- <file>`: a backup loaded into an empty database, with every instance stopped. */
runCommand('Say which backup to restore: npm run restore -- <file>', async (config, url, file) => {
  const progress = screenProgress('Restoring');
  const started = Date.now();
  const header = await restoreDatabase(config, url, file, progress);
  return `Restored ${progress.total().toLocaleString('en-GB')} rows into ${header.tables.length} tables from ${file} (taken ${ukDateTime(header.takenAt)}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`;
});
