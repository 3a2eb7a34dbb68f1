// The day-log scenario of `npm run bench`: SUBSCRIBERS clients follow one plan's live log
// (GET /operations/:id/log/stream, server-sent events) while one writer records RATE entries a second for
// SECONDS seconds; each entry's time from its POST to its arrival at every subscriber, and the app's memory.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

const SUBSCRIBERS = 200;
const RATE = 20;
const SECONDS = 30;
/** How long the last entries have to arrive everywhere before the count is closed. */
const DRAIN_MS = 5000;
const TARGET_P99_MS = 1000;

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

/** A plan under way, of the owner's: drafted through the API, then put into the ACTIVE state straight in the database (the walk to approval is measured elsewhere). */
async function activePlan({ appUrl, token, client }) {
  const startsAt = new Date(Date.now() + 3600_000);
  const response = await fetch(`${appUrl}/operations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Operation Benchmark: the day itself',
      exploitationTypes: ['LABOUR'],
      scope: 'LOCAL',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 10 * 3600_000).toISOString(),
      locations: [{ label: 'Hand car wash', address: '1 Ladypool Road, Birmingham', postcode: 'B12 8JU' }],
    }),
  });
  const plan = await response.json();
  if (!response.ok) throw new Error(`POST /operations: ${response.status} ${JSON.stringify(plan)}`);
  // Approved by the demo's MPS manager, as a plan must be before it starts.
  await client.query(
    `UPDATE operations SET lead_agency_id = created_by_agency_id, status = 'ACTIVE', approved_at = now(),
            approved_by = (SELECT id FROM users WHERE email = 'manager.mps@demo.local')
      WHERE id = $1`,
    [plan.id],
  );
  return plan;
}

/** A subscriber: the stream's entries, each with when it arrived, read off the raw event stream. */
function subscribe(url, token, onEntry) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream: ${response.statusCode}`));
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('\n');
          if (data) onEntry(JSON.parse(data), performance.now());
        }
      });
      resolve(() => request.destroy());
    });
    request.on('error', reject);
  });
}

/** The scenario: subscribers connected, the writer's entries timed from POST to each arrival, the app's RSS sampled throughout. */
export async function measureDayLog({ appUrl, token, client, rssKiB }) {
  const plan = await activePlan({ appUrl, token, client });
  const sentAt = new Map();
  const delays = [];
  let received = 0;
  const onEntry = (entry, at) => {
    const sent = sentAt.get(entry.details?.exactLocation);
    if (sent === undefined) return;
    received += 1;
    delays.push(at - sent);
  };
  const closers = [];
  for (let i = 0; i < SUBSCRIBERS; i++) closers.push(await subscribe(`${appUrl}/operations/${plan.id}/log/stream`, token, onEntry));
  const rssIdle = await rssKiB();
  let rssPeak = rssIdle;
  const sampler = setInterval(async () => (rssPeak = Math.max(rssPeak, await rssKiB())), 250);

  const entries = RATE * SECONDS;
  let refused = 0;
  const started = performance.now();
  const posts = [];
  for (let n = 0; n < entries; n++) {
    const due = started + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const key = `Entry ${n}`;
    sentAt.set(key, performance.now());
    posts.push(
      fetch(`${appUrl}/operations/${plan.id}/log`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'MESSAGE',
          exactLocation: key,
          incidentType: 'Benchmark',
          hazards: 'None',
          access: 'Front',
          casualties: 'None',
          services: 'None',
        }),
      }).then(async (response) => {
        await response.arrayBuffer();
        if (response.status !== 201) refused += 1;
      }),
    );
  }
  await Promise.all(posts);
  const written = performance.now() - started;
  await sleep(DRAIN_MS);
  clearInterval(sampler);
  for (const close of closers) close();
  delays.sort((a, b) => a - b);
  return {
    subscribers: SUBSCRIBERS,
    entries,
    refused,
    rate: (entries / written) * 1000,
    expected: (entries - refused) * SUBSCRIBERS,
    received,
    p50: percentile(delays, 50),
    p99: percentile(delays, 99),
    max: delays.at(-1) ?? NaN,
    rssIdleKiB: rssIdle,
    rssPeakKiB: rssPeak,
  };
}

export function dayLogSection(r) {
  const ms = (value) => (Number.isFinite(value) ? value.toFixed(0) : '-');
  return [
    '## The day’s log, live',
    '',
    `${r.subscribers} subscribers follow one plan’s log (GET /operations/:id/log/stream, server-sent events, each with its own connection); one writer records ${RATE} entries a second for ${SECONDS} s (POST /operations/:id/log). Each entry is timed from the start of its POST to its arrival at each subscriber. Target: p99 under ${TARGET_P99_MS} ms.`,
    '',
    '| entries written | at entries/s | refused | arrivals expected / received | p50 ms | p99 ms | max ms | app RSS idle → peak MiB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${r.entries} | ${r.rate.toFixed(1)} | ${r.refused} | ${r.expected} / ${r.received} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${(r.rssIdleKiB / 1024).toFixed(0)} → ${(r.rssPeakKiB / 1024).toFixed(0)} |`,
    '',
  ];
}
