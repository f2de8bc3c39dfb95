// The one-loan calculator (issue 2): type a loan and a budget the way people
// type them, check every headline figure against hand-checked values, break
// a field and see the message at the field while results keep their last
// valid values, switch language (remembered), and stay clean throughout.
//
// Expected figures: ¥100,000 at 0.05 %/day (1.5 %/month) over 12 months,
// 等额本息: PMT(1.5%,12,-100000) = 9167.9997 → ¥9,168.00 a month; the last
// instalment absorbs the cents, total interest ¥10,015.99 (see
// tests/fixtures/mybank-daily.expected.json). Budget 12,000 − 6,000 − 10 %
// buffer = ¥4,800.00; DTI 9,168 / 12,000 = 76.40 %.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startApp, assertClean, screenshot } from './harness.mjs';
import {
  $, byId as field, textOf as text, loanCard as card, loanCards, loanLabel, fieldErrors, inputs, labelFor,
  openSchedule, scheduleRows, chartLines, loanResults, switchLanguage } from './page.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

async function typeLoanAndBudget(page) {
  const loan = card(page);
  await field(loan, 'lender').selectOption({ label: '网商贷' });
  await field(loan, 'principal').fill(' 10万 ');
  await field(loan, 'rate').fill('0.05%');
  await field(loan, 'rate-unit').selectOption({ label: '日利率 %' });
  await field(loan, 'method').selectOption({ label: '等额本息' });
  await field(loan, 'months').fill('12期');
  await field(loan, 'upfront-fee').fill('0');
  await field(page, 'income').fill('12,000');
  await field(page, 'expenses').fill('６０００'); // full-width digits
  await field(page, 'other-obligations').fill('0');
  await field(page, 'buffer-percent').fill('10');
}

test('typed loan and budget give the hand-checked figures', async () => {
  const { page, events } = await app.open({ contextOptions: { viewport: { width: 375, height: 800 } } });
  // The values typed below equal the page's example; move away from them
  // first, so the figures below prove the typing took effect.
  const [payment, disposable] = [await text(page, 'result-payment'), await text(page, 'result-disposable')];
  await field(card(page), 'principal').fill('5万');
  await field(page, 'income').fill('20000');
  assert.notEqual(await text(page, 'result-payment'), payment, 'the typed principal changed the payment');
  assert.notEqual(await text(page, 'result-disposable'), disposable, 'the typed income changed what is left');
  await typeLoanAndBudget(page);
  assert.equal(await fieldErrors(page).count(), 0, 'no field shows an error');

  assert.equal(await text(page, 'result-payment'), '¥9,168.00');
  assert.equal(await text(page, 'result-total-interest'), '¥10,015.99');
  assert.equal(await text(page, 'result-total-paid'), '¥110,015.99');
  assert.equal(await text(page, 'result-apr-nominal'), '18.00%');
  assert.equal(await text(page, 'result-apr-effective'), '19.56%');
  assert.match(await text(page, 'rate-equivalents'), /日 0\.05%.*月 1\.5%.*年化 18%/);
  assert.equal(await text(page, 'result-disposable'), '¥4,800.00');
  assert.equal(await text(page, 'result-dti'), '76.40%');
  assert.ok(await field(page, 'dti-warning').isVisible(), 'DTI above 50 % is flagged');
  assert.equal(await field(page, 'fit-verdict').getAttribute('data-fits'), 'false');
  assert.equal(await text(page, 'fit-margin'), '¥4,368.00');

  // The schedule: 12 rows, the last ends at a zero balance.
  await openSchedule(page);
  const rows = scheduleRows(page);
  assert.equal(await rows.count(), 12);
  assert.deepEqual(
    (await rows.nth(0).locator('td').allTextContents()).map((s) => s.trim()),
    ['1', '9,168.00', '1,500.00', '7,668.00', '92,332.00'],
  );
  assert.equal((await rows.nth(11).locator('td').last().textContent()).trim(), '0.00');
  assert.ok(await chartLines(page).first().isVisible());

  // 375 px: nothing scrolls sideways.
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scrollWidth <= clientWidth, `page scrolls sideways: ${scrollWidth} > ${clientWidth}`);

  // Equal principal: first and last payment differ.
  await field(card(page), 'method').selectOption({ label: '等额本金' });
  assert.equal(await text(page, 'result-payment'), '¥9,833.33'); // 8,333.33 + 1,500.00 (issue 7 item 12: parts round half away from zero)
  assert.equal(await text(page, 'result-last-payment'), '¥8,458.37'); // the last part absorbs: 8,333.37 + 125.00

  // Budget that fits: DTI below 50 %, no warning.
  await field(card(page), 'method').selectOption({ label: '等额本息' });
  await field(page, 'income').fill('3万');
  assert.equal(await text(page, 'result-dti'), '30.56%');
  assert.equal(await field(page, 'dti-warning').count(), 0);
  assert.equal(await field(page, 'fit-verdict').getAttribute('data-fits'), 'true');

  await assertClean(events, { page, name: 'calculator-figures' });
});

