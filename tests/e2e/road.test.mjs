// Road to debt-free (issue 12): the three-lender golden fixture opened in
// the page shows every strategy with evaluate's figures, the picked plan's
// stacked chart and calendar; prepayments show both effects; the "我每月能还"
// solver answers in months or refuses at the field; axe finds nothing.
//
// Expected figures come from tests/fixtures/road-three-lenders.expected.json
// (the evaluator's output, checked by tests/fixtures/independent_check.py).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { startApp, assertClean, ARTIFACTS, REPO, WORKER_BLOCKED } from './harness.mjs';
import { $, byId, download, importFile, message, switchLanguage } from './page.mjs';
import {
  openRoad, strategy, pickStrategy, orderIds, loanPrepay, effectCells, solverOf, parseIcs, strategiesLegend, roadInEnglish,
} from './road.page.mjs';

const FIXTURES = join(REPO, 'tests', 'fixtures');
const ROAD = await readFile(join(FIXTURES, 'road-three-lenders.json'), 'utf8');
const EXPECTED = JSON.parse(await readFile(join(FIXTURES, 'road-three-lenders.expected.json'), 'utf8'));

/** ¥12,345.67 from "12345.67". */
const yuan = (s) => '¥' + Number(s).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Month k of the road: the earliest due date (借呗, 2026-12-01) + k − 1 months, as 2027-08. */
const roadMonth = (k) => {
  const d = new Date(Date.UTC(2026, 11 + k - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

/** A fresh page with the fixture (or `text`) imported and the road open. */
async function openFixture(options, text = ROAD) {
  const opened = await app.open(options);
  await importFile(opened.page, 'road.json', text);
  await message(opened.page, 'imported').waitFor();
  await openRoad(opened.page);
  return opened;
}

test('the strategies show evaluate\'s debt-free dates and totals; the pick and the order follow the user', async () => {
  const { page, events } = await openFixture();
  for (const plan of EXPECTED.payoff) {
    const card = strategy(page, plan.strategy);
    const free = byId(card, 'strategy-debt-free');
    assert.equal(await free.getAttribute('data-month'), String(plan.debt_free_month), plan.strategy);
    assert.equal((await free.textContent()).trim(), roadMonth(plan.debt_free_month));
    assert.equal((await byId(card, 'strategy-interest').textContent()).trim(), yuan(plan.total_interest));
    assert.equal((await byId(card, 'strategy-paid').textContent()).trim(), yuan(plan.total_paid));
    const short = plan.short_months[0];
    assert.equal((await byId(card, 'strategy-short').textContent()).trim(), `第 ${short.month} 个月差 ${yuan(short.shortfall)}`);
  }
  assert.equal((await byId(strategy(page, 'avalanche'), 'strategy-over-best').textContent()).trim(), '最省');
  assert.equal(await strategy(page, EXPECTED.payoff_pick).getAttribute('data-picked'), 'true');
  assert.equal(await page.locator($('road-left-out')).count(), 0, 'every loan is on the road');

  // Each lender's paid-off month in the legend is the picked plan's.
  const picked = EXPECTED.payoff.find((p) => p.strategy === EXPECTED.payoff_pick);
  for (const l of picked.loans) {
    assert.equal(await page.locator(`${$('paid-off')}[data-loan="${l.id}"]`).getAttribute('data-month'), String(l.paid_off_month));
  }
  assert.equal(await page.locator(`${$('stack-chart')} polygon`).count(), 3);
  await page.locator(`${$('road-table')} summary`).click();
  assert.equal(await page.locator(`${$('road-table-rows')} tbody tr`).count(), picked.timeline.length + 1);

  // Keyboard: move 网商贷 to the top of the custom order; focus stays on it.
  assert.deepEqual(await orderIds(page), ['card', 'wsd', 'jb']);
  await page.locator('#order-wsd-up').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="order-item"]').dataset.loan === 'wsd');
  assert.deepEqual(await orderIds(page), ['wsd', 'card', 'jb']);
  assert.match(await page.evaluate(() => document.activeElement.id), /^order-wsd-/);

  // Pick snowball: marked, and remembered in the document (the draft).
  await pickStrategy(page, 'snowball');
  assert.equal(await strategy(page, 'snowball').getAttribute('data-picked'), 'true');
  assert.equal(await strategy(page, 'custom').getAttribute('data-picked'), 'false');
  const snowball = EXPECTED.payoff.find((p) => p.strategy === 'snowball');
  for (const l of snowball.loans) {
    assert.equal(await page.locator(`${$('paid-off')}[data-loan="${l.id}"]`).getAttribute('data-month'), String(l.paid_off_month));
  }
  // Keyboard: an arrow key moves the pick to the next strategy; focus follows it.
  await page.locator('#strategy-snowball').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid="strategy"][data-kind="pro_rata"]').dataset.picked === 'true');
  assert.equal(await strategy(page, 'snowball').getAttribute('data-picked'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'strategy-pro_rata');
  await assertClean(events, { page, name: 'road-strategies' });
});

test('closed and opened again, the section has one body, and its choices and fields work', async () => {
  const { page, events } = await openFixture();
  const other = EXPECTED.payoff.map((p) => p.strategy).find((k) => k !== EXPECTED.payoff_pick && k !== 'custom');
  await page.locator($('road-toggle')).click();
  await page.waitForFunction(() => !document.querySelector('#road [data-testid="strategies"]'));
  await openRoad(page);
  assert.equal(await page.locator('#road .road-body').count(), 1);
  await pickStrategy(page, other);
  await page.waitForFunction((k) => document.querySelector(`[data-testid="strategy"][data-kind="${k}"]`)?.dataset.picked === 'true', other);
  // Its buttons and fields: 借呗 gets a prepayment, whose effects follow what is typed.
  const jb = loanPrepay(page, 'jb');
  await byId(jb, 'add-prepayment').click();
  await byId(jb, 'prepayment-month').fill('2');
  await byId(jb, 'prepayment-amount').fill('3000');
  await jb.locator($('effects')).waitFor();
  await byId(jb, 'prepayment-amount').fill('0');
  assert.equal((await byId(jb, 'prepayment-amount-error').textContent()).trim(), '须大于 0');
  await assertClean(events, { page, name: 'road-reopen' });
});

test('a loan the road cannot take is named with the reason, in both languages', async () => {
  // 网商贷 at ¥1 trillion plus its ¥2,400 overdue: more than the payoff can
  // take (evaluate prints an error at loans[0].payoff and leaves it out).
  const doc = JSON.parse(ROAD);
  doc.loans[0].principal = '1000000000000.00';
  const { page, events } = await openFixture({}, JSON.stringify(doc));
  const note = byId(page, 'road-left-out');
  const items = note.locator($('left-out'));
  assert.deepEqual(await items.evaluateAll((els) => els.map((e) => e.dataset.loan)), ['wsd']);
  assert.match(await items.first().textContent(), /^借款 1 · 网商贷：.*1 万亿元/);
  assert.match(await note.textContent(), /没有算入还清路线/);
  // The plans pay the other two only.
  assert.deepEqual(await page.locator($('paid-off')).evaluateAll((els) => els.map((e) => e.dataset.loan).sort()), ['card', 'jb']);
  await switchLanguage(page);
  await page.waitForFunction(() => /leaves these loans out/.test(document.querySelector('[data-testid="road-left-out"]')?.textContent));
  assert.match(await items.first().textContent(), /^Loan 1 · 网商贷: .*1 trillion/);
  await assertClean(events, { page, name: 'road-left-out' });
});

test('a prepayment shows both effects side by side; a bad amount is refused at its field', async () => {
  const { page, events } = await openFixture();
  // 网商贷's two prepayments under each effect (evaluate's prepaid_by_effect).
  const both = EXPECTED.loans[0].prepaid_by_effect;
  const wsd = loanPrepay(page, 'wsd');
  assert.deepEqual(await effectCells(wsd, 'effect-months'), [String(both.shorten_term.months), String(both.lower_payment.months)]);
  assert.deepEqual(await effectCells(wsd, 'effect-interest'), [yuan(both.shorten_term.total_interest), yuan(both.lower_payment.total_interest)]);

  // 借呗 (等额本金, 6 months): add ¥3,000 with instalment 2.
  const jb = loanPrepay(page, 'jb');
  assert.equal(await jb.locator($('effects')).count(), 0);
  await byId(jb, 'add-prepayment').click();
  await byId(jb, 'prepayment-month').fill('2');
  await byId(jb, 'prepayment-amount').fill('3000');
  const months = await effectCells(jb, 'effect-months');
  assert.ok(Number(months[0]) < 6, `shorten_term keeps the payment and ends earlier: ${months}`);
  assert.equal(months[1], '6', 'lower_payment keeps the term');
  const saved = await effectCells(jb, 'effect-saved');
  assert.ok(saved.every((s) => s !== '¥0.00'), `both save interest: ${saved}`);

  await byId(jb, 'prepayment-amount').fill('0');
  assert.equal((await byId(jb, 'prepayment-amount-error').textContent()).trim(), '须大于 0');
  await byId(jb, 'remove-prepayment').click();
  await jb.locator($('effects')).waitFor({ state: 'detached' });
  assert.equal(await page.locator($('stale-note')).count(), 0, 'the removed bad item no longer blocks the results');
  await assertClean(events, { page, name: 'road-prepay' });
});

test('prepayments from the keyboard: the focus stays while typing and on the loan\'s buttons when a row comes or goes', async () => {
  const { page, events } = await openFixture();
  const jb = loanPrepay(page, 'jb');
  const focused = () => page.evaluate(() => document.activeElement?.id);
  await page.locator('#jb-add-prepayment').focus();
  await page.keyboard.press('Enter');
  await jb.locator($('prepayment')).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'jb-add-prepayment');
  // The new row is valid (instalment 1, a tenth of the principal): both effects show.
  await jb.locator($('effects')).waitFor();
  // Typing an amount redraws the effects, never the input being typed into.
  const [saved] = await effectCells(jb, 'effect-saved');
  await page.locator('#jb-prepayment-amount-1').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2500');
  await page.waitForFunction((before) => document.querySelector('[data-loan="jb"] [data-testid="effect-saved"]')?.textContent.trim() !== before, saved);
  assert.equal(await focused(), 'jb-prepayment-amount-1');
  assert.equal(await page.locator('#jb-prepayment-amount-1').inputValue(), '2500');
  // A label for every input of the row.
  for (const id of ['jb-prepayment-month-1', 'jb-prepayment-amount-1', 'jb-prepayment-effect-1']) {
    assert.ok((await page.locator(`label[for="${id}"]`).textContent()).trim().length > 0, id);
  }
  await page.locator('#jb-remove-1').focus();
  await page.keyboard.press('Enter');
  await jb.locator($('prepayment')).waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'jb-add-prepayment');
  assert.equal(await focused(), 'jb-add-prepayment');
  await assertClean(events, { page, name: 'road-prepay-keys' });
});

