// What wave 13's review of the page found misleading, as the page shows it
// now: a loan's cost of waiting counts the days to its own due date (F6), a
// balloon month is not "monthly" (F2), the summary says how much of waiting's
// cost is new penalty (F8), and an opened schedule never widens the page at
// 375 px (F9). The figures are by hand in each test.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, assertClean, REPO } from './harness.mjs';
import { $, byId, importFile, message, stands, switchLanguage, textOf } from './page.mjs';
import { openRoad } from './road.page.mjs';

let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

/** The browser's today + `days`, as YYYY-MM-DD (the page dates by the browser's clock). */
const inDays = (page, days) =>
  page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    const p = (x) => String(x).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  }, days);

/** No `as_of`: the page's today dates it. 网商贷 30 days behind; 借呗
 * 先息后本 (interest only) due in 14 days, its principal due in month 12. */
async function behindAndBalloon(page) {
  const doc = {
    version: 1,
    loans: [
      { id: 'mybank', lender: 'mybank', name: '网商贷', principal: '120000', rate: { value: '0.04', unit: 'daily_percent' }, method: 'equal_installment', months: 12, overdue: { days: 30, principal: '9357.31', interest: '1440' }, next_due_date: await inDays(page, 30) },
      { id: 'jiebei', lender: 'jiebei', name: '借呗', principal: '45000', rate: { value: '18', unit: 'annual_percent' }, method: 'interest_only', months: 12, next_due_date: await inDays(page, 14) },
    ],
    budget: { income: '12000', expenses: '6500', other_obligations: '0', buffer_percent: '10' },
  };
  await importFile(page, 'review.json', JSON.stringify(doc));
  await message(page, 'imported').waitFor();
}

/** The seasonal shop owner's three loans and forecast (tests/e2e/cases). */
async function seasonal(page) {
  await importFile(page, 'seasonal-shop.json', await readFile(join(REPO, 'tests', 'e2e', 'cases', 'seasonal-shop.json'), 'utf8'));
  await message(page, 'imported').waitFor();
}

test('F6: a loan due in 14 days falls overdue on day 1 in 15 days, not after a 30-day step', async () => {
  const { page, events } = await app.open();
  await behindAndBalloon(page);
  const jiebei = stands(page).nth(1);
  await jiebei.locator(':scope > summary').click();
  const first = jiebei.locator(`${$('timeline')} li`).first();
  assert.match(await first.textContent(), /^逾期第 1 天 · 15 天后：/);
  // Within 30 days its instalment (45,000 × 18 % / 12 = ¥675.00 of
  // interest) falls due and is 16 days late on day 30: new penalty
  // 675 × 0.075 % × 16 = ¥8.10, so 30 days add ¥683.10 (¥675.00 with the
  // 30-day step, which had it due on day 30 with no penalty yet).
  const added = await jiebei.locator(`${$('horizons')} tbody tr`).first().textContent();
  assert.match(added, /\+¥683\.10¥8\.10$/);
  await assertClean(events, { page, name: 'review-f6' });
});

test('F2 and F8: the balloon month is labelled as the largest month; waiting says its new penalty', async () => {
  const { page, events } = await app.open();
  await behindAndBalloon(page);
  // Month 12 carries 借呗's ¥45,000: the total is the largest month's, said so.
  const label = page.locator(`.figure:has(${$('result-debt-payments')}) dt`);
  assert.equal((await label.textContent()).trim(), '还款最多的一个月');
  assert.match(await page.locator(`.figure:has(${$('result-debt-payments')}) .sub`).textContent(), /^第 \d+ 个月；最少的月份 ¥[\d,]+\.\d\d$/);
  assert.equal((await page.locator(`.figure:has(${$('result-dti')}) dt`).textContent()).trim(), '负债收入比（按还款最多的月份）');
  // 网商贷 is 30 days behind: of what 30 more days add, the new penalty is
  // (9,357.31 + 1,440) × 0.04 % × 1.5 × 30 = ¥194.35 (the rest is interest due).
  assert.equal(await textOf(page, 'waiting-penalty'), '，其中新增罚息 ¥194.35');
  await assertClean(events, { page, name: 'review-f2-f8' });
});

