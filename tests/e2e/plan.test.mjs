// The seasonal shop owner of wave 14's review (R1): three loans, dead
// February and March every year (income below expenses).
// 1. His seasons repeat ("每年都这样", ticked in the case): the combined
//    plan is the cash-flow plan — each lender its share of every month's
//    money, nothing in the dead months — and it fits; the ask says the
//    debt grows in the dead months.
// 2. Unticked, months 13+ are the ordinary month (¥4,300), which no
//    combination the lenders commonly grant fits (R1 R2 R5 R7): the plan is
//    not "most likely accepted"; every month it cannot pay is said, the 48
//    after the first year as one line (wave 15: and runs of the first
//    year's months with the same money, 3–4 and 5–11); a month in deficit has ¥0, not a
//    negative amount; a date nobody entered is said to be estimated; the
//    live line's verdict is the plan's. Figures: tests/e2e/cases/
//    seasonal-short.json through the evaluator (60 months of 停息分期:
//    300,000 / 60 = ¥5,000 a month, ¥4,999.99 with the last absorbing; the
//    ordinary month has 12,000 − 6,500 − 10 % = ¥4,300).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, assertClean, REPO } from './harness.mjs';
import { $, byId, importFile, loanCard, message, proposal, stands, switchLanguage } from './page.mjs';

let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

test('seasons that repeat: the cash-flow plan fits; unticked, a plan that cannot be paid names every month it cannot pay', async () => {
  const { page, events } = await app.open();
  await importFile(page, 'seasonal-short.json', await readFile(join(REPO, 'tests', 'e2e', 'cases', 'seasonal-short.json'), 'utf8'));
  await message(page, 'imported').waitFor();
  const plan = page.locator($('plan'));
  await assert.doesNotReject(plan.first().waitFor());
  const repeats = byId(page, 'forecast-repeats');
  assert.equal(await repeats.isChecked(), true, 'the case says every year is like this');
  assert.equal(await plan.count(), 1, 'both goals ask the same: one box');
  assert.equal(await plan.getAttribute('data-fits'), 'true');
  assert.equal((await plan.locator('h3').textContent()).trim(), '最可能被接受，也是对你成本最低的');
  const asks = await plan.locator('.explain').first().textContent();
  assert.equal(await plan.locator($('plan-fits')).count(), 1);
  assert.equal(asks.match(/按现金流还款 \d+ 个月（有些月份付不够利息，欠款会增加）/g)?.length, 3, asks);
  assert.equal(await plan.locator($('plan-failing')).count(), 0);
  assert.match(await page.locator($('live-summary')).textContent(), /推荐方案每月都够还$/);

  // R18: the cash-flow plan pays less than the interest in the dead
  // months, and a holiday that capitalises the interest adds it:
  // their cards say the debt grows; the plans that never do say nothing.
  const rises = '有些月份付得比利息少：没付的利息计入本金，这些月份欠款会增加（见还款计划的剩余本金）。';
  const cash = proposal(page, 'cash_flow_plan').first();
  await cash.waitFor({ state: 'attached' });
  assert.equal(await byId(cash, 'balance-rises').textContent(), rises);
  assert.equal(await proposal(page, 'frozen_instalments').locator($('balance-rises')).count(), 0);

  // Not every year: months 13+ are the ordinary month.
  await repeats.uncheck();
  await page.locator(`${$('plan')}[data-fits="false"]`).waitFor();
  assert.equal(await plan.count(), 1, 'both goals ask the same: one box');
  assert.equal((await plan.locator('h3').textContent()).trim(), '最接近预算的组合：仍有月份不够还');
  const failing = (await plan.locator(`${$('plan-failing')} li`).allTextContents()).map((t) => t.trim());
  // Review w14 R2: ten lines at 375 px were seven identical months and two
  // identical dead months; each run is one line now (57 months in all).
  assert.equal(failing.length, 3, failing.join('\n'));
  assert.equal(failing[0], '第 3–4 月（2027-02-16 – 2027-03-16），共 2 个月：最紧的一个月要还 ¥4,999.99，可用 ¥0.00（收入比开支少 ¥3,800.00），差 ¥4,999.99');
  assert.equal(failing[1], '第 5–11 月（2027-04-16 – 2027-10-16），共 7 个月：最紧的一个月要还 ¥4,999.99，可用 ¥2,500.00，差 ¥2,499.99');
  assert.equal(failing[2], '第 13–60 月（2027-12-16 – 2031-11-16），共 48 个月：最紧的一个月要还 ¥5,000.59，可用 ¥4,300.00，差 ¥700.59');
  assert.match(await plan.textContent(), /没有一个组合能让每个月都够还/);
  assert.match(await plan.locator($('plan-line')).textContent(), /（有些日期是按今天估算的：请在“借款”里填写下次还款日）$/);
  assert.match(await page.locator($('live-summary')).textContent(), /推荐方案有月份不够还$/);

  await switchLanguage(page);
  await page.locator(`${$('plan')} h3`, { hasText: 'Closest to your budget' }).waitFor();
  // S6: the English contents name the parts as their headings do.
  const nav = (await page.locator('nav a').allTextContents()).map((t) => t.trim());
  for (const part of ['Where you stand', 'Negotiation kit', 'Road to debt-free']) assert.ok(nav.includes(part), nav.join(' | '));
  assert.equal((await page.locator(`${$('plan')} .short`).textContent()).trim(), 'Months that fall short:');
  const en = (await page.locator(`${$('plan-failing')} li`).allTextContents()).map((t) => t.trim());
  assert.equal(en[1], 'Months 5–11 (2027-04-16 – 2027-10-16), 7 of them: the tightest month has ¥4,999.99 due, ¥2,500.00 available, short ¥2,499.99');
  assert.equal(en[2], 'Months 13–60 (2027-12-16 – 2031-11-16), 48 of them: the tightest month has ¥5,000.59 due, ¥4,300.00 available, short ¥700.59');
  assert.match(await page.locator($('live-summary')).textContent(), /the recommended plan is short in some months$/);
  // The box belongs to the forecast: gone with it, back as it was left.
  await repeats.check();
  await page.locator(`${$('plan')}[data-fits="true"]`).waitFor();
  await byId(page, 'use-forecast').uncheck();
  assert.equal(await repeats.isVisible(), false);
  await byId(page, 'use-forecast').check();
  assert.equal(await repeats.isVisible(), true);
  assert.equal(await repeats.isChecked(), true);
  await page.locator(`${$('plan')}[data-fits="true"]`).waitFor();
  await assertClean(events);
});

