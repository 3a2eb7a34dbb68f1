import { createHash } from 'node:crypto';
import ical, { CalendarResponse, VEvent } from 'node-ical';
import { Client } from 'pg';
import { createAgency, createTeam, createUser, login, operationBody, randomPostcode, signedIn, unique } from '../factories';
import { Auth, Owner, Plan, Signed } from '../factories/scenario';
import { useApp } from '../support/use-app';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (plan: { startsAt: string }, hours: number) => new Date(new Date(plan.startsAt).getTime() + hours * HOUR).toISOString();

/** Issue 18, part 2: each user's secret calendar feed, read as a calendar app reads it and parsed as iCalendar. */
describe('the calendar feed', () => {
  const { t, s } = useApp();

  /** A new feed for `who`: the path of its secret address, and the token in it. */
  async function newFeed(who: Auth): Promise<{ path: string; token: string; url: string }> {
    const created = await t.http().post('/calendar/feed').set(who).send({}).expect(201);
    const url: string = created.body.url;
    const path = new URL(url).pathname;
    return { url, path, token: /^\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(path)?.[1] ?? '' };
  }

  async function read(path: string): Promise<{ text: string; events: Record<string, VEvent> }> {
    const response = await t.http().get(path).expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const parsed: CalendarResponse = ical.sync.parseICS(response.text);
    const events = Object.fromEntries(
      Object.entries(parsed).filter(([, value]) => value && 'type' in value && value.type === 'VEVENT'),
    ) as Record<string, VEvent>;
    return { text: response.text, events };
  }

  const text = (value: unknown) => (typeof value === 'string' ? value : ((value as { val?: string } | undefined)?.val ?? ''));

  /** An ICS text unfolded (RFC 5545 §3.1), so that a value folded over two lines is found whole. */
  const unfolded = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');

  /**
   * A police plan (OFFICIAL-SENSITIVE, the default marking) with its own team, and an HMRC team
   * confirmed on it for part of the day; every operational detail of it planted as a distinctive
   * string (`secrets`): the places' labels, addresses, postcodes, warrant and power, the briefing
   * place, the radio channel, an RV point, the HMRC team's tasking and its call sign. Another agency's
   * plan, and an HMRC team only requested on it.
   */
  async function world() {
    const owner: Owner = await s.owner();
    const partner = await s.partner('HMRC');
    const tag = unique('X');
    const postcode = randomPostcode();
    const secrets = {
      place: `Plantedlabel ${tag}`,
      address: `12 Plantedaddress Road ${tag}`,
      postcode: postcode.toUpperCase(),
      warrantPlace: `Plantedwarrantplace ${tag}`,
      warrantAddress: `7 Plantedwarrant Street ${tag}`,
      warrant: `Plantedwarrantref ${tag}`,
      court: `Plantedcourt ${tag}`,
      power: `Plantedpower s179 ${tag}`,
      briefingPlace: `Plantedbriefing House ${tag}`,
      radio: `Plantedradio ${tag}`,
      rvName: `Plantedrvname ${tag}`,
      rvAddress: `Plantedrvaddress ${tag}`,
      tasking: `Plantedtasking ${tag}`,
      callSign: `Plantedcallsign ${tag}`,
    };
    const startsAt = operationBody().startsAt;
    let plan: Plan = await s.plan(owner, {
      stage: 'ready',
      body: {
        locations: [
          { label: secrets.place, address: secrets.address, postcode, entry: { basis: 'STATUTORY_POWER', power: secrets.power } },
          {
            label: secrets.warrantPlace,
            address: secrets.warrantAddress,
            postcode: randomPostcode(),
            entry: {
              basis: 'WARRANT',
              warrant: { type: 'Search warrant', court: secrets.court, reference: secrets.warrant, expiresAt: at({ startsAt }, 24) },
            },
          },
        ],
      },
    });
    expect(plan.marking).toEqual({ classification: 'OFFICIAL-SENSITIVE', handlingInstruction: null });
    plan = (
      await s
        .patch(owner.auth, `/operations/${plan.id}`, {
          version: plan.version,
          timings: { briefingAt: at(plan, 0), briefingPlace: secrets.briefingPlace },
          communications: { radioChannel: secrets.radio },
        })
        .expect(200)
    ).body;
    plan = (
      await s
        .post(owner.auth, `/operations/${plan.id}/rv-points`, {
          version: plan.version,
          name: secrets.rvName,
          address: secrets.rvAddress,
          meetAt: at(plan, 0.5),
        })
        .expect(201)
    ).body;
    const rv = plan.rvPoints[0];
    plan = (
      await s
        .post(owner.auth, `/operations/${plan.id}/deployments`, {
          teamId: partner.team.id,
          headcount: 2,
          tasking: secrets.tasking,
          startsAt: at(plan, 1),
          endsAt: at(plan, 6),
          version: plan.version,
        })
        .expect(201)
    ).body;
    let deployment = plan.deployments.find((d) => d.team.id === partner.team.id)!;
    await s.post(partner.auth, `/operations/${plan.id}/deployments/${deployment.id}/confirm`, { version: deployment.version }).expect(200);
    plan = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    plan = (
      await s
        .patch(owner.auth, `/operations/${plan.id}/deployments/${deployment.id}`, {
          version: plan.version,
          rvPointId: rv.id,
          callSign: secrets.callSign,
        })
        .expect(200)
    ).body;
    deployment = plan.deployments.find((d) => d.id === deployment.id)!;
    expect(deployment).toMatchObject({ status: 'CONFIRMED', callSign: secrets.callSign, tasking: secrets.tasking });
    const ownTeam = plan.deployments.find((d) => d.team.id !== partner.team.id)!;
    // The plan holds every planted string, so their absence from a feed is the feed's doing.
    const view = JSON.stringify(plan);
    for (const secret of Object.values(secrets)) expect(view).toContain(secret);

    const other: Owner = await s.owner();
    const othersPlan: Plan = await s.plan(other, { stage: 'ready' });
    const secondTeam = await createTeam(t.dataSource, partner.agency, { capabilities: ['TAX_COMPLIANCE'] });
    const requested: Plan = (
      await s
        .post(other.auth, `/operations/${othersPlan.id}/deployments`, { teamId: secondTeam.id, headcount: 1, version: othersPlan.version })
        .expect(201)
    ).body;
    expect(requested.deployments.find((d) => d.team.id === secondTeam.id)?.status).toBe('REQUESTED');
    return { owner, partner, plan, deployment, ownTeam, secrets, other, othersPlan: requested, secondTeam };
  }

  it('holds the plans the agency owns and its confirmed teams, with reference, name, status, times, marking and a link, and parses as iCalendar', async () => {
    const { owner, partner, plan, deployment, ownTeam, othersPlan } = await world();

    const ownersFeed = await newFeed(owner.auth);
    expect(ownersFeed.token).toHaveLength(43);
    expect(new URL(ownersFeed.url).host).toBe(new URL(await t.app.getUrl()).host);
    const owners = await read(ownersFeed.path);
    const planEvent = owners.events[`${plan.id}@planner`];
    expect(planEvent).toBeDefined();
    expect(text(planEvent.summary)).toBe(`${plan.reference}: ${plan.name}`);
    expect(planEvent.start?.toISOString()).toBe(plan.startsAt);
    expect(planEvent.end?.toISOString()).toBe(plan.endsAt);
    expect(planEvent.status).toBe('TENTATIVE');
    expect(planEvent.sequence).toBe(plan.version);
    expect(planEvent.class).toBe('CONFIDENTIAL');
    expect(planEvent.url).toEqual(expect.objectContaining({ val: expect.stringMatching(new RegExp(`/plans/${plan.reference}$`)) }));
    const planLines = text(planEvent.description).split('\n');
    expect(planLines[0]).toBe('OFFICIAL-SENSITIVE');
    expect(planLines.slice(1, 3)).toEqual(['Status: Draft', expect.stringMatching(/^Window: /)]);
    expect(planLines[3]).toMatch(new RegExp(`^Plan page: http://.+/plans/${plan.reference}$`));
    expect(planLines).toHaveLength(4);
    // The owner's own team, confirmed at once, is its own event, marked as its plan is.
    const ownTeamEvent = owners.events[`${ownTeam.id}@planner`];
    expect(text(ownTeamEvent?.summary)).toBe(`${ownTeam.team.name} on ${plan.reference}`);
    expect(ownTeamEvent.class).toBe('CONFIDENTIAL');
    expect(text(ownTeamEvent.description).split('\n')[0]).toBe('OFFICIAL-SENSITIVE');
    // Another agency's plan, and the partner's deployment, are not the owner's: not a trace of them.
    expect(owners.text).not.toContain(othersPlan.reference);
    expect(owners.text).not.toContain(othersPlan.name);
    expect(owners.events[`${deployment.id}@planner`]).toBeUndefined();

    const partnersFeed = await newFeed(partner.auth);
    const partners = await read(partnersFeed.path);
    const teamEvent = partners.events[`${deployment.id}@planner`];
    expect(text(teamEvent.summary)).toBe(`${partner.team.name} on ${plan.reference}`);
    expect(teamEvent.start?.toISOString()).toBe(at(plan, 1));
    expect(teamEvent.end?.toISOString()).toBe(at(plan, 6));
    expect(teamEvent.status).toBe('CONFIRMED');
    expect(teamEvent.class).toBe('CONFIDENTIAL');
    expect(teamEvent.url).toEqual(expect.objectContaining({ val: expect.stringMatching(new RegExp(`/plans/${plan.reference}$`)) }));
    const teamLines = text(teamEvent.description).split('\n');
    expect(teamLines).toEqual([
      'OFFICIAL-SENSITIVE',
      `Team: ${partner.team.name} (Confirmed)`,
      expect.stringMatching(/^Team window: /),
      `Plan: ${plan.reference}: ${plan.name} (Draft)`,
      expect.stringMatching(/^Plan window: /),
      expect.stringMatching(new RegExp(`^Plan page: http://.+/plans/${plan.reference}$`)),
    ]);
    // HMRC does not own the plan: its team's event, not the plan's; only its confirmed team.
    expect(Object.keys(partners.events)).toEqual([`${deployment.id}@planner`]);
    // The team only requested on another plan is absent, and so is that plan.
    expect(partners.text).not.toContain(othersPlan.reference);
    expect(partners.text).not.toContain(othersPlan.name);
    // Nothing of the evidence the CPS asked for.
    expect(owners.text + partners.text).not.toContain('Victim accounts');
  });

  it('holds no operational detail: no address, place, power, warrant, briefing place, radio channel, RV point, tasking or call sign', async () => {
    const { owner, partner, ownTeam, secrets } = await world();
    const feeds = [await read((await newFeed(owner.auth)).path), await read((await newFeed(partner.auth)).path)];
    const ics = feeds.map((feed) => unfolded(feed.text)).join('\n');
    const values = JSON.stringify(feeds.map((feed) => feed.events));
    // The owner's own team has the scenario's tasking.
    expect(ownTeam.tasking).toBe('Entry and safeguarding');
    const leaked = [...Object.values(secrets), 'Entry and safeguarding'].filter(
      (secret) => ics.includes(secret) || values.includes(secret),
    );
    expect(leaked).toEqual([]);
    expect(ics).not.toMatch(/^LOCATION[:;]/m);
    for (const feed of feeds) {
      for (const event of Object.values(feed.events)) expect(event.location).toBeUndefined();
    }
  });

  it('marks an OFFICIAL plan’s events PRIVATE, with its marking and handling instruction first in the description', async () => {
    const owner = await s.owner();
    const partner = await s.partner('HMRC');
    const marking = { classification: 'OFFICIAL', handlingInstruction: 'Share only with the agencies on this plan' };
    const plan: Plan = await s.plan(owner, { stage: 'ready', body: { marking }, partners: [partner] });
    expect(plan.marking).toEqual(marking);
    const deployment = plan.deployments.find((d) => d.team.id === partner.team.id)!;

    const planEvent = (await read((await newFeed(owner.auth)).path)).events[`${plan.id}@planner`];
    expect(planEvent.class).toBe('PRIVATE');
    expect(text(planEvent.description).split('\n')[0]).toBe('OFFICIAL: Share only with the agencies on this plan');
    const partners = await read((await newFeed(partner.auth)).path);
    const teamEvent = partners.events[`${deployment.id}@planner`];
    expect(teamEvent.class).toBe('PRIVATE');
    expect(text(teamEvent.description).split('\n')[0]).toBe('OFFICIAL: Share only with the agencies on this plan');
    expect(partners.text).toMatch(/^CLASS:PRIVATE\r?$/m);
    expect(partners.text).not.toMatch(/^CLASS:CONFIDENTIAL/m);
  });

  it('shows a cancelled plan, and the teams it released, as cancelled events with a higher sequence', async () => {
    const { owner, partner, plan, deployment } = await world();
    const ownersFeed = await newFeed(owner.auth);
    const partnersFeed = await newFeed(partner.auth);
    const before = (await read(partnersFeed.path)).events[`${deployment.id}@planner`];

    const cancelled: Plan = (
      await s.post(owner.auth, `/operations/${plan.id}/cancel`, { version: plan.version, reason: 'The site has closed' }).expect(200)
    ).body;
    expect(cancelled.status).toBe('CANCELLED');

    const planEvent = (await read(ownersFeed.path)).events[`${plan.id}@planner`];
    expect(planEvent.status).toBe('CANCELLED');
    expect(planEvent.sequence).toBe(cancelled.version);
    expect(text(planEvent.description).split('\n')).toEqual(
      expect.arrayContaining(['Status: Cancelled', 'Cancelled: The site has closed']),
    );
    const teamEvent = (await read(partnersFeed.path)).events[`${deployment.id}@planner`];
    expect(teamEvent.status).toBe('CANCELLED');
    expect(teamEvent.sequence).toBeGreaterThan(before.sequence ?? 0);
    expect(text(teamEvent.description)).toContain('Released: the operation was cancelled');
  });

  it('shows a day of action stood down as a cancelled event with its reason to the owning agency, and a partner only its team released', async () => {
    const owner: Owner = await s.owner();
    const partner = await s.partner('HMRC');
    const plan: Plan = await s.plan(owner, { stage: 'active', partners: [partner] });
    const ownersFeed = await newFeed(owner.auth);
    const partnersFeed = await newFeed(partner.auth);
    const reason = `The subjects left the address overnight ${unique('R')}`;

    const stood: Plan = (await s.post(owner.auth, `/operations/${plan.id}/stand-down`, { version: plan.version, reason }).expect(200)).body;
    expect(stood.status).toBe('STOOD_DOWN');

    const owners = await read(ownersFeed.path);
    const planEvent = owners.events[`${plan.id}@planner`];
    expect(planEvent.status).toBe('CANCELLED');
    expect(planEvent.sequence).toBe(stood.version);
    const lines = text(planEvent.description).split('\n');
    expect(lines.slice(0, 3)).toEqual(['OFFICIAL-SENSITIVE', 'Status: Stood down', `Stood down: ${reason}`]);
    expect(lines[lines.length - 1]).toMatch(new RegExp(`^Plan page: https?://[^/]+/plans/${plan.reference}$`));

    // The partner's feed holds its own team, released with the plan, and nothing of why the owner stood it down.
    const partners = await read(partnersFeed.path);
    const deployment = stood.deployments.find((d) => d.team.id === partner.team.id)!;
    const teamEvent = partners.events[`${deployment.id}@planner`];
    expect(teamEvent.status).toBe('CANCELLED');
    expect(text(teamEvent.description)).toContain('Released: the operation was stood down');
    expect(text(teamEvent.description)).toContain(`Plan: ${plan.reference}: ${plan.name} (Stood down)`);
    expect(partners.events[`${plan.id}@planner`]).toBeUndefined();
    expect(unfolded(partners.text)).not.toContain(reason);
  });

  it('shows a team the owner released as a cancelled event, though its agency no longer sees the plan', async () => {
    const { owner, partner, plan, deployment } = await world();
    const partnersFeed = await newFeed(partner.auth);
    await t.http().delete(`/operations/${plan.id}/deployments/${deployment.id}?version=${plan.version}`).set(owner.auth).expect(200);
    await s.get(partner.auth, `/operations/${plan.id}`).expect(404);
    const teamEvent = (await read(partnersFeed.path)).events[`${deployment.id}@planner`];
    expect(teamEvent.status).toBe('CANCELLED');
    expect(text(teamEvent.description)).toContain('Released: released by the owner');
  });

  it('keeps plans whose window ended within 90 days, and drops older ones', async () => {
    const owner = await s.owner();
    const recent = await s.draft(owner);
    const old = await s.draft(owner);
    await s.windowOpensAt(recent, new Date(Date.now() - 10 * DAY));
    await s.windowOpensAt(old, new Date(Date.now() - 100 * DAY));
    const { events, text: ics } = await read((await newFeed(owner.auth)).path);
    expect(events[`${recent.id}@planner`]).toBeDefined();
    expect(ics).not.toContain(old.reference);
  });

  it('turns off, and a new address replaces the old one', async () => {
    const owner = await s.owner();
    await s.draft(owner);
    expect((await t.http().get('/calendar/feed').set(owner.auth).expect(200)).body).toEqual({
      exists: false,
      createdAt: null,
      lastUsedAt: null,
    });

    const first = await newFeed(owner.auth);
    await read(first.path);
    const second = await newFeed(owner.auth);
    expect(second.token).not.toBe(first.token);
    const old = await t.http().get(first.path).expect(404);
    expect(old.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    await read(second.path);

    const state = await t.http().get('/calendar/feed').set(owner.auth).expect(200);
    expect(state.body).toEqual({ exists: true, createdAt: expect.any(String), lastUsedAt: expect.any(String) });
    expect(state.text).not.toContain(second.token);
    expect(state.text).not.toContain(first.token);

    await t.http().delete('/calendar/feed').set(owner.auth).expect(204);
    await t.http().get(second.path).expect(404);
    expect((await t.http().get('/calendar/feed').set(owner.auth).expect(200)).body.exists).toBe(false);
    // Turning off a feed that is already off changes nothing.
    await t.http().delete('/calendar/feed').set(owner.auth).expect(204);
  });

  it('stores the token only as its SHA-256', async () => {
    const owner = await s.owner();
    const { token } = await newFeed(owner.auth);
    const rows: Record<string, unknown>[] = await t.dataSource.query(`SELECT * FROM calendar_feeds WHERE user_id = $1`, [owner.user.id]);
    expect(rows).toHaveLength(1);
    const sha256 = createHash('sha256').update(token).digest();
    expect((rows[0].token_sha256 as Buffer).equals(sha256)).toBe(true);
    for (const value of Object.values(rows[0])) {
      const forms =
        value instanceof Buffer
          ? [value.toString('hex'), value.toString('base64'), value.toString('base64url'), value.toString('latin1')]
          : [String(value)];
      for (const form of forms) expect(form).not.toContain(token);
    }
  });

  it('answers 404 for a disabled user’s feed, an unknown token and addresses that cannot be a feed', async () => {
    const owner = await s.owner();
    const { path } = await newFeed(owner.auth);
    await read(path);
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [owner.user.id]);
    expect((await t.http().get(path).expect(404)).body.code).toBe('NOT_FOUND');
    await t.dataSource.query(`UPDATE users SET active = true WHERE id = $1`, [owner.user.id]);
    await read(path);

    const unknown = `/calendar/${'A'.repeat(43)}.ics`;
    const addresses = [
      unknown,
      '/calendar/short.ics',
      '/calendar/../../x.ics',
      '/calendar/%2E%2E%2F%2E%2E%2Fx.ics',
      `/calendar/${'a'.repeat(44)}.ics`,
      '/calendar/%00.ics',
      '/calendar/.ics',
      `${path}x`,
      path.replace('.ics', ''),
    ];
    for (const address of addresses) {
      const response = await t.http().get(address);
      expect({ address, status: response.status, code: response.body?.code }).toEqual({ address, status: 404, code: 'NOT_FOUND' });
    }
    // An address longer than any route takes is refused before routing (414), never a 500.
    expect((await t.http().get(`/calendar/${'a'.repeat(5000)}.ics`)).status).toBe(414);
  });

  it('reads as the user now stands: a new agency gives that agency’s view', async () => {
    const { owner, plan, other, othersPlan } = await world();
    const { path } = await newFeed(owner.auth);
    expect((await read(path)).events[`${plan.id}@planner`]).toBeDefined();
    await t.dataSource.query(`UPDATE users SET agency_id = $2 WHERE id = $1`, [owner.user.id, other.agency.id]);
    const moved = await read(path);
    expect(moved.text).not.toContain(plan.reference);
    expect(moved.events[`${othersPlan.id}@planner`]).toBeDefined();
  });

  it('shows nothing to a user who may see no plans (an administrator)', async () => {
    const admin: Signed = await signedIn(t.dataSource, t.http, ['ADMIN']);
    const owner = await s.owner();
    await t.dataSource.query(`UPDATE users SET agency_id = $2 WHERE id = $1`, [admin.user.id, owner.agency.id]);
    await s.draft(owner);
    expect((await read((await newFeed(admin.auth)).path)).events).toEqual({});
  });

  it('marks the feed used at most once an hour', async () => {
    const agency = await createAgency(t.dataSource);
    const user = await createUser(t.dataSource, agency, ['MANAGER']);
    const auth = { Authorization: `Bearer ${await login(t.http, user)}` };
    const { path } = await newFeed(auth);
    const lastUsed = async () =>
      (await t.dataSource.query(`SELECT last_used_at FROM calendar_feeds WHERE user_id = $1`, [user.id]))[0].last_used_at as Date | null;
    expect(await lastUsed()).toBeNull();
    await read(path);
    expect(await lastUsed()).not.toBeNull();
    await t.dataSource.query(
      `UPDATE calendar_feeds SET created_at = created_at - interval '3 hours', last_used_at = now() - interval '30 minutes' WHERE user_id = $1`,
      [user.id],
    );
    const halfHourAgo = await lastUsed();
    await read(path);
    expect(await lastUsed()).toEqual(halfHourAgo);
    await t.dataSource.query(`UPDATE calendar_feeds SET last_used_at = now() - interval '2 hours' WHERE user_id = $1`, [user.id]);
    const twoHoursAgo = (await lastUsed())!;
    await read(path);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(twoHoursAgo.getTime());
  });

  it('reads a feed in three statements, however many plans it holds', async () => {
    const owner = await s.owner();
    const { path } = await newFeed(owner.auth);
    const statements = async () => {
      // Counted where statements reach Postgres: a named statement goes to pg without TypeORM's query.
      const spy = jest.spyOn(Client.prototype, 'query');
      try {
        await read(path);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    await s.draft(owner);
    const forOne = await statements();
    for (let i = 0; i < 4; i++) await s.draft(owner);
    expect(forOne).toBe(3);
    expect(await statements()).toBe(3);
  });

  it('is in the OpenAPI document, so the fuzz test reaches it; only the feed itself is public', async () => {
    const paths = (await t.http().get('/docs-json').expect(200)).body.paths;
    expect(Object.keys(paths['/calendar/feed']).sort()).toEqual(['delete', 'get', 'post']);
    expect(paths['/calendar/{token}.ics'].get.security).toEqual([]);
    expect(paths['/calendar/feed'].post.security).toEqual([{ bearer: [] }]);
  });

  it('needs a signed-in user to make, see or turn off a feed', async () => {
    await t.http().post('/calendar/feed').send({}).expect(401);
    await t.http().get('/calendar/feed').expect(401);
    await t.http().delete('/calendar/feed').expect(401);
  });
});