test('the solver answers in months, and refuses a payment below the first month\'s interest at the field', async () => {
  const { page, events } = await openFixture();
  const jb = solverOf(page, 'jb');
  const answer = byId(jb, 'solver-answer');
  const solved = EXPECTED.loans[1].solve;
  assert.equal(await answer.getAttribute('data-months'), String(solved.months));
  assert.equal((await answer.textContent()).trim(), `${solved.months} 个月还清，最后一期 ${yuan(solved.last_payment)}，共付利息 ${yuan(solved.total_interest)}`);
  // The card's ¥50 does not cover its first month's interest (¥61.25).
  const card = byId(solverOf(page, 'card'), 'solver-answer');
  assert.equal(await card.getAttribute('data-refused'), 'true');
  assert.match(await card.textContent(), /¥61\.25/);

  // ¥12,000 at 0.04 %/day: ¥144.00 interest the first month.
  await byId(jb, 'target-payment').fill('144');
  await page.waitForFunction(() => document.querySelector('[data-loan="jb"] [data-testid="solver-answer"]').dataset.refused === 'true');
  assert.match(await answer.textContent(), /首月利息 ¥144\.00/);
  await byId(jb, 'target-payment').fill('1万');
  await page.waitForFunction(() => document.querySelector('[data-loan="jb"] [data-testid="solver-answer"]').dataset.months === '2');
  await assertClean(events, { page, name: 'road-solver' });
});

