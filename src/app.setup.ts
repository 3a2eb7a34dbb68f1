import { randomUUID } from 'node:crypto';
import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import { controlCharacterAt, jsonShapeProblem, MAX_ELEMENTS } from './http/body-shape';
import { validationError } from './common/validation';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { registerWebUi } from './web/web.setup';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BODY_LIMIT_BYTES = 1024 * 1024;
const KEEP_ALIVE_MS = 5000;
const HEADERS_TIMEOUT_MS = 20_000;

function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * JSON bodies are checked for depth and size while they are read, before JSON.parse, any
 * transform or validation (a password nested 400,000 arrays deep stalls nothing), and for
 * control characters. Forms (flat by nature) and query strings are checked for size and
 * control characters once parsed, before validation. Prototype poisoning is refused as
 * Fastify does.
 */
async function limitBodyShapes(fastify: FastifyInstance): Promise<void> {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, (request, body, done) => {
    const text = String(body);
    const problem = jsonShapeProblem(text);
    if (problem) return done(validationError([{ field: 'body', problems: [problem] }]), undefined);
    parseJson(request, text, (error, value) => {
      const at = error ? undefined : controlCharacterAt(value);
      if (at) return done(controlCharacterError(at), undefined);
      done(error, value);
    });
  });
  await fastify.register(formbody, { bodyLimit: BODY_LIMIT_BYTES });
  fastify.addHook('preValidation', async (request) => {
    // A query string cannot outgrow Node's 16 KiB header limit; a form can hold many values.
    // Fastify matches content types in any case, so the parsed form is recognised by its shape, not its header.
    const form = isFormBody(request.headers['content-type']) ? request.body : undefined;
    if (countElements(form) > MAX_ELEMENTS)
      throw validationError([{ field: 'body', problems: [`the body holds more than ${MAX_ELEMENTS} elements`] }]);
    const at = controlCharacterAt(request.query) ?? controlCharacterAt(form);
    if (at) throw controlCharacterError(at);
  });
}

function isFormBody(contentType: string | undefined): boolean {
  return contentType?.trim().toLowerCase().startsWith('application/x-www-form-urlencoded') ?? false;
}

/** The values of a parsed form or query string, each of a repeated key's values counted. */
function countElements(value: unknown): number {
  if (!value || typeof value !== 'object') return 0;
  return Object.values(value).reduce((count: number, item) => count + (Array.isArray(item) ? item.length : 1), 0);
}

/** A field named as a path of words reads by its label; any other name a client made up is not echoed back (details hold it). */
function controlCharacterError(field: string) {
  const problem = /^[A-Za-z]\w*(\.\w+)*$/.test(field)
    ? `${field} must not contain control characters`
    : 'A value sent must not contain control characters, such as a tab or a line break';
  return validationError([{ field, problems: [problem] }]);
}

/** Builds the whole app, not yet listening: main.ts and the end-to-end tests build it the same way. */
export async function createApp(config: AppConfig, logger: LoggerService): Promise<NestFastifyApplication> {
  const requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  const adapter = new FastifyAdapter({
    genReqId: requestId,
    bodyLimit: BODY_LIMIT_BYTES,
    logger: false,
    // Requests that race the close are answered by the hook below, in the contract's shape.
    return503OnClosing: false,
    trustProxy: config.trustProxy,
    // A client has this long to send its whole request (a body trickled in a byte at a time
    // no longer holds a socket for minutes), and an idle socket is closed after twice that.
    requestTimeout,
    connectionTimeout: 2 * requestTimeout,
    keepAliveTimeout: KEEP_ALIVE_MS,
    http: {
      headersTimeout: Math.min(requestTimeout, HEADERS_TIMEOUT_MS),
      connectionsCheckingInterval: Math.max(250, Math.min(5000, requestTimeout / 4)),
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger,
    abortOnError: false,
    // The app registers its own body parsers, with limits on the shape of a body (limitBodyShapes).
    bodyParser: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  await limitBodyShapes(fastify);
  // On shutdown the server stops accepting, answers what is in flight, and closes each
  // connection after its answer: a kept-alive idle socket would otherwise hold the exit
  // (and the embedded Postgres) for the whole keep-alive timeout.
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) {
      return reply
        .code(503)
        .header('connection', 'close')
        .send({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'The service is shutting down; try again in a moment' });
    }
  });
  fastify.addHook('onResponse', async (request: FastifyRequest & { user?: { id: string } }, reply) => {
    logger.log(
      {
        msg: 'request',
        requestId: request.id,
        method: request.method,
        path: request.routeOptions.url ?? request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        userId: request.user?.id,
      },
      'Http',
    );
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Scripts only from files this app serves (the API docs load theirs from /docs/*.js);
        // the docs page's own <style> blocks still need inline styles.
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: null,
      },
    },
  });

  await registerWebUi(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Joint day-of-action planner')
      .setDescription(
        'Plans joint days of action against modern slavery and human trafficking. Sign in with POST /auth/login and send the token as a bearer token. Errors are {statusCode, code, message, details?}.',
      )
      .setVersion('1')
      // Relative: the document describes whichever address served it.
      .addServer('/')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });

  await app.init();
  return app;
}
