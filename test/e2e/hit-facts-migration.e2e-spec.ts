import { QueryRunner } from 'typeorm';
import { HitFacts1764510000000 } from '../../src/database/migrations/1764510000000-HitFacts';
import { randomPostcode } from '../factories';
import { Scenario } from '../factories/scenario';
import { isolatedDatabaseUrl } from '../support/databases';
import { startTestApp, TestApp } from '../support/test-app';

/** The migration that gave hits their facts, run back and forth over hits recorded the old way, in a database of its own. */
describe('migrating the hits recorded before hits said what matched', () => {
  let t: TestApp;
  let s: Scenario;

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
    s = new Scenario(t);
  });
  afterAll(() => t.close());

  it('makes a pair’s hit of place and its subject hits one hit, its postcodes from the history, acknowledged only on the side that acknowledged every part', async () => {
    const [nca, police] = [await s.owner('NCA'), await s.owner('POLICE')];
    const postcode = randomPostcode().toUpperCase();
    const place = [{ label: 'Yard', address: '1 Mill Lane', postcode }];
    const number = `07700 9${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
    const ours = await s.draft(nca, { startsAt: '2028-09-01T05:00:00Z', endsAt: '2028-09-01T15:00:00Z', locations: place });
    await s.post(nca.auth, `/operations/${ours.id}/subjects`, { version: ours.version, kind: 'PHONE', phone: number }).expect(201);
    const theirs = await s.draft(police, { startsAt: '2028-09-01T10:00:00Z', endsAt: '2028-09-01T20:00:00Z', locations: place });
    await s.post(police.auth, `/operations/${theirs.id}/subjects`, { version: theirs.version, kind: 'PHONE', phone: number }).expect(201);
    // Their plan moves on: the hit keeps the postcode its raising recorded.
    const moved = (await s.get(police.auth, `/operations/${theirs.id}`).expect(200)).body;
    await s.patch(police.auth, `/operations/${theirs.id}`, { version: moved.version, locations: [] }).expect(200);

    const db = { query: (text: string, parameters?: unknown[]) => t.dataSource.query(text, parameters) } as unknown as QueryRunner;
    const migration = new HitFacts1764510000000();
    await migration.down(db);
    // As the old tables held them: our side acknowledged the place, not the phone; theirs both.
    await t.dataSource.query(
      `INSERT INTO conflict_acknowledgements (operation_id, other_operation_id, note, acknowledged_by, acknowledged_at) VALUES ($1, $2, 'Our place note', $3, now() - interval '2 hours'), ($2, $1, 'Their place note', $4, now() - interval '2 hours')`,
      [ours.id, theirs.id, nca.user.id, police.user.id],
    );
    await t.dataSource.query(
      `UPDATE subject_hits SET acknowledgement_note = 'Their phone note', acknowledged_by = $3, acknowledged_at = now() - interval '1 hour' WHERE operation_id = $1 AND other_operation_id = $2`,
      [theirs.id, ours.id, police.user.id],
    );
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM subject_hits WHERE operation_id IN ($1, $2)`, [ours.id, theirs.id]),
    ).toEqual([{ n: 2 }]);
    await migration.up(db);

    const read = async (auth: { Authorization: string }, plan: { id: string }) =>
      (await s.get(auth, `/operations/${plan.id}/conflicts`).expect(200)).body;
    const [ourHits, theirHits] = [await read(nca.auth, ours), await read(police.auth, theirs)];
    expect(ourHits).toEqual([
      expect.objectContaining({
        reference: theirs.reference,
        kinds: ['PLACE', 'PHONE'],
        sharedPostcodes: [postcode],
        // The windows as they stand overlap on 1 September 2028.
        overlap: { from: '2028-09-01', to: '2028-09-01' },
        stands: true,
        acknowledgement: null,
        theirAcknowledgement: expect.objectContaining({ note: 'Their place note\nTheir phone note' }),
      }),
    ]);
    expect(theirHits).toEqual([
      expect.objectContaining({
        hitId: ourHits[0].hitId,
        kinds: ['PLACE', 'PHONE'],
        acknowledgement: expect.objectContaining({ note: 'Their place note\nTheir phone note' }),
        theirAcknowledgement: null,
      }),
    ]);
    const readiness = async (auth: { Authorization: string }, plan: { id: string }) =>
      (await s.get(auth, `/operations/${plan.id}/readiness`).expect(200)).body.checks.find(
        (check: { id: string }) => check.id === 'deconfliction',
      );
    expect(await readiness(nca.auth, ours)).toMatchObject({ ok: false });
    expect(await readiness(police.auth, theirs)).toMatchObject({ ok: true });

    // Hits raised after the migration build on what it carried over: the phone added again raises nothing.
    const now = (await s.get(police.auth, `/operations/${theirs.id}`).expect(200)).body;
    await s
      .post(police.auth, `/operations/${theirs.id}/subjects`, { version: now.version, kind: 'PHONE', phone: number.replace(/^0/, '+44 ') })
      .expect(201);
    expect(await read(nca.auth, ours)).toEqual(ourHits);
  });
});
