// Lazily loaded sections (issue 13, src/ui/lazy.rs): the kit, the road and
// the share dialog are wasm chunks of their own (.ci/wasm-split.mjs). The
// first load fetches none of them; opening a section fetches its chunk once,
// says "loading" until it is there, and says why (with a retry button) when
// it cannot be fetched — the page keeps working, nothing panics. The
// sections below the results (where you stand, the proposals, the glossary,
// the drafts panel) are one chunk the page fetches by itself once the results
// are drawn (`step_below`, src/ui/mod.rs): the page answers without it.
//
// Without the service worker here: after the page has loaded, the worker
// fetches every chunk into its cache (so the sections open offline later),
// and these tests are about what the page itself fetches.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, assertClean, APP_READY, REPO, NO_WORKER, assertCleanNoWorker } from './harness.mjs';
import { $, byId, importFile, message, switchLanguage } from './page.mjs';

const CHUNK = /\/xieshang-(?!split-)[a-z0-9_]+-[0-9a-f]{16}\.wasm$/;
const chunkOf = (split) => new RegExp(`/xieshang-split_${split}-[0-9a-f]{16}\\.wasm$`);

let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

/** The split loader's file in `requests`' order: the loader names every piece (`split_NAME` and shared `chunk_N`). */
const SPLIT = /\/xieshang-split_([a-z0-9_]+)-[0-9a-f]{16}\.wasm$/;

test('the first load fetches the sections below the results, no section the user opens; opening the kit fetches its chunk once', async () => {
  const { page, events } = await app.open(NO_WORKER);
  await page.waitForLoadState('networkidle');
  const splits = events.requests.map((u) => SPLIT.exec(u)?.[1]).filter(Boolean);
  assert.deepEqual(splits, ['words_zh', 'step_below'], "only the page language's words (before it mounts) and the chunk below the results, once each");
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
  await assertCleanNoWorker(events, { page, name: 'lazy-kit' });
});

test('the page answers before the chunk below the results comes, which then draws its sections in order', async () => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { page, events } = await app.open({
    ...NO_WORKER,
    waitFor: $('result-payment'),
    prepare: (context) =>
      context.route(chunkOf('step_below'), async (route) => {
        await held;
        await route.continue();
      }),
  });
  // Typing a principal updates the results while the chunk is held.
  const payment = await page.locator($('result-payment')).first().textContent();
  await page.locator($('principal')).first().fill('123456');
  await page.waitForFunction((old) => document.querySelector('[data-testid="result-payment"]').textContent !== old, payment);
  for (const id of ['stand', 'proposals', 'kit', 'glossary', 'drafts']) assert.equal(await page.locator(`#${id}`).count(), 0, `#${id} waits for the chunk`);
  assert.equal(await page.getAttribute('main', 'aria-busy'), 'true');
  assert.equal(await page.locator($('lazy-loading')).count(), 0, 'nothing says "loading": the sections below are not drawn yet');

  release();
  await page.locator('body:has(main:not([aria-busy])) footer').waitFor();
  const sections = ['summary', 'loans', 'budget', 'results', 'stand', 'proposals', 'kit', 'road', 'glossary', 'drafts'];
  const order = await page.evaluate((ids) => [...document.querySelectorAll('main [id]')].map((s) => s.id).filter((id) => ids.includes(id)), sections);
  assert.deepEqual(order, sections);
  assert.equal(await page.locator(`${$('proposal')}`).first().isVisible(), true);
  await assertCleanNoWorker(events, { page, name: 'lazy-below' });
});

test('when the chunk below the results cannot be fetched, each of its sections says so, the page still works, and retry draws it', async () => {
  let failing = true;
  const { page, events } = await app.open({
    ...NO_WORKER,
    prepare: (context) => context.route(chunkOf('step_below'), (route) => (failing ? route.abort('internetdisconnected') : route.continue())),
  });
  const failed = page.locator($('lazy-failed'));
  assert.equal(await failed.count(), 4, 'stand, proposals, glossary, drafts: a message each');
  for (const s of await failed.all()) assert.equal(await s.getAttribute('role'), 'alert');
  const payment = await page.locator($('result-payment')).first().textContent();
  await page.locator($('principal')).first().fill('123456');
  await page.waitForFunction((old) => document.querySelector('[data-testid="result-payment"]').textContent !== old, payment);

  failing = false;
  await page.locator(`#main > ${$('lazy-failed')} button`).first().click();
  await page.locator('#stand').waitFor();
  assert.equal(await failed.count(), 3, 'the retried section is drawn; the others keep their message');
  await page.locator(`#main > ${$('lazy-failed')} button`).first().click();
  await page.locator(`${$('proposal')}`).first().waitFor();
  const below = (s) => chunkOf('step_below').test(s.split(' (')[0]);
  events.failed.splice(0, events.failed.length, ...events.failed.filter((f) => !below(f)));
  const reported = (m) => /^error: (TypeError: Failed to fetch|Failed to load resource: net::ERR_INTERNET_DISCONNECTED)/.test(m);
  events.console.splice(0, events.console.length, ...events.console.filter((m) => !reported(m)));
  await assertCleanNoWorker(events, { page, name: 'lazy-below-failed' });
});

