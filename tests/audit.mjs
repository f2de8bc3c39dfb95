// Lighthouse audit of the release build: dist/ served under /app/ by the test
// server (precompressed, cached and with the headers a host should send),
// Lighthouse 12 (npm, pinned; 13 needs Node 22) driving /usr/bin/chromium,
// mobile and desktop presets, the median of several runs. Prints the four
// category scores and LCP, TBT, TTI (plus FCP, Speed Index, CLS). Figures
// only: it fails only if Lighthouse or the page does.
//
//   node tests/audit.mjs [runs]        (default 3; make audit)
//   AUDIT_PRECOMPRESSED=0 node tests/audit.mjs   (files served raw, as by a host that compresses nothing)
//   AUDIT_PRESETS=mobile node tests/audit.mjs    (one preset only)
//   AUDIT_SAVE=DIR node tests/audit.mjs          (also write every report's JSON into DIR)
//
// Lighthouse's mobile preset simulates a mid-range phone on a slow 4G link
// (150 ms RTT, 1.6 Mbps, 4× CPU slowdown) from a trace taken at full speed, so
// a busy machine inflates the performance figures: note the load with them.

import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { promisify } from 'node:util';
import { startServer, CHROMIUM, DIST } from './e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 3);
const dist = process.env.E2E_DIST ?? DIST;
const precompressed = process.env.AUDIT_PRECOMPRESSED !== '0';
const presets = (process.env.AUDIT_PRESETS ?? 'mobile,desktop').split(',');
const save = process.env.AUDIT_SAVE;
const require = createRequire(import.meta.url);
const lighthouse = require.resolve('lighthouse/cli/index.js');
const { version } = require('lighthouse/package.json');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = [
  ['largest-contentful-paint', 'LCP', 'ms'],
  ['total-blocking-time', 'TBT', 'ms'],
  ['interactive', 'TTI', 'ms'],
  ['first-contentful-paint', 'FCP', 'ms'],
  ['speed-index', 'SI', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function audit(url, preset) {
  const args = [
    lighthouse,
    url,
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    '--no-enable-error-reporting',
    '--disable-full-page-screenshot',
    `--only-categories=${CATEGORIES.join(',')}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking',
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? CHROMIUM },
    maxBuffer: 64 * 1024 * 1024,
  });
  const lhr = JSON.parse(stdout);
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  return lhr;
}

const server = await startServer({ dir: dist, precompressed });
try {
  console.log(
    `Lighthouse ${version} ` +
      `on ${server.url} (${dist}, ${precompressed ? 'precompressed' : 'served raw'}), median of ${runs} runs per preset; ` +
      `load average ${loadavg()[0].toFixed(1)}`,
  );
  if (save) mkdirSync(save, { recursive: true });
  for (const preset of presets) {
    const reports = [];
    for (let i = 0; i < runs; i++) reports.push(await audit(server.url, preset));
    if (save) reports.forEach((r, i) => writeFileSync(join(save, `${preset}-${i}.json`), JSON.stringify(r)));
    const scores = CATEGORIES.map((c) => `${c} ${median(reports.map((r) => Math.round(100 * r.categories[c].score)))}`);
    const metrics = METRICS.map(([id, label, unit]) => {
      const v = median(reports.map((r) => r.audits[id].numericValue));
      return unit === 'ms' ? `${label} ${v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`}` : `${label} ${v.toFixed(3)}`;
    });
    console.log(`  ${preset.padEnd(7)} ${scores.join(', ')}`);
    console.log(`  ${''.padEnd(7)} ${metrics.join(', ')}`);
    // What keeps a category below 100, from the median-scoring run.
    const typical = [...reports].sort((a, b) => a.categories.performance.score - b.categories.performance.score)[Math.floor(runs / 2)];
    for (const c of CATEGORIES.filter((c) => typical.categories[c].score < 1)) {
      const failing = typical.categories[c].auditRefs
        .filter((ref) => ref.weight > 0 && (typical.audits[ref.id].score ?? 1) < 0.9)
        .map((ref) => ref.id);
      if (failing.length) console.log(`  ${''.padEnd(7)} ${c} below 100: ${failing.join(', ')}`);
    }
  }
} finally {
  await server.close();
}
