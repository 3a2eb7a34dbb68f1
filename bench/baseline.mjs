// The lower bound for GET /operations/:id: no framework, no token check, the same statements as
// the app, built by the app's own repositories (dist/, built by `npm run bench`) and sent the same
// way, as named prepared statements, over a pool of the same size; the rows are turned into the
// same view, holding to the same sections (R14a). The caller is BASELINE_USER_ID, or the user
// `?as=` names, loaded on every request as the app does.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const { CallerRepository } = require('../dist/auth/caller.repository.js');
const { PlanReadRepository } = require('../dist/operations/plan-read.repository.js');
const { toOperationView } = require('../dist/operations/plan-views.js');

const callers = new CallerRepository();
const plans = new PlanReadRepository();
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c DateStyle=ISO,MDY -c TimeZone=UTC' });
const userId = process.env.BASELINE_USER_ID;

/**
 * What the app's query helpers (src/database/query.ts) use of TypeORM's EntityManager, on the pool: text and its
 * values, and for a named statement a query runner lending a pool client (as TypeORM's does), with nothing logged.
 */
const manager = {
  query: (text, values) => pool.query(text, values).then((result) => result.rows),
  connection: {
    logger: { logQuery() {}, logQueryError() {} },
    createQueryRunner() {
      let client;
      return {
        isReleased: false,
        connect: async () => (client = await pool.connect()),
        async release() {
          this.isReleased = true;
          client?.release();
        },
      };
    },
  },
};

async function operation(id, readerId) {
  const user = await callers.find(manager, readerId, 1);
  if (!user) return undefined;
  const row = await plans.plan(manager, user, id);
  if (!row) return undefined;
  const [deployments, evidence] = await Promise.all([
    plans.deployments(manager, user, { operationId: id }),
    plans.evidence(manager, user, { operationId: id }),
  ]);
  return toOperationView(user, row, { deployments, evidence });
}

function send(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

const server = createServer((request, response) => {
  const match = /^\/operations\/([0-9a-f-]{36})(?:\?as=([0-9a-f-]{36}))?$/.exec(request.url ?? '');
  if (request.method === 'GET' && request.url === '/health') return send(response, 200, { status: 'ok' });
  if (request.method !== 'GET' || !match) return send(response, 404, { code: 'NOT_FOUND' });
  operation(match[1], match[2] ?? userId).then(
    (body) => (body ? send(response, 200, body) : send(response, 404, { code: 'NOT_FOUND' })),
    (error) => send(response, 500, { code: 'INTERNAL', message: error.message }),
  );
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => pool.end()));
