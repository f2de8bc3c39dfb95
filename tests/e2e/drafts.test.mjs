// Drafts (issue 4): autosave, named drafts, export/import, erase, and every
// storage fault — each with nothing lost. Runs against the release build
// (dist/, or E2E_DIST) in headless Chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, assertClean, APP_READY, REPO } from './harness.mjs';
import {
  $, byId, listed, messages, message, download, saveStatusIn, draftsHeading, draftItem, draftItemCount, importFile,
  dropFile, dropBigFile, loanCards, loanCard, waitForDraftCount, waitForValue, waitForTextChange, switchLanguage } from './page.mjs';
const FIXTURES = join(REPO, 'tests', 'fixtures');
const MYBANK = await readFile(join(FIXTURES, 'mybank-daily.json'), 'utf8');
const V0 = await readFile(join(FIXTURES, 'migration', 'v0-mybank.json'), 'utf8');

let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

/** Every key this app stored, as { key: value }. */
function stored(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith('xieshang.')) out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

const openId = (page) => page.evaluate(() => localStorage.getItem('xieshang.open'));
const index = async (page) => JSON.parse(await page.evaluate(() => localStorage.getItem('xieshang.drafts')));

/** Waits until the open draft as stored contains `text`; returns the ms it took. */
async function waitStored(page, text, timeout = 2000) {
  const t0 = Date.now();
  await page.waitForFunction(
    (t) => {
      const id = localStorage.getItem('xieshang.open');
      return (localStorage.getItem('xieshang.draft.' + id) ?? '').includes(t);
    },
    text,
    { timeout },
  );
  return Date.now() - t0;
}

async function reload(page) {
  await page.reload({ waitUntil: 'load' });
  await page.locator(APP_READY).first().waitFor({ state: 'visible' });
}




/** A second tab that can be made deaf to `storage` events (as if it missed them). */
async function secondTab(context, events) {
  const b = await context.newPage();
  b.on('pageerror', (err) => events.pageErrors.push(`tab 2: ${err}`));
  b.on('console', (m) => m.type() === 'error' && events.console.push(`tab 2: ${m.text()}`));
  await b.addInitScript(() => {
    const add = window.addEventListener;
    window.addEventListener = function (type, fn, opts) {
      const wrapped = type === 'storage' ? (e) => window.__deaf || fn(e) : fn;
      return add.call(this, type, wrapped, opts);
    };
  });
  await b.goto(app.url, { waitUntil: 'load' });
  await b.locator(APP_READY).waitFor();
  return b;
}

/** assertClean, minus favicon loads our own reloads cut short. */
function clean(events, page, name) {
  events.failed = events.failed.filter((f) => !/favicon-[0-9a-f]+\.svg \(net::ERR_ABORTED\)$/.test(f));
  return assertClean(events, { page, name });
}

/** Opens the app with `keys` put into localStorage before it starts. */
async function openWith(keys) {
  const opened = await app.open();
  await opened.page.evaluate((kv) => {
    for (const [k, v] of Object.entries(kv)) localStorage.setItem(k, v);
  }, typeof keys === 'function' ? await keys(opened.page) : keys);
  await reload(opened.page);
  return opened;
}

