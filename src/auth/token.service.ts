import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';

const ISSUER = 'day-of-action-planner';
const AUDIENCE = 'day-of-action-planner-api';
const ALGORITHM = 'HS256';

/** Access tokens: HS256 only, with issuer, audience and a short expiry, all checked on the way in. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.JWT_TTL_SECONDS;
  }

  issue(userId: string): Promise<string> {
    return this.jwt.signAsync(
      { sub: userId },
      { algorithm: ALGORITHM, issuer: ISSUER, audience: AUDIENCE, expiresIn: this.config.JWT_TTL_SECONDS },
    );
  }

  /** The user id the token was issued to, or undefined for any token that is not ours, whole and current. */
  async verify(token: string): Promise<string | undefined> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown }>(token, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      return typeof payload.sub === 'string' ? payload.sub : undefined;
    } catch {
      return undefined;
    }
  }
}
