import { DataSource } from 'typeorm';
import { AgencyRow, createAgency, createTeam, createUser, operationBody, TEST_PASSWORD } from '../factories';
import { isolatedDatabaseUrl } from '../support/databases';
import { RunningApp } from '../support/running-app';

/**
 * Partial updates against the app exactly as `npm start` runs it (the tsc build in dist/,
 * whose DTOs carry every declared field, undefined when not sent): what the client did not
 * send stays as it was.
 */
describe('the built app keeps what a partial update did not send', () => {
  const SECTIONS = ['information', 'intent', 'method', 'administration', 'risk', 'communications', 'humanitarian'] as const;
  let app: RunningApp;
  let db: DataSource;
  let coordinator: { Authorization: string };
  let admin: { Authorization: string };
  let agency: AgencyRow;

  beforeAll(async () => {
    const url = await isolatedDatabaseUrl();
    db = await new DataSource({ type: 'postgres', url }).initialize();
    agency = await createAgency(db, { kind: 'POLICE' });
    const coordinatorUser = await createUser(db, agency, ['COORDINATOR']);
    const adminUser = await createUser(db, agency, ['ADMIN']);
    app = await RunningApp.onDatabase(url);
    const signIn = async (email: string) =>
      `Bearer ${(await app.http().post('/auth/login').send({ email, password: TEST_PASSWORD }).expect(200)).body.accessToken}`;
    coordinator = { Authorization: await signIn(coordinatorUser.email) };
    admin = { Authorization: await signIn(adminUser.email) };
  }, 60_000);

  afterAll(async () => {
    if (app?.running) await app.stop('SIGTERM');
    await db?.destroy();
  });

  it.each(SECTIONS)('PATCHing the briefing section %s alone leaves the other six as they were', async (section) => {
    const briefing = Object.fromEntries(SECTIONS.map((name) => [name, `The ${name} section as first written`]));
    const created = (await app.http().post('/operations').set(coordinator).send(operationBody({ briefing })).expect(201)).body;
    await app
      .http()
      .patch(`/operations/${created.id}`)
      .set(coordinator)
      .send({ version: created.version, briefing: { [section]: 'Changed alone' } })
      .expect(200);
    const read = (await app.http().get(`/operations/${created.id}`).set(coordinator).expect(200)).body;
    expect(read.briefing).toEqual({ ...briefing, [section]: 'Changed alone' });
  });

  it('PATCHing one safeguarding field leaves the others as they were', async () => {
    const created = (await app.http().post('/operations').set(coordinator).send(operationBody()).expect(201)).body;
    const opensAt = created.startsAt;
    const safeguarding = {
      expectedPotentialVictims: 4,
      languages: ['Polish'],
      receptionCentre: 'Spalding hub',
      receptionOpensAt: opensAt,
      receptionClosesAt: created.endsAt,
      medicalCover: 'Ambulance on standby',
      interpreters: [{ language: 'Polish', name: 'Big Word' }],
    };
    const full = (
      await app.http().patch(`/operations/${created.id}`).set(coordinator).send({ version: created.version, safeguarding }).expect(200)
    ).body;
    const patched = await app
      .http()
      .patch(`/operations/${created.id}`)
      .set(coordinator)
      .send({ version: full.version, safeguarding: { receptionCentre: 'Boston hub' } })
      .expect(200);
    expect(patched.body.safeguarding).toEqual({ ...safeguarding, receptionCentre: 'Boston hub', firstResponders: [] });
  });

  it('PATCHing one field of the timings, the communications or a deployment leaves the others as they were', async () => {
    const created = (await app.http().post('/operations').set(coordinator).send(operationBody()).expect(201)).body;
    const timings = { briefingAt: created.startsAt, briefingPlace: 'Lloyd House', debriefAt: created.endsAt };
    const communications = { radioChannel: 'WM-OPS-3', controlRoomNumber: '0121 626 5000' };
    const full = (
      await app
        .http()
        .patch(`/operations/${created.id}`)
        .set(coordinator)
        .send({ version: created.version, timings, communications })
        .expect(200)
    ).body;
    const patched = (
      await app
        .http()
        .patch(`/operations/${created.id}`)
        .set(coordinator)
        .send({ version: full.version, timings: { briefingPlace: 'Steelhouse Lane' }, communications: { controlRoomNumber: '101' } })
        .expect(200)
    ).body;
    expect(patched.timings).toEqual({ ...timings, briefingPlace: 'Steelhouse Lane' });
    expect(patched.communications).toEqual({ ...communications, controlRoomNumber: '101' });

    const team = await createTeam(db, agency, { capabilities: ['ENTRY'] });
    const deployed = (
      await app
        .http()
        .post(`/operations/${created.id}/deployments`)
        .set(coordinator)
        .send({ version: patched.version, teamId: team.id, headcount: 2, tasking: 'Entry at the rear', powers: ['ENTRY', 'ARREST'] })
        .expect(201)
    ).body;
    const deployment = deployed.deployments[0];
    const changed = (
      await app
        .http()
        .patch(`/operations/${created.id}/deployments/${deployment.id}`)
        .set(coordinator)
        .send({ version: deployed.version, callSign: 'Tango 1' })
        .expect(200)
    ).body;
    expect(changed.deployments[0]).toMatchObject({
      tasking: 'Entry at the rear',
      powers: ['ENTRY', 'ARREST'],
      callSign: 'Tango 1',
      rvPoint: null,
    });
  });

  it('renaming an agency, a team or a user keeps their other fields', async () => {
    const created = (
      await app
        .http()
        .post('/agencies')
        .set(admin)
        .send({ code: `B${Date.now() % 1e8}`, name: 'Before', kind: 'HMRC' })
        .expect(201)
    ).body;
    const renamed = await app.http().patch(`/agencies/${created.id}`).set(admin).send({ name: 'After' }).expect(200);
    expect(renamed.body).toEqual({ ...created, name: 'After' });

    const team = await createTeam(db, agency, { capabilities: ['ENTRY', 'SEARCH'], capacity: 7 });
    const renamedTeam = await app.http().patch(`/teams/${team.id}`).set(admin).send({ name: 'Renamed team' }).expect(200);
    expect(renamedTeam.body).toMatchObject({ name: 'Renamed team', capabilities: ['ENTRY', 'SEARCH'], capacity: 7 });

    const user = (await app.http().get('/users').set(admin).expect(200)).body.find((u: { roles: string[] }) =>
      u.roles.includes('COORDINATOR'),
    );
    const renamedUser = await app.http().patch(`/users/${user.id}`).set(admin).send({ name: 'Renamed user' }).expect(200);
    expect(renamedUser.body).toEqual({ ...user, name: 'Renamed user' });
  });
});
