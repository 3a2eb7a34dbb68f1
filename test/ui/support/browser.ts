// Support for the browser tier: finds a Chromium, launches it headless through playwright-core,
// opens pages in their own contexts and checks them with axe-core.
//
// Chromium comes from, in order: $CHROMIUM_PATH, /usr/bin/chromium, or the headless-shell build
// packed inside @sparticuz/chromium (Playwright's own browser download is not used).
import { execFile } from 'node:child_process';
import { constants, readFileSync } from 'node:fs';
import { access, mkdtemp, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../factories';
import { startTestApp, type TestApp } from '../../support/test-app';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeViolation = AxeResults['violations'][number];

export async function chromiumPath(): Promise<string> {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) {
    if (!(await isExecutable(fromEnvironment))) throw new Error(`CHROMIUM_PATH=${fromEnvironment} is not an executable file`);
    return fromEnvironment;
  }
  if (await isExecutable(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  packedChromium ??= unpackSparticuzChromium().catch((error: unknown) => {
    packedChromium = undefined;
    throw error;
  });
  return packedChromium;
}

let packedChromium: Promise<string> | undefined;

// @sparticuz/chromium is ESM-only. Inside Jest every way of loading it in-process (import(),
// which swc compiles to require; module.createRequire; process.getBuiltinModule('module'))
// goes through Jest's module registry, so it only loads if transformIgnorePatterns lets the
// swc transform compile it, and new Function('return import(s)') throws without
// --experimental-vm-modules. So it runs in a child Node process, which imports it natively.
//
// The child also gets its own TMPDIR. executablePath() brotli-unpacks chromium (~200 MB, ~2.5 s)
// and its swiftshader libraries into os.tmpdir() and reuses whatever `chromium` it finds there,
// so two Jest workers unpacking into /tmp at once could launch a half-written binary, and a stale
// one from an older package version would be reused silently. Unpacking into a fresh staging
// directory and renaming it to a directory named after the package version makes the result
// appear whole, once per version, whichever worker wins.
async function unpackSparticuzChromium(): Promise<string> {
  const entry = require.resolve('@sparticuz/chromium');
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  const target = join(tmpdir(), `sparticuz-chromium-${version}`);
  if (await isExecutable(join(target, 'chromium'))) return join(target, 'chromium');

  const staging = await mkdtemp(`${target}-`);
  try {
    const script =
      'const { default: Chromium } = await import(process.env.SPARTICUZ_ENTRY); process.stdout.write(await Chromium.executablePath());';
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', script], {
      env: { ...process.env, TMPDIR: staging, SPARTICUZ_ENTRY: pathToFileURL(entry).href },
    });
    if (stdout !== join(staging, 'chromium'))
      throw new Error(`@sparticuz/chromium unpacked to ${stdout}, expected ${join(staging, 'chromium')}`);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  try {
    await rename(staging, target);
  } catch {
    // Another worker got there first; use its copy, or keep ours if its copy is unusable.
    if (!(await isExecutable(join(target, 'chromium')))) return join(staging, 'chromium');
    await rm(staging, { recursive: true, force: true });
  }
  return join(target, 'chromium');
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

// Playwright adds its own --headless and headless defaults. Of @sparticuz/chromium's `args`
// (made for AWS Lambda) none is needed here, and several would change what is being tested
// (--disable-web-security, --allow-running-insecure-content) or break Playwright (with
// --single-process, closing a browser context kills the whole browser). --no-sandbox is needed
// because we run as root (Playwright also adds it while chromiumSandbox is false, its default).
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), headless: true, args: ['--no-sandbox'] });
}

export interface NewPageOptions {
  javaScriptEnabled?: boolean;
  baseURL?: string;
}

// A page in a context of its own: axe opens a second page in the page's context to merge its
// results, which Playwright refuses for pages made by browser.newPage().
export async function newPage(browser: Browser, options: NewPageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, baseURL: options.baseURL });
  const page = await context.newPage();
  return { context, page };
}

