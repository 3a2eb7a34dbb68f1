// The documents scenario of `npm run bench`: a full plan (10 locations, 20 teams at their premises, the command,
// risks, evidence) built through the API as a coordinator, a partner and the CPS would, then each of its documents
// rendered by a few clients at once, and GET /health timed every few milliseconds while they render.
import autocannon from 'autocannon';
import { setTimeout as sleep } from 'node:timers/promises';

/** The plan's documents, each measured the same way: another document is one more line here. */
export const DOCUMENTS = [
  { name: 'GET /operations/:id/briefing.pdf', path: 'briefing.pdf', type: 'application/pdf' },
  {
    name: 'GET /operations/:id/briefing.docx',
    path: 'briefing.docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  { name: 'GET /operations/:id/cards.pdf', path: 'cards.pdf', type: 'application/pdf' },
];

/** The plan's locations: each is a postcode its owner adds, counted against the owner's daily limit on additions. */
export const LOCATIONS = 10;
const OWN_TEAMS = 16;
const PARTNER_TEAMS = 4;
const EVIDENCE = 6;
/** Clients rendering at once: a briefing is printed by a few people before the day, not by a crowd. */
const CLIENTS = 4;
const WARMUP_SECONDS = 2;
const DURATION_SECONDS = 10;
const HEALTH_EVERY_MS = 10;
const HEALTH_SECONDS = 5;
/** A client waits this long for its document (autocannon's default, 10 s, is less than a queue of renders can take on a busy machine). */
const TIMEOUT_SECONDS = 30;
const HOUR = 3600_000;

async function call(appUrl, token, method, path, body) {
  const response = await fetch(`${appUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

const commander = (name, rankOrGrade, agency, phone) => ({ name, rankOrGrade, agency, phone });

/** What a coordinator writes for a large day of action: every section of the order filled in, a commander at each door. */
function planBody(startsAt, responderAgencyId) {
  const at = (hours) => new Date(startsAt.getTime() + hours * HOUR).toISOString();
  const locations = Array.from({ length: LOCATIONS }, (_, i) => ({
    label: i % 2 ? `Workers’ house ${i}` : `Hand car wash ${i}`,
    address: `${12 + i} Ladypool Road, Sparkbrook, Birmingham`,
    postcode: `B${11 + i} 1AA`,
    strikeAt: at(1),
    entry: i % 2 ? { basis: 'CONSENT' } : { basis: 'STATUTORY_POWER', power: 's.179 Immigration and Asylum Act 1999' },
    siteCommander: commander(
      `Inspector ${String.fromCharCode(65 + i)}. Patel`,
      'Inspector',
      'West Midlands Police',
      `0121 626 50${10 + i}`,
    ),
  }));
  const section = (text) => `${text} `.repeat(6).trim();
  return {
    name: 'Operation Kestrel (documents bench)',
    exploitationTypes: ['LABOUR', 'CRIMINAL'],
    scope: 'REGIONAL',
    startsAt: startsAt.toISOString(),
    endsAt: at(12),
    briefing: {
      information: section(
        'Intelligence indicates that workers are housed on site, have their passports held and are paid below the minimum wage.',
      ),
      intent: section('Safeguard potential victims, secure evidence under the Modern Slavery Act 2015 and arrest the controllers.'),
      method: section('Simultaneous entry at first light at every premises; partner agencies follow once each is secure.'),
      administration: section('Briefing at 05:00; refreshments and welfare at the reception centre; overtime authorised.'),
      risk: section('Dogs at two premises; possible counter-surveillance; dynamic risk assessment by each entry team leader.'),
      communications: section('Talkgroup assigned on the day; silver command by phone; premises status to the control room every hour.'),
      humanitarian: section('Interpreters at the reception centre; medical triage before interview; no one interviewed while exhausted.'),
    },
    locations,
    safeguarding: {
      expectedPotentialVictims: 40,
      languages: ['Romanian', 'Vietnamese', 'Albanian'],
      receptionCentre: 'Sparkhill reception centre',
      receptionOpensAt: at(0),
      receptionClosesAt: at(12),
      medicalCover: 'HART on standby at RV1',
      firstResponders: [{ name: 'DC Priya Shah', agencyId: responderAgencyId, phone: '07700 900456' }],
      interpreters: [
        { language: 'Romanian', name: 'Big Word, booked 04:00–16:00' },
        { language: 'Vietnamese', name: 'Language Line, on call' },
      ],
    },
    timings: { briefingAt: at(0), briefingPlace: 'Lloyd House, Birmingham', debriefAt: at(10) },
    communications: { radioChannel: 'Airwave WM-OPS-3', controlRoomNumber: '0121 626 5000' },
    command: {
      gold: commander('Ann Clarke', 'Chief Superintendent', 'West Midlands Police', '0121 626 5000'),
      silver: commander('Ben Ode', 'Superintendent', 'West Midlands Police', '07911 123456'),
      sio: commander('Cara Lane', 'Detective Chief Inspector', 'National Crime Agency', '+33 1 42 68 53 00'),
    },
    risks: [
      { hazard: 'DOGS', likelihood: 3, impact: 4, controls: 'Dog handler with each entry team', residual: 'MEDIUM', owner: 'PS Jones' },
      {
        hazard: 'WEAPONS',
        likelihood: 2,
        impact: 5,
        controls: 'AFO on standby; search on entry',
        residual: 'HIGH',
        owner: 'Insp Patel',
        acceptedBy: 'Supt Ben Ode',
      },
      { hazard: 'CHILDREN_PRESENT', likelihood: 2, impact: 4, controls: 'Children’s services on call', residual: 'LOW', owner: 'DS Khan' },
      {
        hazard: 'VULNERABLE_ADULTS',
        likelihood: 4,
        impact: 3,
        controls: 'First responders at each premises',
        residual: 'MEDIUM',
        owner: 'DC Shah',
      },
      {
        hazard: 'HAZARDOUS_PREMISES',
        likelihood: 3,
        impact: 3,
        controls: 'Fire service survey before entry',
        residual: 'LOW',
        owner: 'PS Jones',
      },
      { hazard: 'PUBLIC_ORDER', likelihood: 2, impact: 3, controls: 'Cordon at each premises', residual: 'LOW', owner: 'Insp Patel' },
    ],
  };
}

/** Adds a team of the agency's, as its coordinator does. */
async function team(appUrl, token, agencyId, name, capabilities) {
  return call(appUrl, token, 'POST', '/teams', { agencyId, name, capabilities, capacity: 8 });
}

/**
 * Builds the plan through the API: the owner (an MPS coordinator) drafts it, leads it and deploys 16 of its own
 * teams and 4 of HMRC's (which HMRC's coordinator confirms), each at one or two premises; the CPS liaison engages and
 * adds evidence requirements the owner assigns. Answers the plan as the owner reads it.
 */
export async function documentPlan({ appUrl, owner, partner, liaison }) {
  const agencies = await call(appUrl, owner.token, 'GET', '/agencies');
  const agency = (code) => agencies.find((each) => each.code === code).id;
  const startsAt = new Date(Date.now() + 30 * 24 * HOUR);
  startsAt.setUTCHours(5, 0, 0, 0);
  let plan = await call(appUrl, owner.token, 'POST', '/operations', planBody(startsAt, agency('MPS')));
  plan = await call(appUrl, owner.token, 'PUT', `/operations/${plan.id}/lead-agency`, { agencyId: agency('MPS'), version: plan.version });
  const teams = [];
  for (let i = 0; i < OWN_TEAMS; i++) {
    teams.push(await team(appUrl, owner.token, agency('MPS'), `Documents bench entry team ${i + 1}`, ['ENTRY', 'SEARCH']));
  }
  for (let i = 0; i < PARTNER_TEAMS; i++) {
    teams.push(await team(appUrl, partner.token, agency('HMRC'), `Documents bench HMRC team ${i + 1}`, ['TAX_COMPLIANCE']));
  }
  for (const [i, { id: teamId }] of teams.entries()) {
    const locationIds = [plan.locations[i % LOCATIONS].id, ...(i % 3 ? [] : [plan.locations[(i + 1) % LOCATIONS].id])];
    const body = {
      teamId,
      headcount: 4,
      tasking: 'Entry, search and safeguarding',
      callSign: `Tango ${i + 1}`,
      locationIds,
      version: plan.version,
    };
    plan = await call(appUrl, owner.token, 'POST', `/operations/${plan.id}/deployments`, body);
    const requested = plan.deployments.find((d) => d.team.id === teamId && d.status === 'REQUESTED');
    if (requested) {
      await call(appUrl, partner.token, 'POST', `/operations/${plan.id}/deployments/${requested.id}/confirm`, {
        version: requested.version,
      });
      plan = await call(appUrl, owner.token, 'GET', `/operations/${plan.id}`);
    }
  }
  const adviceNeededBy = startsAt.toISOString().slice(0, 10);
  plan = await call(appUrl, owner.token, 'POST', `/operations/${plan.id}/cps-involvement`, {
    version: plan.version,
    note: 'Advice needed on charging the controllers',
    adviceNeededBy,
  });
  plan = await call(appUrl, liaison.token, 'POST', `/operations/${plan.id}/cps-involvement/accept`, { version: plan.version });
  for (let i = 0; i < EVIDENCE; i++) {
    const { version } = await call(appUrl, owner.token, 'GET', `/operations/${plan.id}`);
    const { requirement } = await call(appUrl, liaison.token, 'POST', `/operations/${plan.id}/evidence-requirements`, {
      offence: i % 2 ? 'MSA_S2_HUMAN_TRAFFICKING' : 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
      evidenceType: ['VICTIM_ACCOUNT', 'FINANCIAL_RECORDS', 'DIGITAL_DEVICES'][i % 3],
      description: 'Secure and exhibit material showing control of the workers’ movement, pay and documents',
      priority: i < 3 ? 'ESSENTIAL' : 'DESIRABLE',
      version,
    });
    await call(appUrl, owner.token, 'POST', `/operations/${plan.id}/evidence-requirements/${requirement.id}/assign`, {
      teamId: teams[i].id,
      version: requirement.version,
    });
  }
  return call(appUrl, owner.token, 'GET', `/operations/${plan.id}`);
}

/** Pages of a PDF as pdfkit (under pdfmake) writes it: one uncompressed page object a sheet. */
/** A PDF's pages; none for a Word document, whose pages Word lays out when it opens it. */
const pageCount = (bytes) =>
  bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? (bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length : null;

/** GET /health every HEALTH_EVERY_MS for `seconds`, each request timed on its own (they overlap when one is slow). */
async function healthLatencies(appUrl, seconds) {
  const latencies = [];
  const pending = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    pending.push(
      fetch(`${appUrl}/health`).then(async (response) => {
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`GET /health: ${response.status}`);
        latencies.push(performance.now() - started);
      }),
    );
    await sleep(HEALTH_EVERY_MS);
  }
  await Promise.all(pending);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: sorted[Math.floor(0.5 * sorted.length)],
    p99: sorted[Math.floor(0.99 * sorted.length)],
    max: sorted.at(-1),
  };
}

/**
 * One document: its size and pages; req/s at CLIENTS clients with the CPU it took (`meter` reads the app's CPU, all
 * threads and the main thread alone, and Postgres'); then /health idle and while CLIENTS documents are asked for at once.
 */
async function measureDocument(document, { appUrl, owner, plan, meter }) {
  const url = `${appUrl}/operations/${plan.id}/${document.path}`;
  const headers = { authorization: `Bearer ${owner.token}` };
  // One document asked for alone. After each run one more, a moment later: it waits in the pool's queue behind those the
  // clients left in flight, so when it arrives the app is idle again (and the measured CPU covers every document asked for).
  const one = async () => {
    const response = await fetch(url, { headers });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200 || response.headers.get('content-type') !== document.type) {
      throw new Error(`${document.name}: ${response.status} ${response.headers.get('content-type')}`);
    }
    return bytes;
  };
  const settle = async () => {
    await sleep(1000);
    await one();
  };
  const bytes = await one();
  const options = { url, headers, connections: CLIENTS, timeout: TIMEOUT_SECONDS };
  await autocannon({ ...options, duration: WARMUP_SECONDS });
  await settle();
  const before = await meter.read();
  const result = await autocannon({ ...options, duration: DURATION_SECONDS });
  await settle();
  const spent = meter.since(before, await meter.read());
  const documents = result.requests.sent + 1;
  const idle = await healthLatencies(appUrl, HEALTH_SECONDS);
  const rendering = autocannon({ ...options, duration: HEALTH_SECONDS + 2 });
  await sleep(1000);
  const busy = await healthLatencies(appUrl, HEALTH_SECONDS);
  const during = await rendering;
  await settle();
  return {
    name: document.name,
    bytes: bytes.length,
    pages: pageCount(bytes),
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + during.errors + during.non2xx,
    timeouts: result.timeouts + during.timeouts,
    documents,
    appCpu: spent.app / documents,
    mainThreadCpu: spent.main / documents,
    postgresCpu: spent.postgres / documents,
    health: { idle, busy },
  };
}

/** Builds the plan and measures each of DOCUMENTS; `tokens` are the owner's, the partner's and the CPS liaison's. */
export async function measureDocuments({ appUrl, tokens, meter }) {
  const [owner, partner, liaison] = tokens.map((token) => ({ token }));
  const plan = await documentPlan({ appUrl, owner, partner, liaison });
  const results = [];
  for (const document of DOCUMENTS) {
    process.stdout.write(`${document.name} … `);
    const result = await measureDocument(document, { appUrl, owner, plan, meter });
    console.log(
      `${result.pages ?? 'unpaged'} pages, ${(result.bytes / 1024).toFixed(0)} KiB, ${result.rps.toFixed(1)} req/s, ${result.appCpu.toFixed(0)} ms CPU a document; /health p99 ${result.health.idle.p99.toFixed(0)} ms idle, ${result.health.busy.p99.toFixed(0)} ms rendering`,
    );
    results.push(result);
  }
  return { plan, results };
}

const ms = (value) => value.toFixed(0);

/** The report's section on documents, measured on `dataset`; `workers` is the render pool's most threads on this machine. */
export function documentsSection({ plan, results }, { dataset, workers }) {
  const allocated = plan.deployments.reduce((sum, d) => sum + d.locationIds.length, 0);
  return [
    '## Documents',
    '',
    `On the ${dataset} data set, one plan built through the API: ${plan.locations.length} locations each with a site commander, ${plan.deployments.length} confirmed teams (${OWN_TEAMS} of the owner's, ${PARTNER_TEAMS} of HMRC's) allocated ${allocated} times to premises, Gold, Silver and the SIO, ${plan.risks.length} risks and ${plan.evidenceRequirements.length} evidence requirements; read by its owner.`,
    `${CLIENTS} clients ask for the document back to back, ${DURATION_SECONDS} s after a ${WARMUP_SECONDS} s warm-up. The documents render on worker threads (a Piscina pool of at most ${workers} here, one a core less one), so the clients beyond those wait in its queue.`,
    'CPU is user + system time from /proc across the measured run, ÷ documents asked for: the app process (every thread: the main thread, the render workers, V8 and libuv helpers); of that, its main thread (/proc/<pid>/task/<pid>, the event loop that answers /health); and Postgres.',
    '',
    `| document | pages | size KiB | req/s at ${CLIENTS} clients | p50 ms | p99 ms | errors | CPU ms/document: app (main thread) + Postgres |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.pages ?? '-'} | ${(r.bytes / 1024).toFixed(0)} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.errors} (${r.timeouts} timed out) | ${ms(r.appCpu)} (${ms(r.mainThreadCpu)}) + ${ms(r.postgresCpu)} |`,
    ),
    '',
    `GET /health sent every ${HEALTH_EVERY_MS} ms for ${HEALTH_SECONDS} s (each request timed on its own), with the app idle and while ${CLIENTS} clients keep asking for the document:`,
    '',
    '| document | samples idle / rendering | p50 ms idle → rendering | p99 ms idle → rendering | max ms idle → rendering |',
    '|---|---:|---:|---:|---:|',
    ...results.map(
      ({ name, health: { idle, busy } }) =>
        `| ${name} | ${idle.samples} / ${busy.samples} | ${ms(idle.p50)} → ${ms(busy.p50)} | ${ms(idle.p99)} → ${ms(busy.p99)} | ${ms(idle.max)} → ${ms(busy.max)} |`,
    ),
  ];
}
