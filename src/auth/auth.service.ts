import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { counted } from '../common/labels';
import { RateLimits } from '../database/rate-limits';
import { OperatorMetrics } from '../metrics/operator-metrics';
import { assertIssuedPasswordCurrent } from '../reference-data/issued-password';
import { User } from '../reference-data/user.entity';
import { UsersService } from '../reference-data/users.service';
import { AccountRepository } from './account.repository';
import { LoginDto, LoginResult } from './dto/login.dto';
import { decoyHash, verifyPassword } from '../common/password-hashing';
import { signInThrottle } from './sign-in-throttle';
import { TokenService } from './token.service';
import { TrustedDevices } from './trusted-devices.service';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly rateLimits: RateLimits,
    private readonly config: AppConfig,
    private readonly devices: TrustedDevices,
    private readonly metrics: OperatorMetrics,
    private readonly accounts: AccountRepository,
  ) {}

  /**
   * Every sign-in counts, before the password is verified and atomically, as a failure in advance
   * against the limits sign-in-throttle.ts chooses: the browser's own, if its device cookie is for
   * this account, else the account's and the client address's. A success then clears or gives
   * back that failure, so successes never lock anyone out, and no number of parallel guesses
   * gets more tries than the limit (nor does the right password after them).
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

  /**
   * The active user these credentials are for, checked as `login` describes: the API's sign-in and
   * the web's share it. `deviceCookie` is the browser's (the API has none).
   */
  async authenticate(input: LoginDto, address: string, deviceCookie?: string): Promise<User> {
    const device = await this.devices.recognise(deviceCookie, input.email);
    const throttle = signInThrottle(input.email, address, device, {
      perAccount: this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perAddress: this.config.LOGIN_MAX_FAILURES_PER_IP,
    });
    const trustedDevice = device !== undefined;
    const verdict = await this.rateLimits.take(throttle.failures);
    if (!verdict.allowed) {
      this.logger.warn({ msg: 'login throttled', email: input.email, ip: address, trustedDevice });
      this.metrics.loginThrottled();
      throw new DomainError(
        'RATE_LIMITED',
        `Too many sign-in attempts; try again in ${counted(Math.max(1, Math.ceil(verdict.retryAfterMs / 60000)), 'minute')}`,
        {
          retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000),
        },
      );
    }
    const user = await this.accounts.signingIn(this.dataSource.manager, input.email);
    // An unknown email costs a real verification too, so timing does not tell it apart.
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
    if (!user || !user.active || !passwordOk) {
      this.logger.warn({ msg: 'login failed', email: input.email, ip: address, trustedDevice });
      throw new DomainError('UNAUTHENTICATED', 'The email or password is incorrect');
    }
    assertIssuedPasswordCurrent(user);
    // The password is verified: from here on this sign-in is not a failure.
    await Promise.all([
      ...throttle.clear.map((key) => this.rateLimits.reset(key)),
      ...throttle.giveBack.map((key) => this.rateLimits.giveBack(key)),
    ]);
    this.logger.log({ msg: 'login succeeded', userId: user.id, ip: address, trustedDevice });
    return user;
  }
}
