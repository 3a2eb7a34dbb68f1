// Generates the benchmark's data set with set-based SQL, on top of the demo agencies and users.
// Operation n (1, 2, ...) is a pure function of n, so the data set can be grown in steps and
// every child row finds its operation by a deterministic id.

// Operations share a time slot K at a time; a slot's K operations deploy 3K distinct teams,
// so no team is ever booked twice at once (the exclusion constraint) while windows do overlap.
const OPS_PER_SLOT = 50;
const SLOT_HOURS = 9;
const MINUTES_BETWEEN_CREATIONS = (SLOT_HOURS * 60) / OPS_PER_SLOT;
const BATCH = 10_000;
const POSTCODE_POOL = 3_000;
const SUBJECTS_PER_OPERATION = 5;

// 300 teams (>= 3 * OPS_PER_SLOT). GLAA is left out: it may support only LABOUR operations (R2).
const TEAMS_PER_AGENCY = { MPS: 60, WMP: 50, NCA: 40, BF: 25, IE: 25, HMRC: 30, DWP: 20, LA: 25, SA: 25 };

// Who creates operations, weighted; agencies that may not lead (R1) hand the lead to another.
const CREATOR_MIX = 'MPS MPS MPS MPS MPS WMP WMP WMP WMP NCA NCA NCA NCA GLAA GLAA HMRC HMRC BF BF SA'.split(' ');
const LEAD_FOR = { HMRC: 'NCA', BF: 'NCA', SA: 'WMP' };

