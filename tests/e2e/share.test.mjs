// Share links on the page (issue 11): the share dialog, opening a link as a
// new draft in another browser, encrypted links, bad links, the update
// banner — against the release build (dist/) served under /app/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { startApp, assertClean, APP_READY, TIMEOUT } from './harness.mjs';
import { $, byId, listed, importFile, switchLanguage } from './page.mjs';

/** A draft with a loan name (personal) and figures of its own. */
const SCENARIO = JSON.stringify({
  version: 1,
  loans: [
    {
      id: 'a',
      name: '网商贷 2023',
      lender: 'mybank',
      principal: '86000.00',
      rate: { value: '0.045', unit: 'daily_percent' },
      method: 'equal_installment',
      months: 18,
    },
  ],
  budget: { income: '9000', expenses: '5200', other_obligations: '0', buffer_percent: '10' },
});

let app;
before(async () => {
  // E2E_DIST=target/dist-debug runs these against the debug build, whose
  // Leptos checks print console warnings that assertClean() refuses.
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

/** Everything the page shows of a draft: loan and budget inputs, results, proposals. */
function figures(page) {
  return page.evaluate(() => [
    ...[...document.querySelectorAll('[data-testid="loan-card"] input, [data-testid="budget-card"] input')].map((i) => i.value),
    ...[...document.querySelectorAll('[data-testid="loan-result"], [data-testid="proposal"]')].map((e) => e.textContent),
  ]);
}

/** Waits until the page shows exactly `expected` (what figures() read elsewhere). */
async function showsFigures(page, expected) {
  const deadline = Date.now() + TIMEOUT;
  while (JSON.stringify(await figures(page)) !== JSON.stringify(expected) && Date.now() < deadline) await page.waitForTimeout(50);
  assert.deepEqual(await figures(page), expected);
}

/** A fresh browser with SCENARIO imported as its open draft "mine". */
async function withDraft(options = {}) {
  const opened = await app.open(options);
  await importFile(opened.page, 'mine.json', SCENARIO);
  await opened.page.waitForFunction(() => document.querySelector('[data-testid="draft-name"]')?.value === 'mine');
  return opened;
}

/** Opens the dialog, ticks `personal` (indexes into Personal::ALL), makes the link; returns it. */
async function makeLink(page, { personal = [], password = '' } = {}) {
  await byId(page, 'share-open').click();
  await byId(page, 'share-dialog').waitFor({ state: 'visible' });
  for (const i of personal) await byId(page, `share-personal-${i}`).check();
  await byId(page, 'share-password').fill(password);
  await byId(page, 'share-make').click();
  await byId(page, 'share-link').waitFor({ state: 'visible' });
  return byId(page, 'share-link').inputValue();
}

async function closeDialog(page) {
  await page.keyboard.press('Escape');
  await byId(page, 'share-dialog').waitFor({ state: 'hidden' });
}

/** The scenario a plain link carries, decoded here with node's zlib. */
function decode(link) {
  const payload = link.split('#s1=')[1];
  return JSON.parse(inflateSync(Buffer.from(payload, 'base64url')).toString('utf8'));
}

/** Every key this app stored, as { key: value }. */
const stored = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('xieshang.')).map((k) => [k, localStorage.getItem(k)])));

/** The stored drafts themselves (not the index or the open one's id, which opening a link changes). */
const storedDrafts = async (page) => Object.fromEntries(Object.entries(await stored(page)).filter(([k]) => k.startsWith('xieshang.draft.')));

/** Whether the page under the banners is hidden (and there is a page: its parts are drawn). */
const pageHidden = (page) =>
  page.evaluate(() => {
    const parts = [...document.querySelectorAll('#main > :not(.share-banners)')];
    return parts.length > 0 && parts.every((e) => getComputedStyle(e).display === 'none');
  });

/** Loads `link` as a new page load (the start-up path). */
async function load(page, link) {
  await page.goto('about:blank');
  await page.goto(link, { waitUntil: 'load' });
  await page.locator(APP_READY).first().waitFor({ state: 'visible' });
}

async function axeClean(page, selector) {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], selector);
}

const fragmentOf = (page) => page.evaluate(() => location.hash);

