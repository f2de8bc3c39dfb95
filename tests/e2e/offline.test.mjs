// Offline and installable (issue 11): the service worker (sw.js, registered
// by sw-register.js, versioned by .ci/sw-build.mjs) and the web app manifest,
// against the release build. Each test serves its own copy of dist/ under
// /app/, so a "new release" can be written over it while a page is open.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { launchBrowser, openPage, startServer, assertClean, APP_READY, DIST, REPO, TIMEOUT, WORKER_BLOCKED } from './harness.mjs';

const $ = (id) => `[data-testid="${id}"]`;
let browser;
const cleanups = [];

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  await browser?.close();
});

/** A private copy of dist/ served under /app/, and a page opened on it. */
async function serveCopy() {
  const dir = await mkdtemp(join(tmpdir(), 'xieshang-offline-'));
  await cp(DIST, dir, { recursive: true });
  const server = await startServer({ dir });
  cleanups.push(() => server.close(), () => rm(dir, { recursive: true, force: true }));
  const opened = await openPage(browser, server.url);
  cleanups.push(() => opened.context.close());
  return { dir, server, ...opened };
}

/** Resolves once a service worker controls the page (first visit: after it installed). */
function controlled(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        if (navigator.serviceWorker.controller) return resolve(navigator.serviceWorker.controller.scriptURL);
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(navigator.serviceWorker.controller.scriptURL), {
          once: true,
        });
      }),
  );
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

/** Waits until the page's caches are exactly `names` (page.waitForFunction does not await promises). */
async function cachesBecome(page, names) {
  const want = [...names].sort().join();
  const deadline = Date.now() + TIMEOUT;
  while ((await cacheNames(page)).sort().join() !== want) {
    if (Date.now() > deadline) assert.fail(`caches are ${await cacheNames(page)}, not ${want}`);
    await page.waitForTimeout(50);
  }
}
const buildOf = async (dir) => (await readFile(join(dir, 'sw.js'), 'utf8')).match(/^const BUILD = '([0-9a-f]+)';$/m)[1];

/** Takes the origin away: the server stops and the context goes offline. */
async function goOffline({ server, context }) {
  await server.close();
  await context.setOffline(true);
}

/**
 * Offline, the worker still tries the network for the page first and then
 * answers from its cache: that one failed request is expected, no other.
 */
function forgiveOfflinePageFetch(events, url) {
  const expected = (f) => /^(.*) \(net::ERR_(INTERNET_DISCONNECTED|CONNECTION_REFUSED)\)$/.exec(f)?.[1] === url;
  events.failed.splice(0, events.failed.length, ...events.failed.filter((f) => !expected(f)));
}

async function reload(page) {
  const response = await page.reload({ waitUntil: 'load' });
  await page.locator(APP_READY).first().waitFor({ state: 'visible' });
  return response;
}

/**
 * Writes a new release over `dir`: `release` marks index.html and the
 * manifest; with `renameIcon`, a file the page links to changes its name (as
 * hashed assets do when the app changes). Then the build hook versions sw.js.
 */
async function writeRelease(dir, release, { renameIcon = false } = {}) {
  const edit = async (file, change) => writeFile(join(dir, file), change(await readFile(join(dir, file), 'utf8')));
  await edit('index.html', (html) => html.replace('</head>', `<meta name="x-release" content="${release}"></head>`));
  await edit('manifest.webmanifest', (m) => m.replace('"description": "', `"description": "${release} `));
  if (renameIcon) {
    await rename(join(dir, 'icons/icon-192.png'), join(dir, 'icons/icon-192-b.png'));
    for (const f of ['index.html', 'manifest.webmanifest']) await edit(f, (t) => t.replaceAll('icons/icon-192.png', 'icons/icon-192-b.png'));
  }
  execFileSync('node', [join(REPO, '.ci/sw-build.mjs'), dir], { stdio: 'pipe' });
  // A deploy recompresses what changed: the server prefers the .br/.gz twins.
  for (const file of ['index.html', 'manifest.webmanifest', 'sw.js']) {
    const body = await readFile(join(dir, file));
    for (const [ext, pack] of [['br', brotliCompressSync], ['gz', gzipSync]]) {
      const twin = join(dir, `${file}.${ext}`);
      if (existsSync(twin)) await writeFile(twin, pack(body));
    }
  }
}

const release = (page) => page.evaluate(() => document.querySelector('meta[name="x-release"]')?.content ?? null);

test('after one visit the app loads, keeps its drafts and computes with the network gone', async () => {
  const app = await serveCopy();
  const { page, events } = app;
  assert.match(await controlled(page), /\/app\/sw\.js$/);
  const build = await buildOf(app.dir);
  assert.deepEqual(await cacheNames(page), [`xieshang-${build}`]);

  // A change, autosaved as a draft.
  await page.locator($('principal')).first().fill('123456');
  await page.waitForFunction(() => (localStorage.getItem('xieshang.draft.' + localStorage.getItem('xieshang.open')) ?? '').includes('123456'));
  const payment = await page.locator($('result-payment')).first().textContent();
  await assertClean(events, { page, name: 'offline-before' });

  await goOffline(app);
  const response = await reload(page);
  assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
  assert.equal(await page.locator($('principal')).first().inputValue(), '123456', 'the draft is there');
  assert.equal(await page.locator($('result-payment')).first().textContent(), payment);
  // The sections below the results are a chunk the page fetches while it draws: cached too.
  await page.locator('main:not([aria-busy]) #proposals').waitFor();
  assert.equal(await page.locator($('lazy-failed')).count(), 0);
  await page.locator($('principal')).first().fill('100000');
  await page.waitForFunction((old) => document.querySelector('[data-testid="result-payment"]')?.textContent !== old, payment);

  forgiveOfflinePageFetch(events, app.server.url);
  await assertClean(events, { page, name: 'offline-after' });
});

