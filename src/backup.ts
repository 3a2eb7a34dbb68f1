import 'reflect-metadata';
import { backupDatabase } from './database/backup/backup';
import { runCommand, screenProgress } from './database/backup/command';

/** `npm run backup -- <file>`: a consistent snapshot of the database, while the app keeps running. */
runCommand('Say where to write the backup: npm run backup -- <file>', async (_config, url, file) => {
  const progress = screenProgress('Backing up');
  const started = Date.now();
  const header = await backupDatabase(url, file, progress);
  return `Backed up ${progress.total().toLocaleString('en-GB')} rows from ${header.tables.length} tables to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s. Keep it with the subject match key (SUBJECT_MATCH_KEY, or DATA_DIR's subject-match.key): without that key the restored subjects do not match new ones.`;
});
