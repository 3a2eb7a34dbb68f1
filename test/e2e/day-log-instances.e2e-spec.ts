import { DataSource } from 'typeorm';
import { situationReport } from '../factories/day-log';
import { Auth, Plan, Scenario } from '../factories/scenario';
import { isolatedDatabaseUrl } from '../support/databases';
import { RunningApp } from '../support/running-app';
import { SseClient } from '../support/sse-client';
import type { TestApp } from '../support/test-app';

/** Issue 29: the day's log followed on one instance of the built app while it is written on another, both on one database. */
describe('the day’s log followed across two instances', () => {
  let db: DataSource;
  let apps: RunningApp[] = [];
  let s: Scenario;

  beforeAll(async () => {
    const url = await isolatedDatabaseUrl();
    db = await new DataSource({ type: 'postgres', url }).initialize();
    apps = await Promise.all([RunningApp.onDatabase(url), RunningApp.onDatabase(url)]);
    // Everyone is set up, and every entry recorded, through the second instance.
    s = new Scenario({ http: () => apps[1].http(), dataSource: db } as unknown as TestApp);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(apps.filter((app) => app.running).map((app) => app.stop('SIGTERM')));
    await db?.destroy();
  });

  async function record(who: Auth, plan: Plan, place: string): Promise<string> {
    return ((await s.post(who, `/operations/${plan.id}/log`, situationReport(place)).expect(201)).body as { id: string }).id;
  }

  const follow = (app: RunningApp, who: Auth, plan: Plan, headers: Record<string, string> = {}) =>
    SseClient.open(`${app.url}/operations/${plan.id}/log/stream`, { ...who, ...headers });

  it('delivers on one an entry recorded on the other; when the first dies, the client resumes on the other with every entry once', async () => {
    const [a, b] = apps;
    const owner = await s.owner();
    const plan = await s.plan(owner, { stage: 'active' });
    const first = await record(owner.auth, plan, 'Rear yard');

    const onA = await follow(a, owner.auth, plan);
    await onA.untilEntry(first);
    const second = await record(owner.auth, plan, 'Front office');
    await onA.untilEntry(second);
    expect(onA.events.map((event) => event.id)).toEqual([first, second]);

    await a.stop('SIGKILL');
    await onA.untilEnded();
    const meanwhile = [];
    for (const place of ['Cellar', 'Loft', 'Garage']) meanwhile.push(await record(owner.auth, plan, place));

    const onB = await follow(b, owner.auth, plan, { 'Last-Event-ID': second });
    const last = await record(owner.auth, plan, 'Van');
    await onB.untilEntry(last);
    onB.close();
    expect(onB.events.map((event) => event.id)).toEqual([...meanwhile, last]);
  }, 60_000);

  it('keeps a stream going when the database drops the instance’s listening connection: it listens again and the stream catches up', async () => {
    const b = apps[1];
    const owner = await s.owner();
    const plan = await s.plan(owner, { stage: 'active' });
    const stream = await follow(b, owner.auth, plan);

    const cut: unknown[] = await db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'day-of-action-planner day log'`,
    );
    expect(cut.length).toBeGreaterThan(0);
    const entry = await record(owner.auth, plan, 'Rear yard');
    await stream.untilEntry(entry);
    const later = await record(owner.auth, plan, 'Front office');
    await stream.untilEntry(later);
    stream.close();
    expect(stream.events.map((event) => event.id)).toEqual([entry, later]);
  }, 60_000);

  it('ends its streams when it shuts down, so that it exits at once and their clients resume elsewhere', async () => {
    const b = apps[1];
    const owner = await s.owner();
    const plan = await s.plan(owner, { stage: 'active' });
    const entry = await record(owner.auth, plan, 'Rear yard');
    const stream = await follow(b, owner.auth, plan);
    await stream.untilEntry(entry);

    const stopped = await b.stop('SIGTERM');
    expect(stopped.signal).toBe('SIGTERM');
    await stream.untilEnded();
    expect(stream.events.map((event) => event.id)).toEqual([entry]);
  }, 60_000);
});
