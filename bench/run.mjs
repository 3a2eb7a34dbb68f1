// `npm run bench`: a fresh embedded Postgres, the demo data grown to 1k then 100k operations, the app
// and a framework-free baseline under autocannon; the report goes to stdout and bench/results.md.
// `npm run bench -- documents` runs only the documents scenario (at 1k) and writes bench/results-documents.md;
// `npm run bench -- day-log` the live day's log alone (bench/results-day-log.md).
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, constants, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';
import autocannon from 'autocannon';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../dist/config/app-config.js';
import { dataSourceOptions } from '../dist/database/data-source.js';
import { EmbeddedDatabase } from '../dist/database/embedded.js';
import { migrate } from '../dist/database/migrate.js';
import { DemoSeedRepository } from '../dist/reference-data/demo-seed.repository.js';
import { DemoSeeder } from '../dist/reference-data/demo-seeder.js';
import { countRows, growDataset, prepareDataset } from './dataset.mjs';
import { dayLogSection, measureDayLog } from './day-log.mjs';
import { documentsSection, LOCATIONS, measureDocuments } from './documents.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SMALL = 1_000;
const FULL = 100_000;
const DEMO_PASSWORD = 'bench-demo-password-1';
const CONNECTIONS = 32;
const WARMUP_SECONDS = 3;
const DURATION_SECONDS = 10;
const P99_TARGET_MS = 50;
const BASELINE_SHARE_TARGET = 0.6;
/** The HTML plan page (plan, readiness and the page drawn) against the JSON plan, in the same run. */
const HTML_SHARE_TARGET = 0.5;
const SCALING_TOLERANCE = 1.25;
/** The dashboard's periods, in months, measured as a manager of MPS (who sees about 60% of the plans) at 100k. */
const DASHBOARD_MONTHS = [3, 12, 24];
/** A dashboard is a manager's page, opened now and then: measured at a few connections, not CONNECTIONS (each request reads a period's plans). */
const DASHBOARD_CONNECTIONS = 4;
/** Requests counted, one after another, to read the SQL statements one dashboard request makes from Postgres' own statistics. */
const STATEMENT_SAMPLE = 40;
const [SMALL_LABEL, FULL_LABEL] = [SMALL, FULL].map((count) => `${count / 1000}k`);
/** The scenarios `npm run bench -- <name>` can run alone. */
const SCENARIOS = ['documents', 'day-log'];
const only = process.argv[2];

// EmbeddedDatabase relays Postgres' ERROR lines as warnings, and the conflict target makes one per request.
Logger.overrideLogger(['error']);

// Undone last-in first-out, whatever way the run ends.
const cleanups = [];
let cleaning;
function cleanUp() {
  cleaning ??= (async () => {
    while (cleanups.length)
      await cleanups
        .pop()()
        .catch((error) => console.error('cleanup:', error.message));
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.error(`\n${signal}: stopping`);
    await cleanUp();
    process.exit(128 + constants.signals[signal]);
  });
}

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  if (await Promise.race([exited.then(() => true), sleep(10_000, false)])) return;
  child.kill('SIGKILL');
  await exited;
}