test('the calendar of the picked plan parses: one event per due date, on the loans\' days', async () => {
  const { page, events } = await openFixture();
  assert.match(await byId(page, 'calendar-undated').textContent(), /借款 3 · 信用卡/);
  const file = await download(page, () => byId(page, 'download-ics').click());
  assert.equal(file.name, '还款提醒.ics');
  const ics = parseIcs(file.text);
  assert.equal(ics.lines[0], 'BEGIN:VCALENDAR');
  assert.equal(ics.lines.at(-1), 'END:VCALENDAR');
  assert.ok(file.text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'folded at 75 octets');
  const status = await byId(page, 'calendar-status').textContent();
  assert.match(status, new RegExp(`已生成 ${ics.events.length} 个`));
  // Custom (picked): 网商贷 paid off in month 9, 借呗 in month 8 (evaluate).
  const picked = EXPECTED.payoff.find((p) => p.strategy === EXPECTED.payoff_pick);
  const last = Object.fromEntries(picked.loans.map((l) => [l.id, l.paid_off_month]));
  const of = (name) => ics.events.filter((e) => e.summary.includes(name)).map((e) => e.date).sort();
  const wsd = of('网商贷');
  const jb = of('借呗');
  assert.equal(wsd.length + jb.length, ics.events.length, 'only the dated loans');
  assert.ok(wsd.every((d) => d.endsWith('15')) && jb.every((d) => d.endsWith('01')));
  assert.equal(wsd[0], '20261215');
  assert.equal(wsd.at(-1), roadMonth(last.wsd).replace('-', '') + '15');
  assert.equal(jb.at(-1), roadMonth(last.jb).replace('-', '') + '01');
  assert.equal(new Set(wsd).size, wsd.length, 'one event per due date');
  // F10: the picked plan falls short from month 4: the calendar leaves payments out, and says so.
  const [first] = picked.short_months;
  assert.match(await byId(page, 'calendar-short').textContent(), new RegExp(`（第 ${first.month} 个月差 ${yuan(first.shortfall)}）`));
  await assertClean(events, { page, name: 'road-ics' });
});