test('every change is autosaved; reload restores it, the language and the open draft', async (t) => {
  const { page, events } = await app.open();
  assert.equal(await page.locator($('save-status')).getAttribute('data-state'), 'saved');
  const first = await openId(page);
  assert.ok(first, 'a first draft is stored at once');
  // The stored draft is exactly the documented scenario format.
  const doc = JSON.parse((await stored(page))['xieshang.draft.' + first]);
  assert.equal(doc.version, 1);
  assert.equal(doc.loans[0].principal, '100000');

  await page.fill($('income'), '23456');
  // How fast is measured by tests/bench-browser.mjs (autosave), not asserted here.
  await waitStored(page, '"income": "23456"');
  await saveStatusIn(page, 'saved').waitFor();
  assert.match(await page.locator($('save-status')).textContent(), /已保存 \d\d:\d\d/);

  // A second draft, then back to the first: the open draft is remembered too.
  // (A first visit's page fetches the code that reads drafts at its first
  // drafts action, src/store/read.rs: the action is done once it is here.)
  await page.click($('new-draft'));
  await page.locator($('draft-item')).nth(1).waitFor();
  await draftItem(page, first).click();
  await switchLanguage(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('xieshang.lang')), 'en');

  await reload(page);
  assert.equal(await page.inputValue($('income')), '23456');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await draftsHeading(page).textContent(), 'Drafts');
  assert.equal(await openId(page), first);
  assert.equal((await listed(page)).length, 2);
  assert.match(await page.locator($('save-status')).textContent(), /Saved at \d\d:\d\d/);
  // A change written just before leaving is not lost either (pagehide flush).
  await page.fill($('income'), '24680');
  await reload(page);
  assert.equal(await page.inputValue($('income')), '24680');
  await clean(events, page, 'drafts-autosave');
});

test('create, rename, duplicate, switch, delete with undo', async () => {
  const { page, events } = await app.open();
  const first = await openId(page);
  await page.fill($('income'), '30000');
  await waitStored(page, '"30000"');
  await page.fill($('draft-name'), '网商贷 协商');
  await page.press($('draft-name'), 'Enter');
  await page.waitForFunction(() => localStorage.getItem('xieshang.drafts').includes('网商贷 协商'));

  await page.click($('new-draft'));
  await page.locator($('draft-item')).nth(1).waitFor();
  let items = await listed(page);
  assert.deepEqual(items.map((i) => i.name), ['网商贷 协商', '草稿 1']);
  assert.ok(items[1].open);
  assert.equal(await page.inputValue($('income')), '12000');
  assert.equal(await page.inputValue($('draft-name')), '草稿 1');

  await draftItem(page, first).click();
  assert.equal(await page.inputValue($('income')), '30000');
  assert.equal(await page.inputValue($('draft-name')), '网商贷 协商');

  await page.click($('duplicate-draft'));
  items = await listed(page);
  assert.deepEqual(items.map((i) => i.name), ['网商贷 协商', '草稿 1', '网商贷 协商 副本']);
  assert.ok(items[2].open);
  assert.equal(await page.inputValue($('income')), '30000');
  const copy = await openId(page);
  assert.notEqual(copy, first);
  // Editing the copy leaves the original alone.
  await page.fill($('income'), '31000');
  await waitStored(page, '"31000"');
  assert.match((await stored(page))['xieshang.draft.' + first], /"income": "30000"/);

  // Delete the copy: gone from storage, undo offered, another draft opens.
  await page.click($('delete-draft'));
  await page.locator($('undo-bar')).waitFor();
  assert.equal((await listed(page)).length, 2);
  assert.equal((await stored(page))['xieshang.draft.' + copy], undefined);
  assert.ok((await index(page)).drafts.every((d) => d.id !== copy));
  await page.click($('undo-delete'));
  items = await listed(page);
  assert.equal(items.length, 3);
  assert.equal(await openId(page), copy);
  assert.equal(await page.inputValue($('income')), '31000');
  assert.match((await stored(page))['xieshang.draft.' + copy], /"income": "31000"/);
  assert.equal(await page.locator($('undo-bar')).count(), 0);

  // Undo lasts until the next action, then it is gone.
  await page.click($('delete-draft'));
  await page.locator($('undo-bar')).waitFor();
  await page.click($('new-draft'));
  assert.equal(await page.locator($('undo-bar')).count(), 0);

  // Deleting the last draft opens a fresh one; undo brings it back and drops the empty one.
  const { page: p2 } = await app.open();
  await p2.fill($('income'), '777');
  await waitStored(p2, '"777"');
  await p2.click($('delete-draft'));
  await p2.locator($('undo-bar')).waitFor();
  assert.equal((await listed(p2)).length, 1);
  assert.equal(await p2.inputValue($('income')), '12000');
  await p2.click($('undo-delete'));
  assert.equal((await listed(p2)).length, 1);
  assert.equal(await p2.inputValue($('income')), '777');
  await clean(events, page, 'drafts-manage');
});