test('F9: at 375 px an opened proposal schedule scrolls in its own box, never the page', async () => {
  const { page, events } = await app.open({ contextOptions: { viewport: { width: 375, height: 800 } } });
  await behindAndBalloon(page);
  await byId(page, 'proposal').waitFor({ state: 'attached' });
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('#proposals details')) d.open = true;
  });
  await page.locator(`#proposals ${$('schedule-table')}`).first().waitFor();
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(sideways, 0, 'the page scrolls sideways');
  // A dated chart starts "现在", then dates (not "第 0 月" before them).
  const axis = await page.locator('#proposals .x-axis').first().locator('span').allTextContents();
  assert.equal(axis[0], '现在');
  assert.match(axis[2], /^\d{4}-\d\d-\d\d$/);
  await assertClean(events, { page, name: 'review-f9' });
});

test('F13: with a forecast, the split across lenders says it is of a usual month', async () => {
  const { page, events } = await app.open();
  await seasonal(page);
  const flat = byId(page, 'allocation-flat');
  await flat.waitFor({ state: 'attached' });
  assert.match(await flat.textContent(), /^这里按平常月份（收支里的月收入）分配/);
  // Without the forecast the line goes: the split is then the only answer.
  await byId(page, 'use-forecast').uncheck();
  await flat.waitFor({ state: 'detached' });
  await assertClean(events, { page, name: 'review-f13' });
});

test('F3: the forecast says which dates its months 1 and 12 are, the plans\' months', async () => {
  const { page, events } = await app.open();
  await seasonal(page);
  const dates = byId(page, 'forecast-dates');
  const m = (await dates.textContent()).match(/^第1个月从 (\d{4})-(\d\d)-\d\d 起（各家最早的还款日），第12个月从 (\d{4})-(\d\d)-\d\d 起：/);
  assert.ok(m, await dates.textContent());
  // Month 12 is eleven months after month 1.
  assert.equal((+m[3] * 12 + +m[4]) - (+m[1] * 12 + +m[2]), 11);
  // The summary's failing months and plan dates count the same months.
  await byId(page, 'use-forecast').uncheck();
  await dates.waitFor({ state: 'detached' });
  await assertClean(events, { page, name: 'review-f3' });
});

test('F7: a card\'s letter is addressed to the institution the borrower names in the card\'s details', async () => {
  const { page, events } = await app.open();
  const doc = {
    version: 1,
    loans: [{ id: 'card', lender: 'credit_card', principal: '38000', rate: { value: '0.05', unit: 'daily_percent' }, method: 'equal_installment', months: 12 }],
    budget: { income: '12000', expenses: '6500', other_obligations: '0', buffer_percent: '10' },
  };
  await importFile(page, 'card.json', JSON.stringify(doc));
  await message(page, 'imported').waitFor();
  // Review w14 R10: a card's months are how long the borrower means to take, not a contract's term.
  const card0 = page.locator($('loan-card')).first();
  assert.equal((await card0.locator('label[for$="-months"]').first().textContent()).trim(), '打算分几期还（信用卡没有固定期数）');
  await byId(page, 'kit-open').click();
  const letter = byId(page, 'kit-doc');
  await letter.waitFor();
  // Unnamed, the card's issuer is left to fill in (review w14 R10: "致：信用卡" addressed nobody).
  assert.match(await letter.textContent(), /致：________（发卡银行）信用卡中心/);
  const card = page.locator($('loan-card')).first();
  await card.locator(`${$('more-details')} summary`).click();
  const name = byId(card, 'name');
  await name.fill('招商银行信用卡中心');
  await name.blur();
  await page.locator(`${$('kit-doc')}:has-text("致：招商银行信用卡中心")`).waitFor();
  // Another lender: the months are the contract's again.
  await byId(card, 'lender').selectOption({ label: '网商贷' });
  await card.locator('label[for$="-months"]', { hasText: '剩余期数（月）' }).waitFor();
  await assertClean(events, { page, name: 'review-f7' });
});

