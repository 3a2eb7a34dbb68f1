import { randomPostcode, signedIn } from '../factories';
import { situationReport } from '../factories/day-log';
import { Auth, Owner, Plan, Signed } from '../factories/scenario';
import { webSignIn } from '../support/browser-session';
import { sample, TOKEN } from '../support/metrics';
import { SseClient } from '../support/sse-client';
import { useApp } from '../support/use-app';
import { DayLogListener } from '../../src/day-log/day-log-listener';

type Entry = {
  id: string;
  kind: string;
  section: string;
  location: { id: string; label: string } | null;
  details: Record<string, unknown>;
};

/** Issue 29: the day's log as server-sent events, read by a raw HTTP client as a browser's EventSource reads it. */
describe('the day’s log as it is written', () => {
  const { t, s } = useApp({ METRICS_TOKEN: TOKEN });
  let base: string;

  beforeAll(async () => {
    base = await t.app.getUrl();
  });

  /** An ACTIVE plan at two premises with a victim-support partner's team confirmed on it. */
  async function dayUnderWay(): Promise<{ owner: Owner; victims: Signed; plan: Plan }> {
    const owner = await s.owner();
    const victims = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
    const plan = await s.plan(owner, {
      stage: 'active',
      partners: [victims],
      body: { locations: [{ label: 'Car wash', address: '12 Ladypool Road', postcode: randomPostcode() }] },
    });
    return { owner, victims, plan };
  }

  /** Records an entry as `who`, answering its id (the newest the poster sees). */
  async function record(who: Auth, plan: Plan, body: Record<string, unknown>): Promise<string> {
    return ((await s.post(who, `/operations/${plan.id}/log`, body).expect(201)).body as Entry).id;
  }

  const follow = (who: Auth, plan: Plan, headers: Record<string, string> = {}, query = '') =>
    SseClient.open(`${base}/operations/${plan.id}/log/stream${query}`, { ...who, ...headers });

  it('sends the log so far, then an entry another user records, as events named entry with the entry’s id', async () => {
    const { owner, victims, plan } = await dayUnderWay();
    const first = await record(owner.auth, plan, situationReport('Rear yard'));

    const stream = await follow(victims.auth, plan);
    expect(stream.status).toBe(200);
    expect(stream.headers).toMatchObject({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    expect(stream.headers['x-request-id']).toEqual(expect.any(String));
    await stream.until(1);
    const second = await record(owner.auth, plan, situationReport('Front office'));
    await stream.untilEntry(second);
    stream.close();

    expect(stream.events.map(({ id, event }) => ({ id, event }))).toEqual([
      { id: first, event: 'entry' },
      { id: second, event: 'entry' },
    ]);
    const read: Entry[] = (await s.get(victims.auth, `/operations/${plan.id}/log`).expect(200)).body.entries;
    expect(stream.entries()).toEqual(read);
  });

  it('resumes after Last-Event-ID (or ?after=) with exactly the entries after it, each once, in the order recorded', async () => {
    const { owner, plan } = await dayUnderWay();
    const before = [];
    for (const place of ['Yard', 'Office', 'Loft']) before.push(await record(owner.auth, plan, situationReport(place)));

    const dropped = await follow(owner.auth, plan);
    await dropped.until(3);
    dropped.close();
    const meanwhile = await Promise.all(['Cellar', 'Garage'].map((place) => record(owner.auth, plan, situationReport(place))));

    const resumed = await follow(owner.auth, plan, { 'Last-Event-ID': before[1] });
    const byQuery = await follow(owner.auth, plan, {}, `?after=${before[1]}`);
    // Entries recorded at once, while both streams are open: the last one sent shows every earlier one has come.
    const live = await Promise.all(['Shed', 'Van'].map((place) => record(owner.auth, plan, situationReport(place))));
    const last = await record(owner.auth, plan, situationReport('Done'));
    for (const stream of [resumed, byQuery]) {
      await stream.untilEntry(last);
      stream.close();
    }

    const all: Entry[] = (await s.get(owner.auth, `/operations/${plan.id}/log`).expect(200)).body.entries;
    const expected = all.slice(2).map((entry) => entry.id);
    expect(expected).toEqual(expect.arrayContaining([before[2], ...meanwhile, ...live, last]));
    expect(resumed.events.map((event) => event.id)).toEqual(expected);
    expect(byQuery.events.map((event) => event.id)).toEqual(expected);
  });

  it('never carries to a victim-support partner a decision marked intelligence, nor the name of a premises', async () => {
    const { owner, victims, plan } = await dayUnderWay();
    const [carWash] = plan.locations!;
    const partner = await follow(victims.auth, plan);
    const command = await follow(owner.auth, plan);

    const status = await record(owner.auth, plan, { kind: 'STATUS', locationId: carWash.id, status: 'TEAM_AT_RV' });
    const secret = await record(owner.auth, plan, {
      kind: 'DECISION',
      decision: 'Hold back until the phone goes live',
      rationale: 'The source says the controller is on his way',
      decidedBy: 'SILVER',
      considered: 'Going in now',
      intelligence: true,
    });
    const last = await record(owner.auth, plan, situationReport('Rear yard'));
    for (const stream of [partner, command]) {
      await stream.untilEntry(last);
      stream.close();
    }

    expect(partner.events.map((event) => event.id)).toEqual([status, last]);
    expect(partner.entries<Entry>()[0].location).toBeNull();
    expect(partner.body).not.toContain('Car wash');
    expect(partner.body).not.toContain('phone goes live');
    expect(command.events.map((event) => event.id)).toEqual([status, secret, last]);
    expect(command.entries<Entry>()[0].location).toEqual({ id: carWash.id, label: 'Car wash' });
  });

  it('is refused before it starts: 404 to an agency not on the plan, 401 without a token, 400 for a resume point not an entry’s', async () => {
    const { plan } = await dayUnderWay();
    const stranger = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'POLICE');

    for (const [who, headers, status, code] of [
      [stranger.auth, {}, 404, 'NOT_FOUND'],
      [{}, {}, 401, 'UNAUTHENTICATED'],
      [stranger.auth, { 'Last-Event-ID': 'yesterday' }, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const refused = await follow(who as Auth, plan, headers);
      await refused.untilEnded();
      expect(refused.status).toBe(status);
      expect(refused.headers['content-type']).toContain('application/json');
      expect(JSON.parse(refused.body)).toMatchObject({ statusCode: status, code });
    }
  });

  it('stops following a plan when its client goes, leaving no subscriber behind', async () => {
    const { owner, plan } = await dayUnderWay();
    const listener = t.app.get(DayLogListener);
    // The earlier tests' clients have gone: the server sees each close in a moment.
    await until(() => listener.streams === 0);

    const scrape = async () => (await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;

    const streams = await Promise.all([1, 2, 3].map(() => follow(owner.auth, plan)));
    expect(listener.streams).toBe(3);
    expect(sample(await scrape(), 'planner_day_log_streams')).toBe(3);
    expect(sample(await scrape(), 'planner_day_log_listening')).toBe(1);
    for (const stream of streams) stream.close();
    await until(() => listener.streams === 0);
    expect(listener.streams).toBe(0);
    expect(sample(await scrape(), 'planner_day_log_streams')).toBe(0);
  });

  it('streams the same events to the board page’s script, signed in by the browser’s session', async () => {
    const { owner, plan } = await dayUnderWay();
    const session = await webSignIn(t.http, owner.user.email);
    const first = await record(owner.auth, plan, situationReport('Rear yard'));

    const stream = await SseClient.open(`${base}/plans/${plan.reference}/day/stream`, { Cookie: session.cookie });
    expect(stream.status).toBe(200);
    const second = await record(owner.auth, plan, situationReport('Front office'));
    await stream.untilEntry(second);
    stream.close();
    expect(stream.events.map((event) => event.id)).toEqual([first, second]);

    const stranger = await signedIn(t.dataSource, t.http, ['COORDINATOR'], 'POLICE');
    const theirs = await webSignIn(t.http, stranger.user.email);
    const refused = await SseClient.open(`${base}/plans/${plan.reference}/day/stream`, { Cookie: theirs.cookie });
    await refused.untilEnded();
    expect(refused.status).toBe(404);
  });
});

/** Waits for a condition the server reaches on its own (a socket's close seen), failing after a while. */
async function until(met: () => boolean): Promise<void> {
  for (let tries = 0; tries < 150 && !met(); tries++) await new Promise((done) => setTimeout(done, 100));
}
