import { chromiumPath, expectNoAxeViolations, launchBrowser, newPage, runAxe } from './support/browser';
import type { Browser } from 'playwright-core';

const accessible = `<!doctype html><html lang="en"><head><title>Accessible</title></head><body>
  <main><h1>Plan a day of action</h1><img src="logo.png" alt="Service logo"><p id="js">JavaScript did not run</p></main>
  <script>document.getElementById('js').textContent = 'JavaScript ran'</script></body></html>`;
const missingAlt = `<!doctype html><html lang="en"><head><title>Inaccessible</title></head><body>
  <main><h1>Plan a day of action</h1><img src="logo.png"><img src="a.png"><img src="b.png"><img src="c.png"><img src="d.png"></main></body></html>`;
const noscriptOnly = `<!doctype html><html lang="en"><head><title>Noscript</title></head><body>
  <main><h1>Plan</h1><noscript><p id="ns">Shown without JavaScript</p><img src="only-without-js.png"></noscript></main></body></html>`;
const dataUrl = (html: string) => `data:text/html,${encodeURIComponent(html)}`;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

describe('browser support', () => {
  let browser: Browser;
  beforeAll(async () => {
    let start = process.hrtime.bigint();
    const path = await chromiumPath();
    console.log(`chromiumPath() -> ${path} in ${ms(start).toFixed(0)} ms`);
    start = process.hrtime.bigint();
    browser = await launchBrowser();
    console.log(`launchBrowser() in ${ms(start).toFixed(0)} ms, version ${browser.version()}`);
  });
  afterAll(async () => browser?.close());

  it('relaunches quickly once unpacked', async () => {
    const start = process.hrtime.bigint();
    const second = await launchBrowser();
    console.log(`warm launchBrowser() in same process in ${ms(start).toFixed(0)} ms`);
    await second.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      it('runs page scripts only when enabled (setContent and data: URL)', async () => {
        const { context, page } = await newPage(browser, { javaScriptEnabled });
        await page.setContent(accessible);
        expect(await page.textContent('#js')).toBe(javaScriptEnabled ? 'JavaScript ran' : 'JavaScript did not run');
        await page.goto(dataUrl(accessible));
        expect(await page.textContent('#js')).toBe(javaScriptEnabled ? 'JavaScript ran' : 'JavaScript did not run');
        await context.close();
      });

      it('passes an accessible page (setContent)', async () => {
        const { context, page } = await newPage(browser, { javaScriptEnabled });
        await page.setContent(accessible);
        const start = process.hrtime.bigint();
        await expectNoAxeViolations(page);
        console.log(`axe (JS ${javaScriptEnabled ? 'on' : 'off'}, setContent) in ${ms(start).toFixed(0)} ms`);
        await context.close();
      });

      it('passes an accessible page (data: URL)', async () => {
        const { context, page } = await newPage(browser, { javaScriptEnabled });
        await page.goto(dataUrl(accessible));
        await expectNoAxeViolations(page);
        expect(context.pages()).toHaveLength(1); // axe closed its result-merging page
        await context.close();
      });

      it('fails an image without alt text, readably', async () => {
        const { context, page } = await newPage(browser, { javaScriptEnabled });
        await page.goto(dataUrl(missingAlt));
        const error = await expectNoAxeViolations(page).then(() => undefined, (e: Error) => e);
        expect(error?.message).toMatch(/image-alt \[critical\]: Images must have alternative text/);
        expect(error?.message).toMatch(/and 2 more/);
        console.log(error?.message);
        await context.close();
      });

      it('never checks <noscript> content (axe-core treats it as hidden), though it shows when JavaScript is off', async () => {
        const { context, page } = await newPage(browser, { javaScriptEnabled });
        await page.goto(dataUrl(noscriptOnly));
        expect(await page.locator("#ns").isVisible()).toBe(!javaScriptEnabled);
        const { violations } = await runAxe(page);
        expect(violations.map((v) => v.id)).toEqual([]);
        await context.close();
      });
    });
  }

  it('uses baseURL and keeps contexts independent', async () => {
    const one = await newPage(browser, { baseURL: 'http://127.0.0.1:9/' });
    const two = await newPage(browser, { javaScriptEnabled: false });
    await one.page.setContent(accessible);
    await two.page.setContent(missingAlt);
    await expectNoAxeViolations(one.page);
    await expect(expectNoAxeViolations(two.page)).rejects.toThrow(/image-alt/);
    await Promise.all([one.context.close(), two.context.close()]);
  });

  it('honours CHROMIUM_PATH', async () => {
    const path = await chromiumPath();
    process.env.CHROMIUM_PATH = path;
    try {
      expect(await chromiumPath()).toBe(path);
      process.env.CHROMIUM_PATH = '/nonexistent/chromium';
      await expect(chromiumPath()).rejects.toThrow(/CHROMIUM_PATH=\/nonexistent\/chromium is not an executable file/);
    } finally {
      delete process.env.CHROMIUM_PATH;
    }
  });
});