// With javaScriptEnabled: false Playwright can still evaluate scripts and promises still settle,
// but no callback the browser schedules ever runs (setTimeout, requestAnimationFrame,
// MessageChannel, even queueMicrotask), and axe-core waits on setTimeout(…, 0) between rules, so
// analyze() would hang forever. In documents where scripting is off, this prelude (injected with
// axe into every frame and into axe's own result-merging page) runs zero-delay timers and
// queueMicrotask callbacks as promise reactions instead, and lets longer timers, which axe uses
// only as deadlines, never fire. Pages with scripting on are left alone. The page's own scripts
// do not run either way, so axe checks the DOM a user without JavaScript gets, except that
// axe-core always treats <noscript> and its contents as hidden, so it never checks them, even
// though a browser with JavaScript off displays them.
const TIMERS_WITHOUT_SCRIPTING = `;(() => {
  if (window.__axeTimersWithoutScripting || !matchMedia('(scripting: none)').matches) return;
  window.__axeTimersWithoutScripting = true;
  const later = (callback) => { Promise.resolve().then(callback); };
  let nextId = 1;
  const cancelled = new Set();
  window.queueMicrotask = later;
  window.setTimeout = (callback, delay, ...args) => {
    const id = nextId++;
    if (!(delay > 1)) later(() => { if (!cancelled.delete(id) && typeof callback === 'function') callback(...args); });
    return id;
  };
  window.clearTimeout = (id) => { cancelled.add(id); };
})();
`;
let axeSource: string | undefined;

export async function runAxe(page: Page, configure: (builder: AxeBuilder) => AxeBuilder = (builder) => builder): Promise<AxeResults> {
  // Use the axe-core that @axe-core/playwright itself depends on.
  axeSource ??=
    TIMERS_WITHOUT_SCRIPTING + (createRequire(require.resolve('@axe-core/playwright'))('axe-core') as { source: string }).source;
  return configure(new AxeBuilder({ page, axeSource }).withTags(AXE_TAGS)).analyze();
}

export async function expectNoAxeViolations(page: Page, configure?: (builder: AxeBuilder) => AxeBuilder): Promise<void> {
  const { violations, url } = await runAxe(page, configure);
  if (violations.length > 0)
    throw new Error(`${violations.length} accessibility violation(s) on ${url}:\n${violations.map(describeViolation).join('\n')}`);
}

function describeViolation(violation: AxeViolation): string {
  const shown = 3;
  const targets = violation.nodes.slice(0, shown).map(({ target }) =>
    // A target is a chain of frames, each part of which may be a chain of shadow roots.
    target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' -> '),
  );
  const more = violation.nodes.length > shown ? ` (and ${violation.nodes.length - shown} more)` : '';
  return `- ${violation.id} [${violation.impact ?? 'unknown impact'}]: ${violation.help} (${violation.helpUrl})\n    ${targets.join('\n    ')}${more}`;
}

/**
 * What every file of browser tests shares: one app (`start`, by default on the shared test
 * database), one Chromium, a context of its own for each page, closed after each test.
 * `checked` holds every page to axe-core (WCAG 2.2 AA), one h1 and a title of its own.
 */
export function browserSuite(start: () => Promise<TestApp> = () => startTestApp()) {
  const suite = { contexts: [] as BrowserContext[] } as { app: TestApp; browser: Browser; baseURL: string; contexts: BrowserContext[] };
  beforeAll(async () => {
    suite.app = await start();
    suite.baseURL = await suite.app.app.getUrl();
    suite.browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.close();
  });
  afterEach(async () => {
    await Promise.all(suite.contexts.splice(0).map((context) => context.close()));
  });

  async function open(javaScriptEnabled: boolean): Promise<Page> {
    const { context, page } = await newPage(suite.browser, { javaScriptEnabled, baseURL: suite.baseURL });
    suite.contexts.push(context);
    return page;
  }

  async function checked(page: Page): Promise<void> {
    await expectNoAxeViolations(page);
    expect(await page.locator('h1').count()).toBe(1);
    await expect(page.title()).resolves.toMatch(/^(Error: )?.+ – Day of action planner$/);
  }

  /** Signs in through the form, landing on Your tasks. */
  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto('/');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Your tasks');
  }

  return { app: () => suite.app, open, checked, signIn };
}
