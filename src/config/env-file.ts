import { readFileSync } from 'node:fs';
import { ConfigValidationError } from './app-config';

/** A line Node's .env reader takes: blank, a comment, or NAME=value (optionally after `export`). */
const ENV_LINE = /^\s*(#.*|(export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=.*)?$/;

/** The numbers of the lines Node's .env reader would silently skip: a typo there would otherwise be lost. */
export function malformedLines(contents: string): number[] {
  return contents.split(/\r?\n/).flatMap((line, index) => (ENV_LINE.test(line) ? [] : [index + 1]));
}

/**
 * Reads `.env` from the working directory into process.env before the configuration is validated.
 * A variable already in the environment wins over the file (process.loadEnvFile never overrides
 * one). No file is fine; one that cannot be read, or has a line that is not NAME=value, stops the
 * start, naming the line but never its contents (they may hold a secret).
 */
export function readEnvFile(path = '.env'): void {
  let contents: string;
  try {
    contents = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new ConfigValidationError(`Could not read ${path}: ${(error as Error).message}. Fix or remove it, or start without it.`);
  }
  const malformed = malformedLines(contents);
  if (malformed.length > 0) {
    throw new ConfigValidationError(
      `Invalid ${path}:\n${malformed.map((line) => `  - line ${line} is not NAME=value (or a comment starting with #)`).join('\n')}`,
    );
  }
  process.loadEnvFile(path);
}