test('a plain link opens the same figures in a fresh browser as a new draft, then leaves the address bar', async () => {
  const a = await withDraft({ contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const expected = await figures(a.page);
  const link = await makeLink(a.page);
  assert.ok(link.startsWith(`${app.url}#s1=`), link);
  assert.equal(await byId(a.page, 'share-length').textContent(), `链接长度：${link.length} 个字符`);
  assert.equal(await a.page.locator($('share-long')).count(), 0, 'a short link has no warning');
  assert.match(await byId(a.page, 'share-fragment-note').textContent(), /# 号之后的部分.*从不把这部分发送给任何服务器/);
  // The QR code: an SVG with an accessible name.
  const qr = byId(a.page, 'share-qr');
  assert.equal(await qr.getAttribute('role'), 'img');
  assert.equal(await qr.locator('svg path').count(), 1);
  // Copy puts the link on the clipboard.
  await byId(a.page, 'share-copy').click();
  await a.page.waitForFunction(() => document.querySelector('[data-testid="share-copied"]').textContent === '已复制');
  assert.equal(await a.page.evaluate(() => navigator.clipboard.readText()), link);
  await assertClean(a.events, { page: a.page, name: 'share-make' });

  const before = app.server.requests.length;
  const b = await app.open({ path: link.slice(app.url.length) });
  await byId(b.page, 'link-opened').waitFor();
  await showsFigures(b.page, expected);
  assert.equal(await fragmentOf(b.page), '', 'the fragment is gone from the address bar');
  assert.equal(b.page.url(), app.url);
  const open = (await listed(b.page)).find((d) => d.open);
  assert.match(open.name, /^来自链接 \d\d-\d\d \d\d:\d\d$/);
  assert.match(await byId(b.page, 'link-opened').textContent(), new RegExp(`“${open.name}”`));
  // The server never saw the fragment: browsers do not send it.
  const seen = app.server.requests.slice(before).map((r) => r.path);
  assert.ok(seen.length > 0);
  assert.ok(seen.every((p) => !p.includes('#') && !p.includes('s1=') && !p.includes(link.split('#s1=')[1].slice(0, 20))), seen.join('\n'));
  await byId(b.page, 'link-keep').click();
  await byId(b.page, 'link-opened').waitFor({ state: 'detached' });

  // Review w14 S1: the same link opened again (a WeChat user taps it a
  // second time) makes no second draft: it says so and switches to the
  // first one, as it is now (edited since), from another draft.
  await byId(b.page, 'draft-name').fill('from the link');
  await byId(b.page, 'draft-name').blur();
  const count = (await listed(b.page)).length;
  await byId(b.page, 'new-draft').click();
  await b.page.waitForFunction((n) => document.querySelectorAll('[data-testid="draft-item"]').length === n, count + 1);
  const drafts = await listed(b.page);
  await load(b.page, link);
  await byId(b.page, 'link-again').waitFor();
  assert.match(await byId(b.page, 'link-again').textContent(), /之前已经打开过.*“from the link”/);
  assert.deepEqual((await listed(b.page)).map((d) => d.id), drafts.map((d) => d.id), 'no second draft');
  assert.equal((await listed(b.page)).find((d) => d.open).name, 'from the link');
  await showsFigures(b.page, expected);
  await assertClean(b.events, { page: b.page, name: 'share-open' });
});

test('personal data goes into a link only when its box is ticked', async () => {
  const { page, events } = await withDraft();
  await byId(page, 'share-open').click();
  // The dialog is a chunk of its own: count its boxes once it is there.
  await byId(page, 'share-dialog').waitFor({ state: 'visible' });
  const boxes = page.locator(`${$('share-dialog')} input[type="checkbox"][data-testid^="share-personal-"]`);
  assert.equal(await boxes.count(), 5);
  for (let i = 0; i < 5; i++) assert.equal(await boxes.nth(i).isChecked(), false, `box ${i} is off by default`);
  await closeDialog(page);

  const numbersOnly = decode(await makeLink(page));
  assert.equal(numbersOnly.loans[0].name, undefined);
  assert.equal(numbersOnly.loans[0].principal, '86000.00');
  assert.equal(numbersOnly.budget.income, '9000');
  await closeDialog(page);

  const named = decode(await makeLink(page, { personal: [0] }));
  assert.equal(named.loans[0].name, '网商贷 2023');
  await closeDialog(page);
  await assertClean(events, { page, name: 'share-privacy' });
});

/** A draft with every kind of personal data the dialog has a box for. */
const PERSONAL = JSON.stringify({
  ...JSON.parse(SCENARIO),
  profile: { name: '张三', phone: '138 0000 0000', city: '杭州' },
  loans: [{ ...JSON.parse(SCENARIO).loans[0], contract_no: 'HT-2023-001' }],
  hardship: { reason: 'illness', since: '2025-03-01', details: '生病住院三个月', temporary: true, evidence: ['medical'] },
  contact_log: [{ at: '2025-04-01T10:00', loan_id: 'a', channel: 'phone_out', who: '工号 6617', summary: '申请延期', promise: '五天内答复' }],
});

/** What each box (in Personal::ALL's order) puts into a link, as [path, value]. */
const KINDS = [
  [['loans.0.name', '网商贷 2023'], ['profile.name', '张三'], ['profile.city', '杭州']],
  [['profile.phone', '138 0000 0000']],
  [['loans.0.contract_no', 'HT-2023-001']],
  [['hardship.details', '生病住院三个月']],
  [['contact_log.0.summary', '申请延期'], ['contact_log.0.who', '工号 6617']],
];
const at = (doc, path) => path.split('.').reduce((v, k) => v?.[k], doc);

test('each personal box puts exactly its own kind of data into a link, and no box puts none', async () => {
  const { page, events } = await app.open();
  await importFile(page, 'personal.json', PERSONAL);
  await page.waitForFunction(() => document.querySelector('[data-testid="draft-name"]')?.value === 'personal');
  const numbersOnly = decode(await makeLink(page));
  await closeDialog(page);
  for (const [path] of KINDS.flat()) assert.equal(at(numbersOnly, path), undefined, `${path} stays out by default`);
  assert.equal(numbersOnly.hardship.reason, 'illness', 'the hardship reason is a code, not a story');
  assert.equal(numbersOnly.loans[0].principal, '86000.00');
  for (let i = 0; i < KINDS.length; i++) {
    // The dialog remembers nothing: each link starts with every box off.
    const doc = decode(await makeLink(page, { personal: [i] }));
    await closeDialog(page);
    KINDS.forEach((kind, j) => {
      for (const [path, value] of kind) assert.equal(at(doc, path), j === i ? value : undefined, `box ${i}: ${path}`);
    });
  }
  await assertClean(events, { page, name: 'share-privacy-kinds' });
});

test('two boxes ticked: contract numbers and hardship arrive through the link in another browser, the rest stays out', async () => {
  const a = await app.open();
  await importFile(a.page, 'personal.json', PERSONAL);
  await a.page.waitForFunction(() => document.querySelector('[data-testid="draft-name"]')?.value === 'personal');
  const link = await makeLink(a.page, { personal: [2, 3] });
  await closeDialog(a.page);

  const b = await app.open({ path: link.slice(app.url.length) });
  await byId(b.page, 'link-opened').waitFor();
  // The new draft as this browser stored it.
  const arrived = await b.page.evaluate(() => JSON.parse(localStorage.getItem('xieshang.draft.' + localStorage.getItem('xieshang.open'))));
  KINDS.forEach((kind, j) => {
    for (const [path, value] of kind) assert.equal(at(arrived, path), j === 2 || j === 3 ? value : undefined, `box ${j}: ${path}`);
  });
  assert.equal(arrived.loans[0].principal, '86000.00');
  assert.equal(arrived.hardship.reason, 'illness');
  await assertClean(a.events, { page: a.page, name: 'share-two-boxes-make' });
  await assertClean(b.events, { page: b.page, name: 'share-two-boxes-open' });
});

test('an encrypted link opens with the right password only; a wrong one says so and can be retried', async () => {
  const a = await withDraft();
  const expected = await figures(a.page);
  const link = await makeLink(a.page, { password: 'correct horse' });
  assert.ok(link.startsWith(`${app.url}#e2=`), link);
  assert.ok(!link.includes('correct'));

  // Review w14 S14: cut short (a messenger dropped its last 60 characters),
  // it says so at once instead of asking for a password it cannot use.
  const cut = await app.open({ path: link.slice(app.url.length, link.length - 60) });
  await byId(cut.page, 'link-failed').waitFor();
  assert.match(await byId(cut.page, 'link-failed').textContent(), /不完整/);
  assert.equal(await cut.page.locator($('link-password-prompt')).count(), 0);
  await assertClean(cut.events, { page: cut.page, name: 'share-encrypted-cut' });

  const b = await app.open({ path: link.slice(app.url.length) });
  await byId(b.page, 'link-password-prompt').waitFor();
  assert.equal(await fragmentOf(b.page), '');
  // Review w14 R4: while it waits for the password, the page below (this
  // browser's figures, not the sender's) is hidden.
  assert.equal(await pageHidden(b.page), true, 'figures that are not the link\'s show under the prompt');
  const drafts = await storedDrafts(b.page);
  // F16b: "open" with no password says one is needed (it did nothing).
  await byId(b.page, 'link-open').click();
  await byId(b.page, 'link-error').waitFor();
  assert.equal(await byId(b.page, 'link-error').textContent(), '这个链接有密码保护，请输入密码。');
  await byId(b.page, 'link-password').fill('wrong horse');
  await byId(b.page, 'link-open').click();
  await byId(b.page, 'link-error').filter({ hasText: '密码不对' }).waitFor();
  assert.match(await byId(b.page, 'link-error').textContent(), /密码不对/);
  assert.deepEqual(await storedDrafts(b.page), drafts, 'a wrong password changes nothing');
  assert.equal(await pageHidden(b.page), true);
  await axeClean(b.page, $('link-password-prompt'));

  await byId(b.page, 'link-password').fill('correct horse');
  await byId(b.page, 'link-open').click();
  await byId(b.page, 'link-opened').waitFor();
  await showsFigures(b.page, expected);
  assert.equal(await pageHidden(b.page), false);
  await assertClean(b.events, { page: b.page, name: 'share-encrypted' });

  // Cancel: nothing changes.
  const c = await withDraft();
  const before = await stored(c.page);
  await load(c.page, link);
  await byId(c.page, 'link-cancel').click();
  await byId(c.page, 'link-password-prompt').waitFor({ state: 'detached' });
  assert.deepEqual(await stored(c.page), before);
  assert.equal(await byId(c.page, 'draft-name').inputValue(), 'mine');
  assert.equal(await pageHidden(c.page), false);
  await assertClean(c.events, { page: c.page, name: 'share-cancel' });
});

test('opening a link never changes an existing draft; discard reopens the one before', async () => {
  const { page, events } = await withDraft();
  const link = await makeLink(page);
  await closeDialog(page);
  // The draft changes after the link was made.
  await byId(page, 'principal').fill('50000');
  await page.waitForFunction(() => (localStorage.getItem('xieshang.draft.' + localStorage.getItem('xieshang.open')) ?? '').includes('50000'));
  const mine = await figures(page);
  const drafts = await storedDrafts(page);
  const list = await listed(page);

  await load(page, link);
  await byId(page, 'link-opened').waitFor();
  assert.equal(await fragmentOf(page), '');
  const after = await listed(page);
  assert.equal(after.length, list.length + 1);
  for (const [key, value] of Object.entries(drafts)) assert.equal((await stored(page))[key], value, `${key} is unchanged`);
  assert.notDeepEqual(await figures(page), mine);
  await axeClean(page, $('link-opened'));

  await byId(page, 'link-discard').click();
  await byId(page, 'link-opened').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('[data-testid="draft-name"]')?.value === 'mine');
  await showsFigures(page, mine);
  assert.deepEqual((await listed(page)).map((d) => d.id), list.map((d) => d.id));
  assert.deepEqual(await storedDrafts(page), drafts);
  await assertClean(events, { page, name: 'share-discard' });
});

test('every bad link says why and changes nothing', async () => {
  const { page, events } = await withDraft();
  const link = await makeLink(page);
  await closeDialog(page);
  const before = await stored(page);
  const payload = link.split('#s1=')[1];
  const middle = Math.floor(payload.length / 2);
  const tampered = payload.slice(0, middle) + (payload[middle] === 'A' ? 'B' : 'A') + payload.slice(middle + 1);
  // A cut that leaves a length base64 cannot have (4n + 1).
  const cut = payload.slice(0, payload.length - ((payload.length - 1) % 4) - 4);
  const cases = [
    ['tampered', `s1=${tampered}`, /已损坏或不完整/],
    ['truncated', `s1=${cut}`, /不完整，可能在发送时被截断/],
    ['newer version', `s2=${payload}`, /更新版本/],
    ['not base64', 's1=abc$def', /不该出现的字符/],
    ['too large', `s1=${'A'.repeat(90_000)}`, /数据太多（上限 64.0 KB）/],
    ['encrypted, cut', 'e1=AAAA', /不完整/],
  ];
  for (const [what, fragment, message] of cases) {
    await load(page, `${app.url}#${fragment}`);
    await byId(page, 'link-failed').waitFor();
    assert.match(await byId(page, 'link-failed').textContent(), message, what);
    assert.match(await byId(page, 'link-failed').textContent(), /草稿没有任何改动/, what);
    assert.equal(await fragmentOf(page), '', what);
    assert.deepEqual(await stored(page), before, `${what}: storage unchanged`);
    assert.equal(await byId(page, 'draft-name').inputValue(), 'mine', what);
  }
  await axeClean(page, $('link-failed'));
  await byId(page, 'link-dismiss').click();
  await byId(page, 'link-failed').waitFor({ state: 'detached' });

  // A link pasted into the address bar of the open page is read too.
  await page.evaluate(() => (location.hash = 's1=abc$def'));
  await byId(page, 'link-failed').waitFor();
  assert.equal(await fragmentOf(page), '');
  await assertClean(events, { page, name: 'share-bad' });
});

test('the dialog: focus inside, Escape closes it and focus returns; axe finds nothing; English', async () => {
  const { page, events } = await withDraft();
  await byId(page, 'share-open').click();
  const dialog = byId(page, 'share-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await dialog.evaluate((d) => d.open && d.matches(':modal')), true);
  assert.equal(await dialog.evaluate((d) => d.contains(document.activeElement)), true, 'focus is inside the dialog');
  await byId(page, 'share-show-password').check();
  assert.equal(await byId(page, 'share-password').getAttribute('type'), 'text');
  await byId(page, 'share-make').click();
  await byId(page, 'share-link').waitFor();
  // The link made takes the focus (the form was disabled meanwhile).
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'share-link');
  await axeClean(page, $('share-dialog'));

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'share-open');

  // The close button does the same; every word follows the language.
  await switchLanguage(page);
  await byId(page, 'share-open').click();
  assert.equal((await byId(page, 'share-open').textContent()).trim(), 'Share');
  assert.match(await byId(page, 'share-fragment-note').textContent(), /never send that part to any server/);
  await byId(page, 'share-make').click();
  await byId(page, 'share-length').waitFor();
  assert.match(await byId(page, 'share-length').textContent(), /^Link length: \d+ characters$/);
  await axeClean(page, $('share-dialog'));
  await byId(page, 'share-close').click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'share-open');
  await assertClean(events, { page, name: 'share-dialog' });
});