test('a new release served at the same address replaces the cached one', async () => {
  const app = await serveCopy();
  const { page, events } = app;
  await controlled(page);
  const old = await buildOf(app.dir);

  await writeRelease(app.dir, 'B');
  const next = await buildOf(app.dir);
  assert.notEqual(next, old);
  // The page itself is network-first: a reload shows release B at once, and
  // the worker of B takes over silently (this page already runs B's files).
  await reload(page);
  assert.equal(await release(page), 'B');
  await cachesBecome(page, [`xieshang-${next}`]);
  assert.equal(await page.getAttribute('html', 'data-update-waiting'), null, 'no banner for what already runs');

  // Offline, everything now comes from B's cache.
  await goOffline(app);
  await reload(page);
  assert.equal(await release(page), 'B');
  const manifest = await page.evaluate(() => fetch('manifest.webmanifest').then((r) => r.text()));
  assert.match(manifest, /"description": "B /);
  forgiveOfflinePageFetch(events, app.server.url);
  await assertClean(events, { page, name: 'release-b' });
});

test('a waiting release that changes the app is announced, and applied on request', async () => {
  const app = await serveCopy();
  const { page, events } = app;
  await controlled(page);
  const old = await buildOf(app.dir);
  await page.evaluate(() => window.addEventListener('xieshang-update-waiting', () => (window.__updateEvent = true)));

  await writeRelease(app.dir, 'C', { renameIcon: true });
  const next = await buildOf(app.dir);
  // What a long-open tab does when the user comes back to it.
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.locator('html[data-update-waiting]').waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => window.__updateEvent), true);
  assert.deepEqual((await cacheNames(page)).sort(), [`xieshang-${old}`, `xieshang-${next}`].sort());
  assert.equal(await release(page), null, 'the page still runs the old release until asked');

  // The banner's "reload": the new worker takes over, then the page reloads.
  await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.dispatchEvent(new Event('xieshang-apply-update')))]);
  await page.locator(APP_READY).first().waitFor({ state: 'visible' });
  assert.equal(await release(page), 'C');
  assert.deepEqual(await cacheNames(page), [`xieshang-${next}`]);
  assert.equal(await page.getAttribute('html', 'data-update-waiting'), null);
  await assertClean(events, { page, name: 'release-c' });
});

test('the app is installable: manifest, icons and worker as Chromium requires', async () => {
  const app = await serveCopy();
  const { page, context, events } = app;
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { url, errors } = await cdp.send('Page.getAppManifest');
  assert.equal(url, `${app.server.url}manifest.webmanifest`);
  assert.deepEqual(errors, []);
  // Playwright's contexts are incognito, which alone keeps Chromium from
  // offering to install; any other reason fails here.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);

  const manifest = JSON.parse(await readFile(join(app.dir, 'manifest.webmanifest'), 'utf8'));
  assert.match(manifest.name, /协商还款计算器/);
  assert.match(manifest.name, /Repayment/);
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  const light = await page.locator('meta[name="theme-color"][media*="light"]').getAttribute('content');
  assert.equal(manifest.theme_color, light);
  // Each icon is a PNG of the size it claims (width and height from IHDR).
  const purposes = [];
  for (const icon of manifest.icons) {
    const png = await readFile(join(app.dir, icon.src));
    assert.equal(png.subarray(1, 4).toString(), 'PNG', icon.src);
    assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
    purposes.push(`${icon.sizes} ${icon.purpose}`);
  }
  assert.deepEqual(purposes, ['192x192 any', '512x512 any', '512x512 maskable']);
  await assertClean(events, { page, name: 'installable' });
});

test('without a service worker the app runs as before, silently', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'xieshang-nosw-'));
  await cp(DIST, dir, { recursive: true });
  await rm(join(dir, 'sw.js'));
  const server = await startServer({ dir });
  cleanups.push(() => server.close(), () => rm(dir, { recursive: true, force: true }));
  // Where service workers are blocked, and where registration fails (sw.js
  // is gone: Chromium itself then logs the 404, which no page can silence;
  // the page adds nothing to it).
  for (const serviceWorkers of ['block', 'allow']) {
    const { page, context, events } = await openPage(browser, server.url, { contextOptions: { serviceWorkers } });
    cleanups.push(() => context.close());
    await page.locator($('principal')).first().fill('100000');
    await page.waitForTimeout(300); // let the registration attempt finish before judging
    assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null);
    if (serviceWorkers === 'block') {
      assert.deepEqual(events.console, [WORKER_BLOCKED]);
      events.console.length = 0;
    } else {
      const browserSays = 'error: A bad HTTP response code (404) was received when fetching the script.';
      assert.deepEqual(events.console, [browserSays]);
      assert.deepEqual(events.failed, [`${server.url}sw.js (HTTP 404)`]);
      events.console.length = 0;
      events.failed.length = 0;
    }
    await assertClean(events, { page, name: `no-sw-${serviceWorkers}` });
  }
});
