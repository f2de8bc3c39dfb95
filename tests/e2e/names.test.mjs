// What wave 15's review found when a borrower has three credit cards: the
// names she typed are the loans' names on the whole page, not only in the
// letters (R2), and the browser's text size enlarges the money too (R4).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, assertClean } from './harness.mjs';
import { $, byId, importFile, message } from './page.mjs';

let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

const card = (id, name, principal) => ({ id, lender: 'credit_card', name, principal, rate: { value: '0.05', unit: 'daily_percent' }, method: 'equal_installment', months: 12 });

/** The reviewer's office worker: three named cards and an unnamed 微粒贷. */
const CARDS = JSON.stringify({
  version: 1,
  loans: [
    card('cmb', '招商银行信用卡中心', '45000'),
    card('ccb', '建设银行信用卡中心', '28000'),
    card('cgb', '广发银行信用卡中心', '15000'),
    { id: 'wld', lender: 'weilidai', principal: '20000', rate: { value: '0.05', unit: 'daily_percent' }, method: 'equal_installment', months: 12 },
  ],
  budget: { income: '6500', expenses: '3800', other_obligations: '0', buffer_percent: '10' },
});

async function cards(options) {
  const opened = await app.open(options);
  await importFile(opened.page, 'cards.json', CARDS);
  await message(opened.page, 'imported').waitFor();
  return opened;
}

test('R2: three cards are told apart by the names typed, in the loans, the summary and the kit', async () => {
  const { page, events } = await cards();
  const title = page.locator(`${$('loan-card')} .loan-title`);
  await title.filter({ hasText: '微粒贷' }).waitFor();
  const titles = await title.allTextContents();
  assert.deepEqual(titles, ['借款 1 · 招商银行信用卡中心', '借款 2 · 建设银行信用卡中心', '借款 3 · 广发银行信用卡中心', '借款 4 · 微粒贷']);
  const line = (await byId(page, 'plan-line').textContent()).trim();
  assert.match(line, /^招商银行信用卡中心 ¥[\d,.]+( – ¥[\d,.]+)? · 建设银行信用卡中心 ¥/, line);
  assert.match(line, / · 微粒贷 ¥/, 'an unnamed loan keeps its lender\'s name');
  await byId(page, 'kit-open').click();
  await byId(page, 'kit-doc').waitFor();
  const heads = await page.locator(`${$('kit-loan')} > legend`).allTextContents();
  assert.deepEqual(heads.map((h) => h.trim()), titles);
  await assertClean(events, { page, name: 'names-r2' });
});

test('R4: with the browser\'s text set to 24 px, the amounts grow with it at 375 px', async () => {
  const { page, events, context } = await cards({ contextOptions: { viewport: { width: 375, height: 800 } } });
  const size = () => page.evaluate(() => ({
    body: parseFloat(getComputedStyle(document.body).fontSize),
    plan: parseFloat(getComputedStyle(document.querySelector('[data-testid="plan-line"] strong')).fontSize),
    input: parseFloat(getComputedStyle(document.querySelector('input[type="text"], input:not([type])')).fontSize),
  }));
  const before = await size();
  assert.equal(before.body, 15, 'the phone size at the default text size');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  await page.waitForFunction(() => parseFloat(getComputedStyle(document.body).fontSize) > 20);
  const big = await size();
  assert.equal(big.body, 22.5, '15/16 of the chosen 24 px');
  assert.ok(big.plan >= 22 && big.input >= 22, JSON.stringify(big));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scroll with large text');
  await assertClean(events, { page, name: 'names-r4' });
});