test('F10: a plan the budget cannot cover warns beside the calendar, naming the first short month', async () => {
  // The review's borrower (REVIEW13): three loans far above the budget.
  const stressed = JSON.stringify({ version: 1, loans: [
    { id: 'a', lender: 'mybank', principal: '120000', rate: { value: '0.04', unit: 'daily_percent' }, method: 'equal_installment', months: 12, overdue: { days: 30, principal: '9357.31', interest: '1440' }, next_due_date: '2026-12-31' },
    { id: 'b', lender: 'jiebei', principal: '45000', rate: { value: '18', unit: 'annual_percent' }, method: 'interest_only', months: 12, next_due_date: '2026-12-15' },
    { id: 'c', lender: 'credit_card', principal: '38000', rate: { value: '0.05', unit: 'daily_percent' }, method: 'equal_installment', months: 12, next_due_date: '2026-12-08' },
  ], budget: { income: '12000', expenses: '6500', other_obligations: '0', buffer_percent: '10' } });
  const { page, events } = await openFixture({}, stressed);
  assert.match(await byId(page, 'calendar-short').textContent(), /^注意：收支不够还所有贷款（第 1 个月差 ¥[\d,]+\.\d\d）。/);
  await switchLanguage(page), await roadInEnglish(page);
  assert.match(await byId(page, 'calendar-short').textContent(), /^Note: the budget does not cover every loan \(Month 1: ¥[\d,]+\.\d\d short\)/);
  await assertClean(events, { page, name: 'road-ics-short' });
});

test('S5: at an amount that never repays, each strategy says so and what is still owed, with no totals', async () => {
  const { page, events } = await openFixture();
  const budget = page.locator('#road input').first();
  await budget.fill('100');
  await budget.blur();
  const avalanche = strategy(page, 'avalanche');
  await byId(avalanche, 'strategy-owed-after').waitFor();
  assert.equal((await byId(avalanche, 'strategy-debt-free').textContent()).trim(), '按这个金额 600 个月内还不清');
  assert.match((await byId(avalanche, 'strategy-owed-after').textContent()).trim(), /^¥[\d,]+\.\d\d$/);
  assert.match(await avalanche.textContent(), /600 个月后仍欠/);
  for (const gone of ['strategy-interest', 'strategy-paid', 'strategy-over-best', 'strategy-months']) {
    assert.equal(await page.locator($(gone)).count(), 0, `${gone} is not shown for a road that never ends`);
  }
  await assertClean(events, { page, name: 'road-never' });
});

test('the calendar writer is a chunk of its own: fetched on the first download, again after a failed fetch', async () => {
  // No service worker: it would fetch every chunk for the cache at once.
  const { page, events } = await openFixture({ contextOptions: { serviceWorkers: 'block' } });
  const ics = /\/xieshang-split_ics-[0-9a-f]{16}\.wasm$/;
  const fetches = () => events.requests.filter((u) => ics.test(u)).length;
  assert.equal(fetches(), 0, 'not fetched with the road');
  let failing = true;
  await page.route(ics, (route) => (failing ? route.abort('internetdisconnected') : route.continue()));
  await byId(page, 'download-ics').click();
  await page.waitForFunction(() => /没能载入/.test(document.querySelector('[data-testid="calendar-status"]').textContent));
  failing = false;
  const file = await download(page, () => byId(page, 'download-ics').click());
  assert.equal(file.name, '还款提醒.ics');
  assert.match(await byId(page, 'calendar-status').textContent(), /已生成 \d+ 个还款提醒/);
  await download(page, () => byId(page, 'download-ics').click());
  assert.equal(fetches(), 2, 'the failed fetch, then once for both downloads');

  // Only the aborted fetch, the loader's report of it and the blocked worker.
  const aborted = (s) => ics.test(s.split(' (')[0]);
  assert.equal(events.failed.filter(aborted).length, 1);
  events.failed.splice(0, events.failed.length, ...events.failed.filter((f) => !aborted(f)));
  const expected = (m) => /^error: (TypeError: Failed to fetch|Failed to load resource: net::ERR_INTERNET_DISCONNECTED)/.test(m) || m === WORKER_BLOCKED;
  events.console.splice(0, events.console.length, ...events.console.filter((m) => !expected(m)));
  await assertClean(events, { page, name: 'road-ics-chunk' });
});

