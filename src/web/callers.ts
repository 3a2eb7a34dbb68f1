import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE, readCookie } from '../auth/cookies';

/** A browser signed in to the web UI (or asking for a page), as opposed to an API client with a bearer token. */
export type Caller = 'browser' | 'client';

/**
 * Who is asking, for the few addresses that are both a page and an API route (the dashboard: the
 * page at /dashboard, its numbers as JSON at GET /dashboard): a request with no bearer token that
 * carries the session cookie or asks for HTML is a browser's.
 */
export function callerOf(headers: IncomingHttpHeaders): Caller {
  if (headers.authorization) return 'client';
  const accept = headers.accept ?? '';
  return readCookie(headers.cookie, SESSION_COOKIE) !== undefined || accept.includes('text/html') ? 'browser' : 'client';
}

/**
 * A Fastify route constraint on the caller: the page's route is constrained to `{ caller: 'browser' }`
 * (`@RouteConstraints(BROWSER)`), the API's is not, so each request reaches one of them and each
 * keeps its own authentication (session cookie and CSRF, or bearer token). Registered before the
 * routes are.
 */
export function registerCallerConstraint(fastify: FastifyInstance): void {
  if (fastify.hasConstraintStrategy('caller')) return;
  type Strategy = Parameters<FastifyInstance['addConstraintStrategy']>[0];
  type Handler = ReturnType<ReturnType<Strategy['storage']>['get']>;
  fastify.addConstraintStrategy({
    name: 'caller',
    storage() {
      const handlers = new Map<unknown, Handler>();
      return {
        get: (value: unknown) => handlers.get(value) ?? null,
        set: (value: unknown, handler: Handler) => void handlers.set(value, handler),
      };
    },
    deriveConstraint: (request: { headers: IncomingHttpHeaders }) => callerOf(request.headers),
    mustMatchWhenDerived: false,
  });
}

export const BROWSER = { caller: 'browser' as Caller };
