import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { counted } from '../common/labels';
import { Limit, RateLimits } from '../database/rate-limits';
import { User } from '../reference-data/user.entity';
import { UsersService } from '../reference-data/users.service';
import { LoginDto, LoginResult } from './dto/login.dto';
import { decoyHash, verifyPassword } from '../common/password-hashing';
import { TokenService } from './token.service';

const WINDOW_MS = 15 * 60 * 1000;

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly rateLimits: RateLimits,
    private readonly config: AppConfig,
  ) {}

  /**
   * Every sign-in is counted before the password is verified, atomically, per account and per
   * client address: as an attempt (successes included) and, in advance, as a failure. A success
   * then clears the account's failures and takes back the address's. So no number of parallel
   * guesses gets more tries than the limit, and the right password after them is refused too.
   */
  async login(input: LoginDto, address: string): Promise<LoginResult> {
    const user = await this.authenticate(input, address);
    return {
      accessToken: await this.tokens.issue(user.id, user.tokenGeneration),
      tokenType: 'Bearer',
      expiresIn: this.tokens.ttlSeconds,
      user: await this.users.view(user.id),
    };
  }

  /** The active user these credentials are for, checked as `login` describes: the API's sign-in and the web's share it. */
  async authenticate(input: LoginDto, address: string): Promise<User> {
    const failures = {
      account: { key: `login-failures:account:${input.email}`, max: this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT, windowMs: WINDOW_MS },
      address: { key: `login-failures:address:${address}`, max: this.config.LOGIN_MAX_FAILURES_PER_IP, windowMs: WINDOW_MS },
    };
    const attempts: Limit[] = [
      { key: `login-attempts:account:${input.email}`, max: this.config.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT, windowMs: WINDOW_MS },
      { key: `login-attempts:address:${address}`, max: this.config.LOGIN_MAX_ATTEMPTS_PER_IP, windowMs: WINDOW_MS },
    ];
    const verdict = await this.rateLimits.take([failures.account, failures.address, ...attempts]);
    if (!verdict.allowed) {
      this.logger.warn({ msg: 'login throttled', email: input.email, ip: address });
      throw new DomainError('RATE_LIMITED', `Too many sign-in attempts; try again in ${counted(Math.max(1, Math.ceil(verdict.retryAfterMs / 60000)), 'minute')}`, {
        retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000),
      });
    }
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email', { email: input.email })
      .getOne();
    // An unknown email costs a real verification too, so timing does not tell it apart.
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
    if (!user || !user.active || !passwordOk) {
      this.logger.warn({ msg: 'login failed', email: input.email, ip: address });
      throw new DomainError('UNAUTHENTICATED', 'The email or password is incorrect');
    }
    await Promise.all([this.rateLimits.reset(failures.account.key), this.rateLimits.giveBack(failures.address.key)]);
    this.logger.log({ msg: 'login succeeded', userId: user.id, ip: address });
    return user;
  }
}
