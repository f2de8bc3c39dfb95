// The page object: every selector the browser tests use, in one place
// (the app marks what tests read with data-testid; a few structural
// selectors — a section's <summary>, table rows — are named here too).
// Tests ask for parts of the page by name and read them like a user.

/** A `data-testid` selector. */
export const $ = (id) => `[data-testid="${id}"]`;

/** The first element with this test id in `scope` (a page or a locator). */
export const byId = (scope, id) => scope.locator($(id)).first();

/** Its trimmed text. */
export const textOf = async (scope, id) => (await byId(scope, id).textContent()).trim();

// --- Loans ------------------------------------------------------------------

export const loanCards = (page) => page.locator($('loan-card'));
export const loanCard = (page, n = 0) => loanCards(page).nth(n);
/** Opens a folded loan card (filled-in loans fold to one line, issue 9). */
export async function openLoan(card) {
  const line = card.locator($('loan-line'));
  if ((await line.getAttribute('aria-expanded')) === 'false') await line.click();
}
/** Opens a loan card's collapsible section ('overdue-details' or 'more-details'). */
export async function openSection(card, id) {
  await openLoan(card);
  await card.locator(`${$(id)} summary`).click();
}
/** The visible label of the input whose id ends with `-suffix` (a loan field). */
export const loanLabel = (page, suffix) => page.locator(`label[for$="-${suffix}"]`).first();
/** Every message shown at a field. */
export const fieldErrors = (page) => page.locator('.field-error');
/** Every input and select on the page, for label checks. */
export const inputs = (page) => page.locator('input, select');
export const labelFor = (page, id) => page.locator(`label[for="${id}"]`);

// --- Results and schedules ---------------------------------------------------

/** Opens the folds (`<details>`) around `locator` that are closed, outermost first. */
export async function openAround(locator) {
  await locator.evaluate((el) => {
    const closed = [];
    for (let d = el.parentElement?.closest('details'); d; d = d.parentElement?.closest('details')) if (!d.open) closed.unshift(d);
    for (const d of closed) d.querySelector(':scope > summary').click();
  });
}

/** Opens the first schedule in `scope` (and the card's details around it) and waits for its rows. */
export async function openSchedule(scope) {
  const schedule = scope.locator($('schedule')).first();
  await openAround(schedule);
  await schedule.locator('summary').first().click();
  await scope.locator(`${$('schedule-table')} tbody tr`).first().waitFor();
}
/** Each loan's results block, in loan order. */
export const loanResults = (page) => page.locator($('loan-result'));
export const scheduleRows = (scope) => scope.locator(`${$('schedule-table')} tbody tr`);
export const chartLines = (scope) => scope.locator(`${$('balance-chart')} polyline`);

// --- Where you stand ---------------------------------------------------------

export const stands = (page) => page.locator($('loan-stand'));
export const horizonRows = (stand) => stand.locator(`${$('horizons')} tbody tr`);
export const horizonOwed = (stand) => stand.locator(`${$('horizons')} tbody tr td:nth-child(2)`);
/** Each horizon row's cells after the days: [[owed, increase, penalty since today], …]. */
export const horizonFigures = (stand) =>
  horizonRows(stand).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent.trim())));
/** The stand's one-line summary (owed now, what 30 more days add). */
export const standLine = (stand) => stand.locator(':scope > summary');
export const reachedEvents = (stand) => stand.locator(`${$('timeline')} li.reached`);

// --- Proposals ---------------------------------------------------------------

