import { Limit } from '../database/rate-limits';

const WINDOW_MS = 15 * 60 * 1000;

export interface SignInLimits {
  /** Failures in 15 minutes for one account from untrusted browsers, and for one trusted browser. */
  perAccount: number;
  /** Failures in 15 minutes from one client address, across accounts, from untrusted browsers. */
  perAddress: number;
}

/** What a sign-in counts, in advance, as a failure; and what a success then clears or gives back. */
export interface SignInThrottle {
  failures: Limit[];
  clear: string[];
  giveBack: string[];
}

/**
 * OWASP's device cookies. A browser trusted for this account (`device`, from its device cookie)
 * has failures counted against it alone, so it is never refused for failures made elsewhere:
 * not an attacker guessing the account's password, nor one guessing others' from the same
 * office address. Any other attempt (every API sign-in) is counted per account and per client
 * address across accounts (credential stuffing). Success counts towards nothing: it clears the
 * failures of the account or device, and gives back the one counted in advance for the address.
 */
export function signInThrottle(email: string, address: string, device: string | undefined, limits: SignInLimits): SignInThrottle {
  if (device !== undefined) {
    const key = `login-failures:device:${device}`;
    return { failures: [{ key, max: limits.perAccount, windowMs: WINDOW_MS }], clear: [key], giveBack: [] };
  }
  const account = `login-failures:account:${email}`;
  const fromAddress = `login-failures:address:${address}`;
  return {
    failures: [
      { key: account, max: limits.perAccount, windowMs: WINDOW_MS },
      { key: fromAddress, max: limits.perAddress, windowMs: WINDOW_MS },
    ],
    clear: [account],
    giveBack: [fromAddress],
  };
}
