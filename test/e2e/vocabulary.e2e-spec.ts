import { DataSource } from 'typeorm';
import {
  ACTIVE_DEPLOYMENT_STATUSES,
  AGENCY_KINDS,
  CAPABILITIES,
  CPS_INVOLVEMENT_STATUSES,
  DEPLOYMENT_STATUSES,
  ENTRY_BASES,
  EVIDENCE_PRIORITIES,
  EVIDENCE_STATUSES,
  EVIDENCE_TYPES,
  EXPLOITATION_TYPES,
  HAZARDS,
  OFFENCES,
  OPERATION_STATUSES,
  POWERS,
  RISK_RATINGS,
  ROLES,
  SCOPES,
  SIGN_OFF_DECISIONS,
} from '../../src/common/domain';
import { UK_POSTCODE } from '../../src/common/postcode';
import { MAX_WINDOW_HOURS } from '../../src/operations/window';
import { operationBody, signedIn } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * One vocabulary: each list of values, and each rule, the code uses is the one the database
 * enforces. Migrations keep frozen copies; this fails the day the two part.
 */
describe('the code and the database speak one vocabulary', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.dataSource;
  });
  afterAll(() => t.close());

  const definition = async (name: string): Promise<string> => {
    const [row] = await db.query(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = $1
       UNION ALL SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indexrelid = to_regclass($1)`,
      [name],
    );
    if (!row) throw new Error(`no constraint or index ${name}`);
    return row.definition;
  };
  const quoted = (text: string) => [...text.matchAll(/'([A-Z][A-Z0-9_]*)'/g)].map((match) => match[1]).sort();

  it.each<[string, readonly string[]]>([
    ['ck_agencies_kind', AGENCY_KINDS],
    ['ck_teams_capabilities', CAPABILITIES],
    ['ck_users_roles', ROLES],
    ['ck_operations_exploitation_types', EXPLOITATION_TYPES],
    ['ck_operations_scope', SCOPES],
    ['ck_operations_status', OPERATION_STATUSES],
    ['ck_deployments_status', DEPLOYMENT_STATUSES],
    ['ix_deployments_team_window_active', ACTIVE_DEPLOYMENT_STATUSES],
    ['ck_cps_involvements_status', CPS_INVOLVEMENT_STATUSES],
    ['ck_evidence_requirements_offence', OFFENCES],
    ['ck_evidence_requirements_type', EVIDENCE_TYPES],
    ['ck_evidence_requirements_priority', EVIDENCE_PRIORITIES],
    ['ck_evidence_requirements_status', EVIDENCE_STATUSES],
    ['ck_agency_kind_powers_kind', AGENCY_KINDS],
    ['ck_agency_kind_powers_power', POWERS],
    ['ck_deployments_powers', POWERS],
    ['ck_operation_locations_entry_basis', ENTRY_BASES],
    ['ck_operation_risks_hazard', HAZARDS],
    ['ck_operation_risks_residual', RISK_RATINGS],
    ['ck_partner_sign_offs_decision', SIGN_OFF_DECISIONS],
  ])('%s holds exactly the values the code uses', async (name, values) => {
    expect(quoted(await definition(name))).toEqual([...new Set(values)].sort());
  });

  it('checks postcodes with the pattern the code validates, so the two agree on every postcode (GIR 0AA too)', async () => {
    expect(await definition('ck_operation_locations_postcode')).toContain(`'${UK_POSTCODE.source}'`);
    const { auth } = await signedIn(db, t.http);
    const refused = await t
      .http()
      .post('/operations')
      .set(auth)
      .send(operationBody({ locations: [{ label: 'Bank', address: 'Bootle', postcode: 'GIR 0AA' }] }))
      .expect(400);
    expect(refused.body.details.fields).toEqual([
      { field: 'locations.0.postcode', problems: ['The postcode must be a UK postcode, like B11 1AA'] },
    ]);
  });

  it('limits a window to the length the code allows', async () => {
    expect(await definition('ck_operations_window_length')).toContain(`'${MAX_WINDOW_HOURS}:00:00'::interval`);
  });
});
