// Accessibility (issue 13) on the guided page (issue 9): axe-core finds no
// violation in the states the page reaches; the keyboard reaches the
// section list first and sees where it is; the erase dialog closes on
// Escape and gives focus back; touch targets are at least 44 px; the page
// does not scroll sideways at 200 % zoom; the live region says one line.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { startApp, assertClean, REPO } from './harness.mjs';
import { $, byId, importFile, message, proposal, openAround, openSchedule, loanCard, openSection, switchLanguage } from './page.mjs';

const SEASONAL = await readFile(join(REPO, 'tests', 'e2e', 'cases', 'seasonal-shop.json'), 'utf8');

let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

/** axe's violations on the page as it is: [{ id, nodes: [selector…] }]. */
async function violations(page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

/** Opens every fold of the page (loans, details) so axe sees all of it. */
async function openEverything(page) {
  await page.evaluate(() => {
    for (const b of document.querySelectorAll('[data-testid="loan-line"][aria-expanded="false"]')) b.click();
    for (const d of document.querySelectorAll('details:not([open])')) d.open = true;
  });
}

async function seasonal(options = {}) {
  const opened = await app.open(options);
  await importFile(opened.page, 'seasonal-shop.json', SEASONAL);
  await message(opened.page, 'imported').waitFor();
  return opened;
}

test('axe: no violation in the main states', async () => {
  const states = [];
  const { page, events } = await app.open();
  states.push(['initial', await violations(page)]);
  await switchLanguage(page);
  states.push(['english', await violations(page)]);
  await switchLanguage(page);

  // An overdue loan with proposals, a card's details and a schedule open, a comparison.
  const card = loanCard(page);
  await openSection(card, 'overdue-details');
  await byId(card, 'overdue-days').fill('45');
  await byId(card, 'overdue-principal').fill('12000');
  const frozen = proposal(page, 'frozen_instalments');
  await openSchedule(frozen);
  await byId(frozen, 'compare').check();
  await byId(proposal(page, 'settlement'), 'compare').check().catch(() => {});
  await byId(proposal(page, 'term_extension').first(), 'compare').check();
  await page.locator($('comparison-table')).waitFor();
  states.push(['overdue, schedule, comparison', await violations(page)]);
  await byId(page, 'erase-all').click();
  states.push(['erase dialog', await violations(page)]);
  await page.keyboard.press('Escape');
  await assertClean(events, { page, name: 'a11y-single' });

  const dark = await seasonal({ contextOptions: { colorScheme: 'dark', viewport: { width: 375, height: 800 } } });
  states.push(['three loans, dark, 375 px', await violations(dark.page)]);
  await openEverything(dark.page);
  states.push(['three loans, everything open', await violations(dark.page)]);
  await assertClean(dark.events, { page: dark.page, name: 'a11y-three' });

  for (const [state, v] of states) console.log(`axe ${state}: ${v.length} violations${v.length ? ' ' + JSON.stringify(v) : ''}`);
  assert.deepEqual(states.filter(([, v]) => v.length), [], 'axe violations');
});

test('keyboard: the section list comes first, focus is visible, Escape closes the erase dialog and returns focus', async () => {
  const { page, events } = await app.open();
  await page.keyboard.press('Tab'); // share
  await page.keyboard.press('Tab'); // the language switch
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => ({ href: document.activeElement.getAttribute('href'), outline: getComputedStyle(document.activeElement).outlineStyle }));
  assert.equal(first.href, '#summary', 'the section list follows the share and language buttons');
  assert.notEqual(first.outline, 'none', 'focus is visible');
  // Tab stops: no "?" button per figure any more.
  const stops = await page.evaluate(() => [...document.querySelectorAll('a[href], button, input, select, summary, [tabindex]')].filter((e) => e.tabIndex >= 0 && e.getClientRects().length).length);
  console.log(`tab stops on the first page: ${stops}`);
  assert.equal(await page.locator('.explain-toggle').count(), 0);

  const erase = byId(page, 'erase-all');
  await erase.click();
  await byId(page, 'erase-dialog').waitFor();
  await page.keyboard.press('Escape');
  await page.locator($('erase-dialog')).waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'erase-all');
  await assertClean(events, { page, name: 'a11y-keyboard' });
});

test('touch targets at 375 px are at least 44 px tall; no sideways scroll at 200 % zoom', async () => {
  const { page, events } = await seasonal({ contextOptions: { viewport: { width: 375, height: 800 } } });
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, select, input:not([type="checkbox"]):not([type="file"]), summary, nav a, a.to-letter')]
      .filter((e) => e.getClientRects().length)
      .map((e) => ({ what: e.dataset.testid || e.textContent.trim().slice(0, 20) || e.tagName, h: e.getBoundingClientRect().height }))
      .filter((e) => e.h < 44),
  );
  assert.deepEqual(small, []);
  // 200 % zoom of a 375 px phone is a 188 px wide layout viewport.
  await page.setViewportSize({ width: 188, height: 400 });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(sideways <= 0, `scrolls sideways by ${sideways} px at 200 % zoom`);
  await assertClean(events, { page, name: 'a11y-touch' });
});

test('the live region says one line, and only the summary is live', async () => {
  const { page, events } = await app.open();
  const live = await page.evaluate(() => [...document.querySelectorAll('[aria-live]')].map((e) => ({ id: e.dataset.testid, text: e.textContent })));
  const summary = live.filter((l) => l.id === 'live-summary');
  assert.equal(summary.length, 1);
  assert.ok(!summary[0].text.includes('\n') && summary[0].text.length < 120, summary[0].text);
  assert.match(summary[0].text, /每月能还 ¥/);
  assert.equal(await page.locator('[data-testid="results"][aria-live], .results[aria-live]').count(), 0, 'the results block is not live');
  await assertClean(events, { page, name: 'a11y-live' });
});

test('S8: every 对比 box is named by its proposal; S13: a figure name is a tab stop that takes the focus to its glossary entry', async () => {
  const { page, events } = await app.open();
  await page.locator($('compare')).first().waitFor();
  const names = await page.locator($('compare')).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(names.length >= 3, `${names.length} boxes`);
  assert.equal(new Set(names).size, names.length, `names repeat: ${names.join(' | ')}`);
  for (const n of names) assert.match(n, /^对比：\S/);
  // Under several loans the loan's title is in the name too.
  await importFile(page, 'seasonal.json', SEASONAL);
  await message(page, 'imported').waitFor();
  await openAround(page.locator($('compare')).first());
  assert.match(await page.locator($('compare')).first().getAttribute('aria-label'), /^对比：借款 1 · 网商贷 · /);

  const term = page.locator('#results a.term').first();
  await term.waitFor();
  assert.equal(await term.evaluate((e) => e.tabIndex), 0, 'a figure name is a tab stop');
  const entry = (await term.getAttribute('href')).slice(1);
  await term.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === id, entry);
  assert.equal(await page.locator('#glossary-list').evaluate((d) => d.open), true, 'the glossary opened');
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none', 'the entry shows the focus');
  await assertClean(events, { page, name: 'a11y-names' });
});
