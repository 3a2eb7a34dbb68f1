import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface FileLine {
  responses: number;
  messages: number;
  offending: unknown[];
}

/** One line for the run: how many responses and messages the plain-English check read, how many spoke code, and where the details are. */
export async function plainEnglishSummary(directory: string | undefined): Promise<string | undefined> {
  if (!directory) return undefined;
  const files = await readdir(directory).catch(() => [] as string[]);
  const lines: FileLine[] = [];
  for (const file of files) {
    const text = await readFile(join(directory, file), 'utf8');
    lines.push(
      ...text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as FileLine),
    );
  }
  if (lines.length === 0) return undefined;
  const sum = (pick: (line: FileLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  return `Plain English: ${sum((line) => line.messages)} messages in ${sum((line) => line.responses)} responses of ${lines.length} test files checked; ${sum((line) => line.offending.length)} spoke code (each file's counts and those messages: ${directory})`;
}
