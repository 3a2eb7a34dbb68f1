/**
 * Counts failed logins per account and per client address in a sliding window.
 * Once either reaches its limit, further attempts are refused until old failures
 * age out; a success clears the account's count (not the address's).
 */
export class LoginThrottle {
  private readonly failuresByAccount = new Map<string, number[]>();
  private readonly failuresByAddress = new Map<string, number[]>();

  constructor(
    private readonly maxPerAccount: number,
    private readonly maxPerAddress: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until an attempt is allowed again, or 0 when it is allowed now. */
  retryAfterMs(account: string, address: string): number {
    return Math.max(
      this.wait(this.failuresByAccount, account, this.maxPerAccount),
      this.wait(this.failuresByAddress, address, this.maxPerAddress),
    );
  }

  recordFailure(account: string, address: string): void {
    const at = this.now();
    this.push(this.failuresByAccount, account, at);
    this.push(this.failuresByAddress, address, at);
  }

  recordSuccess(account: string): void {
    this.failuresByAccount.delete(account);
  }

  private wait(failures: Map<string, number[]>, key: string, limit: number): number {
    const recent = this.recent(failures, key);
    if (recent.length < limit) return 0;
    return recent[recent.length - limit] + this.windowMs - this.now();
  }

  private push(failures: Map<string, number[]>, key: string, at: number): void {
    const recent = this.recent(failures, key);
    recent.push(at);
    failures.set(key, recent);
  }

  private recent(failures: Map<string, number[]>, key: string): number[] {
    const since = this.now() - this.windowMs;
    const recent = (failures.get(key) ?? []).filter((at) => at > since);
    if (recent.length === 0) failures.delete(key);
    else failures.set(key, recent);
    return recent;
  }
}
