// The guided page (issue 9): the seasonal shop owner's page at 375 px —
// three loans, a 12-month forecast, the first loan open and just retyped,
// as a borrower has it while typing — stays within about ten phone screens
// in both languages; and the screenshots the lane looks at (375 px and
// 1280 px, zh and en) land in tests/e2e/artifacts/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { startApp, assertClean, screenshot, REPO, ARTIFACTS } from './harness.mjs';
import { $, byId, importFile, loanCard, message, openLoan, switchLanguage } from './page.mjs';

const SEASONAL = await readFile(join(REPO, 'tests', 'e2e', 'cases', 'seasonal-shop.json'), 'utf8');
/**
 * The bound at 375 px in the state above, per language: the heights
 * measured in wave 15 (zh 7,437, en 8,431 px after its cuts; 7,904 / 9,075
 * before) and a little room, so that a section growing back fails here.
 */
const MAX_HEIGHT = { zh: 7600, en: 8600 };

let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

/** Opens the page at `width`, imports the seasonal case, in `lang`. */
async function seasonal(width, lang) {
  const opened = await app.open({ contextOptions: { viewport: { width, height: 800 } } });
  const { page } = opened;
  await importFile(page, 'seasonal-shop.json', SEASONAL);
  await message(page, 'imported').waitFor();
  if (lang === 'en') await switchLanguage(page);
  await page.waitForFunction((tag) => document.documentElement.lang === tag, lang === 'en' ? 'en' : 'zh-CN');
  return opened;
}

/**
 * The state a borrower scrolls in: the first loan opened and its principal
 * typed wrong, then right (the page's error at the field, then the
 * figures again), the field left.
 */
async function typing(page) {
  await openLoan(loanCard(page, 0));
  const principal = page.locator('input[id$="-principal"]').first();
  await principal.fill('十万块abc');
  await page.locator('.field-error').first().waitFor();
  await principal.fill('100000');
  await principal.blur();
  await page.locator('.field-error').first().waitFor({ state: 'detached' });
  await byId(page, 'plan').waitFor();
}

/** The full page in parts of `part` px, to look at (tests/e2e/artifacts/NAME-N.png). */
async function screenshotParts(page, name, part = 1600) {
  const h = await height(page);
  const width = page.viewportSize().width;
  await mkdir(ARTIFACTS, { recursive: true });
  for (let y = 0, n = 0; y < h; y += part, n++) {
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${n}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(part, h - y) } });
  }
}

const height = (page) => page.evaluate(() => document.documentElement.scrollHeight);