/** What localStorage holds, key by key. */
const stored = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

test('reading stored drafts is a chunk: a first visit never fetches it, a returning one hints it early and opens its draft', async () => {
  const { page, events } = await app.open(NO_WORKER);
  await page.waitForLoadState('networkidle');
  await page.locator($('income')).first().fill('23456');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('xieshang.draft.') && localStorage.getItem(k).includes('23456')));
  assert.equal(events.requests.filter((u) => chunkOf('read').test(u)).length, 0, 'a first visit saves without reading');
  assert.equal(await page.locator('link[rel=preload][href*="split_read"]').count(), 0);
  // The pointer coming to the drafts panel fetches it, once, before any drafts action needs it.
  const fetched = page.waitForResponse(chunkOf('read'));
  await page.locator($('drafts-panel')).hover();
  await fetched;
  await page.locator($('drafts-panel') + ' h2').hover();
  await page.waitForLoadState('networkidle');
  assert.equal(events.requests.filter((u) => chunkOf('read').test(u)).length, 1, 'fetched once on the way to the panel');

  await page.reload({ waitUntil: 'load' });
  await page.locator(APP_READY).waitFor();
  assert.equal(await page.locator($('income')).first().inputValue(), '23456', 'the stored draft is open');
  assert.equal(events.requests.filter((u) => chunkOf('read').test(u)).length, 2, 'fetched once more by the reload');
  // shell-lang.js preloads it and the chunks it needs, as the build named them.
  const named = (await page.getAttribute('meta[name=xieshang-read]', 'content')).split(' ');
  const hinted = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload][as=fetch]')].map((l) => l.getAttribute('href').replace('./', '')));
  for (const f of named) assert.ok(hinted.includes(f), `${f} is preloaded`);
  assert.ok(named.some((f) => /^xieshang-split_read-/.test(f)));
  await assertCleanNoWorker(events, { page, name: 'lazy-read' });
});

test('when the code that reads drafts cannot be fetched, the page says so, works, and leaves every stored byte as it was', async () => {
  let failing = false;
  const { page, events } = await app.open({
    ...NO_WORKER,
    prepare: (context) => context.route(chunkOf('read'), (route) => (failing ? route.abort('internetdisconnected') : route.continue())),
  });
  await page.locator($('income')).first().fill('23456');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('xieshang.draft.') && localStorage.getItem(k).includes('23456')));
  await page.waitForLoadState('networkidle');
  const before = await stored(page);

  failing = true;
  await page.reload({ waitUntil: 'load' });
  await page.locator(APP_READY).waitFor();
  const alert = page.locator($('drafts-unread'));
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.match(await alert.textContent(), /没能载入/);
  // The page works (the example, typed into) and saves nothing over the drafts.
  const payment = await page.locator($('result-payment')).first().textContent();
  await page.locator($('principal')).first().fill('123456');
  await page.waitForFunction((old) => document.querySelector('[data-testid="result-payment"]').textContent !== old, payment);
  await page.locator($('income')).first().fill('34567');
  await page.waitForTimeout(1000);
  assert.equal(await byId(page, 'storage-warning').getAttribute('data-state'), 'unread');
  // Other actions wait for the chunk too, and change nothing without it.
  await byId(page, 'new-draft').click();
  await page.waitForTimeout(300);
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.deepEqual(await stored(page), before, 'nothing stored changed');

  // Online again: the alert's button reloads, and the draft opens as stored.
  failing = false;
  page.once('dialog', (d) => d.accept());
  await alert.getByRole('button').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="drafts-unread"]') && document.querySelector('main:not([aria-busy])'));
  assert.equal(await page.locator($('income')).first().inputValue(), '23456');
  const read = (s) => chunkOf('read').test(s.split(' (')[0]);
  events.failed.splice(0, events.failed.length, ...events.failed.filter((f) => !read(f)));
  const reported = (m) => /^error: (TypeError: Failed to fetch|Failed to load resource: net::ERR_INTERNET_DISCONNECTED)/.test(m);
  events.console.splice(0, events.console.length, ...events.console.filter((m) => !reported(m)));
  await assertCleanNoWorker(events, { page, name: 'lazy-read-failed' });
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
  await assertCleanNoWorker(events, { page, name: 'lazy-loading' });
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
  await switchLanguage(page);
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
  await assertCleanNoWorker(events, { page, name: 'lazy-failed' });
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
  await assertCleanNoWorker(events, { page, name: 'lazy-compare' });
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
  for (const split of ['step_below', 'kit', 'road', 'road_zh', 'road_en', 'ics', 'share', 'open_link', 'compare', 'schedule', 'read']) assert.ok(cached.some((u) => chunkOf(split).test(u)), `the ${split} chunk is cached`);

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