// A version-4-shaped uuid, as the API's id validation expects one.
const opId = (n) => `overlay(overlay(md5('bench-operation-' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;
/** A pseudo-random integer in [0, m) drawn from `key`, independent for each salt. */
const draw = (key, salt, m) => `(abs(hashint8extended(${key}, ${salt})) % ${m})::int`;
const pick = (values, key, salt) => `(ARRAY[${values.map((v) => `'${v}'`).join(',')}])[1 + ${draw(key, salt, values.length)}]`;

const CODENAMES =
  'Kestrel Harrier Lantern Beacon Anvil Meridian Tamar Severn Trent Mersey Pennine Cotswold Fenland Heron Osprey Granite Flint Willow Rowan Bramble Juniper Falcon Marlin Cobalt Quarry Harbour Lighthouse Compass Sentinel Orchard'.split(
    ' ',
  );
const STREETS =
  'High Street,Station Road,Church Lane,Mill Lane,Victoria Road,Park Avenue,Queen Street,Industrial Estate,Canal Side,Albert Road'.split(
    ',',
  );
const TOWNS = 'London,Birmingham,Coventry,Wolverhampton,Leicester,Nottingham,Manchester,Leeds,Bristol,Peterborough'.split(',');
const LANGUAGES = ['Romanian,Polish', 'Vietnamese', 'Albanian', 'Bulgarian,Romanian', 'Tigrinya,Arabic', 'Lithuanian', 'Mandarin', ''];

function postcodes(count) {
  const areas = 'B E N W M L G S SE SW NW EC WC CV WV WS DY LE NG LS BS CF PE OX'.split(' ');
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  const found = new Set();
  let seed = 20260101;
  // xorshift32: the same pool on every run.
  const next = (m) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % m;
  };
  while (found.size < count) {
    found.add(`${areas[next(areas.length)]}${1 + next(20)} ${next(10)}${letters[next(20)]}${letters[next(20)]}`);
  }
  return [...found];
}

const briefing = `jsonb_build_object(
  'information', 'Intelligence indicates that workers at ' || g.street || ' are housed on site, have their passports held and are paid below the minimum wage.',
  'intent', 'Safeguard potential victims, secure evidence of offences under the Modern Slavery Act 2015 and arrest the controllers.',
  'method', 'Simultaneous entry at first light; partner agencies follow once the premises are secure.',
  'administration', 'Briefing at 05:00 at the nearest police station; refreshments and welfare at the reception centre.',
  'risk', 'Dogs on site; possible counter-surveillance. Dynamic risk assessment by the entry team leader.',
  'communications', 'Talkgroup assigned on the day; silver command by phone.')`;

/**
 * One statement per table, for the operations numbered $1..$2. The per-operation row counts
 * are mirrored in `rows` so the progress bar can show exact totals.
 */
function tables(ctx) {
  const operationColumns = ctx.hasApproval ? ', approved_by, approved_at, outcomes' : '';
  // An approved plan whose day has passed was completed, with outcomes (the dashboard's figures); NRM referrals never outnumber those safeguarded.
  const safeguarded = draw('g.n', 31, 9);
  const operationValues = ctx.hasApproval
    ? `, CASE WHEN g.status IN ('APPROVED', 'COMPLETED') THEN ($8::uuid[])[g.mix] END,
       CASE WHEN g.status IN ('APPROVED', 'COMPLETED') THEN g.created_at + interval '7 days' END,
       CASE WHEN g.status = 'COMPLETED' THEN jsonb_build_object('arrests', ${draw('g.n', 30, 6)}, 'potentialVictimsSafeguarded', ${safeguarded},
         'nrmReferrals', (abs(hashint8extended(g.n, 32)) % (1 + ${safeguarded}))::int, 'premisesVisited', 1 + ${draw('g.n', 33, 3)}) END`
    : '';
  const ops = `generate_series($1::int, $2::int) AS n JOIN operations o ON o.id = ${opId('n')}`;
  return [
    {
      name: 'operations',
      rows: () => 1,
      params: [ctx.creators, ctx.creatorAgencies, ctx.leads, ctx.labourOnly, ctx.epoch, ...(ctx.hasApproval ? [ctx.approvers] : [])],
      sql: `
        INSERT INTO operations (id, reference, name, exploitation_types, scope, starts_at, ends_at, lead_agency_id, briefing,
          expected_potential_victims, safeguarding_languages, reception_centre, status, version,
          created_by, created_by_agency_id, updated_by, created_at, updated_at${operationColumns})
        SELECT ${opId('g.n')},
               'OP-' || extract(year FROM g.created_at)::int || '-' || lpad(g.n::text, greatest(4, length(g.n::text)), '0'),
               'Operation ' || ${pick(CODENAMES, 'g.n', 7)} || ' ' || g.n,
               CASE WHEN ($6::boolean[])[g.mix] THEN ARRAY['LABOUR']
                    ELSE string_to_array(${pick(['LABOUR', 'SEXUAL', 'CRIMINAL', 'LABOUR,CRIMINAL', 'SEXUAL,CRIMINAL', 'DOMESTIC_SERVITUDE', 'LABOUR,DOMESTIC_SERVITUDE'], 'g.n', 11)}, ',') END,
               ${pick(['LOCAL', 'LOCAL', 'REGIONAL', 'NATIONAL'], 'g.n', 10)},
               g.starts_at, g.starts_at + make_interval(hours => 2 + ${draw('g.n', 4, 5)}),
               CASE WHEN g.status = 'DRAFT' AND ${draw('g.n', 9, 10)} = 0 THEN NULL ELSE ($5::uuid[])[g.mix] END,
               ${briefing},
               ${draw('g.n', 8, 15)},
               string_to_array(${pick(LANGUAGES, 'g.n', 12)}, ','),
               CASE WHEN ${draw('g.n', 13, 3)} > 0 THEN 'Reception centre, ' || ${pick(TOWNS, 'g.n', 14)} END,
               g.status, 1 + ${draw('g.n', 6, 8)},
               ($3::uuid[])[g.mix], ($4::uuid[])[g.mix], ($3::uuid[])[g.mix], g.created_at, g.created_at + interval '1 day'
               ${operationValues}
          FROM (SELECT n, 1 + ${draw('n', 1, CREATOR_MIX.length)} AS mix,
                       $7::timestamptz + n * interval '${MINUTES_BETWEEN_CREATIONS} minutes' AS created_at,
                       $7::timestamptz + interval '14 days' + ((n - 1) / ${OPS_PER_SLOT}) * interval '${SLOT_HOURS} hours'
                         + ${draw('n', 3, 4)} * interval '30 minutes' AS starts_at,
                       CASE WHEN ${draw('n', 5, 20)} < 14 THEN 'DRAFT' WHEN ${draw('n', 5, 20)} < 17 THEN 'SUBMITTED' ELSE 'APPROVED' END AS planned,
                       ${pick(STREETS, 'n', 15)} AS street
                  FROM generate_series($1::int, $2::int) AS n) p
         CROSS JOIN LATERAL (SELECT p.*, CASE WHEN p.planned = 'APPROVED' AND p.starts_at < now() THEN 'COMPLETED' ELSE p.planned END AS status) g`,
    },
    {
      name: 'operation_locations',
      rows: (n) => 1 + (n % 2),
      params: [ctx.postcodes],
      sql: `
        INSERT INTO operation_locations (operation_id, position, label, address, postcode)
        SELECT ${opId('n')}, p, CASE p WHEN 1 THEN 'Main premises' ELSE 'Workers'' accommodation' END,
               (1 + ${draw('n * 2 + p', 16, 200)}) || ' ' || ${pick(STREETS, 'n * 2 + p', 17)} || ', ' || ${pick(TOWNS, 'n * 2 + p', 18)},
               ($3::text[])[1 + ${draw('n * 2 + p', 19, POSTCODE_POOL)}]
          FROM generate_series($1::int, $2::int) AS n CROSS JOIN generate_series(1, 1 + n % 2) AS p`,
    },
    {
      name: 'deployments',
      rows: () => 3,
      params: [ctx.teamIds, ctx.teamAgencies],
      sql: `
        INSERT INTO deployments (operation_id, team_id, team_agency_id, headcount, tasking, starts_at, ends_at, follows_operation_window,
          status, requested_by, requested_at, responded_by, responded_at, decline_reason, released_by, released_at)
        SELECT d.operation_id, ($3::uuid[])[d.team], ($4::uuid[])[d.team], d.headcount, d.tasking, d.starts_at, d.ends_at, true,
               d.status, d.created_by, d.requested_at,
               CASE WHEN d.status <> 'REQUESTED' THEN d.created_by END,
               CASE WHEN d.status <> 'REQUESTED' THEN d.requested_at + interval '1 day' END,
               CASE WHEN d.status = 'DECLINED' THEN 'Team committed elsewhere that day' END,
               CASE WHEN d.status = 'RELEASED' THEN d.created_by END,
               CASE WHEN d.status = 'RELEASED' THEN d.requested_at + interval '3 days' END
          FROM (SELECT o.id AS operation_id, o.starts_at, o.ends_at, o.created_by, o.created_at + interval '1 day' AS requested_at,
                       1 + (((n - 1) / ${OPS_PER_SLOT}) * 37 + 3 * ((n - 1) % ${OPS_PER_SLOT}) + k) % ${ctx.teamIds.length} AS team,
                       1 + ${draw('n * 3 + k', 20, 4)} AS headcount,
                       ${pick(['Entry and search', 'Arrest of suspects', 'Safeguarding and victim reception', 'Financial search', 'Immigration checks'], 'n * 3 + k', 21)} AS tasking,
                       CASE WHEN ${draw('n * 3 + k', 22, 50)} < 40 THEN 'CONFIRMED' WHEN ${draw('n * 3 + k', 22, 50)} < 44 THEN 'REQUESTED'
                            WHEN ${draw('n * 3 + k', 22, 50)} < 47 THEN 'RELEASED' ELSE 'DECLINED' END AS status
                  FROM ${ops} CROSS JOIN generate_series(0, 2) AS k) d`,
    },
    {
      name: 'evidence_requirements',
      rows: () => 2,
      params: [ctx.teamIds, ctx.liaison],
      sql: `
        INSERT INTO evidence_requirements (operation_id, offence, evidence_type, description, priority, assigned_team_id, status,
          created_by, created_at, updated_at)
        SELECT o.id, ${pick(['MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR', 'MSA_S2_HUMAN_TRAFFICKING', 'MSA_S4_OFFENCE_WITH_INTENT'], 'n * 2 + r', 23)},
               ${pick(['VICTIM_ACCOUNT', 'WITNESS_STATEMENT', 'FINANCIAL_RECORDS', 'DIGITAL_DEVICES', 'COMMUNICATIONS_DATA', 'CCTV', 'DOCUMENTS', 'SCENE_PHOTOGRAPHY'], 'n * 2 + r', 24)},
               'Secure and exhibit material showing control of the workers'' movement, pay and documents (requirement ' || r || ')',
               CASE WHEN r = 1 THEN 'ESSENTIAL' ELSE 'DESIRABLE' END,
               CASE WHEN ${draw('n * 2 + r', 25, 2)} = 0
                    THEN ($3::uuid[])[1 + (((n - 1) / ${OPS_PER_SLOT}) * 37 + 3 * ((n - 1) % ${OPS_PER_SLOT}) + r - 1) % ${ctx.teamIds.length}] END,
               CASE WHEN ${draw('n * 2 + r', 25, 2)} = 0 THEN 'ASSIGNED' ELSE 'OPEN' END,
               $4::uuid, o.created_at + interval '2 days', o.created_at + interval '2 days'
          FROM ${ops} CROSS JOIN generate_series(1, 2) AS r`,
    },
    {
      // Five subjects of interest a plan, each with its keyed hash (random here: the bench measures the index, not the HMAC).
      name: 'plan_subjects',
      rows: () => SUBJECTS_PER_OPERATION,
      params: [],
      sql: `
        INSERT INTO plan_subjects (operation_id, kind, details, added_by, added_at)
        SELECT o.id, ${pick(['PERSON', 'PHONE', 'VEHICLE', 'EMAIL', 'PHONE'], 'n * 5 + k', 27)},
               jsonb_build_object('note', 'generated subject ' || k), o.created_by, o.created_at + interval '1 day'
          FROM ${ops} CROSS JOIN generate_series(1, ${SUBJECTS_PER_OPERATION}) AS k`,
    },
    {
      name: 'subject_match_keys',
      rows: () => SUBJECTS_PER_OPERATION,
      params: [],
      sql: `
        INSERT INTO subject_match_keys (subject_id, operation_id, match_key)
        SELECT s.id, s.operation_id, decode(md5(s.id::text) || md5(s.id::text || 'key'), 'hex')
          FROM ${ops} JOIN plan_subjects s ON s.operation_id = o.id`,
    },
    {
      name: 'cps_involvements',
      rows: (n) => (n % 5 < 3 ? 1 : 0),
      params: [ctx.liaison],
      sql: `
        INSERT INTO cps_involvements (operation_id, status, requested_by, requested_at, liaison_id, engaged_at, withdrawn_at)
        SELECT c.id, c.status, c.created_by, c.created_at + interval '12 hours',
               CASE WHEN c.status = 'ENGAGED' THEN $3::uuid END,
               CASE WHEN c.status = 'ENGAGED' THEN c.created_at + interval '1 day' END,
               CASE WHEN c.status = 'WITHDRAWN' THEN c.created_at + interval '5 days' END
          FROM (SELECT o.id, o.created_by, o.created_at,
                       CASE WHEN ${draw('n', 26, 10)} < 6 THEN 'ENGAGED' WHEN ${draw('n', 26, 10)} < 9 THEN 'REQUESTED' ELSE 'WITHDRAWN' END AS status
                  FROM ${ops} WHERE n % 5 < 3) c`,
    },
  ];
}

/** Adds the bench teams and gathers the ids the generator draws from; the last of `plannedOperations` is created about now. */
export async function prepareDataset(client, plannedOperations) {
  const idsByCode = async (sql) => Object.fromEntries((await client.query(sql)).rows.map((row) => [row.code, row.id]));
  const agencies = await idsByCode(`SELECT code, id FROM agencies`);
  const coordinators = await idsByCode(
    `SELECT DISTINCT ON (a.code) a.code, u.id FROM users u JOIN agencies a ON a.id = u.agency_id
      WHERE 'COORDINATOR' = ANY (u.roles) ORDER BY a.code, u.email`,
  );
  const managers = await idsByCode(
    `SELECT DISTINCT ON (a.code) a.code, u.id FROM users u JOIN agencies a ON a.id = u.agency_id
      WHERE 'MANAGER' = ANY (u.roles) ORDER BY a.code, u.email`,
  );
  const {
    rows: [{ id: liaison }],
  } = await client.query(`SELECT id FROM users WHERE email = 'liaison.cps@demo.local'`);

  const codes = Object.keys(TEAMS_PER_AGENCY);
  await client.query(
    `INSERT INTO teams (agency_id, name, capabilities, capacity)
     SELECT a.id, a.code || ' Day-of-Action Team ' || lpad(k::text, 3, '0'),
            CASE a.kind WHEN 'POLICE' THEN ARRAY['ENTRY','SEARCH','ARREST'] WHEN 'NCA' THEN ARRAY['INTELLIGENCE','ARREST','FINANCIAL_INVESTIGATION']
                        WHEN 'HMRC' THEN ARRAY['TAX_COMPLIANCE','FINANCIAL_INVESTIGATION'] WHEN 'DWP' THEN ARRAY['BENEFITS_INVESTIGATION']
                        WHEN 'BORDER_FORCE' THEN ARRAY['IMMIGRATION_CHECKS','INTERPRETING'] WHEN 'IMMIGRATION_ENFORCEMENT' THEN ARRAY['IMMIGRATION_CHECKS','ARREST']
                        ELSE ARRAY['SAFEGUARDING','VICTIM_RECEPTION'] END,
            4 + k % 9
       FROM unnest($1::text[], $2::int[]) AS m(code, count) JOIN agencies a ON a.code = m.code
      CROSS JOIN generate_series(1, m.count) AS k`,
    [codes, codes.map((code) => TEAMS_PER_AGENCY[code])],
  );
  // Shuffled (deterministically) so that an operation's three teams come from different agencies.
  const { rows: teams } = await client.query(`SELECT id, agency_id FROM teams WHERE name LIKE '% Day-of-Action Team %' ORDER BY md5(name)`);
  const { rowCount: hasApproval } = await client.query(
    `SELECT 1 FROM information_schema.columns WHERE table_name = 'operations' AND column_name = 'approved_by'`,
  );

  const leadCode = (code) => LEAD_FOR[code] ?? code;
  const epoch = new Date(Date.now() - plannedOperations * MINUTES_BETWEEN_CREATIONS * 60_000);
  return {
    creators: CREATOR_MIX.map((code) => coordinators[code]),
    creatorAgencies: CREATOR_MIX.map((code) => agencies[code]),
    leads: CREATOR_MIX.map((code) => agencies[leadCode(code)]),
    approvers: CREATOR_MIX.map((code) => managers[leadCode(code)]),
    labourOnly: CREATOR_MIX.map((code) => code === 'GLAA'),
    epoch,
    liaison,
    postcodes: postcodes(POSTCODE_POOL),
    teamIds: teams.map((team) => team.id),
    teamAgencies: teams.map((team) => team.agency_id),
    hasApproval: hasApproval > 0,
  };
}

function progressBar(total) {
  const width = 30;
  let done = 0;
  let last = '';
  return (table, tableDone, tableTotal, added) => {
    done += added;
    const share = total ? done / total : 1;
    const filled = Math.round(share * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${table} ${tableDone}/${tableTotal}`;
    if (line === last) return;
    last = line;
    process.stdout.write(process.stdout.isTTY ? `\r${line.padEnd(90)}` : `${line}\n`);
  };
}

