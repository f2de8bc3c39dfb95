// Where the page's figures are computed (issue 13): the page evaluates only
// what it always shows; the kit computes its figures while it is open, and
// once built keeps its body when closed again, its figures waiting until it
// is open. A change made while it is closed shows when it opens again.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, assertClean, REPO } from './harness.mjs';
import { byId, importFile, message } from './page.mjs';

const THREE = await readFile(join(REPO, 'tests', 'fixtures', 'proposals-three-lenders.json'), 'utf8');

let app;
before(async () => {
  app = await startApp(process.env.E2E_DIST ? { dir: process.env.E2E_DIST } : {});
});
after(async () => {
  await app?.close();
});

const letter = async (page) => (await byId(page, 'kit-doc').textContent()).trim();

test('the kit, closed and opened again, shows a change made while it was closed', async () => {
  const { page, events } = await app.open();
  await importFile(page, 'three.json', THREE);
  await message(page, 'imported').waitFor();
  await byId(page, 'kit-open').click();
  await byId(page, 'kit-doc').waitFor();
  await byId(page, 'kit-doc-pick').selectOption({ index: 0 });
  assert.match(await letter(page), /净收入 ¥16,000\.00/);

  await byId(page, 'kit-open').click();
  assert.equal(await page.locator('#kit details').evaluate((d) => d.open), false);
  await byId(page, 'income').fill('17000');
  await byId(page, 'income').press('Tab');
  await byId(page, 'kit-open').click();
  await page.waitForFunction(() => /净收入 ¥17,000\.00/.test(document.querySelector('[data-testid="kit-doc"]')?.textContent ?? ''));
  assert.doesNotMatch(await letter(page), /净收入 ¥16,000\.00/);
  await assertClean(events, { page, name: 'kit-reopened' });
});