// --- Wave 14's review (notes/REVIEW-w14.md) ------------------------------------

/** The seasonal shop with 网商贷 asking 24 months' extension from a month ahead (a past date is flagged: w15), the cash-flow plan its fallback. */
async function seasonalAsking(page) {
  const doc = JSON.parse(await readFile(join(REPO, 'tests', 'e2e', 'cases', 'seasonal-shop.json'), 'utf8'));
  doc.loans[0].ask = { kind: 'term_extension', months: 24, first_payment_date: await inDays(page, 30), fallback: { kind: 'cash_flow_plan' } };
  await importFile(page, 'asking.json', JSON.stringify(doc));
  await message(page, 'imported').waitFor();
  await byId(page, 'kit-open').click();
  await byId(page, 'kit-doc').waitFor();
}

const letterLine = async (page, start) =>
  (await byId(page, 'kit-doc').textContent()).split('\n').find((l) => l.trim().startsWith(start)) ?? '';

test('R9: the fallback\'s kind picked as the ask swaps the two; the fallback made the ask is refused at its list', async () => {
  const { page, events } = await app.open();
  await seasonalAsking(page);
  const block = page.locator($('kit-loan')).first();
  assert.match(await letterLine(page, '我申请'), /共 24 期/);
  // Picked: the ask is the cash-flow plan, the 24 months become the fallback, and the letter says so.
  await byId(block, 'ask-kind').selectOption({ label: '按现金流还款' });
  await page.locator(`${$('kit-doc')}:has-text("我申请个性化还款方案：按经营现金流还款")`).waitFor();
  // The lists' values are the kinds' places (scenario/field/kit.rs KINDS): 1 is the term extension, 6 the cash-flow plan.
  assert.deepEqual([await byId(block, 'ask-kind').inputValue(), await byId(block, 'fallback-kind').inputValue()], ['6', '1']);
  assert.equal(await byId(block, 'fallback-months').inputValue(), '24');
  assert.match(await letterLine(page, '如上述方案无法批准'), /24/);
  assert.equal(await block.locator($('ask-finding')).count(), 0);
  // The fallback set to the ask: refused where it was set, the ask kept.
  await byId(block, 'fallback-kind').selectOption({ label: '按现金流还款' });
  const refused = block.locator(`.ask-field:has(${$('fallback-kind')}) ${$('ask-finding')}`);
  assert.equal((await refused.textContent()).trim(), '备选方案与申请的方案相同');
  assert.equal(await block.locator($('ask-finding')).count(), 1);
  assert.match(await letterLine(page, '我申请'), /按经营现金流还款/);
  await assertClean(events, { page, name: 'review-r9' });
});

test('R8: English confirms the plan was set as every lender\'s ask', async () => {
  const { page, events } = await app.open();
  await seasonal(page);
  await switchLanguage(page);
  const use = byId(page.locator(`${$('plan')}[data-goal="acceptance"]`), 'use-plan');
  await use.click();
  assert.equal(await use.getAttribute('aria-pressed'), 'true');
  assert.equal((await use.textContent()).trim(), "✓ Set as every lender's ask");
  await assertClean(events, { page, name: 'review-r8' });
});

test('R11: the road\'s calendar says its amounts are the contracts\' in the road\'s order, not the asks', async () => {
  const { page, events } = await app.open();
  await seasonal(page);
  await openRoad(page);
  const button = byId(page, 'download-ics');
  assert.equal((await button.textContent()).trim(), '下载还清路线的还款日历（.ics）');
  const intro = page.locator(`p.explain:has(+ ${$('calendar-undated')})`);
  assert.match(await intro.textContent(), /金额按原合同月供和上面选的还款顺序，不是你向贷款方申请的方案/);
  await assertClean(events, { page, name: 'review-r11' });
});
