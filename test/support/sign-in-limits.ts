/**
 * Sign-in limits for the tests: every test signs in from 127.0.0.1 into one database, where
 * the counts are kept, so the per-address and per-account limits are lifted unless a test sets them.
 */
export const UNLIMITED_SIGN_IN = {
  LOGIN_MAX_FAILURES_PER_IP: '1000000',
  LOGIN_MAX_ATTEMPTS_PER_IP: '1000000',
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '100000',
};
