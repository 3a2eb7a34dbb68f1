import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import TestAgent from 'supertest/lib/agent';
import { hashPassword } from '../../src/common/password-hashing';
import type { AgencyKind, Capability, Role } from '../../src/common/domain';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export const unique = (prefix = '') => `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`;

export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  agencyId: string;
  roles: Role[];
}

export interface TeamRow {
  id: string;
  agencyId: string;
  name: string;
  capabilities: Capability[];
  capacity: number;
}

export async function createAgency(db: DataSource, overrides: Partial<Omit<AgencyRow, 'id'>> = {}): Promise<AgencyRow> {
  const code = overrides.code ?? unique('T');
  const [row] = await db.query(`INSERT INTO agencies (code, name, kind) VALUES ($1, $2, $3) RETURNING id, code, name, kind`, [
    code,
    overrides.name ?? `Test agency ${code}`,
    overrides.kind ?? 'POLICE',
  ]);
  return row;
}

export async function createUser(
  db: DataSource,
  agency: AgencyRow,
  roles: Role[] = ['COORDINATOR'],
  overrides: { email?: string; name?: string; active?: boolean } = {},
): Promise<UserRow> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = overrides.email ?? `${unique('user.').toLowerCase()}@test.local`;
  const [row] = await db.query(
    `INSERT INTO users (email, name, agency_id, roles, password_hash, active) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, email, name, agency_id AS "agencyId", roles`,
    [
      email,
      overrides.name ?? `Test ${roles.map((role) => role.toLowerCase().replace('_', ' ')).join(' and ')} ${agency.code}`,
      agency.id,
      roles,
      await passwordHash,
      overrides.active ?? true,
    ],
  );
  return row;
}

export async function createTeam(
  db: DataSource,
  agency: AgencyRow,
  overrides: Partial<Omit<TeamRow, 'id' | 'agencyId'>> = {},
): Promise<TeamRow> {
  const [row] = await db.query(
    `INSERT INTO teams (agency_id, name, capabilities, capacity) VALUES ($1, $2, $3, $4)
     RETURNING id, agency_id AS "agencyId", name, capabilities, capacity`,
    [agency.id, overrides.name ?? unique('Team '), overrides.capabilities ?? ['ENTRY', 'SEARCH'], overrides.capacity ?? 10],
  );
  return row;
}

export async function login(http: () => TestAgent, user: { email: string }, password = TEST_PASSWORD): Promise<string> {
  const response = await http().post('/auth/login').send({ email: user.email, password }).expect(200);
  return response.body.accessToken;
}

/** A fresh agency of `kind` with one user holding `roles`, signed in. */
export async function signedIn(
  db: DataSource,
  http: () => TestAgent,
  roles: Role[] = ['COORDINATOR'],
  kind: AgencyKind = 'POLICE',
): Promise<{ agency: AgencyRow; user: UserRow; token: string; auth: { Authorization: string } }> {
  const agency = await createAgency(db, { kind });
  const user = await createUser(db, agency, roles);
  const token = await login(http, user);
  return { agency, user, token, auth: { Authorization: `Bearer ${token}` } };
}

/** A random valid UK postcode, in lower case, so that test plans do not deconflict with each other by accident. */
export function randomPostcode(): string {
  const letter = () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)];
  const digit = () => String(Math.floor(Math.random() * 10));
  return `${letter()}${letter()}${digit()}${digit()} ${digit()}${letter()}${letter()}`;
}

/** Two premises a team may be allocated to, a car wash and a house, each at its own random postcode. */
export function twoPremises() {
  return [
    { label: 'Car wash', address: '12 Ladypool Road', postcode: randomPostcode() },
    { label: 'House', address: '3 Stratford Road', postcode: randomPostcode() },
  ];
}

/** A valid operation body: a day of action a month from now; tests override what matters to them. */
export function operationBody(overrides: Record<string, unknown> = {}) {
  const start = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  start.setUTCHours(5, 0, 0, 0);
  const end = new Date(start.getTime() + 12 * 3600 * 1000);
  return {
    name: `Operation ${unique()}`,
    exploitationTypes: ['LABOUR'],
    scope: 'LOCAL',
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    briefing: { information: 'Intelligence suggests forced labour at two car washes.', intent: 'Safeguard workers; arrest controllers.' },
    locations: [{ label: 'Car wash', address: '12 Ladypool Road, Birmingham', postcode: randomPostcode() }],
    safeguarding: { expectedPotentialVictims: 6, languages: ['Romanian'], receptionCentre: 'Sparkhill reception centre' },
    ...overrides,
  };
}