/** Inserts operations from..to (and their children), table by table in batches, then refreshes statistics. */
export async function growDataset(client, ctx, from, to) {
  const specs = tables(ctx);
  const totals = specs.map((spec) => {
    let rows = 0;
    for (let n = from; n <= to; n++) rows += spec.rows(n);
    return rows;
  });
  const show = progressBar(totals.reduce((a, b) => a + b, 0));
  for (const [index, spec] of specs.entries()) {
    let tableDone = 0;
    for (let first = from; first <= to; first += BATCH) {
      const last = Math.min(to, first + BATCH - 1);
      const { rowCount } = await client.query(spec.sql, [first, last, ...spec.params]);
      tableDone += rowCount;
      show(spec.name, tableDone, totals[index], rowCount);
    }
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
  // New operations take numbers after the generated ones (OP-<year>-<n>).
  await client.query(
    `INSERT INTO operation_reference_counters (year, last_number)
     SELECT split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int) FROM operations GROUP BY 1
     ON CONFLICT (year) DO UPDATE SET last_number = greatest(operation_reference_counters.last_number, excluded.last_number)`,
  );
  // Vacuumed as well as analysed, so that autovacuum does not wake up on the fresh rows mid-measurement.
  await client.query('VACUUM ANALYZE');
}

export async function countRows(client) {
  const names = [
    'operations',
    'operation_locations',
    'deployments',
    'evidence_requirements',
    'cps_involvements',
    'plan_subjects',
    'subject_match_keys',
    'teams',
  ];
  const { rows } = await client.query(
    names.map((name) => `SELECT '${name}' AS name, count(*)::int AS count FROM ${name}`).join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.count]));
}
