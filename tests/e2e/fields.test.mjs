// The page holds the whole document (issue 8): a file with every optional
// field is imported, edited and exported, and comes back whole; when edits
// cannot be saved, closing the tab asks first. The forms borrowers type
// (issue 9): Chinese amounts and rates, the ambiguous comma, a cleared
// optional field, and a value retyped from scratch.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, assertClean, REPO } from './harness.mjs';
import { byId, loanCard, loanCards, openSection, importFile, message, download, saveStatusIn, textOf, stands } from './page.mjs';

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

test('R14: a closed fold that holds a field with an error opens to show it', async () => {
  const { page, events } = await app.open();
  const card = loanCard(page);
  const more = byId(card, 'more-details');
  assert.equal(await more.evaluate((d) => d.open), false, 'closed before');
  await byId(page, 'day-count').selectOption({ label: '按实际天数（与网贷按日计息一致）' });
  await byId(card, 'next-due-date-error').waitFor();
  assert.equal(await more.evaluate((d) => d.open), true);
  assert.match(await byId(card, 'next-due-date-error').textContent(), /按实际天数计息时必填/);
  assert.ok(await byId(card, 'next-due-date-error').isVisible());
  await assertClean(events, { page, name: 'fields-fold-opens' });
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

/** The figures results show for the first loan (payment and where it stands). */
async function figures(page) {
  return { payment: await textOf(page, 'result-payment'), stand: (await stands(page).first().textContent()).trim() };
}

/** Types into a field and leaves it, as a user does. */
async function enter(input, text) {
  await input.fill(text);
  await input.press('Tab');
}

test('a daily rate typed as 万4, 万分之四, 日息万四 or 日息0.04% gives the figures of 0.04', async () => {
  const { page, events } = await app.open();
  const card = loanCard(page);
  const rate = byId(card, 'rate');
  await byId(card, 'rate-unit').selectOption({ label: '日利率 %' });
  await enter(rate, '0.04');
  const want = await figures(page);
  for (const typed of ['万4', '万分之四', '日息万四', '日息0.04%', '０．０４％']) {
    await enter(rate, '0.05');
    assert.notDeepEqual(await figures(page), want, 'the figures move between the two rates');
    await enter(rate, typed);
    assert.deepEqual(await figures(page), want, typed);
    assert.equal(await card.locator('.field-error').count(), 0, typed);
  }
  // A rate that names another basis sets the unit with it.
  await enter(rate, '月息1.5%');
  assert.equal(await byId(card, 'rate-unit').locator('option:checked').textContent(), '月利率 %');
  await assertClean(events, { page, name: 'fields-rates' });
});

test('amounts in Chinese forms: 8万5, 八万五千 and 80k are what they say', async () => {
  const { page, events } = await app.open();
  const principal = byId(loanCard(page), 'principal');
  await enter(principal, '85000');
  const want = await figures(page);
  for (const typed of ['8万5', '8.5万', '八万五千', '85k', '85,000', '¥85，000元']) {
    await enter(principal, '1');
    await enter(principal, typed);
    assert.deepEqual(await figures(page), want, typed);
  }
  await enter(principal, '80000');
  const eighty = await figures(page);
  await enter(principal, '80k');
  assert.deepEqual(await figures(page), eighty, '80k is 80,000, never 80');
  await enter(byId(loanCard(page), 'months'), '十二期');
  assert.equal(await byId(loanCard(page), 'months').inputValue(), '十二期');
  assert.equal(await page.locator('.field-error').count(), 0);
  await assertClean(events, { page, name: 'fields-amounts' });
});

test('"0,04" is asked about at the field and the results stay as they were', async () => {
  const { page, events } = await app.open();
  const card = loanCard(page);
  const before = await figures(page);
  await enter(byId(card, 'rate'), '0,04');
  const said = await textOf(card, 'rate-error');
  assert.match(said, /逗号/);
  assert.match(said, /0\.04/, 'the example is a rate');
  assert.equal(await byId(card, 'rate').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await figures(page), before, 'never read as 4');
  await enter(byId(card, 'principal'), '0,5');
  assert.match(await textOf(card, 'principal-error'), /12,000/, 'an amount field offers an amount');
  await enter(byId(card, 'principal'), '12,000');
  assert.equal(await card.locator('[data-testid="principal-error"]').count(), 0, '12,000 is twelve thousand');
  await assertClean(events, { page, name: 'fields-comma' });
});

test('clearing 已逾期天数 means no days overdue: results update, no message', async () => {
  const { page, events } = await app.open();
  const card = loanCard(page);
  await openSection(card, 'overdue-details');
  await enter(byId(card, 'overdue-principal'), '5000');
  await enter(byId(card, 'overdue-days'), '0');
  const none = await figures(page);
  await enter(byId(card, 'overdue-days'), '30');
  const overdue = await figures(page);
  assert.notDeepEqual(overdue, none, '30 days overdue change the figures');
  await byId(card, 'overdue-days').fill('');
  assert.equal(await card.locator('.field-error').count(), 0, 'no 请填写');
  assert.equal(await byId(card, 'overdue-days').inputValue(), '');
  assert.deepEqual(await figures(page), none, 'the results update at once, as for 0 days');
  assert.equal(await page.locator('[data-testid="stale-note"]').count(), 0, 'nothing is frozen');
  await assertClean(events, { page, name: 'fields-cleared' });
});

test('typing "8" on the way to "80000" keeps the figures from before the edit', async () => {
  const { page, events } = await app.open();
  const principal = byId(loanCard(page), 'principal');
  await enter(principal, '80000');
  const eighty = await figures(page);
  await enter(principal, '100000');
  const before = await figures(page);
  await principal.click();
  await principal.press('ControlOrMeta+a');
  await principal.press('Backspace');
  assert.match(await textOf(loanCard(page), 'principal-error'), /请填写/);
  assert.deepEqual(await figures(page), before);
  for (const key of '8000') {
    await principal.press(key);
    assert.deepEqual(await figures(page), before, `after ${await principal.inputValue()}`);
  }
  await principal.press('0');
  assert.equal(await principal.inputValue(), '80000');
  assert.deepEqual(await figures(page), before, 'still typing');
  await principal.press('Tab');
  assert.deepEqual(await figures(page), eighty, 'left: the new value counts');
  await assertClean(events, { page, name: 'fields-retype' });
});

test('only the total the app shows (剩余应还): the principal is worked out from it', async () => {
  const { page, events } = await app.open();
  const card = loanCard(page);
  await byId(card, 'lender').selectOption({ label: '网商贷' });
  await enter(byId(card, 'rate'), '日息0.05%');
  await byId(card, 'method').selectOption({ label: '等额本息' });
  await enter(byId(card, 'months'), '12');
  await enter(byId(card, 'principal'), '1');
  await card.locator('[data-testid="remaining-total-details"] summary').click();
  const total = byId(card, 'remaining-total');
  await enter(total, 'abc');
  assert.match(await textOf(card, 'remaining-total-error'), /8万5/, 'an amount example');
  assert.equal(await byId(card, 'principal').inputValue(), '1', 'nothing changed');
  await enter(total, '110,015.99');
  assert.equal(await byId(card, 'principal').inputValue(), '100000');
  assert.equal(await textOf(card, 'remaining-total-split'), '= 本金 ¥100,000.00 + 利息 ¥10,015.99');
  assert.equal(await textOf(page, 'result-payment'), '¥9,168.00', 'the hand-checked figures of ¥100,000');
  assert.equal(await card.locator('.field-error').count(), 0);
  // The term changes: the same total holds less principal.
  await enter(byId(card, 'months'), '24');
  assert.notEqual(await byId(card, 'principal').inputValue(), '100000');
  assert.equal(await total.inputValue(), '110,015.99');
  await assertClean(events, { page, name: 'fields-total' });
});

test('typing keeps the box, its focus and its caret; its problem comes and goes at the field', async () => {
  const { page, events } = await app.open();
  const card = loanCard(page);
  const principal = byId(card, 'principal');
  await enter(principal, '80000');
  // Mark the element: a redrawn box would be a new element without the mark.
  await principal.evaluate((el) => { el.dataset.mark = 'kept'; });
  await principal.click();
  await principal.evaluate((el) => el.setSelectionRange(1, 1));
  await principal.press('5'); // 850000: the caret after the 5
  await principal.press('x'); // 85x0000: text that does not read
  assert.ok((await textOf(card, 'principal-error')).length > 0);
  const state = () => principal.evaluate((el) => ({
    mark: el.dataset.mark, focused: document.activeElement === el, caret: el.selectionStart, value: el.value,
    invalid: el.getAttribute('aria-invalid'), described: el.getAttribute('aria-describedby'),
  }));
  const bad = await state();
  assert.deepEqual([bad.mark, bad.focused, bad.caret, bad.value, bad.invalid], ['kept', true, 3, '85x0000', 'true']);
  assert.ok(bad.described.split(' ').includes(await byId(card, 'principal-error').getAttribute('id')), 'the message describes the box');
  await principal.press('Backspace');
  const good = await state();
  assert.deepEqual([good.mark, good.focused, good.caret, good.value, good.invalid], ['kept', true, 2, '850000', 'false']);
  assert.equal(await card.locator('[data-testid="principal-error"]').count(), 0);
  await assertClean(events, { page, name: 'fields-caret' });
});