test('days overdue without the overdue amounts: the stand says its penalty figures count nothing', async () => {
  const { page, events } = await app.open();
  const doc = {
    version: 1,
    loans: [{ id: 'mybank', lender: 'mybank', principal: '100000', rate: { value: '0.05', unit: 'daily_percent' }, method: 'equal_installment', months: 12, overdue: { days: 75 } }],
    budget: { income: '12000', expenses: '6500', other_obligations: '0', buffer_percent: '10' },
  };
  await importFile(page, 'days-only.json', JSON.stringify(doc));
  await message(page, 'imported').waitFor();
  const stand = stands(page).first();
  await stand.locator(':scope > summary').click();
  assert.equal(
    await byId(stand, 'no-arrears').textContent(),
    '已逾期 75 天，但没有填写逾期本金和利息：下面的罚息按 ¥0 计算，实际会更多。请在这笔借款的“逾期”里填写 App 显示的逾期金额。',
  );
  // R16: the estimate is shown before the click — 3 instalments of the
  // contract (¥8,966.67 each at 1.5 % a month: their principal and
  // interest) — and one click fills both amounts in.
  const estimate = await byId(stand, 'arrears-estimate').textContent();
  const [, principal, interest] = estimate.match(/约 3 期未还，本金 (¥[\d,.]+)、利息 (¥[\d,.]+)（以 App 显示为准）/);
  await byId(stand, 'fill-arrears').click();
  const card = loanCard(page);
  await byId(card, 'overdue-principal').waitFor();
  const amount = (m) => Number(m.replace(/[¥,]/g, ''));
  await expectValue(byId(card, 'overdue-principal'), amount(principal));
  assert.equal(amount(await byId(card, 'overdue-interest').inputValue()), amount(interest));
  await byId(stand, 'no-arrears').waitFor({ state: 'detached' });
  await assertClean(events);
});

/** Waits until `input` holds `want` (the page sets it after the click). */
async function expectValue(input, want) {
  const now = async () => Number((await input.inputValue()).replace(/,/g, ''));
  for (let i = 0; i < 50 && (await now()) !== want; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await now(), want);
}