test('a long link is warned about', async () => {
  // Twenty loans with names that compress badly (80 characters picked at
  // random from the CJK block): the link passes 2,000 characters.
  const many = JSON.parse(SCENARIO);
  const random = () => String.fromCodePoint(...Array.from({ length: 80 }, () => 0x4e00 + Math.floor(Math.random() * 0x5000)));
  many.loans = Array.from({ length: 20 }, (_, i) => ({ ...many.loans[0], id: `l${i}`, name: random() }));
  const { page, events } = await app.open();
  await importFile(page, 'many.json', JSON.stringify(many));
  await page.waitForFunction(() => document.querySelector('[data-testid="draft-name"]')?.value === 'many');
  const link = await makeLink(page, { personal: [0] });
  assert.ok(link.length > 2000, `${link.length}`);
  assert.match(await byId(page, 'share-long').textContent(), new RegExp(`链接很长（${link.length} 个字符）`));
  await assertClean(events, { page, name: 'share-long' });
});

test('the update banner appears when a new version waits, and its button applies it', async () => {
  const { page, events } = await app.open();
  assert.equal(await page.locator($('update-banner')).count(), 0);
  await page.evaluate(() => window.dispatchEvent(new Event('xieshang-update-waiting')));
  await byId(page, 'update-banner').waitFor();
  assert.match(await byId(page, 'update-banner').textContent(), /新版本已就绪.*重新加载/);
  await axeClean(page, $('update-banner'));
  // sw-register.js answers the button's event (no worker waiting here: it reloads).
  await page.evaluate(() => window.addEventListener('xieshang-apply-update', () => sessionStorage.setItem('applied', '1')));
  await Promise.all([page.waitForEvent('load'), byId(page, 'update-reload').click()]);
  await page.locator(APP_READY).first().waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => sessionStorage.getItem('applied')), '1');
  assert.equal(await page.locator($('update-banner')).count(), 0);
  await assertClean(events, { page, name: 'share-update' });
});
