import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { promisify } from 'node:util';
import { isolatedDatabaseUrl } from '../support/databases';
import { freePort, RunningApp } from '../support/running-app';

/**
 * The Docker image, built and started without a Docker engine (none runs on these machines): the
 * Dockerfile is read instruction by instruction, each stage gets a directory standing for its file
 * system, COPY copies exactly what it names from the repository's files (less what .dockerignore
 * leaves out of the build context), RUN runs its commands there, and the last stage's CMD starts
 * the app with the image's settings against a database of its own. A file the image needs but
 * does not copy makes the build or the start fail here.
 */
const REPO = resolve(__dirname, '../..');
const run = promisify(execFile);

type Instruction = { keyword: string; args: string };
type Stage = { name?: string; root: string; workdir: string; env: Record<string, string>; cmd?: string[] };

/** The Dockerfile's instructions, comments dropped and continued lines joined. */
function instructions(dockerfile: string): Instruction[] {
  return dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** A .dockerignore pattern as a test on a path relative to the build context, as Docker reads it. */
function ignorePattern(pattern: string): (path: string) => boolean {
  if (pattern.startsWith('!')) throw new Error(`this test does not yet understand the exception ${pattern} in .dockerignore`);
  const source = pattern
    .replace(/\/$/, '')
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map((part) => ({ '**/': '(?:.*/)?', '**': '.*', '*': '[^/]*', '?': '[^/]' })[part] ?? part.replace(/[.+^${}()|[\]\\]/g, '\\$&'))
    .join('');
  // A pattern naming a directory leaves out everything under it.
  const regex = new RegExp(`^${source}(?:/.*)?$`);
  return (path) => regex.test(path);
}

function patterns(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** The files Docker would send as the build context: the repository's own files, less those .dockerignore names. */
async function buildContext(): Promise<string[]> {
  const ignored = patterns(await readFile(join(REPO, '.dockerignore'), 'utf8')).map(ignorePattern);
  const { stdout } = await run('git', ['ls-files', '-z'], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 });
  return stdout.split('\0').filter((file) => file && !ignored.some((matches) => matches(file)));
}

/** A path inside the image, as a path inside the directory standing for the stage's file system. */
function inStage(stage: Stage, path: string): string {
  return join(stage.root, posix.resolve(stage.workdir, path));
}

/** COPY from the build context: a named file, or a named directory's contents, into the destination. */
async function copyFromContext(context: string[], stage: Stage, sources: string[], destination: string): Promise<void> {
  const into = destination.endsWith('/') || sources.length > 1;
  for (const source of sources) {
    const name = posix.normalize(source).replace(/\/$/, '');
    const files = context.filter((file) => file === name || file.startsWith(`${name}/`));
    if (files.length === 0) throw new Error(`COPY ${source}: not in the build context`);
    for (const file of files) {
      const target =
        file === name
          ? into
            ? posix.join(destination, posix.basename(name))
            : destination
          : posix.join(destination, file.slice(name.length + 1));
      await mkdir(dirname(inStage(stage, target)), { recursive: true });
      await cp(join(REPO, file), inStage(stage, target));
    }
  }
}

/**
 * `npm ci`, stood in for: it would download every package (minutes, and the network), so the stage gets
 * the repository's own node_modules, installed from the same package-lock.json, as hard links (instant,
 * and `npm prune` later removes only the stage's links). npm rewrites its record of the tree in place,
 * so that one file is a real copy, leaving the repository's untouched.
 */
async function standInForNpmCi(cwd: string): Promise<void> {
  const lock = await readFile(join(cwd, 'package-lock.json'), 'utf8');
  expect(lock).toBe(await readFile(join(REPO, 'package-lock.json'), 'utf8'));
  // Hard links need one file system; where the temporary directory is on another, a copy does (slower).
  await run('cp', ['-al', join(REPO, 'node_modules/'), join(cwd, 'node_modules')]).catch(async () => {
    await rm(join(cwd, 'node_modules'), { recursive: true, force: true });
    await run('cp', ['-a', join(REPO, 'node_modules/'), join(cwd, 'node_modules')]);
  });
  await rm(join(cwd, 'node_modules/.package-lock.json'));
  await cp(join(REPO, 'node_modules/.package-lock.json'), join(cwd, 'node_modules/.package-lock.json'));
}

async function runStep(stage: Stage, command: string): Promise<void> {
  const cwd = inStage(stage, '.');
  if (/^npm ci\b/.test(command)) return standInForNpmCi(cwd);
  // npm may not reach the registry: everything it needs is already here, as in the image's build.
  const env = { ...process.env, NODE_ENV: undefined, ...stage.env, npm_config_offline: 'true' };
  await run('sh', ['-c', command], { cwd, env, maxBuffer: 16 * 1024 * 1024 }).catch((error) => {
    throw new Error(`RUN ${command} failed:\n${error.stdout}\n${error.stderr}`);
  });
}

/** Builds the image's stages in `workspace`, returning the last (the image itself). */
async function buildImage(dockerfile: string, workspace: string): Promise<Stage> {
  const context = await buildContext();
  const stages: Stage[] = [];
  let stage: Stage | undefined;
  for (const { keyword, args } of instructions(dockerfile)) {
    if (keyword === 'FROM') {
      stage = { name: args.match(/\bAS\s+(\S+)/i)?.[1], root: join(workspace, `stage-${stages.length}`), workdir: '/', env: {} };
      stages.push(stage);
      continue;
    }
    if (!stage) throw new Error(`${keyword} before FROM`);
    if (keyword === 'WORKDIR') {
      stage.workdir = posix.resolve(stage.workdir, args);
      await mkdir(inStage(stage, '.'), { recursive: true });
    } else if (keyword === 'ENV') {
      for (const [, name, value] of args.matchAll(/(\w+)=(\S+)/g)) stage.env[name] = value;
    } else if (keyword === 'COPY') {
      const from = args.match(/--from=(\S+)/)?.[1];
      const paths = args.replace(/--\S+/g, '').trim().split(/\s+/);
      const destination = paths.pop() as string;
      if (!from) {
        await copyFromContext(context, stage, paths, destination);
        continue;
      }
      const source = stages.find((earlier) => earlier.name === from);
      if (!source) throw new Error(`COPY --from=${from}: no such stage`);
      for (const path of paths) await run('cp', ['-al', join(source.root, path), inStage(stage, destination)]);
    } else if (keyword === 'RUN') {
      for (const command of args.split('&&').map((part) => part.trim())) await runStep(stage, command);
    } else if (keyword === 'CMD') {
      stage.cmd = JSON.parse(args);
    } else if (!['USER', 'EXPOSE'].includes(keyword)) {
      throw new Error(`this test does not yet understand the Dockerfile's ${keyword}`);
    }
  }
  if (!stage?.cmd) throw new Error('the Dockerfile names no CMD');
  return stage;
}

describe('the Docker image', () => {
  let workspace: string;
  let image: Stage;
  let app: RunningApp | undefined;

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'planner-image-'));
    image = await buildImage(await readFile(join(REPO, 'Dockerfile'), 'utf8'), workspace);
  }, 180_000);

  afterAll(async () => {
    if (app?.running) await app.stop('SIGTERM');
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  it('starts with production settings against a database of its own, answers /health, and renders a page with its stylesheet', async () => {
    const [program, ...args] = image.cmd as string[];
    expect(program).toBe('node');
    const port = await freePort();
    // Only what the image and a deployment give it: nothing from this test's own environment.
    const env = {
      PATH: process.env.PATH,
      ...image.env,
      PORT: String(port),
      DATABASE_URL: await isolatedDatabaseUrl(),
      JWT_SECRET: randomBytes(32).toString('hex'),
      SUBJECT_MATCH_KEY: randomBytes(32).toString('hex'),
      SEED_DEMO: 'false',
    };
    expect(image.env.NODE_ENV).toBe('production');
    app = new RunningApp(
      spawn(process.execPath, args, { cwd: inStage(image, '.'), env, stdio: ['ignore', 'pipe', 'pipe'] }),
      `http://127.0.0.1:${port}`,
    );
    await app.waitUntilHealthy();

    await app.http().get('/health').expect(200);
    const page = await app
      .http()
      .get('/sign-in')
      .expect(200)
      .expect('content-type', /text\/html/);
    const stylesheet = page.text.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1];
    expect(stylesheet).toBeDefined();
    const css = await app
      .http()
      .get(stylesheet as string)
      .expect(200)
      .expect('content-type', /text\/css/);
    expect(css.text).toContain('.govuk-header');
  }, 60_000);
});

describe("the Docker image's build context", () => {
  it('leaves out everything git ignores, such as .env and key files', async () => {
    const dockerignore = patterns(await readFile(join(REPO, '.dockerignore'), 'utf8'));
    const gitignored = patterns(await readFile(join(REPO, '.gitignore'), 'utf8')).map((pattern) => pattern.replace(/\/$/, ''));
    const missing = gitignored.filter((pattern) => !dockerignore.includes(pattern) && !dockerignore.includes(`**/${pattern}`));
    expect(missing).toEqual([]);
  });
});
