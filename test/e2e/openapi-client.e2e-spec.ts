import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { createAgency, createUser, operationBody, signedIn, TEST_PASSWORD } from '../factories';
import { planAsAnIntegrator } from '../openapi-client/client';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const CLIENT = join(ROOT, 'test', 'openapi-client', 'client.ts');
const SCHEMA_TYPES = join(ROOT, 'test', 'openapi-client', 'schema.d.ts');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const GENERATED =
  '// Generated from /docs-json by openapi-typescript (test/e2e/openapi-client.e2e-spec.ts); OPENAPI_WRITE_TYPES=1 rewrites it.\n';

interface Operation {
  summary?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
type Document = { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> };

function operationsOf(document: Document) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ method, path, operation: item[method] as Operation })),
  );
}

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; location: { pointer: string }[] }[];
}

/** Redocly's recommended rules (redocly.yaml), run on the saved document, offline. */
async function lint(file: string): Promise<LintReport> {
  const cli = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  const run = promisify(execFile)(process.execPath, [cli, 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'], {
    cwd: ROOT,
    env,
  });
  // Redocly exits 1 when it finds errors; the report on stdout is what the test reads either way.
  const { stdout } = await run.catch((failure: { stdout: string }) => failure);
  return JSON.parse(stdout);
}

describe('the OpenAPI document, as a generated client sees it', () => {
  let t: TestApp;
  let document: Document;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: 'metrics-token-for-the-openapi-client-test-0123456789' });
    document = (await t.http().get('/docs-json').expect(200)).body;
    dir = await mkdtemp(join(tmpdir(), 'planner-openapi-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('passes Redocly’s recommended rules with no errors; the only warnings are the health checks, which refuse nothing', async () => {
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    const report = await lint(file);
    expect(report.totals.errors).toBe(0);
    const warnings = report.problems
      .filter((problem) => problem.severity === 'warn')
      .map((problem) => `${problem.ruleId} ${problem.location[0]?.pointer}`);
    expect(warnings.sort()).toEqual([
      'operation-4xx-response #/paths/~1health/get/responses',
      'operation-4xx-response #/paths/~1health~1live/get/responses',
      'operation-4xx-response #/paths/~1health~1ready/get/responses',
    ]);
  });

  it('gives every operation a summary, and every error response the one ErrorBody schema', () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(60);
    for (const { method, path, operation } of operations) {
      expect({ method, path, summary: Boolean(operation.summary?.trim()) }).toEqual({ method, path, summary: true });
      for (const [status, response] of Object.entries(operation.responses).filter(([status]) => Number(status) >= 400)) {
        expect({ method, path, status, schema: response.content?.['application/json']?.schema?.$ref }).toEqual({
          method,
          path,
          status,
          schema: '#/components/schemas/ErrorBody',
        });
      }
    }
  });

  it('asks for a token (and declares 401) exactly where a call without one is refused with 401; security: [] elsewhere', async () => {
    for (const { method, path, operation } of operationsOf(document)) {
      const concrete = path.replace(/\{\w+\}/g, () => randomUUID());
      const call = t.http()[method](concrete);
      const response = method === 'get' || method === 'delete' ? await call : await call.send({});
      const secured = (operation.security ?? []).length > 0;
      expect({ method, path, secured, security: operation.security }).toEqual({
        method,
        path,
        secured: response.status === 401,
        security: expect.any(Array),
      });
      if (secured)
        expect({ method, path, declared: Object.keys(operation.responses) }).toEqual({
          method,
          path,
          declared: expect.arrayContaining(['401']),
        });
    }
  });

  it('declares the status of every refusal a signed-in caller meets with unknown ids and an empty body', async () => {
    const caller = await signedIn(t.dataSource, t.http, ['COORDINATOR', 'MANAGER', 'ADMIN'], 'POLICE');
    const undeclared: string[] = [];
    for (const { method, path, operation } of operationsOf(document).filter(({ operation }) => (operation.security ?? []).length > 0)) {
      const call = t
        .http()
        [method](path.replace(/\{\w+\}/g, () => randomUUID()))
        .set(caller.auth);
      const response = method === 'get' || method === 'delete' ? await call : await call.send({});
      const declared = String(response.status) in operation.responses;
      if (response.status >= 400 && !declared) undeclared.push(`${method} ${path} ${response.status} ${response.body.code}`);
    }
    expect(undeclared).toEqual([]);
  });

  it('generates the checked-in client types (OPENAPI_WRITE_TYPES=1 rewrites them), and the typed client compiles against them', async () => {
    const generated = GENERATED + astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));
    if (process.env.OPENAPI_WRITE_TYPES === '1') await writeFile(SCHEMA_TYPES, generated);
    expect(await readFile(SCHEMA_TYPES, 'utf8')).toBe(generated);
    const program = ts.createProgram([CLIENT], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts'],
      types: ['node'],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(problems).toEqual([]);
  });

  it('lets that client sign in, create a plan and read a refusal’s code', async () => {
    const agency = await createAgency(t.dataSource, { kind: 'POLICE' });
    const user = await createUser(t.dataSource, agency, ['COORDINATOR']);
    const plan = operationBody() as Parameters<typeof planAsAnIntegrator>[2];
    const result = await planAsAnIntegrator(await t.app.getUrl(), { email: user.email, password: TEST_PASSWORD }, plan);
    expect(result).toEqual({
      codeIsTheContractsList: true,
      reference: expect.stringMatching(/^OP-\d{4}-\d{4,}$/),
      status: 'DRAFT',
      refusal: 'VERSION_CONFLICT',
      refusalStatus: 409,
    });
  });
});
