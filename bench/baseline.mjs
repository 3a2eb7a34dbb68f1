// The lower bound for GET /operations/:id: no framework, no token check, the same SQL as the app
// (src/operations/plan-read.repository.ts, visibility.sql.ts) over a pool
// of the same size, sent the same way: as named prepared statements (named() in src/database/sql.ts). The
// caller is always BASELINE_USER_ID, loaded on every request as the app does.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const userId = process.env.BASELINE_USER_ID;

const agencyJson = (alias) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'name', ${alias}.name, 'kind', ${alias}.kind) END`;
const personJson = (alias) => `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'email', ${alias}.email)`;

const USER = `SELECT u.id, u.email, u.name, u.roles, u.agency_id AS "agencyId", a.code AS "agencyCode", a.kind AS "agencyKind"
  FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1 AND u.active`;

// The visibility fragment as the app builds it for a coordinator (the liaison branch does not apply).
const OPERATION = `SELECT o.id, o.reference, o.name, o.exploitation_types AS "exploitationTypes", o.scope,
    o.starts_at AS "startsAt", o.ends_at AS "endsAt", o.lead_agency_id AS "leadAgencyId", o.briefing,
    o.expected_potential_victims AS "expectedPotentialVictims", o.safeguarding_languages AS "safeguardingLanguages",
    o.reception_centre AS "receptionCentre", o.status, o.version, o.created_by AS "createdBy",
    o.created_by_agency_id AS "createdByAgencyId", o.updated_by AS "updatedBy",
    o.created_at AS "createdAt", o.updated_at AS "updatedAt", o.approved_at AS "approvedAt", o.outcomes,
    o.cancel_reason AS "cancelReason", o.created_at::text AS "cursorAt",
    ${agencyJson('la')} AS "leadAgency", ${agencyJson('ca')} AS "createdByAgency",
    ${personJson('cu')} AS "createdByPerson", ${personJson('uu')} AS "updatedByPerson",
    CASE WHEN c.operation_id IS NULL THEN NULL ELSE json_build_object(
      'status', c.status, 'requestedAt', c.requested_at, 'engagedAt', c.engaged_at,
      'liaison', CASE WHEN lu.id IS NULL THEN NULL ELSE ${personJson('lu')} END,
      'leadTimeDays', floor(extract(epoch FROM (o.starts_at - c.engaged_at)) / 86400)::int) END AS "cpsInvolvement",
    CASE WHEN au.id IS NULL THEN NULL ELSE ${personJson('au')} END AS "approvedByPerson"
  FROM operations o
  LEFT JOIN agencies la ON la.id = o.lead_agency_id
  JOIN agencies ca ON ca.id = o.created_by_agency_id
  JOIN users cu ON cu.id = o.created_by
  JOIN users uu ON uu.id = o.updated_by
  LEFT JOIN cps_involvements c ON c.operation_id = o.id
  LEFT JOIN users lu ON lu.id = c.liaison_id
  LEFT JOIN users au ON au.id = o.approved_by
 WHERE o.id = $1 AND (o.created_by_agency_id = $2 OR o.lead_agency_id = $2
   OR EXISTS (SELECT 1 FROM deployments vd WHERE vd.operation_id = o.id AND vd.team_agency_id = $2 AND vd.status <> 'DECLINED'))`;

const LOCATIONS = `SELECT label, address, postcode FROM operation_locations WHERE operation_id = $1 ORDER BY position`;

const DEPLOYMENTS = `SELECT d.id, json_build_object('id', t.id, 'name', t.name, 'capabilities', t.capabilities, 'capacity', t.capacity) AS team,
    ${agencyJson('a')} AS agency, d.headcount, d.tasking, d.starts_at AS "startsAt", d.ends_at AS "endsAt",
    d.follows_operation_window AS "followsOperationWindow", d.status, ${personJson('rq')} AS "requestedBy",
    d.requested_at AS "requestedAt",
    CASE WHEN rs.id IS NULL THEN NULL ELSE ${personJson('rs')} END AS "respondedBy",
    d.responded_at AS "respondedAt", d.decline_reason AS "declineReason", d.released_at AS "releasedAt"
  FROM deployments d
  JOIN teams t ON t.id = d.team_id
  JOIN agencies a ON a.id = d.team_agency_id
  JOIN users rq ON rq.id = d.requested_by
  LEFT JOIN users rs ON rs.id = d.responded_by
 WHERE d.operation_id = $1
 ORDER BY d.requested_at, d.id`;

const person = (alias) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'email', ${alias}.email) END`;

const EVIDENCE = `SELECT r.id, r.offence, r.offence_other AS "offenceOther", r.evidence_type AS "evidenceType", r.description, r.priority, r.status,
    CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object(
      'id', t.id, 'name', t.name, 'capabilities', t.capabilities,
      'agency', json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'kind', a.kind)) END AS "assignedTeam",
    r.gathered_note AS "gatheredNote", ${person('g')} AS "gatheredBy", r.gathered_at AS "gatheredAt",
    ${person('dcd')} AS "decidedBy", r.decided_at AS "decidedAt", r.rejection_reason AS "rejectionReason"
  FROM evidence_requirements r
  LEFT JOIN teams t ON t.id = r.assigned_team_id
  LEFT JOIN agencies a ON a.id = t.agency_id
  LEFT JOIN users g ON g.id = r.gathered_by
  LEFT JOIN users dcd ON dcd.id = r.decided_by
 WHERE r.operation_id = $1
 ORDER BY r.created_at, r.id`;

async function operation(id) {
  const {
    rows: [user],
  } = await pool.query({ name: 'user', text: USER, values: [userId] });
  if (!user) return undefined;
  const {
    rows: [row],
  } = await pool.query({ name: 'operation', text: OPERATION, values: [id, user.agencyId] });
  if (!row) return undefined;
  const [locations, deployments, evidenceRequirements] = await Promise.all(
    [LOCATIONS, DEPLOYMENTS, EVIDENCE].map((text, i) => pool.query({ name: `list${i}`, text, values: [id] }).then((result) => result.rows)),
  );
  return { ...row, locations, deployments, evidenceRequirements };
}

function send(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

const server = createServer((request, response) => {
  const match = /^\/operations\/([0-9a-f-]{36})$/.exec(request.url ?? '');
  if (request.method === 'GET' && request.url === '/health') return send(response, 200, { status: 'ok' });
  if (request.method !== 'GET' || !match) return send(response, 404, { code: 'NOT_FOUND' });
  operation(match[1]).then(
    (body) => (body ? send(response, 200, body) : send(response, 404, { code: 'NOT_FOUND' })),
    (error) => send(response, 500, { code: 'INTERNAL', message: error.message }),
  );
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => pool.end()));
