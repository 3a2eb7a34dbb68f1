import { connect } from 'node:net';
import { operationBody, signedIn } from '../factories';
import { startTestApp } from '../support/test-app';
import { useApp } from '../support/use-app';

/** What an attacker with a demo account can send, and what it gets. */
describe('hardening against hostile requests', () => {
  const { t } = useApp();

  const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const postRaw = (path: string, body: string, type = 'application/json', auth: Record<string, string> = {}) =>
    t.http().post(path).set(auth).set('content-type', type).send(body);

  describe('the shape of a body, limited while it is read', () => {
    it('refuses a password nested 400,000 arrays deep with 400, unauthenticated, and keeps answering meanwhile', async () => {
      const body = `{"email":"a@b.c","password":${deep(400_000)}}`;
      const [attacks, health] = await Promise.all([
        Promise.all(Array.from({ length: 3 }, () => postRaw('/auth/login', body))),
        t.http().get('/health'),
      ]);
      for (const attack of attacks) {
        expect(attack.status).toBe(400);
        expect(attack.body).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: { fields: [{ field: 'body', problems: ['The body nests deeper than 32 levels'] }] },
        });
      }
      expect(health.status).toBe(200);
    });

    it('refuses deep nesting and too many elements on an authenticated route too, and accepts the limits themselves', async () => {
      const { auth } = await signedIn(t.dataSource, t.http);
      const deepBrief = JSON.stringify(operationBody()).replace(/}$/, `,"extra":${deep(40)}}`);
      expect((await postRaw('/operations', deepBrief, 'application/json', auth).expect(400)).body.details.fields[0]).toEqual({
        field: 'body',
        problems: ['The body nests deeper than 32 levels'],
      });
      const many = JSON.stringify({ ...operationBody(), locations: Array.from({ length: 10_001 }, () => 1) });
      expect((await postRaw('/operations', many, 'application/json', auth).expect(400)).body.details.fields[0]).toEqual({
        field: 'body',
        problems: ['The body holds more than 10000 elements'],
      });
      const atTheLimit = `{"email":"a@b.c","password":"x","nested":${deep(31)}}`;
      const answered = await postRaw('/auth/login', atTheLimit).expect(400);
      expect(answered.body.details.fields[0].field).toBe('nested');
    });

    it('refuses a form with too many elements', async () => {
      const form = Array.from({ length: 10_001 }, (_, i) => `email=${i}`).join('&');
      const refused = await postRaw('/auth/login', form, 'application/x-www-form-urlencoded').expect(400);
      expect(refused.body.details.fields).toEqual([{ field: 'body', problems: ['The body holds more than 10000 elements'] }]);
      const shouted = await postRaw('/auth/login', form, 'APPLICATION/x-www-form-urlencoded; charset=utf-8').expect(400);
      expect(shouted.body.details.fields).toEqual([{ field: 'body', problems: ['The body holds more than 10000 elements'] }]);
    });

    it('still refuses prototype poisoning', async () => {
      const poisoned = await postRaw('/auth/login', '{"email":"a@b.c","password":"x","__proto__":{"admin":true}}').expect(400);
      expect(poisoned.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('control characters', () => {
    it('are refused in a login email, a plan name and a search, as 400 naming the field, never a 500', async () => {
      const login = await t.http().post('/auth/login').send({ email: 'a\u0000@b.c', password: 'x' }).expect(400);
      expect(login.body.details.fields).toEqual([{ field: 'email', problems: ['The email must not contain control characters'] }]);
      const { auth } = await signedIn(t.dataSource, t.http);
      const plan = await t
        .http()
        .post('/operations')
        .set(auth)
        .send(operationBody({ name: 'Operation \u0000Nul' }))
        .expect(400);
      expect(plan.body.details.fields).toEqual([{ field: 'name', problems: ['The name must not contain control characters'] }]);
      const nested = await t
        .http()
        .post('/operations')
        .set(auth)
        .send(operationBody({ locations: [{ label: 'Bell\u0007', address: 'x', postcode: 'B1 1AA' }] }))
        .expect(400);
      expect(nested.body.details.fields[0].field).toBe('locations.0.label');
      const search = await t.http().get('/operations?q=%00').set(auth).expect(400);
      expect(search.body.details.fields).toEqual([{ field: 'q', problems: ['The search must not contain control characters'] }]);
      const form = await postRaw('/auth/login', 'email=a%00%40b.c&password=x', 'application/x-www-form-urlencoded').expect(400);
      expect(form.body.details.fields[0].field).toBe('email');
      const shouted = await postRaw('/auth/login', 'email=a%00%40b.c&password=x', 'Application/X-WWW-Form-Urlencoded').expect(400);
      expect(shouted.body.details.fields[0].field).toBe('email');
    });

    it('are refused under a field name a client made up, without echoing that name in the message (details keep it)', async () => {
      const { auth } = await signedIn(t.dataSource, t.http);
      const body = { currentPassword: 'x', newPassword: 'y', 'AL ^jIK': 'a\u0001b' };
      const refused = await t.http().post('/auth/password').set(auth).send(body).expect(400);
      expect(refused.body.message).toBe(
        'The request is invalid: A value sent must not contain control characters, such as a tab or a line break',
      );
      expect(refused.body.details.fields).toEqual([
        { field: 'AL ^jIK', problems: ['A value sent must not contain control characters, such as a tab or a line break'] },
      ]);
    });

    it('leave tab and line breaks alone in free text', async () => {
      const { auth } = await signedIn(t.dataSource, t.http);
      const created = await t
        .http()
        .post('/operations')
        .set(auth)
        .send(operationBody({ briefing: { method: 'Line one\nLine two\r\n\tIndented' } }))
        .expect(201);
      expect(created.body.briefing.method).toBe('Line one\nLine two\r\n\tIndented');
    });
  });

  it('closes a connection whose body trickles in slower than the request timeout allows', async () => {
    const strict = await startTestApp({ HTTP_REQUEST_TIMEOUT_MS: '1000' });
    try {
      const { port } = new URL(await strict.app.getUrl());
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise<void>((done) => socket.once('connect', done));
      socket.write('POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      const closed = new Promise<void>((done) => socket.once('close', () => done()));
      let sent = 1;
      const trickle = setInterval(() => {
        if (sent < 99 && !socket.destroyed) {
          socket.write(' ');
          sent++;
        }
      }, 250);
      await closed;
      clearInterval(trickle);
      expect(sent).toBeLessThan(99);
      expect(received).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await strict.close();
    }
  });
});
