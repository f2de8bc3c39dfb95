// Shared helpers for the browser end-to-end tests (node:test + playwright-core
// driving Debian's /usr/bin/chromium; nothing is downloaded at run time).
//
// Typical test file:
//
//   import { test, before, after } from 'node:test';
//   import { startApp, assertClean } from './harness.mjs';
//   let app;
//   before(async () => { app = await startApp(); });
//   after(() => app?.close());
//   test('something', async () => {
//     const { page, events } = await app.open();   // fresh context, app rendered
//     ...
//     await assertClean(events);                     // no off-origin/failed request, console error, CSP violation
//   });
//
// Each app.open() gets a fresh browser context (empty localStorage); all are
// closed by app.close(). On a failing assertClean() or by calling
// screenshot(page, name), a PNG lands in tests/e2e/artifacts/ (gitignored).

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO, DIST, startServer } from './server.mjs';

export { REPO, DIST, startServer };

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const ARTIFACTS = join(REPO, 'tests', 'e2e', 'artifacts');
/**
 * What the app shows once Leptos has mounted and drawn every section (it
 * draws them one task after another; `<main aria-busy>` until the last).
 */
export const APP_READY = 'body:has(main:not([aria-busy])) [data-testid="app-title"]';
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 30_000);

/** Launch headless Chromium (HEADED=1 to watch it). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: !process.env.HEADED,
    timeout: TIMEOUT,
  });
}

/**
 * Open `url` in a fresh context of `browser` and record what happens:
 *   events.offOrigin  – URLs requested from another origin than the page's
 *                       (data: URLs are not requests and are not counted)
 *   events.failed     – requests that failed or answered >= 400
 *   events.console    – console messages of type error or warning
 *   events.pageErrors – uncaught exceptions
 *   events.csp        – securitypolicyviolation events (read by collectCsp / assertClean)
 *   events.requests   – every request URL, in order
 * `waitFor` (a selector, default the app title) must appear; pass null to skip.
 * `contextOptions` go to browser.newContext (viewport, colorScheme, locale…);
 * `prepare(context)` runs before the page opens (routes that must catch the
 * page's first requests).
 */
export async function openPage(browser, url, { waitFor = APP_READY, contextOptions = {}, path = '', prepare } = {}) {
  const origin = new URL(url).origin;
  const context = await browser.newContext({ serviceWorkers: 'allow', ...contextOptions });
  context.setDefaultTimeout(TIMEOUT);
  const events = { origin, offOrigin: [], failed: [], console: [], pageErrors: [], csp: [], requests: [] };

  // Runs before any page script, outside the page's CSP.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push({
        directive: e.effectiveDirective || e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}` : '',
        sample: e.sample,
      });
    });
  });

  context.on('request', (req) => {
    const u = req.url();
    events.requests.push(u);
    if (u.startsWith('data:')) return;
    let reqOrigin;
    try {
      reqOrigin = new URL(u).origin;
    } catch {
      reqOrigin = 'invalid';
    }
    if (reqOrigin !== origin) events.offOrigin.push(u);
  });
  context.on('requestfailed', (req) => {
    const f = req.failure();
    events.failed.push(`${req.url()} (${f ? f.errorText : 'failed'})`);
  });
  context.on('response', (res) => {
    if (res.status() >= 400) events.failed.push(`${res.url()} (HTTP ${res.status()})`);
  });

  if (prepare) await prepare(context);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') {
      const loc = msg.location();
      events.console.push(`${msg.type()}: ${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => events.pageErrors.push(String(err?.stack ?? err)));

  await page.goto(url + path, { waitUntil: 'load' });
  if (waitFor) await page.locator(waitFor).first().waitFor({ state: 'visible' });
  return { page, context, events };
}

/** Pull the CSP violations recorded in the page into events.csp. */
export async function collectCsp(page, events) {
  if (page.isClosed()) return events.csp;
  const v = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
  events.csp.splice(0, events.csp.length, ...v);
  return events.csp;
}

/** Save a full-page PNG to tests/e2e/artifacts/NAME.png; returns its path. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  return file;
}

/**
 * Assert the page stayed clean: no off-origin request, no failed request,
 * no console error or warning, no uncaught exception, no CSP violation.
 * Set `allowWarnings` to tolerate console warnings.
 */
export async function assertClean(events, { page, allowWarnings = false, name = 'unclean' } = {}) {
  if (page) await collectCsp(page, events);
  const consoleProblems = allowWarnings ? events.console.filter((m) => m.startsWith('error:')) : events.console;
  const problems = {
    offOrigin: events.offOrigin,
    failed: events.failed,
    console: consoleProblems,
    pageErrors: events.pageErrors,
    csp: events.csp,
  };
  const dirty = Object.values(problems).some((list) => list.length > 0);
  if (dirty && page) await screenshot(page, name);
  assert.deepEqual(problems, { offOrigin: [], failed: [], console: [], pageErrors: [], csp: [] });
}

/** Playwright's own console line when a test blocks the service worker (not the page's). */
export const WORKER_BLOCKED = 'warning: Service Worker registration blocked by Playwright';

/** `open()` options for a test that counts the page's own fetches: no service worker. */
export const NO_WORKER = { contextOptions: { serviceWorkers: 'block' } };

/** assertClean, less Playwright's line that it blocked the worker. */
export function assertCleanNoWorker(events, options) {
  events.console.splice(0, events.console.length, ...events.console.filter((m) => m !== WORKER_BLOCKED));
  return assertClean(events, options);
}

/**
 * Start the static server and Chromium together. Returns
 * { server, browser, url, open(options), close() }; open() is openPage()
 * on the app's URL, and every context it made is closed by close().
 */
export async function startApp({ dir = DIST, base = '/app/' } = {}) {
  const server = await startServer({ dir, base });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.close();
    throw err;
  }
  const contexts = [];
  return {
    server,
    browser,
    url: server.url,
    async open(options = {}) {
      const opened = await openPage(browser, server.url, options);
      contexts.push(opened.context);
      return opened;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}