test('erase everything asks first, then removes every xieshang. key and nothing else', async () => {
  const { page, events } = await app.open();
  await page.evaluate(() => localStorage.setItem('other.app', 'keep me'));
  await page.fill($('income'), '44444');
  await waitStored(page, '"44444"');
  await page.click($('new-draft'));
  await page.locator($('draft-item')).nth(1).waitFor();
  await switchLanguage(page);
  await page.evaluate(() => localStorage.setItem('xieshang.quarantine.1-0', 'old junk'));

  await page.click($('erase-all'));
  await page.locator($('erase-dialog')).waitFor();
  assert.match(await page.locator($('erase-dialog')).textContent(), /2 drafts/);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'erase-cancel');
  await page.click($('erase-cancel'));
  assert.ok(Object.keys(await stored(page)).length >= 5, 'cancel erased nothing');

  await page.click($('erase-all'));
  await page.click($('erase-confirm'));
  assert.deepEqual(await stored(page), {});
  assert.equal(await page.evaluate(() => localStorage.getItem('other.app')), 'keep me');
  assert.equal(await page.locator($('save-status')).getAttribute('data-state'), 'erased');
  assert.equal(await page.inputValue($('income')), '12000');
  // Nothing is written again until the user changes something.
  await page.waitForTimeout(700);
  assert.deepEqual(await stored(page), {});
  await page.fill($('income'), '15000');
  await waitStored(page, '"15000"');
  await reload(page);
  assert.equal(await page.inputValue($('income')), '15000');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await clean(events, page, 'drafts-erase');
});

test('export downloads the open draft as a scenario file named after it', async () => {
  const { page, events } = await app.open();
  await page.fill($('draft-name'), '网商贷/借呗 方案');
  await page.press($('draft-name'), 'Enter');
  await page.fill($('income'), '18888');
  const file = await download(page, () => page.click($('export-draft')));
  assert.equal(file.name, '网商贷_借呗 方案.json');
  const doc = JSON.parse(file.text);
  assert.equal(doc.version, 1);
  assert.equal(doc.budget.income, '18888');
  await waitStored(page, '"18888"');
  assert.equal(file.text, (await stored(page))['xieshang.draft.' + (await openId(page))]);
  await clean(events, page, 'drafts-export');
});

test('import by file picker and by drag-and-drop: always a new draft', async () => {
  const { page, events } = await app.open();
  const first = await openId(page);
  await page.fill($('income'), '5555');
  await waitStored(page, '"5555"');
  const before = (await stored(page))['xieshang.draft.' + first];

  await importFile(page, '网商贷导入.json', MYBANK);
  await message(page, 'imported').waitFor();
  let items = await listed(page);
  assert.deepEqual(items.map((i) => i.name), ['草稿 1', '网商贷导入']);
  assert.ok(items[1].open);
  assert.equal(await page.inputValue($('income')), '12000');
  assert.equal((await stored(page))['xieshang.draft.' + first], before, 'the existing draft is untouched');

  // The same file again: another new draft, with a distinct name.
  await importFile(page, '网商贷导入.json', MYBANK);
  await waitForDraftCount(page, 3);
  assert.equal((await listed(page))[2].name, '网商贷导入 (2)');

  // Drag and drop a pre-release (v0) file: migrated, imported as new.
  await dropFile(page, 'old-plan.json', V0);
  await waitForDraftCount(page, 4);
  items = await listed(page);
  assert.equal(items[3].name, 'old-plan');
  assert.ok(items[3].open);
  assert.equal(await loanCards(page).count(), 3);
  const doc = JSON.parse((await stored(page))['xieshang.draft.' + items[3].id]);
  assert.equal(doc.version, 1);
  assert.equal(doc.loans[1].principal, '20000.5');
  await clean(events, page, 'drafts-import');
});

