import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEVICE_TRUST_DAYS, deviceCookieValue, deviceTokenHash, deviceTokens, newDeviceToken } from './device-cookie';
import { TrustedDeviceRepository } from './trusted-device.repository';

/**
 * Browsers trusted for an account because they signed in to it (OWASP's device cookies), so that
 * sign-in throttling can tell a colleague's own browser from a guesser. The cookie holds random
 * 256-bit tokens and Postgres their SHA-256, rather than an HMAC-signed value: every instance
 * recognises them with no secret to share, and a password, role or agency change, or disabling
 * the user, ends them.
 */
@Injectable()
export class TrustedDevices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly devices: TrustedDeviceRepository,
  ) {}

  /** The id of the device this browser's cookie proves trusted for the account with this email; a token for another account is ignored. */
  async recognise(cookie: string | undefined, email: string): Promise<string | undefined> {
    const tokens = deviceTokens(cookie);
    if (tokens.length === 0) return undefined;
    return (await this.devices.forAccount(this.dataSource.manager, tokens.map(deviceTokenHash), email))?.id;
  }

  /**
   * After a sign-in to the account with this email, the device cookie's new value. The browser's
   * token for that account is replaced by a new one (so a copied cookie stops working when its
   * owner next signs in); its tokens for other accounts stay while they are trusted.
   */
  async trust(cookie: string | undefined, email: string): Promise<string> {
    const held = deviceTokens(cookie);
    const token = newDeviceToken();
    const manager = this.dataSource.manager;
    await this.devices.replace(manager, email, held.map(deviceTokenHash), deviceTokenHash(token), DEVICE_TRUST_DAYS);
    const trusted = await this.devices.stillTrusted(manager, held.map(deviceTokenHash));
    return deviceCookieValue(
      token,
      held.filter((other) => trusted.some((hash) => hash.equals(deviceTokenHash(other)))),
    );
  }
}
