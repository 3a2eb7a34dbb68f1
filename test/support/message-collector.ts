import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CodeSpeak, codeSpeak, KNOWN_UNFIXED } from './plain-english';
import { readableText } from './readable-text';

/**
 * Collects every message the app under test writes for a person (issue 24, item 6): each test
 * file's apps report to one collector, which the setup file (plain-english.setup.ts) reads after
 * every test. It only observes: no response is changed.
 */
export interface Offending {
  url: string;
  text: string;
  found: CodeSpeak[];
}

interface Collector {
  responses: number;
  messages: number;
  distinct: Set<string>;
  offending: Offending[];
}

const KEY = Symbol.for('planner.plainEnglish');
type WithCollector = typeof globalThis & { [KEY]?: Collector };

function collector(): Collector {
  const scope = globalThis as WithCollector;
  scope[KEY] ??= { responses: 0, messages: 0, distinct: new Set(), offending: [] };
  return scope[KEY];
}

/** The API's own documentation describes the contract, codes and all: it is for developers, not a message. */
const NOT_MESSAGES = /^\/docs(?:[/?-]|$)/;

export function collect(method: string, url: string, contentType: string, body: string): void {
  if (NOT_MESSAGES.test(url)) return;
  const texts = readableText(contentType, body);
  if (texts.length === 0) return;
  const state = collector();
  state.responses += 1;
  for (const text of texts) {
    state.messages += 1;
    state.distinct.add(text);
    if (KNOWN_UNFIXED.has(text)) continue;
    const found = codeSpeak(text);
    if (found.length) state.offending.push({ url: `${method} ${url}`, text, found });
  }
}

/** Registers the observer on an app's Fastify instance (before it listens). */
export function collectMessages(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const contentType = String(reply.getHeader('content-type') ?? '');
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
    if (body !== undefined) collect(request.method, request.url, contentType, body);
    done(null, payload);
  });
}

/** The messages that spoke code since the last call, which are then forgotten. */
export function takeOffending(): Offending[] {
  const state = collector();
  return state.offending.splice(0);
}

/**
 * Adds this test file's counts (and every message that spoke code) to this worker's log in the
 * run's directory, which the global teardown sums up.
 */
export function logFile(testFile: string, offending: Offending[]): void {
  const directory = process.env.PLAIN_ENGLISH_LOG_DIR;
  const state = collector();
  if (!directory || state.responses === 0) return;
  mkdirSync(directory, { recursive: true });
  const line = { testFile, responses: state.responses, messages: state.messages, distinct: state.distinct.size, offending };
  appendFileSync(join(directory, `worker-${process.env.JEST_WORKER_ID ?? '1'}.jsonl`), `${JSON.stringify(line)}\n`);
}
