/**
 * R8's table of moves lives in src/common/lifecycle.ts, below both the plan view (which offers the
 * moves a reader may make) and the workflow (which makes them).
 */
export { nextStatus } from '../common/lifecycle';
