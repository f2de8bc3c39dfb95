// The page holds the whole document (issue 8): a file with every optional
// field is imported, edited and exported, and comes back whole; when edits
// cannot be saved, closing the tab asks first.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, assertClean, REPO } from './harness.mjs';
import { byId, loanCard, loanCards, openSection, importFile, message, download, saveStatusIn } from './page.mjs';

const EVERY_FIELD = await readFile(join(REPO, 'tests', 'fixtures', 'fields', 'every-field.json'), 'utf8');

let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

test('a file with every optional field: imported, edited, exported, every field back', async () => {
  const { page, events } = await app.open();
  await importFile(page, 'every-field.json', EVERY_FIELD);
  await message(page, 'imported').waitFor();
  assert.equal(await loanCards(page).count(), 2);
  const first = loanCard(page);
  await openSection(first, 'more-details');
  assert.equal(await byId(first, 'period-start').inputValue(), '2026-11-15');
  assert.equal(await byId(first, 'next-due-date').inputValue(), '2026-12-15');
  assert.equal(await byId(first, 'holiday-months').locator('option:checked').textContent(), '4 个月');
  assert.equal(await byId(page, 'day-count').locator('option:checked').textContent(), '按实际天数（与网贷按日计息一致）');

  await byId(first, 'principal').fill('9万');
  await byId(first, 'period-start').fill('2026-11-16');
  await byId(page, 'forecast-12').fill('-2,600.5');
  const file = await download(page, () => byId(page, 'export-draft').click());
  const want = JSON.parse(EVERY_FIELD);
  want.loans[0].principal = '90000';
  want.loans[0].period_start = '2026-11-16';
  want.budget.forecast[11] = '-2600.5';
  assert.deepEqual(JSON.parse(file.text), want, 'every field the page does not show came back too (name, as_of)');
  await assertClean(events, { page, name: 'fields-every-field' });
});

test('a date the page cannot read is said at its field', async () => {
  const { page, events } = await app.open();
  const card = loanCard(page);
  await openSection(card, 'more-details');
  await byId(page, 'day-count').selectOption({ label: '按实际天数（与网贷按日计息一致）' });
  assert.match(await byId(card, 'next-due-date-error').textContent(), /按实际天数计息时必填/);
  await byId(card, 'next-due-date').fill('2026-12-15');
  assert.equal(await card.locator('.field-error').count(), 0);
  await assertClean(events, { page, name: 'fields-dates' });
});

test('closing the tab asks first when edits cannot be saved, and not otherwise', async () => {
  const { page, context, events } = await app.open();
  // Saved normally: closing does not ask.
  await byId(page, 'income').click();
  await byId(page, 'income').fill('13000');
  await saveStatusIn(page, 'saved').waitFor();
  const asked = [];
  page.on('dialog', (d) => {
    asked.push(d.type());
    d.dismiss();
  });
  const second = await context.newPage();
  second.on('dialog', (d) => {
    asked.push(d.type());
    d.dismiss();
  });
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  assert.deepEqual(asked, []);

  // Storage full: the edit cannot be saved, so closing asks (and staying keeps the page).
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await second.goto(app.url, { waitUntil: 'load' });
  await byId(second, 'income').click();
  await byId(second, 'income').fill('14000');
  await saveStatusIn(second, 'full').waitFor();
  const dialog = second.waitForEvent('dialog');
  await second.close({ runBeforeUnload: true });
  assert.equal((await dialog).type(), 'beforeunload');
  assert.equal(second.isClosed(), false, 'staying keeps the page and its edits');
  assert.equal(await byId(second, 'income').inputValue(), '14000');
  await assertClean(events, { page: second, name: 'fields-beforeunload' });
});
