import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { DayLogListener } from './day-log-listener';
import { DayLogService } from './day-log.service';
import type { LogEntryView } from './dto/day-log.dto';
import { entryEvent, HEARTBEAT, RETRY } from './sse';

const HEARTBEAT_MS = 15_000;
/** A client this far behind in reading is cut off rather than held in memory; it resumes from its last entry. */
const MOST_UNREAD_BYTES = 1024 * 1024;

/** One client's stream of one plan's log, sending each entry once, in the order recorded. */
class OpenStream {
  private reading?: Promise<void>;
  private behind = false;
  private ended = false;
  private readonly heartbeat: NodeJS.Timeout;
  private unsubscribe = () => {};

  constructor(
    private readonly raw: ServerResponse,
    private readonly read: (afterId: string | undefined) => Promise<LogEntryView[]>,
    private lastId: string | undefined,
    private readonly logger: Logger,
  ) {
    this.heartbeat = setInterval(() => this.write(HEARTBEAT), HEARTBEAT_MS);
    raw.on('close', () => this.end());
  }

  start(listener: DayLogListener, operationId: string, backlog: LogEntryView[]): void {
    this.unsubscribe = listener.subscribe(operationId, this);
    // A client gone before the stream started never closes it again.
    if (this.raw.destroyed) return this.end();
    this.write(RETRY);
    this.send(backlog);
    // An entry recorded between reading the backlog and subscribing woke no one: read once more.
    this.wake();
  }

  /**
   * Reads what was recorded after the last entry sent, one read at a time: a wake during a read reads again after it,
   * so the database, not the order notices arrive in, decides what is sent (no gap, no entry twice).
   */
  wake(): void {
    if (this.ended) return;
    if (this.reading) {
      this.behind = true;
      return;
    }
    this.reading = this.catchUp()
      .catch((error: Error) => {
        this.logger.warn({ msg: 'a day log stream could not read; its client resumes from its last entry', error: error.message });
        this.end();
      })
      .finally(() => {
        this.reading = undefined;
        // A wake between the last read and here would otherwise be lost.
        if (this.behind) this.wake();
      });
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.heartbeat);
    this.unsubscribe();
    if (!this.raw.writableEnded) this.raw.end();
  }

  private async catchUp(): Promise<void> {
    do {
      this.behind = false;
      this.send(await this.read(this.lastId));
    } while (this.behind && !this.ended);
  }

  private send(entries: LogEntryView[]): void {
    for (const entry of entries) {
      if (this.ended) return;
      this.write(entryEvent(entry));
      this.lastId = entry.id;
    }
  }

  private write(text: string): void {
    if (this.ended) return;
    this.raw.write(text);
    if (this.raw.writableLength > MOST_UNREAD_BYTES) this.end();
  }
}

/**
 * Who a reader is to the log's visibility (src/operations/visibility.sql.ts): their agency, its kind and their
 * roles, and for a CPS liaison themself (an engaged liaison sees more than another). Two readers of the same key
 * see exactly the same entries.
 */
function readerKey(viewer: AuthUser): string {
  return [viewer.agencyId, viewer.agencyKind, [...viewer.roles].sort().join(','), hasRole(viewer, 'CPS_LIAISON') ? viewer.id : ''].join(
    '|',
  );
}

/**
 * The day's log as server-sent events (issue 29): every entry after the resume point, then each entry as it is
 * recorded on any instance, each read with the viewer's own need-to-know, never another reader's.
 */
@Injectable()
export class DayLogStream {
  private readonly logger = new Logger('DayLog');
  /** Reads under way, by plan, reader and resume point: the streams woken by one entry that would read the same share one read. */
  private readonly reads = new Map<string, Promise<LogEntryView[]>>();

  constructor(
    private readonly log: DayLogService,
    private readonly listener: DayLogListener,
  ) {}

  /** Refuses (404) a plan the viewer may not see before anything is sent; then holds the response open until the client leaves. */
  async open(viewer: AuthUser, operationId: string, after: string | undefined, reply: FastifyReply): Promise<void> {
    const { entries } = await this.log.list(viewer, operationId, after);
    reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-store')
      // Nginx and its kind pass each event on at once instead of buffering the response.
      .header('x-accel-buffering', 'no')
      .hijack();
    // Written past Fastify, with the headers the app's hooks set (request id, security headers) and these.
    reply.raw.writeHead(200, reply.getHeaders() as OutgoingHttpHeaders);
    // The stream is quiet between entries and heartbeats: the server's idle timeout for sockets does not apply to it.
    reply.raw.socket?.setTimeout(0);
    const stream = new OpenStream(reply.raw, (afterId) => this.shared(viewer, operationId, afterId), after, this.logger);
    stream.start(this.listener, operationId, entries);
  }

  /** The entries after `afterId` as the viewer may see them, read once for every stream asking the same at the same time. */
  private shared(viewer: AuthUser, operationId: string, afterId: string | undefined): Promise<LogEntryView[]> {
    const key = [operationId, afterId ?? '', readerKey(viewer)].join('|');
    let read = this.reads.get(key);
    if (!read) {
      read = this.log.entries(viewer, operationId, afterId).finally(() => this.reads.delete(key));
      this.reads.set(key, read);
    }
    return read;
  }
}