async function startServer(name, args, env, healthUrl) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  cleanups.push(() => stopChild(child));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting`);
    const status = await fetch(healthUrl).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return child;
    await sleep(200);
  }
  throw new Error(`${name} did not answer ${healthUrl} within 60 s`);
}

async function statusKiB(pid, field) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
}

/** The postmaster (its command line names the data directory) and its children. */
async function postgresPids(dataDir) {
  const processes = await Promise.all(
    (await readdir('/proc'))
      .filter((entry) => /^\d+$/.test(entry))
      .map(async (pid) => {
        const [cmdline, stat] = await Promise.all([
          readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => ''),
          readFile(`/proc/${pid}/stat`, 'utf8').catch(() => ''),
        ]);
        return { pid, cmdline, ppid: stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] };
      }),
  );
  const postmaster = processes.find((p) => p.cmdline.includes(dataDir) && p.cmdline.includes('postgres'));
  return postmaster ? processes.filter((p) => p === postmaster || p.ppid === postmaster.pid).map((p) => p.pid) : [];
}

async function postgresMemory(dataDir) {
  const pids = await postgresPids(dataDir);
  const sizes = await Promise.all(
    pids.map(async (pid) => ({
      rss: await statusKiB(pid, 'VmRSS'),
      pss: Number(/^Pss:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => ''))?.[1] ?? 0),
    })),
  );
  return {
    count: pids.length,
    rssKiB: sizes.reduce((sum, size) => sum + size.rss, 0),
    pssKiB: sizes.reduce((sum, size) => sum + size.pss, 0),
  };
}

/** User + system CPU time in ms from a /proc stat file, of a process or one of its threads (Linux counts it in ticks of 1/100 s). */
async function statCpuMs(path) {
  const stat = await readFile(path, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
}

/** User + system CPU time of each process, in ms. */
async function cpuMs(pids) {
  return new Map(await Promise.all(pids.map(async (pid) => [pid, await statCpuMs(`/proc/${pid}/stat`)])));
}

/** CPU the processes used since `before`; Postgres starts and ends backends as the pools grow and shrink. */
function cpuSince(before, after) {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** The app's CPU (all its threads, and its main thread alone) and Postgres', read before and after a measurement. */
function cpuMeter(pid, dataDir) {
  return {
    read: async () => ({
      app: await statCpuMs(`/proc/${pid}/stat`),
      main: await statCpuMs(`/proc/${pid}/task/${pid}/stat`),
      postgres: await cpuMs(await postgresPids(dataDir)),
    }),
    since: (before, after) => ({
      app: after.app - before.app,
      main: after.main - before.main,
      postgres: cpuSince(before.postgres, after.postgres),
    }),
  };
}

/** Samples a server's RSS (and Postgres') while a target runs. */
function sampleMemory(pid, dataDir, peaks) {
  let serverKiB = 0;
  const tick = async () => {
    serverKiB = Math.max(serverKiB, await statusKiB(pid, 'VmRSS'));
    const postgres = await postgresMemory(dataDir);
    if (postgres.pssKiB > peaks.postgres.pssKiB) peaks.postgres = postgres;
  };
  const timer = setInterval(tick, 500);
  return async () => {
    clearInterval(timer);
    await tick();
    return serverKiB;
  };
}

const mib = (kib) => Math.round(kib / 1024);

/**
 * One target: a warm-up, then DURATION_SECONDS at CONNECTIONS. `expected(status, body)` marks
 * non-2xx answers that are the point of the target rather than errors.
 */
async function measure(target, { pid, dataDir, peaks }) {
  const options = {
    url: target.url,
    connections: target.connections ?? CONNECTIONS,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body,
  };
  await autocannon({ ...options, duration: WARMUP_SECONDS });
  let expected = 0;
  const requests = target.expected ? [{ onResponse: (status, body) => (expected += target.expected(status, body) ? 1 : 0) }] : undefined;
  const cpu = async () => [await cpuMs([String(pid)]), await cpuMs(await postgresPids(dataDir))];
  const cpuBefore = await cpu();
  const stopSampling = sampleMemory(pid, dataDir, peaks);
  const result = await autocannon({ ...options, duration: DURATION_SECONDS, requests });
  const rssKiB = await stopSampling();
  const [serverCpu, postgresCpu] = (await cpu()).map((after, i) => cpuSince(cpuBefore[i], after) / result.requests.total);
  const statuses = Object.entries(result.statusCodeStats)
    .map(([code, { count }]) => `${code}×${count}`)
    .join(' ');
  return {
    name: target.name,
    dataset: target.dataset,
    group: target.group,
    months: target.months,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx - expected,
    statuses,
    rssKiB,
    serverCpu,
    postgresCpu,
  };
}

/**
 * An MPS-owned DRAFT plan with two locations, an engaged CPS liaison and a confirmed HMRC team (the
 * partner who reads it), and a partner team already booked in its window.
 */
async function pickPlan(client, except = '00000000-0000-4000-8000-000000000000') {
  const { rows } = await client.query(
    `SELECT o.id, o.reference, d.team_id AS "teamId", t.name AS "teamName"
       FROM operations o
       JOIN agencies mps ON mps.id = o.created_by_agency_id AND mps.code = 'MPS'
       JOIN deployments d ON d.operation_id <> o.id AND d.status = 'CONFIRMED'
        AND tstzrange(d.starts_at, d.ends_at, '[)') && tstzrange(o.starts_at, o.ends_at, '[)')
       JOIN agencies ta ON ta.id = d.team_agency_id AND ta.code IN ('HMRC', 'NCA')
       JOIN teams t ON t.id = d.team_id
      WHERE o.lead_agency_id = mps.id AND o.status = 'DRAFT' AND o.id <> $1
        AND EXISTS (SELECT 1 FROM operation_locations l WHERE l.operation_id = o.id AND l.position = 2)
        AND EXISTS (SELECT 1 FROM cps_involvements c WHERE c.operation_id = o.id AND c.status = 'ENGAGED')
        AND EXISTS (SELECT 1 FROM deployments pd JOIN agencies pa ON pa.id = pd.team_agency_id AND pa.code = 'HMRC'
                     WHERE pd.operation_id = o.id AND pd.status = 'CONFIRMED')
      ORDER BY o.created_at DESC
      LIMIT 1`,
    [except],
  );
  if (!rows.length) throw new Error('no MPS DRAFT operation with an overlapping partner deployment in the data set');
  return rows[0];
}

async function getJson(url, headers) {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The app's targets for one data set; the GET and readiness targets only when `all`. */
async function appTargets({ appUrl, baselineUrl, client, token, cookie, partner, dataset, all }) {
  const headers = { authorization: `Bearer ${token}` };
  const plan = await pickPlan(client);
  const operationUrl = `${appUrl}/operations/${plan.id}`;
  const { version } = await getJson(operationUrl, headers);
  const targets = [];
  if (all) {
    targets.push({ name: 'GET /operations/:id', server: 'app', url: operationUrl, headers });
    targets.push({ name: 'GET /operations/:id (baseline)', server: 'baseline', url: `${baselineUrl}/operations/${plan.id}` });
    // A partner reads the same plan through the sections it sees (R14a): HMRC, with a team on it.
    targets.push({
      name: 'GET /operations/:id as a partner',
      server: 'app',
      url: operationUrl,
      headers: { authorization: `Bearer ${partner.token}` },
    });
    targets.push({
      name: 'GET /operations/:id as a partner (baseline)',
      server: 'baseline',
      url: `${baselineUrl}/operations/${plan.id}?as=${partner.id}`,
    });
    targets.push({ name: 'GET /plans/:reference (HTML)', server: 'app', url: `${appUrl}/plans/${plan.reference}`, headers: { cookie } });
  }
  targets.push({ name: 'GET /operations?limit=50', server: 'app', url: `${appUrl}/operations?limit=50`, headers });
  if (all) {
    const readinessUrl = `${operationUrl}/readiness`;
    const probe = await fetch(readinessUrl, { headers });
    await probe.body?.cancel();
    targets.push(
      probe.status === 404
        ? { name: 'GET /operations/:id/readiness', unavailable: true }
        : { name: 'GET /operations/:id/readiness', server: 'app', url: readinessUrl, headers },
    );
  }
  targets.push({
    name: 'POST /operations/:id/deployments (409)',
    server: 'app',
    url: `${operationUrl}/deployments`,
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ teamId: plan.teamId, headcount: 1, version }),
    expected: (status, body) => status === 409 && body.includes('"TEAM_DOUBLE_BOOKED"'),
  });
  for (const target of targets) target.dataset = dataset;
  return { plan, targets };
}

const SUBJECT_ADDS = 200;

/**
 * Adding a subject, one request after another against the plan's version (R10), each a new phone
 * number: its cost is the keyed hash, one index probe per key for other plans holding it, and the
 * writes. Answers latencies in ms and the plan the match query is explained on.
 */
async function measureSubjectAdds({ appUrl, token, plan, dataset }) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let { version } = await getJson(`${appUrl}/operations/${plan.id}`, headers);
  const latencies = [];
  for (let i = 0; i < SUBJECT_ADDS; i++) {
    const started = performance.now();
    const response = await fetch(`${appUrl}/operations/${plan.id}/subjects`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        version,
        kind: 'PHONE',
        phone: `07700 9${String(i + (dataset === SMALL_LABEL ? 0 : 50_000)).padStart(5, '0')}`,
      }),
    });
    const body = await response.json();
    latencies.push(performance.now() - started);
    if (response.status !== 201) throw new Error(`POST subjects: ${response.status} ${JSON.stringify(body)}`);
    version = body.operationVersion;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (share) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
  return { dataset, adds: SUBJECT_ADDS, mean: latencies.reduce((a, b) => a + b, 0) / latencies.length, p50: at(0.5), p99: at(0.99) };
}

/** How Postgres finds the other plans holding a key, at the data set's size. */
async function explainMatch(client) {
  const { rows } = await client.query(
    `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
     SELECT DISTINCT other.id FROM subject_match_keys k JOIN operations other ON other.id = k.operation_id
      WHERE k.match_key = ANY ((SELECT array_agg(match_key) FROM (SELECT match_key FROM subject_match_keys ORDER BY subject_id LIMIT 3) m)::bytea[])
        AND k.operation_id <> '00000000-0000-4000-8000-000000000000' AND other.status NOT IN ('COMPLETED', 'CANCELLED', 'STOOD_DOWN')`,
  );
  return rows.map((row) => row['QUERY PLAN']);
}

/** The dashboard at each period, as JSON, for a manager; its cost should grow no faster than the period. */
function dashboardTargets({ appUrl, token }) {
  return DASHBOARD_MONTHS.map((months) => ({
    name: `GET /dashboard?months=${months}`,
    server: 'app',
    url: `${appUrl}/dashboard?months=${months}`,
    headers: { authorization: `Bearer ${token}` },
    connections: DASHBOARD_CONNECTIONS,
    dataset: FULL_LABEL,
    group: 'dashboard',
    months,
  }));
}

/**
 * SQL statements a request makes, read from Postgres: each statement the app sends outside a
 * transaction commits one, so the database's committed transactions grow by that many a request.
 * Backends report their counts when idle (at the latest 10 s later), hence the waits; what the
 * counting itself commits is measured without requests and taken off.
 */
async function statementsPerRequest(client, url, headers) {
  const committed = async () => {
    await sleep(11_000);
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()');
    return Number(rows[0].n);
  };
  const start = await committed();
  const idle = (await committed()) - start;
  const before = await committed();
  for (let i = 0; i < STATEMENT_SAMPLE; i++) {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
    await response.arrayBuffer();
  }
  return ((await committed()) - before - idle) / STATEMENT_SAMPLE;
}

const fixed = (value, digits = 0) => (value === undefined ? '–' : value.toFixed(digits));
const mark = (ok) => (ok ? 'PASS' : 'MISS');

function machineLine(machine) {
  return `${machine.date}, ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.postgres}; load average over the last 5 minutes ${machine.load} (this run and whatever else the machine ran).`;
}

function report({ results, subjects, dashboard, documents, dayLog, counts, memory, machine, seconds }) {
  const find = (name, dataset) => results.find((r) => r.name === name && r.dataset === dataset && !r.unavailable);
  const lines = [
    '# Benchmark results',
    '',
    machineLine(machine),
    `${CONNECTIONS} connections, ${DURATION_SECONDS} s per target after a ${WARMUP_SECONDS} s warm-up; autocannon, the servers and Postgres share the machine.`,
    `Whole run (build excluded): ${Math.round(seconds)} s.`,
    '',
    '## Data set',
    '',
    '| table | small | full |',
    '|---|---:|---:|',
    ...Object.keys(counts.small).map((table) => `| ${table} | ${counts.small[table]} | ${counts.full[table]} |`),
    '',
    '## Results',
    '',
    '| target | dataset | req/s | p50 ms | p99 ms | errors | server RSS max (MiB) | CPU ms/request: server + Postgres | answers |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
    ...results.map((r) =>
      r.unavailable
        ? `| ${r.name} | ${r.dataset} | not available | | | | | | route answers 404 |`
        : `| ${r.name} | ${r.dataset} | ${fixed(r.rps)} | ${fixed(r.p50)} | ${fixed(r.p99)} | ${r.errors} | ${mib(r.rssKiB)} | ${fixed(r.serverCpu, 1)} + ${fixed(r.postgresCpu, 1)} | ${r.statuses} |`,
    ),
    '',
    'The server is the app, or the baseline on its row.',
    `App peak RSS (VmHWM of the node process, whole run): ${mib(memory.appPeakKiB)} MiB; baseline: ${mib(memory.baselinePeakKiB)} MiB.`,
    `Postgres at its peak: ${memory.postgres.count} processes, RSS summed ${mib(memory.postgres.rssKiB)} MiB (shared memory counted in every process), PSS summed ${mib(memory.postgres.pssKiB)} MiB (shared memory split between them).`,
    '',
    '## Targets',
    '',
    `At ${CONNECTIONS} connections a p99 under ${P99_TARGET_MS} ms needs at least ${CONNECTIONS / (P99_TARGET_MS / 1000)} req/s (Little's law).`,
    '',
    '| target | measured | result |',
    '|---|---|---|',
  ];
  const app = find('GET /operations/:id', FULL_LABEL);
  for (const reader of ['', ' as a partner']) {
    const read = find(`GET /operations/:id${reader}`, FULL_LABEL);
    const baseline = find(`GET /operations/:id${reader} (baseline)`, FULL_LABEL);
    const share = read.rps / baseline.rps;
    lines.push(
      `| GET /operations/:id${reader || ' as its owner'} ≥ ${BASELINE_SHARE_TARGET * 100}% of baseline throughput | ${fixed(share * 100)}% (${fixed(read.rps)} vs ${fixed(baseline.rps)} req/s) | ${mark(share >= BASELINE_SHARE_TARGET)} |`,
    );
  }
  const html = find('GET /plans/:reference (HTML)', FULL_LABEL);
  const htmlShare = html.rps / app.rps;
  lines.push(
    `| GET /plans/:reference (HTML) ≥ ${HTML_SHARE_TARGET * 100}% of GET /operations/:id throughput | ${fixed(htmlShare * 100)}% (${fixed(html.rps)} vs ${fixed(app.rps)} req/s) | ${mark(htmlShare >= HTML_SHARE_TARGET)} |`,
  );
  for (const r of results.filter((r) => !r.unavailable && !r.name.includes('baseline') && r.group !== 'dashboard')) {
    lines.push(`| p99 < ${P99_TARGET_MS} ms: ${r.name}, ${r.dataset} | ${fixed(r.p99)} ms | ${mark(r.p99 < P99_TARGET_MS)} |`);
  }
  for (const name of ['GET /operations?limit=50', 'POST /operations/:id/deployments (409)']) {
    const small = find(name, SMALL_LABEL);
    const full = find(name, FULL_LABEL);
    const cost = small.rps / full.rps;
    lines.push(
      `| ${name}: cost at ${FULL_LABEL} within ${fixed((SCALING_TOLERANCE - 1) * 100)}% of ${SMALL_LABEL} | ${fixed(small.rps)} → ${fixed(full.rps)} req/s (×${fixed(cost, 2)} the cost) | ${mark(cost <= SCALING_TOLERANCE)} |`,
    );
  }
  const [smallAdds, fullAdds] = [SMALL_LABEL, FULL_LABEL].map((label) => subjects.adds.find((row) => row.dataset === label));
  const addCost = fullAdds.mean / smallAdds.mean;
  lines.push(
    `| POST /operations/:id/subjects: cost at ${FULL_LABEL} (${counts.full.plan_subjects} subjects) within ${fixed((SCALING_TOLERANCE - 1) * 100)}% of ${SMALL_LABEL} | ${fixed(smallAdds.mean, 1)} → ${fixed(fullAdds.mean, 1)} ms a request (×${fixed(addCost, 2)} the cost) | ${mark(addCost <= SCALING_TOLERANCE)} |`,
    '',
    '## Adding a subject of interest',
    '',
    `${SUBJECT_ADDS} phone numbers added one after another to one plan, each against the version the last answer gave (one connection, so these are latencies, not throughput).`,
    '',
    '| dataset | subjects in the database | adds | mean ms | p50 ms | p99 ms |',
    '|---|---:|---:|---:|---:|---:|',
    ...[smallAdds, fullAdds].map(
      (row) =>
        `| ${row.dataset} | ${(row.dataset === SMALL_LABEL ? counts.small : counts.full).plan_subjects} | ${row.adds} | ${fixed(row.mean, 1)} | ${fixed(row.p50, 1)} | ${fixed(row.p99, 1)} |`,
    ),
    '',
    `How the match finds other plans holding a key, at ${FULL_LABEL}:`,
    '',
    '```',
    ...subjects.plan,
    '```',
  );
  const periods = results.filter((r) => r.group === 'dashboard' && !r.unavailable);
  const cost = (r) => r.serverCpu + r.postgresCpu;
  const [shortest, longest] = [periods[0], periods[periods.length - 1]];
  const growth = cost(longest) / cost(shortest);
  const allowed = longest.months / shortest.months;
  lines.push(
    '',
    '## Dashboard',
    '',
    `GET /dashboard as a manager of MPS, at ${FULL_LABEL} (${counts.full.operations} plans over about two years; one request reads every plan the manager may see that starts in the period), ${DASHBOARD_CONNECTIONS} connections.`,
    `Cost is CPU a request, app + Postgres; a period's cost per month should not grow with the period.`,
    '',
    '| months | req/s | p50 ms | p99 ms | CPU ms/request | CPU ms per month of period |',
    '|---:|---:|---:|---:|---:|---:|',
    ...periods.map(
      (r) =>
        `| ${r.months} | ${fixed(r.rps, 1)} | ${fixed(r.p50)} | ${fixed(r.p99)} | ${fixed(cost(r), 1)} | ${fixed(cost(r) / r.months, 2)} |`,
    ),
    '',
    '| target | measured | result |',
    '|---|---|---|',
    `| cost grows no more than linearly with the period: ${longest.months} months against ${shortest.months} at most ×${fixed(allowed, 0)} | ×${fixed(growth, 2)} (${fixed(cost(shortest), 1)} → ${fixed(cost(longest), 1)} ms a request) | ${mark(growth <= allowed)} |`,
    `| SQL statements a dashboard request makes (1 for the caller, 1 for the period, 1 for the plans starting soon) | ${fixed(dashboard.statements, 1)} (from Postgres' committed transactions over ${STATEMENT_SAMPLE} requests) | ${mark(Math.round(dashboard.statements) <= 5)} |`,
    '',
    ...documentsSection(documents, { dataset: SMALL_LABEL, workers: documentWorkers() }),
    ...dayLogSection(dayLog),
  );
  return `${lines.join('\n')}\n`;
}

