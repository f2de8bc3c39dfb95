// Each language's words are a chunk of their own (issue 13,
// src/i18n/words.rs): a visitor fetches only their language's, before the
// page mounts (shell-lang.js preloads them beside the wasm), and the other
// language's when they switch; the page switches once those are here, and
// if they cannot be fetched (offline before they were cached) it says so
// and stays whole in its language.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, assertClean, APP_READY, NO_WORKER, assertCleanNoWorker } from './harness.mjs';
import { $, byId } from './page.mjs';

const words = (lang) => new RegExp(`/xieshang-split_words_${lang}-[0-9a-f]{16}\\.wasm$`);
let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

const count = (events, lang) => events.requests.filter((u) => words(lang).test(u)).length;

test('a Chinese visit fetches only the Chinese words, preloaded; switching fetches the English ones once, then the page is English', async () => {
  const { page, events } = await app.open(NO_WORKER);
  await page.waitForLoadState('networkidle');
  assert.equal(count(events, 'zh'), 1, 'the Chinese words, once (the preload is what the page uses)');
  assert.equal(count(events, 'en'), 0, 'no English word is fetched');
  const hinted = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload][as=fetch]')].map((l) => l.getAttribute('href')));
  assert.ok(hinted.some((h) => words('zh').test(h.replace('.', ''))), 'shell-lang.js preloads them');
  assert.equal(await byId(page, 'app-title').textContent(), '协商还款计算器');

  await byId(page, 'lang-toggle').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await byId(page, 'app-title').textContent(), 'Repayment negotiation calculator');
  assert.equal(await byId(page, 'lang-toggle').textContent(), '中文');
  assert.equal(count(events, 'en'), 1);
  // The sections below the results too (their English words come with the English ones, `Words::below`).
  await page.waitForFunction(() => document.querySelector('main').textContent.includes('Ranked by whether they fit your budget'));
  assert.ok(!(await page.locator('main').textContent()).includes('按是否符合预算'), 'no Chinese word is left below the results');
  // Back and forth: both are here, nothing more is fetched.
  await byId(page, 'lang-toggle').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await byId(page, 'lang-toggle').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForLoadState('networkidle');
  assert.deepEqual([count(events, 'zh'), count(events, 'en')], [1, 1]);
  await assertCleanNoWorker(events, { page, name: 'lang-switch' });
});

test('an English visit fetches only the English words', async () => {
  const { page, events } = await app.open({
    ...NO_WORKER,
    prepare: (context) => context.addInitScript(() => localStorage.setItem('xieshang.lang', 'en')),
  });
  await page.waitForLoadState('networkidle');
  assert.equal(await byId(page, 'app-title').textContent(), 'Repayment negotiation calculator');
  assert.ok((await page.locator('main').textContent()).includes('Outstanding principal'), "the fields' words too");
  await page.waitForFunction(() => document.querySelector('main').textContent.includes('What each figure means'));
  assert.ok(!(await page.locator('main').textContent()).includes('页面上每个数字的含义'), 'and the words below the results');
  assert.deepEqual([count(events, 'zh'), count(events, 'en')], [0, 1]);
  await assertCleanNoWorker(events, { page, name: 'lang-en' });
});

test("when the other language's words cannot be fetched, the page says so and stays whole in its language; online again, the switch works", async () => {
  let failing = true;
  const { page, events } = await app.open({
    ...NO_WORKER,
    prepare: (context) => context.route(words('en'), (route) => (failing ? route.abort('internetdisconnected') : route.continue())),
  });
  await page.waitForLoadState('networkidle');
  await byId(page, 'lang-toggle').click();
  const alert = page.locator($('lang-failed'));
  await alert.waitFor();
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.match(await alert.textContent(), /无法载入英文/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await byId(page, 'app-title').textContent(), '协商还款计算器');
  // The page still answers, in Chinese.
  const payment = await page.locator($('result-payment')).first().textContent();
  await page.locator($('principal')).first().fill('123456');
  await page.waitForFunction((old) => document.querySelector('[data-testid="result-payment"]').textContent !== old, payment);
  assert.equal(await page.evaluate(() => localStorage.getItem('xieshang.lang')), null, 'the choice is not stored');

  failing = false;
  await byId(page, 'lang-toggle').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await alert.count(), 0, 'the message goes once the switch is done');
  assert.equal(await byId(page, 'app-title').textContent(), 'Repayment negotiation calculator');
  const en = (s) => words('en').test(s.split(' (')[0]);
  events.failed.splice(0, events.failed.length, ...events.failed.filter((f) => !en(f)));
  const reported = (m) => /^error: (TypeError: Failed to fetch|Failed to load resource: net::ERR_INTERNET_DISCONNECTED)/.test(m);
  events.console.splice(0, events.console.length, ...events.console.filter((m) => !reported(m)));
  await assertCleanNoWorker(events, { page, name: 'lang-failed' });
});

test('with no words at all (offline before they were cached) the first paint stays and says why', async () => {
  const { page, events } = await app.open({
    ...NO_WORKER,
    waitFor: $('no-words'),
    prepare: (context) => context.route(/\/xieshang-split_words_(zh|en)-[0-9a-f]{16}\.wasm$/, (route) => route.abort('internetdisconnected')),
  });
  const alert = page.locator($('no-words'));
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.match(await alert.textContent(), /无法载入页面.*Could not load the page/);
  assert.equal(await page.locator(APP_READY).count(), 0);
  assert.deepEqual(events.pageErrors, [], 'nothing panics');
});
