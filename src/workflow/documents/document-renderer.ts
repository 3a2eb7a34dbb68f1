import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Piscina from 'piscina';
import type { RenderTask } from './documents.worker';

/**
 * The worker's compiled file. The app runs from dist/, where it sits beside this one; under Jest this file
 * is TypeScript in src/, and the worker is the built one in dist/ (`npm test` builds first), so tests render
 * with the code `npm start` runs.
 */
function workerFile(): string {
  const beside = join(__dirname, 'documents.worker.js');
  return existsSync(beside) ? beside : join(__dirname.replace(/([\\/])src([\\/])workflow/, '$1dist$2workflow'), 'documents.worker.js');
}

/**
 * Renders documents on worker threads, so laying out a long PDF never holds up the requests the app is
 * answering meanwhile. At most one thread a core less one (at least one); an idle thread ends after a minute.
 */
@Injectable()
export class DocumentRenderer implements OnModuleDestroy {
  private readonly pool = new Piscina({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: Math.max(1, availableParallelism() - 1),
    idleTimeout: 60_000,
  });

  async render(task: RenderTask): Promise<Buffer> {
    const bytes: Uint8Array = await this.pool.run(task);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }
}
