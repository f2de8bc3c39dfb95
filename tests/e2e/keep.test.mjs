// Nothing a borrower typed may be lost (review w14): removing a loan can be
// undone, and brings back the loan, its ask, its contact-log entries (the
// evidence for a complaint) and its place in the payoff order exactly.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, assertClean, REPO } from './harness.mjs';
import { byId, loanCard, loanCards, importFile, message, download, textOf, switchLanguage } from './page.mjs';

const EVERY_FIELD = await readFile(join(REPO, 'tests', 'fixtures', 'fields', 'every-field.json'), 'utf8');

let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

test('R12: a removed loan comes back with its ask and its contact-log entries, in place', async () => {
  const { page, events } = await app.open({ contextOptions: { viewport: { width: 375, height: 800 } } });
  await importFile(page, 'every-field.json', EVERY_FIELD);
  await message(page, 'imported').waitFor();
  assert.equal(await byId(page, 'loan-undo-bar').count(), 0, 'nothing to undo yet');
  await byId(loanCard(page), 'remove-loan').click();
  assert.equal(await loanCards(page).count(), 1);
  assert.equal(await textOf(page, 'loan-undo-bar'), '已删除借款 1 · 网商贷 2025，连同它的 1 条联系记录。撤销', 'the bar says what went, contacts included');
  await byId(page, 'loan-undo-bar').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(REPO, 'target', 'keep-undo-375-zh.png') });
  await switchLanguage(page);
  assert.match(await textOf(page, 'loan-undo-bar'), /^Loan 1 · .+ was removed, with its 1 contact-log entries\.Undo$/);
  await page.screenshot({ path: join(REPO, 'target', 'keep-undo-375-en.png') });
  await switchLanguage(page);
  await byId(page, 'loan-undo').click();
  assert.equal(await loanCards(page).count(), 2);
  assert.equal(await byId(page, 'loan-undo-bar').count(), 0, 'undone once');
  const file = await download(page, () => byId(page, 'export-draft').click());
  assert.deepEqual(JSON.parse(file.text), JSON.parse(EVERY_FIELD), 'the loan, its ask, its contacts and its place in the payoff order are back');
  await assertClean(events, { page, name: 'keep-undo-loan' });
});

test('R20: unticking the 12-month forecast and ticking it again brings the months back as typed', async () => {
  const { page, events } = await app.open();
  await byId(page, 'use-forecast').check();
  const months = ['30000', '30000', '3000', '3000', '10000', '10000', '10000', '10000', '10000', '10000', '10000', '30000'];
  for (let i = 0; i < 12; i++) await byId(page, `forecast-${i + 1}`).fill(months[i]);
  await byId(page, 'use-forecast').uncheck();
  await byId(page, 'forecast-1').waitFor({ state: 'detached' });
  await byId(page, 'use-forecast').check();
  const back = [];
  for (let i = 0; i < 12; i++) back.push(await byId(page, `forecast-${i + 1}`).inputValue());
  assert.deepEqual(back, months);
  await assertClean(events, { page, name: 'keep-forecast' });
});
