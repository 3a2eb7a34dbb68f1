import { signedIn } from '../factories';
import { isolatedDatabaseUrl } from '../support/databases';
import { startTestApp, TestApp } from '../support/test-app';

describe('the platform: health, docs, headers and the error contract', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports health without a token', async () => {
    const response = await t.http().get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('serves an OpenAPI 3 document that covers the routes and documents the DTOs', async () => {
    const response = await t.http().get('/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/auth/login', '/auth/me', '/health', '/agencies', '/agencies/{id}', '/teams', '/teams/{id}', '/policy/rules', '/users', '/users/{id}']),
    );
    expect(response.body.components.schemas.CreateUserDto.properties).toHaveProperty('roles');
    expect(response.body.components.securitySchemes).toHaveProperty('bearer');
    await t.http().get('/docs').expect(200).expect('content-type', /html/);
  });

  it('sends security headers and a request id, echoing a sane one the client sent', async () => {
    const response = await t.http().get('/health').set('x-request-id', 'trace-123').expect(200);
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    const generated = await t.http().get('/health').set('x-request-id', 'bad id with spaces and more than enough characters to be refused!!').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with 404 in the contract shape', async () => {
    const { auth } = await signedIn(t.dataSource, t.http);
    const response = await t.http().get('/no-such-thing').set(auth).expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED, not a 500', async () => {
    const response = await t.http().post('/auth/login').set('content-type', 'application/json').send('{"email": "a@b.c", "pass').expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('answers a body that is not an object with 400', async () => {
    const response = await t.http().post('/auth/login').set('content-type', 'application/json').send('[1,2,3]').expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers an oversized body with 413 in the contract shape', async () => {
    const response = await t.http().post('/auth/login').send({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }).expect(413);
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
});