test('a file that is too large, not JSON or invalid is refused with a clear message; nothing changes', async () => {
  const { page, events } = await app.open();
  await page.fill($('income'), '6666');
  await waitStored(page, '"6666"');
  const snapshot = await stored(page);
  const cases = [
    { name: 'big.json', buffer: Buffer.alloc(1024 * 1024 + 1, 0x20), expect: /文件太大（1\.0 MB）/ },
    { name: 'notes.json', buffer: Buffer.from('hello, lender'), expect: /这不是 JSON 文件/ },
    {
      name: 'typo.json',
      buffer: Buffer.from(MYBANK.replace('"100000.00"', '100000')),
      expect: /loans\[0\]\.principal/,
    },
    { name: 'newer.json', buffer: Buffer.from(MYBANK.replace('"version": 1', '"version": 7')), expect: /更新版本/ },
  ];
  for (const c of cases) {
    await importFile(page, c.name, c.buffer);
    const msg = message(page, 'import-error');
    await msg.waitFor();
    const text = await msg.textContent();
    assert.match(text, c.expect, text);
    assert.match(text, /未做任何更改/);
    // F16a: no parser text on the Chinese page, and what to do instead.
    assert.doesNotMatch(text, /not valid JSON|invalid type|expected|line \d/, text);
    if (['notes.json', 'typo.json'].includes(c.name)) assert.match(text, /请(选择|导入)用“导出文件”保存/, text);
    assert.equal(await msg.getAttribute('role'), 'alert');
    assert.deepEqual(await stored(page), snapshot, `${c.name} changed storage`);
    assert.equal((await listed(page)).length, 1);
    assert.equal(await page.inputValue($('income')), '6666');
    await page.click($('dismiss-message'));
  }
  // A too-large drop is refused the same way.
  await dropBigFile(page, 1024 * 1024 + 10);
  await message(page, 'import-error').waitFor();
  assert.deepEqual(await stored(page), snapshot);
  // F16a: a bad file after a good one: its error alone, not beside "imported".
  await importFile(page, 'good.json', Buffer.from(MYBANK));
  await message(page, 'imported').waitFor();
  await importFile(page, 'notes.json', Buffer.from('hello, lender'));
  await message(page, 'import-error').waitFor();
  assert.equal(await message(page, 'imported').count(), 0);
  await clean(events, page, 'drafts-import-errors');
});

/** Seeds an unreadable open draft; checks it is set aside untouched and offered for download. */
async function checkQuarantine(raw, expectText) {
  let badId;
  const { page, events } = await openWith(async (p) => {
    badId = await openId(p);
    return { ['xieshang.draft.' + badId]: raw };
  });
  // The app started normally, with a fresh draft, and says what happened.
  await message(page, 'quarantine').waitFor();
  const msgs = await messages(page);
  assert.match(msgs[0].text, expectText, msgs[0].text);
  assert.match(msgs[0].text, /已原样另存/);
  const keys = await stored(page);
  const qKeys = Object.keys(keys).filter((k) => k.startsWith('xieshang.quarantine.'));
  assert.equal(qKeys.length, 1);
  assert.equal(keys[qKeys[0]], raw, 'kept byte for byte');
  assert.equal(keys['xieshang.draft.' + badId], undefined, 'moved, not copied over');
  assert.notEqual(await openId(page), badId);
  // Working on keeps it untouched; it can be downloaded as it was.
  await page.fill($('income'), '9999');
  await waitStored(page, '"9999"');
  assert.equal((await stored(page))[qKeys[0]], raw);
  await page.locator($('quarantine-item')).waitFor();
  const file = await download(page, () => page.click($('download-quarantine')));
  assert.equal(file.text, raw);
  assert.match(file.name, /^xieshang-unreadable-\d+-0\.json$/);
  // Still there after a reload (never overwritten, never dropped).
  await reload(page);
  assert.equal((await stored(page))[qKeys[0]], raw);
  assert.equal(await page.locator($('quarantine-item')).count(), 1);
  // Deleting it takes two clicks.
  await page.click($('discard-quarantine'));
  assert.equal((await stored(page))[qKeys[0]], raw);
  await page.click($('discard-quarantine'));
  assert.equal((await stored(page))[qKeys[0]], undefined);
  await clean(events, page, 'drafts-quarantine');
}

