import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { counted } from '../common/labels';
import { hashPassword, verifyPassword } from '../common/password-hashing';
import { passwordProblems } from '../common/password-policy';
import { FieldProblem, validationError } from '../common/validation';
import { Limit, RateLimits } from '../database/rate-limits';
import { inTransaction } from '../database/transaction';
import { UsersService } from '../reference-data/users.service';
import { AccountRepository } from './account.repository';
import { LoginResult } from './dto/login.dto';
import { ChangePasswordDto } from './dto/password.dto';
import { SessionsService } from './sessions.service';
import { TokenService } from './token.service';

/** Wrong current passwords allowed per account in 15 minutes: a stolen session cannot guess its way to the password. */
const WRONG_CURRENT_PASSWORDS = 5;
const WINDOW_MS = 15 * 60 * 1000;

/** What is wrong with the new password: the rules an admin's are held to, and it must be new. */
function newPasswordProblems(input: ChangePasswordDto, email: string): FieldProblem[] {
  const problems =
    input.newPassword === input.currentPassword
      ? ['Choose a new password that is different from your current one']
      : passwordProblems(input.newPassword, email);
  return problems.length ? [{ field: 'newPassword', problems }] : [];
}

/**
 * "Your account" (issue 25): a user changes their own password, proving the current one. The
 * change moves the user's token generation on in the same transaction, which ends every session,
 * bearer token and calendar feed they hold; the caller carries on with a new token (the API) or a
 * new session (the browser). It also ends the need to replace a one-time password an admin issued.
 */
@Injectable()
export class AccountService {
  private readonly logger = new Logger('Account');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rateLimits: RateLimits,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly accounts: AccountRepository,
  ) {}

  /** POST /auth/password: the change, and a token for the caller at their new generation, as sign-in gives. */
  async changePassword(caller: AuthUser, input: ChangePasswordDto): Promise<LoginResult> {
    const generation = await this.change(caller, input, async (_manager, next) => next);
    return {
      accessToken: await this.tokens.issue(caller.id, generation),
      tokenType: 'Bearer',
      expiresIn: this.tokens.ttlSeconds,
      user: await this.users.view(caller.id),
    };
  }

  /** The account page: the change, and the id of the browser's new session, its user's only one. */
  changePasswordInBrowser(caller: AuthUser, input: ChangePasswordDto): Promise<string> {
    return this.change(caller, input, (manager, generation) => this.sessions.startOnly(manager, caller.id, generation));
  }

  /** The change, then `carryOn` in its transaction with the user's new token generation. */
  private async change<T>(
    caller: AuthUser,
    input: ChangePasswordDto,
    carryOn: (manager: EntityManager, generation: number) => Promise<T>,
  ): Promise<T> {
    const problems = newPasswordProblems(input, caller.email);
    const current = await this.verifiedCurrentHash(caller, input.currentPassword, problems);
    if (problems.length) throw validationError(problems);
    const newHash = await hashPassword(input.newPassword);
    const result = await inTransaction(this.dataSource, async (manager) => {
      const generation = await this.accounts.replacePassword(manager, caller.id, current, newHash);
      if (generation === undefined) {
        throw new DomainError(
          'CONFLICT',
          'Your password was changed somewhere else at the same moment: sign in again with the newest password',
        );
      }
      await this.audit.appendReference(manager, {
        entity: 'user',
        entityId: caller.id,
        action: 'user.password_changed',
        actor: caller,
        before: null,
        after: { email: caller.email, endedSessionsTokensAndCalendarFeed: true },
      });
      return carryOn(manager, generation);
    });
    this.logger.log({ msg: 'password changed', userId: caller.id });
    return result;
  }

  /**
   * The hash of the caller's password, once they have shown they know it. Each try counts as a
   * wrong one before it is checked (a right one then clears the count), so parallel guesses get no
   * more tries than the limit. A wrong one is refused with the problems of the new one too.
   */
  private async verifiedCurrentHash(caller: AuthUser, currentPassword: string, problems: FieldProblem[]): Promise<string> {
    const limit: Limit = { key: `password-change-failures:user:${caller.id}`, max: WRONG_CURRENT_PASSWORDS, windowMs: WINDOW_MS };
    const verdict = await this.rateLimits.take([limit]);
    if (!verdict.allowed) {
      this.logger.warn({ msg: 'password change throttled', userId: caller.id });
      const minutes = counted(Math.max(1, Math.ceil(verdict.retryAfterMs / 60000)), 'minute');
      throw new DomainError('RATE_LIMITED', `Your current password was entered wrongly too many times; try again in ${minutes}`, {
        retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000),
      });
    }
    const hash = await this.accounts.passwordHash(this.dataSource.manager, caller.id);
    if (!hash || !(await verifyPassword(hash, currentPassword))) {
      this.logger.warn({ msg: 'password change refused: wrong current password', userId: caller.id });
      throw validationError([
        { field: 'currentPassword', problems: ['Your current password is not right: enter the password you signed in with'] },
        ...problems,
      ]);
    }
    await this.rateLimits.reset(limit.key);
    return hash;
  }
}
