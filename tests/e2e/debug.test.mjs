// The debug build (what `make serve` runs) keeps Leptos's development
// checks: a signal read where tracking or `get_untracked` was meant prints
// a console warning there, and release builds strip it. This smoke test
// drives every part of the page on a debug build and fails on any console
// warning or error. Build it first:
//   trunk build --dist target/dist-debug     (make test does)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, assertClean, REPO } from './harness.mjs';
import {
  byId, loanCard, loanCards, openSection, openSchedule, openAround, proposal, importFile, message, download, draftItem, listed, saveStatusIn, switchLanguage } from './page.mjs';

export const DEBUG_DIST = process.env.E2E_DEBUG_DIST ?? join(REPO, 'target', 'dist-debug');
const EVERY_FIELD = await readFile(join(REPO, 'tests', 'fixtures', 'fields', 'every-field.json'), 'utf8');

let app;
before(async () => {
  assert.ok(existsSync(join(DEBUG_DIST, 'index.html')), `${DEBUG_DIST} is missing: run \`trunk build --dist target/dist-debug\` first`);
  app = await startApp({ dir: DEBUG_DIST });
});
after(async () => {
  await app?.close();
});

async function typeLoans(page) {
  const card = loanCard(page);
  await byId(card, 'lender').selectOption({ label: '借呗' });
  await byId(card, 'principal').fill('abc');
  await byId(card, 'principal-error').waitFor();
  await byId(card, 'principal').fill('8万');
  await byId(card, 'months').fill('2年');
  await openSection(card, 'overdue-details');
  await byId(card, 'overdue-days').fill('45');
  await byId(card, 'overdue-principal').fill('1.2万');
  await byId(card, 'penalty-compound').check();
  await openSection(card, 'more-details');
  await byId(card, 'app-payment').fill('4000');
  await byId(card, 'settlement-offer').fill('3万');
  await byId(card, 'holiday-months').selectOption({ label: '4 个月' });
  await byId(page, 'add-loan').click();
  await byId(loanCard(page, 1), 'principal').fill('2万');
  await byId(page, 'add-loan').click();
  await byId(loanCard(page, 2), 'remove-loan').click();
  assert.equal(await loanCards(page).count(), 2);
}

async function typeBudget(page) {
  await byId(page, 'income').fill('12,000');
  await byId(page, 'buffer-percent').fill('120');
  await byId(page, 'buffer-percent-error').waitFor();
  await byId(page, 'buffer-percent').fill('10');
  await byId(page, 'use-forecast').check();
  await byId(page, 'forecast-3').fill('-5000');
}

async function useResults(page) {
  await openSchedule(page);
  await byId(page, 'export-csv').waitFor();
  // Two loans: each loan's proposals are one line until opened (issue 9).
  await openAround(proposal(page, 'frozen_instalments').first());
  await byId(proposal(page, 'frozen_instalments').first(), 'compare').check();
  await byId(proposal(page, 'settlement').first(), 'compare').check();
  await byId(page, 'comparison-table').waitFor();
  await byId(page, 'clear-compare').click();
  await switchLanguage(page);
  await switchLanguage(page);
}

async function useDrafts(page) {
  await saveStatusIn(page, 'saved').waitFor();
  const first = (await listed(page))[0].id;
  await byId(page, 'draft-name').fill('网商贷 协商');
  await byId(page, 'draft-name').press('Enter');
  await byId(page, 'new-draft').click();
  await byId(page, 'duplicate-draft').click();
  await draftItem(page, first).click();
  await byId(page, 'delete-draft').click();
  await byId(page, 'undo-delete').click();
  await importFile(page, 'every-field.json', EVERY_FIELD);
  await message(page, 'imported').waitFor();
  await download(page, () => byId(page, 'export-draft').click());
  await byId(page, 'erase-all').click();
  await byId(page, 'erase-cancel').click();
}

test('the debug build runs every part of the page without a console warning', async () => {
  const { page, events } = await app.open();
  await typeLoans(page);
  await typeBudget(page);
  await useResults(page);
  await useDrafts(page);
  await page.waitForTimeout(400); // let a pending autosave and late effects run before judging
  await assertClean(events, { page, name: 'debug-smoke' });
});
