// Page object of the road to debt-free (还清路线): its selectors in one
// place, for tests/e2e/road.test.mjs.

import { $, byId } from './page.mjs';

/** Opens the collapsed section and waits for the strategies. */
export async function openRoad(page) {
  await page.locator(`${$('road-toggle')}`).click();
  await page.locator($('strategies')).waitFor();
}
/** The open section's strategies legend: its words' language shows in it. */
export const strategiesLegend = (page) => page.locator(`#road ${$('strategies')} legend`);
/** Waits until the open section speaks English (its words are fetched after a switch). */
export const roadInEnglish = (page) => page.waitForFunction(() => document.querySelector('#road [data-testid="strategies"] legend')?.textContent === 'Pick a strategy');
export const strategy = (page, kind) => page.locator(`${$('strategy')}[data-kind="${kind}"]`);
export const pickStrategy = (page, kind) => byId(strategy(page, kind), 'strategy-pick').check();
/** The custom order's loan ids, first first. */
export const orderIds = (page) => page.locator($('order-item')).evaluateAll((els) => els.map((e) => e.dataset.loan));
export const loanPrepay = (page, id) => page.locator(`${$('loan-prepay')}[data-loan="${id}"]`);
/** [shorten_term, lower_payment] texts of an effects row. */
export const effectCells = (scope, testid) =>
  scope.locator($(testid)).evaluateAll((els) => ['shorten_term', 'lower_payment'].map((e) => els.find((c) => c.dataset.effect === e)?.textContent.trim()));
/** A loan's results block (its solver field and answer). */
export const solverOf = (page, id) => page.locator(`${$('loan-result')}[data-loan="${id}"]`);

/** The lines (unfolded) and the events { date, summary } of an .ics text. */
export function parseIcs(text) {
  const lines = text.replace(/\r\n /g, '').split('\r\n').filter((l) => l !== '');
  const events = [];
  let current = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') events.push(current), (current = null);
    else if (current && line.startsWith('DTSTART;VALUE=DATE:')) current.date = line.slice('DTSTART;VALUE=DATE:'.length);
    else if (current && line.startsWith('SUMMARY:')) current.summary = line.slice('SUMMARY:'.length);
  }
  return { lines, events };
}
