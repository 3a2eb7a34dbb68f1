import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LoginDto } from './dto/login.dto';
import { AuthService } from './auth.service';
import { SessionRepository, SessionRow } from './session.repository';
import { SESSION_IDLE_SECONDS, SESSION_MAX_AGE_SECONDS } from '../common/domain';

/** last_seen_at is written at most once a minute: a page view is a read, not a write, and the idle clock keeps a minute's precision. */
const TOUCH_AFTER_SECONDS = 60;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export interface Session extends SessionRow {
  idHash: Buffer;
}

/**
 * Browser sessions: a random 256-bit id in the cookie, only its SHA-256 in Postgres, so the table
 * alone cannot sign anyone in. Each carries a CSRF token that every form posts back.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Sessions');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly sessions: SessionRepository,
  ) {}

  /**
   * Checks the credentials as POST /auth/login does, then starts a session: its id goes in the
   * cookie. `passwordChangeRequired`: the user signed in with a one-time password an admin issued.
   */
  async signIn(
    input: LoginDto,
    address: string,
    deviceCookie: string | undefined,
  ): Promise<{ id: string; passwordChangeRequired: boolean }> {
    const user = await this.auth.authenticate(input, address, deviceCookie);
    const manager = this.dataSource.manager;
    await this.sessions.deleteEnded(manager, SESSION_IDLE_SECONDS, SESSION_MAX_AGE_SECONDS);
    const id = await this.start(manager, user.id, user.tokenGeneration);
    return { id, passwordChangeRequired: user.passwordChangeRequired };
  }

  /**
   * In the transaction of a change that moved the user's token generation on: the user's only
   * session from now on, with a new id (every other session ends, a copy of the old cookie too).
   */
  async startOnly(manager: EntityManager, userId: string, generation: number): Promise<string> {
    await this.sessions.deleteAllOf(manager, userId);
    return this.start(manager, userId, generation);
  }

  private async start(manager: EntityManager, userId: string, generation: number): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.sessions.insert(manager, { idHash: hashOf(id), userId, generation, csrfToken: randomBytes(32).toString('base64url') });
    this.logger.log({ msg: 'session started', userId });
    return id;
  }

  /** The live session the cookie names, or undefined: unknown, idle too long, too old, or its user disabled or changed. */
  async find(id: string | undefined): Promise<Session | undefined> {
    if (!id || !SESSION_ID.test(id)) return undefined;
    const idHash = hashOf(id);
    const row = await this.sessions.live(this.dataSource.manager, idHash, SESSION_IDLE_SECONDS, SESSION_MAX_AGE_SECONDS);
    if (!row) return undefined;
    if (row.idleSeconds >= TOUCH_AFTER_SECONDS) await this.sessions.touch(this.dataSource.manager, idHash);
    return { ...row, idHash };
  }

  async signOut(session: Session): Promise<void> {
    await this.sessions.delete(this.dataSource.manager, session.idHash);
    this.logger.log({ msg: 'session ended', userId: session.id });
  }

  /** Whether a posted form carries this session's CSRF token (compared in constant time). */
  static csrfMatches(session: Session, posted: unknown): boolean {
    if (typeof posted !== 'string') return false;
    const expected = Buffer.from(session.csrfToken);
    const given = Buffer.from(posted);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function hashOf(id: string): Buffer {
  return createHash('sha256').update(id).digest();
}
