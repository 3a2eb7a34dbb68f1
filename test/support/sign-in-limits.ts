/**
 * Sign-in limits for the tests: every test signs in from 127.0.0.1 into one database, where
 * the counts are kept, so the per-address limit is lifted unless a test sets it. Each test's
 * accounts are its own, so the per-account limit stays as configured.
 */
export const UNLIMITED_SIGN_IN = {
  LOGIN_MAX_FAILURES_PER_IP: '1000000',
};
