import { DataSource } from 'typeorm';
import { hashPassword } from '../common/password-hashing';
import { DEMO_AGENCIES, DEMO_TEAMS, DEMO_USERS } from './demo-data';

/**
 * Inserts whatever of the demo data is missing; never changes rows that exist
 * (so a demo user's changed password stays changed). Returns the users it added.
 */
export async function seedDemo(dataSource: DataSource, demoPassword: string): Promise<number> {
  return dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO agencies (code, name, kind)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (code) DO NOTHING`,
      [DEMO_AGENCIES.map((a) => a.code), DEMO_AGENCIES.map((a) => a.name), DEMO_AGENCIES.map((a) => a.kind)],
    );
    await manager.query(
      `INSERT INTO teams (agency_id, name, capabilities, capacity)
       SELECT a.id, t.name, string_to_array(t.capabilities, ','), t.capacity
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS t(code, name, capabilities, capacity)
         JOIN agencies a ON a.code = t.code
       ON CONFLICT (agency_id, name) DO NOTHING`,
      [
        DEMO_TEAMS.map((t) => t.agency),
        DEMO_TEAMS.map((t) => t.name),
        DEMO_TEAMS.map((t) => t.capabilities.join(',')),
        DEMO_TEAMS.map((t) => t.capacity),
      ],
    );
    const existing: { email: string }[] = await manager.query(`SELECT email FROM users WHERE email = ANY($1)`, [
      DEMO_USERS.map((u) => u.email),
    ]);
    const have = new Set(existing.map((row) => row.email));
    const missing = DEMO_USERS.filter((user) => !have.has(user.email));
    const hashes = await Promise.all(missing.map(() => hashPassword(demoPassword)));
    for (const [index, user] of missing.entries()) {
      await manager.query(
        `INSERT INTO users (email, name, agency_id, roles, password_hash)
         SELECT $1, $2, id, $4, $5 FROM agencies WHERE code = $3
         ON CONFLICT (lower(email)) DO NOTHING`,
        [user.email, user.name, user.agency, user.roles, hashes[index]],
      );
    }
    return missing.length;
  });
}

/** The demo users there are, with the hash of the password each holds now. */
export async function demoUserPasswords(dataSource: DataSource): Promise<{ email: string; passwordHash: string }[]> {
  return dataSource.query(`SELECT email, password_hash AS "passwordHash" FROM users WHERE email = ANY($1) ORDER BY email`, [DEMO_USERS.map((u) => u.email)]);
}