test('stored data that is not JSON is set aside untouched', () => checkQuarantine('{"version":1,"loans":[{', /不是有效的 JSON/));

test('stored data of a newer version is set aside untouched', () =>
  checkQuarantine(MYBANK.replace('"version": 1', '"version": 2'), /由更新版本的本工具保存/));

test('stored data of an unknown version is set aside untouched', () => checkQuarantine('{"loans":[]}', /版本未知/));

test('stored data that fails validation is set aside untouched, naming the field', () =>
  checkQuarantine(MYBANK.replace('"months": 12', '"months": 0'), /loans\[0\]\.months/));

test('an unreadable draft index is set aside and the drafts are recovered', async () => {
  const { page, events } = await openWith(async (p) => {
    await p.fill($('income'), '4321');
    await waitStored(p, '"4321"');
    return { 'xieshang.drafts': '{"version":1,"drafts":[{"id":' };
  });
  await message(page, 'quarantine').waitFor();
  const texts = (await messages(page)).map((m) => m.text).join(' ');
  assert.match(texts, /草稿列表无法读取/);
  assert.match(texts, /找回了一个不在列表中的草稿/);
  assert.equal(await page.inputValue($('income')), '4321');
  const keys = await stored(page);
  assert.ok(Object.entries(keys).some(([k, v]) => k.startsWith('xieshang.quarantine.') && v === '{"version":1,"drafts":[{"id":'));
  assert.equal(JSON.parse(keys['xieshang.drafts']).drafts.length, 1);
  await clean(events, page, 'drafts-bad-index');
});

test('an older (pre-release v0) draft is migrated forward', async () => {
  let id;
  const { page, events } = await openWith(async (p) => {
    id = await openId(p);
    return { ['xieshang.draft.' + id]: V0 };
  });
  await message(page, 'migrated').waitFor();
  assert.equal(await openId(page), id);
  assert.equal(await loanCards(page).count(), 3);
  assert.equal(await byId(loanCard(page), 'principal').inputValue(), '100000');
  assert.equal(await page.inputValue($('other-obligations')), '800');
  const doc = JSON.parse((await stored(page))['xieshang.draft.' + id]);
  assert.equal(doc.version, 1);
  assert.equal(doc.loans[0].rate.unit, 'daily_percent');
  await clean(events, page, 'drafts-migrate');
});

test('blocked localStorage: the calculator works, the user is told, export still works', async () => {
  const { page, context, events } = await app.open();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await reload(page);
  assert.equal(await page.locator($('save-status')).getAttribute('data-state'), 'blocked');
  assert.match(await page.locator($('storage-warning')).textContent(), /草稿不会保存在本机/);
  const before = await page.locator($('result-payment')).first().textContent();
  await byId(loanCard(page), 'principal').fill('50000');
  await waitForTextChange(page, 'result-payment', before);
  // Drafts still work within the page (the first drafts action waits for
  // the code that reads drafts, src/store/read.rs).
  await page.click($('new-draft'));
  await page.locator($('draft-item')).nth(1).waitFor();
  assert.equal((await listed(page)).length, 2);
  await page.click($('duplicate-draft'));
  assert.equal((await listed(page)).length, 3);
  const file = await download(page, () => page.click($('export-draft')));
  assert.equal(JSON.parse(file.text).version, 1);
  assert.equal(await page.locator($('save-status')).getAttribute('data-state'), 'blocked');
  await clean(events, page, 'drafts-blocked');
});

