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

  /** A token for the user as they stand: `generation` is their token generation now. */
  issue(userId: string, generation: number): Promise<string> {
    return this.jwt.signAsync(
      { sub: userId, gen: generation },
      { algorithm: ALGORITHM, issuer: ISSUER, audience: AUDIENCE, expiresIn: this.config.JWT_TTL_SECONDS },
    );
  }

  /**
   * Whom the token was issued to, and at which token generation; undefined for any token that
   * is not ours, whole and current. A token must say when it was issued and when it expires.
   */
  async verify(token: string): Promise<{ userId: string; generation: number } | undefined> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown; gen?: unknown; iat?: unknown; exp?: unknown }>(token, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      const { sub, gen, iat, exp } = payload;
      if (typeof sub !== 'string' || !Number.isInteger(gen) || typeof iat !== 'number' || typeof exp !== 'number') return undefined;
      return { userId: sub, generation: gen as number };
    } catch {
      return undefined;
    }
  }
}
