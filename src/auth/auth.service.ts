import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { User } from '../reference-data/user.entity';
import { UsersService } from '../reference-data/users.service';
import { LoginDto, LoginResult } from './dto/login.dto';
import { LoginThrottle } from './login-throttle';
import { decoyHash, verifyPassword } from './password';
import { TokenService } from './token.service';

const FAILURE_WINDOW_MS = 15 * 60 * 1000;

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  private readonly throttle: LoginThrottle;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    config: AppConfig,
  ) {
    this.throttle = new LoginThrottle(config.LOGIN_MAX_FAILURES_PER_ACCOUNT, config.LOGIN_MAX_FAILURES_PER_IP, FAILURE_WINDOW_MS);
  }

  async login(input: LoginDto, address: string): Promise<LoginResult> {
    const waitMs = this.throttle.retryAfterMs(input.email, address);
    if (waitMs > 0) {
      this.logger.warn({ msg: 'login throttled', email: input.email, ip: address });
      throw new DomainError('RATE_LIMITED', `Too many failed sign-in attempts; try again in ${Math.ceil(waitMs / 60000)} minute(s)`, {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
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
      this.throttle.recordFailure(input.email, address);
      this.logger.warn({ msg: 'login failed', email: input.email, ip: address });
      throw new DomainError('UNAUTHENTICATED', 'The email or password is incorrect');
    }
    this.throttle.recordSuccess(input.email);
    this.logger.log({ msg: 'login succeeded', userId: user.id, ip: address });
    return {
      accessToken: await this.tokens.issue(user.id),
      tokenType: 'Bearer',
      expiresIn: this.tokens.ttlSeconds,
      user: await this.users.view(user.id),
    };
  }
}