export const proposals = (page) => page.locator($('proposal'));
export const proposal = (page, kind) => page.locator(`${$('proposal')}[data-kind="${kind}"]`);
/** A fact's trimmed value in a proposal card. */
export const fact = textOf;
/** The name shown beside the figure with this test id (its `<dt>`). */
export const factLabel = (scope, id) => scope.locator(`.fact:has(${$(id)}) dt`).first();
/** The glossary entry of one term, by its id (`g-…`). */
export const glossaryEntry = (page, id) => page.locator(`.glossary .entry#${id}`);
/** A figure's name in a card: a link to its glossary entry (issue 9: no "?" per figure). */
export const explainToggle = (card) => card.locator('a.term').first();
/** The glossary entry the page points at (after following a figure's link). */
export const openExplanation = (page) => page.locator('.glossary .entry:target');
export const comparisonHeaders = (page) => page.locator(`${$('comparison-table')} thead th`);
export const comparisonRows = (page) => page.locator(`${$('comparison-table')} tbody tr`);
export const comparisonChartLines = (page) => page.locator(`${$('comparison')} ${$('balance-chart')} polyline`);
export const allocationTables = (page) => page.locator($('allocation-table'));
/** Every allocation table as { strategy, caption, payments: [amount per lender row] }. */
export const allocationSplits = (page) =>
  allocationTables(page).evaluateAll((els) =>
    els.map((e) => ({
      strategy: e.dataset.strategy,
      caption: e.querySelector('caption').textContent.trim(),
      payments: [...e.querySelectorAll('tbody td')].map((td) => td.textContent.trim()),
    })),
  );

// --- Drafts ------------------------------------------------------------------

/** The items of the draft list: [{ id, name, open }]. */
export function listed(page) {
  return page.locator($('draft-item')).evaluateAll((els) =>
    els.map((e) => ({
      id: e.dataset.id,
      name: e.querySelector('.draft-item-name').textContent,
      open: e.getAttribute('aria-current') === 'true',
    })),
  );
}
export const draftItem = (page, id) => page.locator(`${$('draft-item')}[data-id="${id}"]`);
export const draftItemCount = (page) => page.evaluate(() => document.querySelectorAll('[data-testid="draft-item"]').length);

/** The panel's messages: [{ kind, text }]. */
export function messages(page) {
  return page.locator($('drafts-message')).evaluateAll((els) => els.map((e) => ({ kind: e.dataset.kind, text: e.textContent })));
}
export const message = (page, kind) => page.locator(`${$('drafts-message')}[data-kind="${kind}"]`);
/** The save status once it is in `state` ('saved', 'full', 'conflict'…). */
export const saveStatusIn = (page, state) => page.locator(`${$('save-status')}[data-state="${state}"]`);
export const draftsHeading = (page) => page.locator(`${$('drafts-panel')} h2`);

/** Drops `text` as a file named `name` on the drop zone. */
export function dropFile(page, name, text) {
  return page.evaluate(
    ([name, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      const zone = document.querySelector('[data-testid="drop-zone"]');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    [name, text],
  );
}

/** Drops a file of `bytes` zero bytes on the drop zone. */
export function dropBigFile(page, bytes) {
  return page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'huge.json'));
    document.querySelector('[data-testid="drop-zone"]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes);
}

/** Chooses a file in the import picker. */
export const importFile = (page, name, text) =>
  page.setInputFiles($('import-file'), { name, mimeType: 'application/json', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });

/** Clicks `click` and returns the downloaded file as { name, text }. */
export async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks = [];
  for await (const c of await dl.createReadStream()) chunks.push(c);
  return { name: dl.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** Waits until the draft list has `n` items. */
export const waitForDraftCount = (page, n) =>
  page.waitForFunction((n) => document.querySelectorAll('[data-testid="draft-item"]').length === n, n);
/** Waits until the input with this test id holds `value` (another tab's change, say). */
export const waitForValue = (page, id, value) =>
  page.waitForFunction(([id, value]) => document.querySelector(`[data-testid="${id}"]`).value === value, [id, value]);
/** Waits until the element with this test id no longer reads `before`. */
export const waitForTextChange = (page, id, before) =>
  page.waitForFunction(([id, before]) => document.querySelector(`[data-testid="${id}"]`).textContent !== before, [id, before]);
/** For each proposal in order: 'true' / 'false' (fits the budget) or 'infeasible'. */
export const fitsOfEach = (page) =>
  proposals(page).evaluateAll((els) => els.map((e) => e.querySelector('[data-testid="fits"]')?.dataset.fits ?? 'infeasible'));

/**
 * Switches the page's language and waits until it is switched: the other
 * language's words are a chunk the first switch fetches (src/i18n/words.rs).
 */
export async function switchLanguage(page) {
  const before = await page.evaluate(() => document.documentElement.lang);
  await byId(page, 'lang-toggle').click();
  await page.waitForFunction((tag) => document.documentElement.lang !== tag, before);
}