test('a bad field says why at the field; other results keep their last valid values', async () => {
  const { page, events } = await app.open();
  await typeLoanAndBudget(page);
  const loan = card(page);

  await field(loan, 'principal').fill('abc');
  assert.match(await field(loan, 'principal-error').textContent(), /请输入数字/);
  assert.equal(await field(loan, 'principal').getAttribute('aria-invalid'), 'true');
  assert.ok(await field(page, 'stale-note').isVisible());
  assert.equal(await text(page, 'result-payment'), '¥9,168.00', 'last valid result stays');

  // Rules that need two fields land on the right one.
  await field(loan, 'principal').fill('100000');
  await field(loan, 'upfront-fee').fill('100000');
  assert.match(await field(loan, 'upfront-fee-error').textContent(), /小于本金/);
  await field(loan, 'upfront-fee').fill('0');
  await field(loan, 'rate').fill('5');
  assert.match(await field(loan, 'rate-error').textContent(), /1000%/);
  await field(loan, 'rate').fill('0.05');
  await field(loan, 'months').fill('10000');
  assert.match(await field(loan, 'months-error').textContent(), /600/);
  await field(loan, 'months').fill('12');
  await field(page, 'buffer-percent').fill('120');
  assert.match(await field(page, 'buffer-percent-error').textContent(), /0 到 100/);
  await field(page, 'buffer-percent').fill('10');

  // All fixed: no errors, fresh results.
  assert.equal(await fieldErrors(page).count(), 0);
  assert.equal(await field(page, 'stale-note').count(), 0);
  assert.equal(await text(page, 'result-payment'), '¥9,168.00');
  await assertClean(events, { page, name: 'calculator-errors' });
});

// Issue 7: when one figure of a loan cannot be computed, the loan keeps its
// schedule and counts in the budget; the figure says why. ¥1,000 at 0 %,
// all at maturity in one month, with a ¥994.50 fee: ¥5.50 held for a month
// and ¥1,000 paid back is a monthly IRR of about 180, whose yearly APR
// overflows (tests/fixtures/bugs/apr-overflow-fee.json; the evaluator gives
// payment 1000, both APRs null with code "overflow", DTI 8.33 %).
test('a figure that cannot be computed says why; the loan keeps its other figures', async () => {
  const { page, events } = await app.open();
  const loan = card(page);
  await field(loan, 'principal').fill('1000');
  await field(loan, 'rate').fill('0');
  await field(loan, 'method').selectOption({ label: '到期一次还本付息' });
  await field(loan, 'months').fill('1');
  await field(loan, 'upfront-fee').fill('994.5');
  assert.equal(await fieldErrors(page).count(), 0, 'the loan itself is valid');
  assert.equal(await text(page, 'result-payment'), '¥1,000.00');
  assert.equal(await text(page, 'result-total-paid'), '¥1,000.00');
  assert.equal(await text(page, 'result-dti'), '8.33%', 'it counts in the budget: 1,000 / 12,000');
  for (const [apr, why] of [['无法计算', '数字太大，超出可计算的范围。'], ['Cannot be computed', 'The numbers are too large to compute.']]) {
    if (apr !== '无法计算') await switchLanguage(page);
    assert.equal(await text(page, 'result-apr-nominal'), apr);
    assert.equal(await text(page, 'result-apr-effective'), apr);
    const errors = page.locator($('figure-error'));
    assert.equal(await errors.count(), 1, 'one note per reason');
    assert.equal(await errors.getAttribute('data-code'), 'overflow');
    assert.equal((await errors.textContent()).trim(), why);
  }
  await assertClean(events, { page, name: 'calculator-figure-error' });
});