test("the open section's words are a chunk per language: a Chinese visit fetches only the Chinese ones; a switch while open fetches the English ones once and the section follows", async () => {
  // No service worker: it would fetch every chunk for the cache at once.
  const { page, events } = await openFixture({ contextOptions: { serviceWorkers: 'block' } });
  const words = (lang) => new RegExp(`/xieshang-split_road_${lang}-[0-9a-f]{16}\\.wasm$`);
  const fetches = () => ['zh', 'en'].map((lang) => events.requests.filter((u) => words(lang).test(u)).length);
  assert.deepEqual(fetches(), [1, 0], 'the Chinese words with the road');
  assert.equal(await strategiesLegend(page).textContent(), '选择还款顺序');
  await switchLanguage(page);
  await roadInEnglish(page);
  assert.match(await byId(page, 'strategies').textContent(), /Debt-free/);
  assert.deepEqual(fetches(), [1, 1], 'the English words once the page is English');
  await switchLanguage(page);
  await page.waitForFunction(() => document.querySelector('#road [data-testid="strategies"] legend')?.textContent === '选择还款顺序');
  assert.deepEqual(fetches(), [1, 1], 'each language fetched once');
  events.console.splice(0, events.console.length, ...events.console.filter((m) => m !== WORKER_BLOCKED));
  await assertClean(events, { page, name: 'road-words-chunks' });
});

test('axe finds nothing in the open section, in both languages, light and dark; screenshots', async () => {
  for (const [width, colorScheme] of [[375, 'light'], [1280, 'dark']]) {
    const { page, events } = await openFixture({ contextOptions: { viewport: { width, height: 900 }, colorScheme } });
    for (const lang of ['zh', 'en']) {
      if (lang === 'en') await switchLanguage(page), await roadInEnglish(page);
      const result = await new AxeBuilder({ page }).include('#road').analyze();
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `${width} ${lang}`);
      await mkdir(ARTIFACTS, { recursive: true });
      await page.locator('#road').screenshot({ path: join(ARTIFACTS, `road-${width}-${lang}.png`) });
    }
    await assertClean(events, { page, name: `road-axe-${width}` });
  }
});

test('seven- and eight-digit balances: every label of the chart\'s money axis fits left of the plot, at 375 and 1280 px, in both languages', async () => {
  // 网商贷 at ¥800,000: the axis's top tick is ¥2,000,000 (the wide plot);
  // at ¥2 million, ¥20,000,000 (smaller labels on a phone).
  for (const [principal, digits] of [['800000.00', 7], ['2000000.00', 8]]) {
    const doc = JSON.parse(ROAD);
    doc.loans[0].principal = principal;
    for (const width of [375, 1280]) {
      const { page, events } = await openFixture({ contextOptions: { viewport: { width, height: 900 } } }, JSON.stringify(doc));
      for (const lang of ['zh', 'en']) {
        if (lang === 'en') await switchLanguage(page), await roadInEnglish(page);
        const ticks = page.locator(`${$('stack-chart')} text.tick[text-anchor="end"]`);
        const boxes = await ticks.evaluateAll((els) => els.map((e) => ({ text: e.textContent, x: e.getBBox().x })));
        const most = Math.max(...boxes.map((b) => b.text.replace(/\D/g, '').length));
        assert.equal(most, digits, `${width} ${lang}: ${boxes.map((b) => b.text)}`);
        for (const b of boxes) assert.ok(b.x >= 0, `${width} ${lang}: "${b.text}" starts at ${b.x.toFixed(1)}, left of the chart`);
        if (width === 375 && lang === 'zh') await mkdir(ARTIFACTS, { recursive: true }).then(() => page.locator($('stack-chart')).screenshot({ path: join(ARTIFACTS, `road-axis-${digits}-375.png`) }));
      }
      await assertClean(events, { page, name: `road-wide-axis-${digits}-${width}` });
    }
  }
});
