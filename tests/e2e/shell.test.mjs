// index.html's static first paint (issue 13): the page's header and its list
// of sections, drawn from the HTML and CSS before the wasm arrives, in the
// language chosen last time (shell-lang.js), and replaced by the app without
// moving anything. The words themselves are checked against src/i18n by
// tests/shell.rs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, assertClean, APP_READY, WORKER_BLOCKED } from './harness.mjs';

const WASM = /\.wasm$/;
let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

/**
 * The header's words and where its section list ends: the shell's while the
 * wasm is held back (the app's are not there yet), the app's once it has
 * mounted (the shell is gone), read by the same selectors.
 */
async function headerOf(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    h1: document.querySelector('h1').textContent,
    toggle: document.querySelector('.lang-toggle').textContent,
    nav: [...document.querySelectorAll('nav.sections a')].map((a) => a.textContent),
    label: document.querySelector('nav.sections').getAttribute('aria-label'),
    navBottom: document.querySelector('nav.sections').getBoundingClientRect().bottom,
    shell: !!document.querySelector('#shell'),
  }));
}

for (const [tag, h1, first] of [
  ['zh-CN', '协商还款计算器', '概览'],
  ['en', 'Repayment negotiation calculator', 'Summary'],
]) {
  test(`the first paint is in the language chosen last time (${tag}), and the app replaces it in place`, async () => {
    for (const width of [375, 1280]) {
      // Without the service worker, which would answer the held-back wasm from its cache.
      const { page, events } = await app.open({ contextOptions: { viewport: { width, height: 800 }, serviceWorkers: 'block' } });
      await page.evaluate((t) => localStorage.setItem('xieshang.lang', t), tag);
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route(WASM, async (route) => {
        await held;
        await route.continue();
      });
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.locator('#shell nav').waitFor();
      const shell = await headerOf(page);
      assert.equal(shell.shell, true, 'the wasm is held back: the shell is what shows');
      assert.equal(shell.h1, h1);
      assert.equal(shell.nav[0], first);
      assert.equal(shell.lang, tag);
      release();
      await page.locator(APP_READY).waitFor();
      const mounted = await headerOf(page);
      assert.equal(mounted.shell, false, 'the shell is gone once the app mounts');
      for (const key of ['lang', 'title', 'h1', 'toggle', 'nav', 'label']) {
        assert.deepEqual(shell[key], mounted[key], `the shell's ${key} is the app's (${tag}, ${width} px)`);
      }
      assert.equal(shell.navBottom, mounted.navBottom, `nothing moves when the app mounts (${tag}, ${width} px)`);
      await page.unroute(WASM);
      events.console.splice(0, events.console.length, ...events.console.filter((m) => m !== WORKER_BLOCKED));
      await assertClean(events, { page, name: `shell-${tag}-${width}` });
    }
  });
}

test("the page's own response preloads its code (a Link header, from _headers), and the wasm is fetched once", async () => {
  const html = await (await fetch(app.url)).text();
  const wasm = /href=\.\/(xieshang-[0-9a-f]+_bg\.wasm)/.exec(html)?.[1];
  assert.ok(wasm, 'index.html preloads the main wasm');
  for (const path of ['', 'index.html']) {
    const link = (await fetch(app.url + path)).headers.get('link') ?? '';
    assert.ok(link.includes(`<./${wasm}>; rel=preload; as=fetch; crossorigin`), `/${path}: the Link header preloads ${wasm}: ${link}`);
    for (const js of html.match(/xieshang-(?:split-)?[0-9a-f]+\.js/g)) assert.ok(link.includes(`<./${js}>; rel=modulepreload`), `/${path}: ${js}`);
  }
  assert.equal((await fetch(app.url + 'sw.js')).headers.get('link'), null, 'only the page carries the preloads');
  // A first visit (a new context: empty cache), without the service worker.
  const from = app.server.requests.length;
  const { page, events } = await app.open({ contextOptions: { serviceWorkers: 'block' } });
  const fetched = app.server.requests.slice(from).filter((r) => r.path.endsWith(wasm));
  assert.equal(fetched.length, 1, `the header's preload and the page's are one request: ${JSON.stringify(fetched)}`);
  events.console.splice(0, events.console.length, ...events.console.filter((m) => m !== WORKER_BLOCKED));
  await assertClean(events, { page, name: 'shell-link-preload' });
});
