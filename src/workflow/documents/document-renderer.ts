import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Piscina from 'piscina';
import { DomainError } from '../../common/errors/domain-error';
import type { RenderTask } from './documents.worker';

/** How many threads render documents, and how many documents may wait for one before more are refused. */
export interface RenderLimits {
  threads: number;
  waiting: number;
}

/** The limits a test may set instead of the defaults: a thread a core less one (at least one), sixteen waiting. */
export const RENDER_LIMITS = Symbol('RENDER_LIMITS');
const DEFAULT_LIMITS: RenderLimits = { threads: Math.max(1, availableParallelism() - 1), waiting: 16 };

/**
 * The worker's compiled file. The app runs from dist/, where it sits beside this one. Under Jest this file
 * is TypeScript in src/, and the worker is the built one in dist/ (`npm test` builds first), so tests render
 * with the code `npm start` runs; a build older than the worker's sources is refused rather than tested.
 */
function workerFile(): string {
  const beside = join(__dirname, 'documents.worker.js');
  if (existsSync(beside)) return beside;
  const built = __dirname.replace(/([\\/])src([\\/])workflow/, '$1dist$2workflow');
  const stale = readdirSync(__dirname)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .filter((file) => {
      const output = join(built, file.replace(/\.ts$/, '.js'));
      return !existsSync(output) || statSync(output).mtimeMs < statSync(join(__dirname, file)).mtimeMs;
    });
  if (stale.length) throw new Error(`The build in dist/ is older than ${stale.join(', ')}: run npm run build before these tests`);
  return join(built, 'documents.worker.js');
}

/**
 * Renders documents on worker threads, so laying out a long PDF never holds up the requests the app is
 * answering meanwhile. An idle thread ends after a minute. When every thread is busy and the queue is full,
 * a document is refused with 503 and the reader asked to try again, rather than piling up work without end.
 */
@Injectable()
export class DocumentRenderer implements OnApplicationShutdown {
  private readonly pool: Piscina;

  constructor(@Optional() @Inject(RENDER_LIMITS) private readonly limits: RenderLimits = DEFAULT_LIMITS) {
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: limits.threads,
      maxQueue: limits.waiting,
      idleTimeout: 60_000,
    });
  }

  async render(task: RenderTask): Promise<Buffer> {
    if (this.pool.queueSize >= this.limits.waiting) {
      throw new DomainError('SERVICE_UNAVAILABLE', 'Many documents are being made just now: try again in a minute');
    }
    const bytes: Uint8Array = await this.pool.run(task);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** After the server has stopped taking requests and answered those under way, so no document in hand is cut off. */
  async onApplicationShutdown(): Promise<void> {
    await this.pool.destroy();
  }
}
