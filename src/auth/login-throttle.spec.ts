import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let now: number;
  const throttle = () => new LoginThrottle(3, 5, 60_000, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows attempts until an account reaches its failure limit', () => {
    const limiter = throttle();
    limiter.recordFailure('a@x', 'ip1');
    limiter.recordFailure('a@x', 'ip1');
    expect(limiter.retryAfterMs('a@x', 'ip1')).toBe(0);
    limiter.recordFailure('a@x', 'ip1');
    expect(limiter.retryAfterMs('a@x', 'ip2')).toBe(60_000);
    expect(limiter.retryAfterMs('b@x', 'ip2')).toBe(0);
  });

  it('lets failures age out of the window', () => {
    const limiter = throttle();
    for (let i = 0; i < 3; i++) limiter.recordFailure('a@x', 'ip1');
    now += 30_000;
    expect(limiter.retryAfterMs('a@x', 'ip1')).toBe(30_000);
    now += 30_001;
    expect(limiter.retryAfterMs('a@x', 'ip1')).toBe(0);
  });

  it('limits one address across many accounts', () => {
    const limiter = throttle();
    for (let i = 0; i < 5; i++) limiter.recordFailure(`user${i}@x`, 'ip1');
    expect(limiter.retryAfterMs('fresh@x', 'ip1')).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('fresh@x', 'ip2')).toBe(0);
  });

  it("clears an account's failures on success, but not its address's", () => {
    const limiter = new LoginThrottle(2, 3, 60_000, () => now);
    limiter.recordFailure('a@x', 'ip1');
    limiter.recordFailure('b@x', 'ip1');
    limiter.recordSuccess('a@x');
    limiter.recordFailure('a@x', 'ip1');
    expect(limiter.retryAfterMs('a@x', 'ip9')).toBe(0);
    expect(limiter.retryAfterMs('c@x', 'ip1')).toBeGreaterThan(0);
  });
});
