import { once } from 'node:events';
import { connect } from 'node:net';
import { signedIn } from '../factories';
import { isolatedDatabaseUrl } from '../support/databases';
import { startTestApp } from '../support/test-app';
import { useApp } from '../support/use-app';

describe('the platform: health, docs, headers and the error contract', () => {
  const { t } = useApp();

  it('reports health without a token', async () => {
    const response = await t.http().get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('serves an OpenAPI 3 document that covers the routes and documents the DTOs', async () => {
    const response = await t.http().get('/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/auth/login',
        '/auth/me',
        '/health',
        '/agencies',
        '/agencies/{id}',
        '/teams',
        '/teams/{id}',
        '/policy/rules',
        '/users',
        '/users/{id}',
      ]),
    );
    expect(response.body.components.schemas.CreateUserDto.properties).toHaveProperty('roles');
    expect(response.body.components.securitySchemes).toHaveProperty('bearer');
    await t.http().get('/docs').expect(200).expect('content-type', /html/);
  });

  it('allows scripts only from its own files, and the API docs page needs no inline script', async () => {
    const docs = await t.http().get('/docs').expect(200);
    const scriptSrc = (docs.headers['content-security-policy'] as string)
      .split(';')
      .find((directive) => directive.trim().startsWith('script-src'));
    expect(scriptSrc?.trim()).toBe("script-src 'self'");
    const scripts = [...docs.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(body.trim()).toBe('');
    }
    const init = scripts.map(([, attributes]) => /src="([^"]+)"/.exec(attributes)?.[1]).find((src) => src?.endsWith('swagger-ui-init.js'));
    expect(init).toBeDefined();
    await t
      .http()
      .get(new URL(init as string, 'http://app/docs/').pathname)
      .expect(200)
      .expect('content-type', /javascript/);
  });

  it('sends security headers and a request id, echoing a sane one the client sent', async () => {
    const response = await t.http().get('/health').set('x-request-id', 'trace-123').expect(200);
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    const generated = await t
      .http()
      .get('/health')
      .set('x-request-id', 'bad id with spaces and more than enough characters to be refused!!')
      .expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with 404 in the contract shape', async () => {
    const { auth } = await signedIn(t.dataSource, t.http);
    const response = await t.http().get('/no-such-thing').set(auth).expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED, not a 500', async () => {
    const response = await t
      .http()
      .post('/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": "a@b.c", "pass')
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('answers a body that is not an object with 400', async () => {
    const response = await t.http().post('/auth/login').set('content-type', 'application/json').send('[1,2,3]').expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers an oversized body with 413 in the contract shape', async () => {
    const response = await t
      .http()
      .post('/auth/login')
      .send({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) })
      .expect(413);
    expect(response.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers an unexpected failure with a bare 500 that names the request id, and logs the detail', async () => {
    // A database of its own: the schema is broken on purpose, which must not reach tests running beside this one.
    const broken = await startTestApp({ DATABASE_URL: await isolatedDatabaseUrl() });
    try {
      const { auth } = await signedIn(broken.dataSource, broken.http, ['ADMIN']);
      await broken.dataSource.query('ALTER TABLE teams RENAME COLUMN capacity TO capacity_gone');
      const response = await broken.http().get('/teams').set(auth).set('x-request-id', 'req-500-check').expect(500);
      expect(response.body).toEqual({
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        message: 'Something went wrong on our side; quote request id req-500-check when reporting it',
      });
      expect(broken.logger.text()).toContain('column t.capacity does not exist');
    } finally {
      await broken.close();
    }
  });

  it('answers an unsupported content type with 415 UNSUPPORTED_MEDIA_TYPE in the contract shape', async () => {
    const response = await t.http().post('/auth/login').set('content-type', 'application/xml').send('<login/>').expect(415);
    expect(response.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) });
  });

  it('answers a request that arrives while the app shuts down with 503 in the contract shape', async () => {
    const closing = await startTestApp();
    const { port } = new URL(await closing.app.getUrl());
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    const body = JSON.stringify({ email: 'nobody@test.local', password: 'not the password' });
    // A request in flight keeps the server up while it closes; the next one on the same connection arrives during the close.
    socket.write(
      `POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    );
    const shutdown = closing.close();
    await new Promise((done) => setTimeout(done, 200));
    socket.write(`${body.slice(5)}GET /health HTTP/1.1\r\nHost: x\r\n\r\n`);
    for (let waited = 0; !received.includes('shutting down') && waited < 10_000; waited += 50)
      await new Promise((done) => setTimeout(done, 50));
    socket.destroy();
    await shutdown;
    const refused = received.split(/(?=HTTP\/1\.1 )/).filter((answer) => answer.startsWith('HTTP/1.1 503'));
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: 'The service is shutting down; try again in a moment',
      });
    }
  });
});
