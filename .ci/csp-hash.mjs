#!/usr/bin/env node
// Trunk post_build hook: allow Trunk's inline loader script(s) under the
// page's strict Content-Security-Policy by hash, and check the result.
//
// For every top-level *.html in $TRUNK_STAGING_DIR (the finished, possibly
// minified output, before Trunk moves it to dist/):
//   * compute 'sha256-…' of the text of every inline <script> exactly as the
//     browser will hash it (after the HTML parser's newline normalisation);
//   * replace the one marker {{INLINE_SCRIPT_HASHES}} in the CSP <meta> with
//     those hashes;
//   * verify: exactly one CSP <meta>, placed before any <script>/<link>/<style>,
//     whose script-src holds every hash; no <style> element, style="" or on*=""
//     attribute (the CSP forbids them); no unresolved marker left.
// Any surprise exits non-zero, which makes `trunk build` / `trunk serve` fail.
// Run by .ci/post-build.mjs, which also writes the same policy (plus what a
// <meta> cannot say) into dist/_headers; usable by hand too:
//   node .ci/csp-hash.mjs DIR

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = '{{INLINE_SCRIPT_HASHES}}';

function fail(msg) {
  console.error(`csp-hash: ERROR: ${msg}`);
  process.exit(1);
}

// Attributes may be quoted with " or ' (or not at all after minification),
// and a quoted value may contain '>'.
const ATTRS = String.raw`((?:[^>"']|"[^"]*"|'[^']*')*)`;
const scriptRe = new RegExp(String.raw`<script\b${ATTRS}>([\s\S]*?)</script\s*>`, 'gi');
const startTagRe = new RegExp(String.raw`<([a-zA-Z][a-zA-Z0-9-]*)\b${ATTRS}>`, 'g');

/** Parse the attributes of a start tag into a Map (names lower-cased). */
function parseAttrs(src) {
  const attrs = new Map();
  const re = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of src.matchAll(re)) {
    attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Decode the few entities a minifier may put into an attribute value. */
function decodeEntities(s) {
  return s
    .replace(/&quot;|&#34;|&#x22;/gi, '"')
    .replace(/&apos;|&#39;|&#x27;/gi, "'")
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&amp;/gi, '&');
}

/** The browser hashes the element's text after CRLF/CR -> LF normalisation. */
function cspHash(text) {
  const normalised = text.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalised, 'utf8').digest('base64')}'`;
}

/** Hash the inline scripts of one HTML file into its CSP; returns the final policy. */
function processFile(path) {
  let html = readFileSync(path, 'utf8');

  // Strip comments first so a commented-out tag neither counts nor hides.
  const scan = (s) => s.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));

  const hashes = [];
  for (const m of scan(html).matchAll(scriptRe)) {
    const attrs = parseAttrs(m[1]);
    if (attrs.has('src')) {
      if (m[2].trim() !== '') fail(`${path}: <script src> with inline content`);
      continue;
    }
    // scan() keeps offsets, so hash the original text at the same place.
    const start = m.index + '<script'.length + m[1].length + 1;
    const h = cspHash(html.slice(start, start + m[2].length));
    if (!hashes.includes(h)) hashes.push(h);
  }
  if (hashes.length === 0) {
    fail(`${path}: no inline <script> found; Trunk's loader has changed shape, check this hook`);
  }

  const count = html.split(MARKER).length - 1;
  if (count !== 1) {
    fail(`${path}: expected the marker ${MARKER} exactly once in the CSP <meta>, found ${count}`);
  }
  html = html.replace(MARKER, hashes.join(' '));

  // ---- verify the result ----
  const scanned = scan(html);
  const metas = [];
  let firstLoad = Infinity;
  for (const m of scanned.matchAll(startTagRe)) {
    const tag = m[1].toLowerCase();
    const attrs = parseAttrs(m[2]);
    if (tag === 'meta' && (attrs.get('http-equiv') ?? '').toLowerCase() === 'content-security-policy') {
      metas.push({ index: m.index, csp: decodeEntities(attrs.get('content') ?? '') });
    }
    if (['script', 'link', 'style'].includes(tag)) firstLoad = Math.min(firstLoad, m.index);
    if (tag === 'style') fail(`${path}: <style> element; the CSP (style-src 'self') blocks it`);
    for (const name of attrs.keys()) {
      if (name === 'style') fail(`${path}: style="" attribute on <${tag}>; the CSP blocks it`);
      if (/^on[a-z]+$/.test(name)) fail(`${path}: inline handler ${name}="" on <${tag}>; the CSP blocks it`);
    }
  }
  if (metas.length !== 1) fail(`${path}: expected exactly one CSP <meta>, found ${metas.length}`);
  const [{ index, csp }] = metas;
  if (index > firstLoad) fail(`${path}: the CSP <meta> must come before every <script>, <link> and <style>`);
  const scriptSrc = csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find((d) => d[0].toLowerCase() === 'script-src');
  if (!scriptSrc) fail(`${path}: the CSP has no script-src directive`);
  for (const h of hashes) {
    if (!scriptSrc.includes(h)) fail(`${path}: ${h} did not land in script-src (got: ${scriptSrc.join(' ')})`);
  }
  if (html.includes('{{')) {
    const at = html.indexOf('{{');
    const hint = html.includes('{{__TRUNK')
      ? " (Trunk rewrites this per request, so no hash can allow it: keep [serve] no_autoreload = true and create_nonce off)"
      : '';
    fail(`${path}: unresolved template placeholder near: ${html.slice(at, at + 40)}${hint}`);
  }

  writeFileSync(path, html);
  console.log(`csp-hash: ${path}: script-src += ${hashes.join(' ')}`);
  return csp;
}

/** Process every top-level *.html of `dir`; returns Map(file name -> its final CSP). */
export function hashInlineScripts(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
  if (files.length === 0) fail(`no .html file in ${dir}`);
  return new Map(files.map((f) => [f, processFile(join(dir, f))]));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) fail('no directory: set TRUNK_STAGING_DIR (Trunk does) or pass one');
  hashInlineScripts(dir);
}