for (const lang of ['zh', 'en']) {
  test(`three seasonal loans and a forecast at 375 px, while typing: at most ${MAX_HEIGHT[lang]} px (${lang})`, async () => {
    const { page, events } = await seasonal(375, lang);
    await typing(page);
    const h = await height(page);
    // Each section's height, to see what grew when the bound fails.
    const parts = await page.evaluate(() =>
      [...document.querySelectorAll('header.top, nav.sections, #main > *, footer')].map((e) => `${e.id || e.className.split(' ')[0] || e.tagName} ${Math.round(e.getBoundingClientRect().height)}`),
    );
    console.log(`page height at 375 px, ${lang}: ${h} px (${parts.join(', ')})`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(sideways, 0, 'the page never scrolls sideways');
    await screenshot(page, `layout-${lang}-375`);
    await screenshotParts(page, `layout-${lang}-375`);
    assert.ok(h <= MAX_HEIGHT[lang], `page is ${h} px tall at 375 px (${lang}); the bound is ${MAX_HEIGHT[lang]}`);
    await assertClean(events, { page, name: `layout-${lang}-375` });
  });

  test(`desktop screenshot (${lang})`, async () => {
    const { page, events } = await seasonal(1280, lang);
    console.log(`page height at 1280 px, ${lang}: ${await height(page)} px`);
    await screenshot(page, `layout-${lang}-1280`);
    await screenshotParts(page, `layout-${lang}-1280`, 1000);
    await assertClean(events, { page, name: `layout-${lang}-1280` });
  });
}

const JOB_LOSS = await readFile(join(REPO, 'tests', 'e2e', 'cases', 'job-loss.json'), 'utf8');

/** The summary's plans: [{ goal, fits, line }]. */
const plansOf = (page) =>
  page.locator('[data-testid="plan"]').evaluateAll((els) =>
    els.map((e) => ({ goal: e.dataset.goal, fits: e.dataset.fits, line: e.querySelector('[data-testid="plan-line"]').textContent })),
  );

for (const [name, file, lenders] of [
  ['the seasonal shop owner', SEASONAL, ['网商贷', '借呗', '信用卡']],
  ['the salaried borrower after a job loss', JOB_LOSS, ['微粒贷']],
]) {
  test(`${name}: the summary ends with both plans across the lenders, with dates`, async () => {
    const { page, events } = await app.open();
    await importFile(page, 'case.json', file);
    await message(page, 'imported').waitFor();
    const plans = await plansOf(page);
    console.log(`${name}: ${JSON.stringify(plans)}`);
    assert.deepEqual(plans.map((p) => p.goal), ['acceptance', 'lowest_cost']);
    for (const p of plans) {
      for (const l of lenders) assert.ok(p.line.includes(l), `${l} missing from "${p.line}"`);
      assert.match(p.line, /¥[\d,]+\.\d\d.* 每月，(从 \d{4}-\d\d-\d\d 起|各家从各自还款日起（最早 \d{4}-\d\d-\d\d）)$/);
    }
    assert.match(await byId(page, 'can-pay').textContent(), /^¥/);
    await assertClean(events, { page, name: `layout-plans-${lenders[0]}` });
  });
}

test('a file dated in the past says so; counting from today moves every plan date to today or later', async () => {
  const { page, events } = await app.open();
  await importFile(page, 'case.json', SEASONAL);
  await message(page, 'imported').waitFor();
  // The case is as of 2025-03-10: its figures and dates are from then, and the page says so.
  const note = byId(page, 'as-of-note');
  assert.match(await note.textContent(), /按文件里保存的日期 2025-03-10 计算（\d+ 天前）/);
  assert.match((await plansOf(page))[0].line, /(从|最早) 2025-03-18( 起|）)$/);
  await byId(page, 'as-of-today').click();
  await note.waitFor({ state: 'detached' });
  // Now dated from today: the stale next due dates roll forward past today.
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  for (const p of await plansOf(page)) {
    const from = p.line.match(/(?:从|最早) (\d{4}-\d\d-\d\d)(?: 起|）)$/)?.[1];
    assert.ok(from && from >= today, `"${p.line}" starts before ${today}`);
  }
  await assertClean(events, { page, name: 'layout-as-of' });
});

test('R2: the summary lists a run of consecutive failing months with the same money as one line', async () => {
  const { page, events } = await app.open();
  // The shop owner of plan.test.mjs whose seasons are not said to repeat:
  // no combination fits (wave 15: with a repeating year, or the shop of
  // the layout cases, the cash-flow plan fits and nothing fails).
  const doc = JSON.parse(await readFile(join(REPO, 'tests', 'e2e', 'cases', 'seasonal-short.json'), 'utf8'));
  delete doc.budget.forecast_repeats;
  await importFile(page, 'case.json', JSON.stringify(doc));
  await message(page, 'imported').waitFor();
  const failing = page.locator(`${$('plan-failing')}:has(li)`).first();
  await failing.waitFor({ state: 'attached' });
  const lines = await failing.locator('li').allTextContents();
  console.log(`failing months: ${JSON.stringify(lines)}`);
  // The dead months 3 and 4 fall short by the same amount: one line.
  assert.match(lines[0], /^第 3–4 月（\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d），共 2 个月：/);
  // No two lines are neighbouring single months with the same money.
  const single = lines.map((l) => l.match(/^第 (\d+) 月（[^）]*）：(.*)$/));
  for (let i = 1; i < single.length; i++) {
    const [a, b] = [single[i - 1], single[i]];
    assert.ok(!(a && b && Number(b[1]) === Number(a[1]) + 1 && a[2] === b[2]), `${lines[i - 1]} / ${lines[i]}`);
  }
  await assertClean(events, { page, name: 'layout-failing-runs' });
});