test('English switch relabels everything and is remembered', async () => {
  const { page, events } = await app.open();
  await typeLoanAndBudget(page);
  await switchLanguage(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await text(page, 'app-title'), 'Repayment negotiation calculator');
  assert.equal(await page.title(), 'Repayment negotiation calculator');
  assert.equal(await text(page, 'lang-toggle'), '中文');
  assert.equal(await loanLabel(page, 'principal').textContent(), 'Outstanding principal (¥)');
  // Figures do not depend on the language.
  assert.equal(await text(page, 'result-payment'), '¥9,168.00');
  // Every input still has a visible label.
  for (const input of await inputs(page).all()) {
    const id = await input.getAttribute('id');
    if (!id || (await input.getAttribute('type')) === 'file') continue;
    assert.equal(await labelFor(page, id).count(), 1, `no label for #${id}`);
  }

  await page.reload();
  await field(page, 'app-title').waitFor();
  assert.equal(await text(page, 'app-title'), 'Repayment negotiation calculator');
  await switchLanguage(page);
  assert.equal(await text(page, 'app-title'), '协商还款计算器');
  await assertClean(events, { page, name: 'calculator-language' });
});

test('a schedule exports as CSV that Excel and WPS read (BOM, Chinese headers)', async () => {
  const { page, events } = await app.open();
  await typeLoanAndBudget(page);
  await openSchedule(page);
  await field(page, 'export-csv').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), field(page, 'export-csv').click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  assert.equal(lines[0], '期数,月供,利息,本金,剩余本金');
  assert.equal(lines[1], '1,9168.00,1500.00,7668.00,92332.00');
  assert.equal(lines[12], '12,9167.99,135.49,9032.50,0.00');
  await assertClean(events, { page, name: 'calculator-csv' });
});

test('dark mode and phone width render without sideways scrolling', async () => {
  for (const [width, colorScheme] of [[375, 'dark'], [1280, 'light']]) {
    const { page, events } = await app.open({ contextOptions: { viewport: { width, height: 900 }, colorScheme } });
    await typeLoanAndBudget(page);
    const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(sw <= cw, `${width}px ${colorScheme}: ${sw} > ${cw}`);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    if (colorScheme === 'dark') assert.equal(bg, 'rgb(17, 21, 19)');
    await screenshot(page, `calculator-${colorScheme}-${width}`);
    await assertClean(events, { page, name: `calculator-${colorScheme}-${width}` });
  }
});

test('up to twenty loans can be added and removed without breaking the page', async () => {
  const { page, events } = await app.open();
  const add = field(page, 'add-loan');
  for (let n = 2; n <= 20; n++) {
    await add.click();
    assert.equal(await loanCards(page).count(), n);
  }
  // The limit is reached: the button is gone, every card still answers.
  assert.equal(await add.count(), 0);
  // An added loan has the typical terms of "other" (12 % a year, 等额本息,
  // 12 months): ¥10,000 is 888.49 a month, ¥20,000 1,776.98.
  const last = card(page, 19);
  await field(last, 'principal').fill('1万');
  const results = loanResults(page);
  assert.equal(await results.count(), 20);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="loan-result"]')[19]?.querySelector('[data-testid="result-payment"]')?.textContent === '¥888.49');
  // All twenty against the budget: the example (网商贷 ¥100,000 at
  // 0.04 %/day = 1.2 %/month: PMT = ¥8,997.54) + 18 × ¥8,884.88 + ¥888.49
  // = ¥169,813.87 a month; 12,000 − 6,000 − 10 % buffer leaves ¥4,800, so
  // the shortfall is ¥165,013.87 and DTI 169,813.87 / 12,000 = 1,415.12 %.
  assert.equal(await text(page, 'result-debt-payments'), '¥169,813.87');
  assert.equal(await text(page, 'result-dti'), '1415.12%');
  assert.equal(await field(page, 'fit-verdict').getAttribute('data-fits'), 'false');
  assert.equal(await text(page, 'fit-margin'), '¥165,013.87');
  await field(last, 'remove-loan').click();
  await field(card(page, 3), 'remove-loan').click();
  assert.equal(await loanCards(page).count(), 18);
  await field(page, 'add-loan').click();
  await field(card(page, 18), 'principal').fill('2万');
  assert.equal(await loanCards(page).count(), 19);
  assert.equal(await results.nth(18).locator($('result-payment')).textContent(), '¥1,776.98');
  // The loans before the removed ones keep their own figures (100,000 at 12 %).
  assert.equal(await results.nth(2).locator($('result-payment')).textContent(), '¥8,884.88');
  // And the total follows the removals: ¥8,997.54 + 17 × ¥8,884.88 +
  // ¥1,776.98 = ¥161,817.48 (the evaluator on the same nineteen loans
  // prints the same `budget.debt_payments`).
  assert.equal(await text(page, 'result-debt-payments'), '¥161,817.48');
  assert.equal(await text(page, 'result-dti'), '1348.48%');
  await assertClean(events, { page, name: 'calculator-twenty-loans' });
});