/** The render pool's most threads, as src/workflow/documents/document-renderer.ts sizes it on this machine. */
const documentWorkers = () => Math.max(1, availableParallelism() - 1);

async function machineInfo(client) {
  const {
    rows: [{ server_version: version }],
  } = await client.query('SHOW server_version');
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    node: process.version,
    postgres: `Postgres ${version}`,
    load: loadavg()[1].toFixed(1),
  };
}

/** Signs a demo user in through the API: their access token and user. */
async function apiLogin(appUrl, email) {
  const response = await fetch(`${appUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login of ${email}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The documents scenario alone: its section, to stdout and bench/results-documents.md. */
async function documentsOnly({ client, documents, started }) {
  const lines = [
    '# Benchmark results: documents',
    '',
    machineLine(await machineInfo(client)),
    `The clients, the app and Postgres share the machine. Whole run (build excluded): ${Math.round((Date.now() - started) / 1000)} s.`,
    '',
    ...documentsSection(documents, { dataset: SMALL_LABEL, workers: documentWorkers() }),
  ];
  const markdown = `${lines.join('\n')}\n`;
  await writeFile(join(ROOT, 'bench', 'results-documents.md'), markdown);
  console.log(`\n${markdown}`);
}

/** The day-log scenario alone: its section, to stdout and bench/results-day-log.md. */
async function dayLogOnly({ client, dayLog, started }) {
  const lines = [
    '# Benchmark results: the day’s log',
    '',
    machineLine(await machineInfo(client)),
    `The subscribers, the writer, the app and Postgres share the machine. Whole run (build excluded): ${Math.round((Date.now() - started) / 1000)} s.`,
    '',
    ...dayLogSection(dayLog),
  ];
  const markdown = `${lines.join('\n')}\n`;
  await writeFile(join(ROOT, 'bench', 'results-day-log.md'), markdown);
  console.log(`\n${markdown}`);
}

async function main() {
  if (only !== undefined && !SCENARIOS.includes(only))
    throw new Error(`Run npm run bench, or npm run bench -- <${SCENARIOS.join('|')}> for one scenario`);
  const started = Date.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'planner-bench-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const db = await EmbeddedDatabase.start(dataDir);
  cleanups.push(() => db.stop());

  const dataSource = new DataSource(dataSourceOptions(loadConfig({}), db.url));
  await dataSource.initialize();
  try {
    await migrate(dataSource, { log() {}, warn() {}, error: console.error });
    await new DemoSeeder(dataSource, loadConfig({ DEMO_PASSWORD, SEED_DEMO: 'true' }), new DemoSeedRepository()).onApplicationBootstrap();
  } finally {
    await dataSource.destroy();
  }

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  cleanups.push(() => client.end());
  const context = await prepareDataset(client, FULL);
  console.log(`Loading ${SMALL} operations`);
  await growDataset(client, context, 1, SMALL);
  const counts = { small: await countRows(client) };

  const [appPort, baselinePort] = [await freePort(), await freePort()];
  const appUrl = `http://127.0.0.1:${appPort}`;
  const baselineUrl = `http://127.0.0.1:${baselinePort}`;
  const {
    rows: [coordinator],
  } = await client.query(`SELECT id FROM users WHERE email = 'coordinator.mps@demo.local'`);
  const app = await startServer(
    'app',
    ['dist/main.js'],
    {
      DATABASE_URL: db.url,
      PORT: String(appPort),
      JWT_SECRET: randomBytes(32).toString('hex'),
      SUBJECT_MATCH_KEY: randomBytes(32).toString('hex'),
      // One coordinator adds SUBJECT_ADDS phones at each data set's size, and the documents plan's postcodes: past the default daily limit on additions.
      DECONFLICTION_MAX_ADDITIONS_PER_DAY: String(SUBJECT_ADDS * 2 + LOCATIONS),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      NODE_ENV: 'production',
    },
    `${appUrl}/health`,
  );
  const baseline = await startServer(
    'baseline',
    ['bench/baseline.mjs'],
    { DATABASE_URL: db.url, PORT: String(baselinePort), BASELINE_USER_ID: coordinator.id },
    `${baselineUrl}/health`,
  );
  const { accessToken: token } = await apiLogin(appUrl, 'coordinator.mps@demo.local');
  const partnerSignedIn = await apiLogin(appUrl, 'coordinator.hmrc@demo.local');
  const partner = { token: partnerSignedIn.accessToken, id: partnerSignedIn.user.id };
  // As a browser signs in: the form first, for the token it and its cookie carry.
  const form = await fetch(`${appUrl}/sign-in`);
  const formCookie = form.headers.get('set-cookie')?.split(';')[0];
  const formToken = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  const signIn = await fetch(`${appUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie ?? '' },
    body: new URLSearchParams({ _csrf: formToken ?? '', email: 'coordinator.mps@demo.local', password: DEMO_PASSWORD }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .find((value) => value.startsWith('doap_session='))
    ?.split(';')[0];
  if (signIn.status !== 303 || !cookie) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);

  const peaks = { postgres: { count: 0, rssKiB: 0, pssKiB: 0 } };
  const pids = { app: app.pid, baseline: baseline.pid };
  const results = [];
  const run = async (targets) => {
    for (const target of targets) {
      if (target.unavailable) {
        console.log(`${target.name} [${target.dataset}]: not available (404)`);
        results.push(target);
        continue;
      }
      process.stdout.write(`${target.name} [${target.dataset}] … `);
      const result = await measure(target, { pid: pids[target.server], dataDir, peaks });
      console.log(`${fixed(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.errors} errors (${result.statuses})`);
      results.push(result);
    }
  };

  const rssKiB = () => statusKiB(app.pid, 'VmRSS');
  if (only === 'day-log') return dayLogOnly({ client, dayLog: await measureDayLog({ appUrl, token, client, rssKiB }), started });
  const meter = cpuMeter(app.pid, dataDir);
  const liaison = await apiLogin(appUrl, 'liaison.cps@demo.local');
  const documents = await measureDocuments({ appUrl, tokens: [token, partner.token, liaison.accessToken], meter });
  if (only === 'documents') return documentsOnly({ client, documents, started });

  const dayLog = await measureDayLog({ appUrl, token, client, rssKiB });
  console.log(`The day's log: p99 ${fixed(dayLog.p99)} ms from post to each of ${dayLog.subscribers} subscribers`);

  const small = await appTargets({ appUrl, baselineUrl, client, token, cookie, partner, dataset: SMALL_LABEL, all: false });
  await run(small.targets);
  const subjects = { adds: [await measureSubjectAdds({ appUrl, token, plan: small.plan, dataset: SMALL_LABEL })] };
  console.log(`POST /operations/:id/subjects [${SMALL_LABEL}]: ${fixed(subjects.adds[0].mean, 1)} ms a request`);

  console.log(`Growing to ${FULL} operations`);
  await growDataset(client, context, SMALL + 1, FULL);
  counts.full = await countRows(client);
  const full = await appTargets({ appUrl, baselineUrl, client, token, cookie, partner, dataset: FULL_LABEL, all: true });
  console.log(`Plan ${full.plan.id}; ${full.plan.teamName} is booked in its window elsewhere`);
  await run(full.targets);
  const fullPlan = full.plan.id === small.plan.id ? await pickPlan(client, small.plan.id) : full.plan;
  subjects.adds.push(await measureSubjectAdds({ appUrl, token, plan: fullPlan, dataset: FULL_LABEL }));
  console.log(`POST /operations/:id/subjects [${FULL_LABEL}]: ${fixed(subjects.adds[1].mean, 1)} ms a request`);
  subjects.plan = await explainMatch(client);

  const { accessToken: managerToken } = await apiLogin(appUrl, 'manager.mps@demo.local');
  await run(dashboardTargets({ appUrl, token: managerToken }));
  const dashboard = {
    statements: await statementsPerRequest(client, `${appUrl}/dashboard?months=12`, { authorization: `Bearer ${managerToken}` }),
  };
  console.log(`GET /dashboard: ${fixed(dashboard.statements, 1)} SQL statements a request`);

  const memory = {
    appPeakKiB: await statusKiB(app.pid, 'VmHWM'),
    baselinePeakKiB: await statusKiB(baseline.pid, 'VmHWM'),
    postgres: peaks.postgres,
  };
  const machine = await machineInfo(client);
  const markdown = report({
    results,
    subjects,
    dashboard,
    documents,
    dayLog,
    counts,
    memory,
    machine,
    seconds: (Date.now() - started) / 1000,
  });
  await writeFile(join(ROOT, 'bench', 'results.md'), markdown);
  console.log(`\n${markdown}`);
}

main().then(cleanUp, async (error) => {
  // After a signal, the failure is only the cleanup pulling the database away.
  if (!cleaning) console.error(error);
  process.exitCode = 1;
  await cleanUp();
});
