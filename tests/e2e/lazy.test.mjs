// Lazily loaded sections (issue 13, src/ui/lazy.rs): the kit, the road and
// the share dialog are wasm chunks of their own (.ci/wasm-split.mjs). The
// first load fetches none of them; opening a section fetches its chunk once,
// says "loading" until it is there, and says why (with a retry button) when
// it cannot be fetched — the page keeps working, nothing panics.
//
// Without the service worker here: after the page has loaded, the worker
// fetches every chunk into its cache (so the sections open offline later),
// and these tests are about what the page itself fetches.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, assertClean, REPO } from './harness.mjs';
import { $, byId, importFile, message } from './page.mjs';

const CHUNK = /\/xieshang-(?!split-)[a-z0-9_]+-[0-9a-f]{16}\.wasm$/;
const chunkOf = (split) => new RegExp(`/xieshang-split_${split}-[0-9a-f]{16}\\.wasm$`);

const NO_WORKER = { contextOptions: { serviceWorkers: 'block' } };
/** assertClean, less Playwright's own note that it blocked the worker. */
function clean(events, options) {
  events.console.splice(0, events.console.length, ...events.console.filter((m) => m !== 'warning: Service Worker registration blocked by Playwright'));
  return assertClean(events, options);
}
let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

test('the first load fetches no section chunk; opening the kit fetches its chunk once', async () => {
  const { page, events } = await app.open(NO_WORKER);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(events.requests.filter((u) => CHUNK.test(u)), [], 'no chunk before a section is opened');
  assert.ok(events.requests.some((u) => /\/xieshang-split-[0-9a-f]{16}\.js$/.test(u)), 'the split loader comes with the main module');

  await byId(page, 'kit-open').click();
  await byId(page, 'kit-doc').waitFor();
  const kitChunks = () => events.requests.filter((u) => chunkOf('kit').test(u));
  assert.equal(kitChunks().length, 1);
  // Closed and opened again: built at once from the chunk already there.
  await byId(page, 'kit-open').click();
  await byId(page, 'kit-open').click();
  await byId(page, 'kit-doc').waitFor();
  assert.equal(kitChunks().length, 1);
  await clean(events, { page, name: 'lazy-kit' });
});

test('a section says it is loading while its chunk comes', async () => {
  const { page, events } = await app.open(NO_WORKER);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(chunkOf('road'), async (route) => {
    await held;
    await route.continue();
  });
  await page.locator($('road-toggle')).click();
  const loading = page.locator(`#road ${$('lazy-loading')}`);
  await loading.waitFor();
  assert.equal(await loading.getAttribute('role'), 'status');
  assert.equal((await loading.textContent()).trim(), '正在载入…');
  release();
  await page.locator($('strategies')).waitFor();
  assert.equal(await loading.count(), 0);
  await clean(events, { page, name: 'lazy-loading' });
});

test('a chunk that cannot be fetched: a clear message, the page still works, retry loads it', async () => {
  const { page, events } = await app.open(NO_WORKER);
  let failing = true;
  await page.route(chunkOf('road'), (route) => (failing ? route.abort('internetdisconnected') : route.continue()));
  await page.locator($('road-toggle')).click();
  const failed = page.locator(`#road ${$('lazy-failed')}`);
  await failed.waitFor();
  assert.equal(await failed.getAttribute('role'), 'alert');
  assert.match(await failed.textContent(), /没能载入/);

  // The rest of the page still answers.
  await byId(page, 'lang-toggle').click();
  assert.match(await failed.textContent(), /could not be loaded/);

  failing = false;
  await failed.getByRole('button').click();
  await page.locator($('strategies')).waitFor();
  assert.equal(await failed.count(), 0);

  // Only the aborted fetch and the loader's report of it, nothing else.
  const road = (s) => chunkOf('road').test(s.split(' (')[0]);
  assert.equal(events.failed.filter(road).length, 1);
  events.failed.splice(0, events.failed.length, ...events.failed.filter((f) => !road(f)));
  const reported = (m) => /^error: (TypeError: Failed to fetch|Failed to load resource: net::ERR_INTERNET_DISCONNECTED)/.test(m);
  assert.ok(events.console.some(reported), 'the loader reports the failed fetch in the console');
  events.console.splice(0, events.console.length, ...events.console.filter((m) => !reported(m)));
  await clean(events, { page, name: 'lazy-failed' });
});

test('the comparison is a chunk of its own, fetched when a second proposal is ticked', async () => {
  const { page, events } = await app.open(NO_WORKER);
  await page.waitForLoadState('networkidle');
  const compareChunks = () => events.requests.filter((u) => chunkOf('compare').test(u));
  const ticks = page.locator($('compare'));
  await ticks.nth(0).check();
  assert.match(await byId(page, 'comparison').textContent(), /勾选两个方案/);
  assert.equal(compareChunks().length, 0, 'one ticked: nothing to compare, nothing fetched');
  await ticks.nth(1).check();
  await page.locator($('comparison-table')).waitFor();
  assert.equal(compareChunks().length, 1);
  // Cleared and ticked again: built at once from the chunk already there.
  await byId(page, 'clear-compare').click();
  await ticks.nth(0).check();
  await ticks.nth(1).check();
  await page.locator($('comparison-table')).waitFor();
  assert.equal(compareChunks().length, 1);
  await clean(events, { page, name: 'lazy-compare' });
});

test('after one visit every section opens offline: the service worker holds the chunks', async () => {
  const { page, context, events } = await app.open();
  // Controlled once the worker has installed (and cached this build's files).
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        if (navigator.serviceWorker.controller) return resolve();
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
      }),
  );
  const cached = await page.evaluate(async () => {
    const cache = await caches.open((await caches.keys())[0]);
    return (await cache.keys()).map((r) => r.url);
  });
  for (const split of ['kit', 'road', 'ics', 'share', 'open_link', 'compare', 'schedule']) assert.ok(cached.some((u) => chunkOf(split).test(u)), `the ${split} chunk is cached`);

  // Dated loans, so the road has a calendar to download.
  await importFile(page, 'road.json', await readFile(join(REPO, 'tests', 'fixtures', 'road-three-lenders.json'), 'utf8'));
  await message(page, 'imported').waitFor();

  await context.setOffline(true);
  await page.reload({ waitUntil: 'load' });
  await byId(page, 'kit-open').click();
  await byId(page, 'kit-doc').waitFor();
  await page.locator($('road-toggle')).click();
  await page.locator($('strategies')).waitFor();
  // The calendar's writer, a chunk fetched on the first download, offline too.
  await byId(page, 'download-ics').click();
  await page.waitForFunction(() => /已生成 \d+ 个还款提醒/.test(document.querySelector('[data-testid="calendar-status"]').textContent));
  await byId(page, 'share-open').click();
  await byId(page, 'share-dialog').waitFor({ state: 'visible' });
  // Offline, the worker tries the network for the page first: that one failure is expected.
  events.failed.splice(0, events.failed.length, ...events.failed.filter((f) => !/ERR_INTERNET_DISCONNECTED/.test(f) || !f.startsWith(`${app.url} `)));
  await assertClean(events, { page, name: 'lazy-offline' });
});
