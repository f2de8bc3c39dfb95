// Smoke test: the release build in dist/, served under /app/, loads in
// Chromium, Leptos renders, and nothing leaves the origin or goes wrong.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { startApp, assertClean, APP_READY, DIST } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test('the app renders under a sub-path with a clean console and no off-origin request', async () => {
  const { page, events } = await app.open();

  assert.equal(await page.locator(APP_READY).first().textContent(), '协商还款计算器');
  assert.equal(await page.title(), '协商还款计算器');

  // The CSP really is the strict one (a lost <meta> would also pass "no violation").
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  // The whole policy is pinned; only the loader's hash differs per build.
  assert.match(csp, /'sha256-[A-Za-z0-9+/]+=*'/);
  assert.equal(
    csp.replace(/'sha256-[A-Za-z0-9+/]+=*'/g, "'sha256-…'"),
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-…'; style-src 'self'; img-src 'self' data:; " +
      "connect-src 'self'; font-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
  );

  // Every asset came from /app/ (relative URLs), the favicon included.
  const paths = events.requests.filter((u) => u.startsWith('http')).map((u) => new URL(u).pathname);
  assert.ok(paths.some((p) => /^\/app\/favicon-[0-9a-f]+\.svg$/.test(p)), `no favicon request in ${paths}`);
  assert.ok(paths.some((p) => p.endsWith('.wasm')), 'no .wasm request');
  for (const p of paths) assert.ok(p.startsWith('/app/'), `request outside /app/: ${p}`);

  // Let late work (idle callbacks, timers) surface any error before judging.
  await page.waitForTimeout(300);
  await assertClean(events, { page, name: 'smoke' });
});

// The harness itself must fail where it should, or every "clean" above means nothing.
test('the clean-page check fails on an injected CSP violation and on an off-origin request', async () => {
  const strict = await app.open();
  await strict.page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.head.append(s);
  });
  assert.equal(await strict.page.evaluate(() => window.__injected), undefined, 'the CSP blocked the inline script');
  await assert.rejects(assertClean(strict.events, { page: strict.page, name: 'self-test-csp' }), /csp/);

  // Without the CSP (which would block it first), a request to another origin is caught.
  const loose = await app.open({ contextOptions: { bypassCSP: true } });
  await loose.page.evaluate(() => fetch('http://127.0.0.2:9/x').catch(() => null));
  await assert.rejects(assertClean(loose.events, { page: loose.page, name: 'self-test-origin' }), /offOrigin/);
  assert.ok(loose.events.offOrigin.some((u) => u.startsWith('http://127.0.0.2:9/')), loose.events.offOrigin.join(' '));
});

test('the server only serves the app under /app/', async () => {
  const root = await fetch(app.server.origin + '/');
  assert.equal(root.status, 404);
  for (const [ext, type] of [['.wasm', 'application/wasm'], ['.js', 'text/javascript'], ['.svg', 'image/svg+xml']]) {
    const file = readdirSync(DIST).find((f) => f.endsWith(ext));
    assert.ok(file, `no ${ext} file in dist/`);
    const res = await fetch(app.url + file, { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type').split(';')[0], type);
  }
  assert.equal((await fetch(app.url + '../dist/index.html')).status, 404);
});
