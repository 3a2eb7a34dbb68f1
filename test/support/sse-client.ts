import { ClientRequest, IncomingHttpHeaders, IncomingMessage, request } from 'node:http';

/** An event of a server-sent stream, as EventSource parses it. */
export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

/** How long to wait for events that should come at once, before failing with what came. */
const PATIENCE_MS = 15_000;

/**
 * A client reading a server-sent event stream over a raw HTTP request, as a browser's EventSource does:
 * blocks split on blank lines, `field: value` lines, comments (`: …`) counted and dropped.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  comments = 0;
  body = '';
  private pending = '';
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly req: ClientRequest,
    readonly response: IncomingMessage,
  ) {
    response.setEncoding('utf8').on('data', (chunk: string) => this.take(chunk));
    response.on('close', () => this.notify());
  }

  /** Opens `url` with `headers` and answers once the response's headers arrive (of any status). */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((done, fail) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers } });
      req.on('response', (response) => done(new SseClient(req, response)));
      req.on('error', fail);
      req.end();
    });
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  get headers(): IncomingHttpHeaders {
    return this.response.headers;
  }

  get ended(): boolean {
    return this.response.complete || this.response.destroyed;
  }

  /** The entries the events carry, parsed. */
  entries<T = { id: string }>(): T[] {
    return this.events.map((event) => JSON.parse(event.data) as T);
  }

  /** Waits until `count` events have come in all; fails naming what came if they do not. */
  async until(count: number): Promise<SseEvent[]> {
    await this.waitFor(() => this.events.length >= count, `${count} events`);
    return this.events;
  }

  /** Waits until an event carrying an entry with this id has come. */
  async untilEntry(id: string): Promise<SseEvent[]> {
    await this.waitFor(() => this.events.some((event) => event.id === id), `the entry ${id}`);
    return this.events;
  }

  /** Waits until the body has ended (an error answer read to its end, or a stream the server closed). */
  async untilEnded(): Promise<void> {
    await this.waitFor(() => this.ended, 'the end of the response');
  }

  close(): void {
    this.req.destroy();
  }

  private waitFor(met: () => boolean, what: string): Promise<void> {
    if (met()) return Promise.resolve();
    return new Promise((done, fail) => {
      const check = () => {
        if (!met()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        done();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        fail(new Error(`waited for ${what}; came: ${JSON.stringify(this.events.map((event) => event.id))}`));
      }, PATIENCE_MS);
      this.waiters.add(check);
    });
  }

  private take(chunk: string): void {
    this.body += chunk;
    this.pending += chunk;
    let end: number;
    while ((end = this.pending.indexOf('\n\n')) !== -1) {
      this.parse(this.pending.slice(0, end));
      this.pending = this.pending.slice(end + 2);
    }
    this.notify();
  }

  private parse(block: string): void {
    const event: SseEvent = { data: '' };
    let fields = 0;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments += 1;
        continue;
      }
      const at = line.indexOf(':');
      const [name, value] = at === -1 ? [line, ''] : [line.slice(0, at), line.slice(at + 1).replace(/^ /, '')];
      if (name === 'id') event.id = value;
      if (name === 'event') event.event = value;
      if (name === 'data') event.data = event.data ? `${event.data}\n${value}` : value;
      if (name === 'id' || name === 'event' || name === 'data') fields += 1;
    }
    if (fields > 0 && (event.data !== '' || event.event)) this.events.push(event);
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