test('full localStorage: the calculator works, the user is told, nothing stored is damaged, export works', async () => {
  const { page, context, events } = await app.open();
  await page.fill($('income'), '13000');
  await waitStored(page, '"13000"');
  const snapshot = await stored(page);
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await reload(page);
  assert.equal(await page.inputValue($('income')), '13000');
  await page.fill($('income'), '14000');
  await saveStatusIn(page, 'full').waitFor();
  assert.match(await page.locator($('storage-warning')).textContent(), /存储空间已满/);
  assert.match(await page.locator($('result-disposable')).textContent(), /6,600/);
  assert.deepEqual(await stored(page), snapshot);
  // Switching away would lose the unsaved change: refused, and said why.
  await page.click($('new-draft'));
  assert.equal((await listed(page)).length, 1);
  assert.equal(await page.inputValue($('income')), '14000');
  await message(page, 'unsaved').waitFor();
  const file = await download(page, () => page.click($('export-draft')));
  assert.equal(JSON.parse(file.text).budget.income, '14000');
  await clean(events, page, 'drafts-full');
});

test('two tabs: a change in one shows in the other; a stale tab never overwrites newer data', async () => {
  const { page: a, context, events } = await app.open();
  const b = await secondTab(context, events);
  const id = await openId(a);
  assert.equal(await openId(b), id);

  await a.fill($('income'), '20001');
  await waitStored(a, '"20001"');
  await waitForValue(b, 'income', '20001');
  await message(b, 'synced').waitFor();
  // And back the other way, with renames too.
  await b.fill($('income'), '20002');
  await waitForValue(a, 'income', '20002');
  await a.fill($('draft-name'), '共同编辑');
  await a.press($('draft-name'), 'Enter');
  await waitForValue(b, 'draft-name', '共同编辑');

  // Tab B misses A's next change (its storage events are swallowed), then edits.
  await b.evaluate(() => (window.__deaf = true));
  await a.fill($('income'), '20003');
  await waitStored(a, '"20003"');
  await b.fill($('income'), '99999');
  await saveStatusIn(b, 'conflict').waitFor();
  assert.match(await b.locator($('storage-warning')).textContent(), /另一个标签页中修改/);
  let keys = await stored(a);
  assert.match(keys['xieshang.draft.' + id], /"income": "20003"/, 'the newer data was not overwritten');
  // B keeps its version as a new draft; A's stays as it was.
  await b.click($('conflict-keep'));
  await saveStatusIn(b, 'saved').waitFor();
  keys = await stored(a);
  assert.match(keys['xieshang.draft.' + id], /"income": "20003"/);
  const copyId = await openId(b);
  assert.notEqual(copyId, id);
  assert.match(keys['xieshang.draft.' + copyId], /"income": "99999"/);
  assert.deepEqual((await listed(b)).map((d) => d.name), ['共同编辑', '共同编辑（此页）']);
  await clean(events, a, 'drafts-two-tabs');
});

test('a stale tab can also take the other tab’s version', async () => {
  const { page: a, context, events } = await app.open();
  const b = await secondTab(context, events);
  await b.evaluate(() => (window.__deaf = true));
  await a.fill($('income'), '30003');
  await waitStored(a, '"30003"');
  await b.fill($('income'), '1');
  await saveStatusIn(b, 'conflict').waitFor();
  await b.click($('conflict-load'));
  assert.equal(await b.inputValue($('income')), '30003');
  assert.equal(await b.locator($('save-status')).getAttribute('data-state'), 'saved');
  assert.equal((await listed(b)).length, 1);
  await clean(events, a, 'drafts-two-tabs-load');
});

test('S4: a draft that starts from the example says so above the loans until the example loan is changed', async () => {
  const { page, events } = await app.open();
  const note = byId(page, 'example-note');
  await note.waitFor();
  assert.match(await note.textContent(), /^借款 1 · 网商贷是示例数字，还没改过/);
  await page.locator('input[id$="-principal"]').first().fill('86000');
  await page.locator('input[id$="-principal"]').first().blur();
  await note.waitFor({ state: 'detached' });
  // A new draft starts from the example again, and says so.
  await byId(page, 'new-draft').click();
  await note.waitFor();
  await assertClean(events, { page, name: 'drafts-example' });
});
