#!/usr/bin/env node
// Main-text extraction eval on ../shared/data/article-extraction-benchmark (run after `tsc`):
//  1. end to end: the CLI digests the .html.gz pages; each document's body (after the Korean cleaner)
//     is scored against the benchmark's ground truth with ../shared/tools/score-extraction.mjs;
//  2. extractHtml alone, scored the same way (isolates HTML extraction from the text cleaner);
//  3. speed: extractHtml, and the digest path (decode + extract from the page's bytes as stored, as the read
//     worker does), vs plain Readability.js on linkedom over the same pages, in this one run, in total and
//     per page (the worst extractHtml ratios are printed: each page's fastest round against Readability's).
// Each F1 is printed for the whole benchmark and for two splits by a hash of the page id: about a third
// is held out (`heldOut` below) and is never looked at while tuning rules: only its F1 is printed, never
// its worst pages. (The rules written before the split existed had seen every page.)
// Exits non-zero when an F1 is below the `extraction` floor in eval/floors.json (the held-out F1 below
// `extractionHeldOut`), or when extraction is slower than Readability overall (ratio < 1.0). A page taking
// more than `extractionMaxPageRatio` times Readability's time is reported (a target, see below).
//
//   npm run eval:extraction [-- --skip-cli] [-- --rounds N]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractHtml } from '../dist/extract/html/index.js';
import { readDocument } from '../dist/workers/read-document.js';
import { digestToJson, readFloors, shared } from './harness.mjs';

const benchDir = join(shared, 'data', 'article-extraction-benchmark');
const htmlDir = join(benchDir, 'html');
const scorer = join(shared, 'tools', 'score-extraction.mjs');
const floors = readFloors();
const floor = floors.extraction;
const heldOutFloor = floors.extractionHeldOut;
const maxPageRatio = floors.extractionMaxPageRatio;
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 3;
const tmp = mkdtempSync(join(tmpdir(), 'newsdesk-eval-extraction-'));

const idOf = (file) => basename(file).replace(/\.html?(\.gz)?$/, '');
/** The held-out third: fixed by the page id alone, so it never moves as rules change. */
const heldOut = (id) => createHash('sha1').update(id).digest()[0] % 3 === 0;
const truth = JSON.parse(readFileSync(join(benchDir, 'ground-truth.json'), 'utf8'));
const truthFile = (split) => {
  const file = join(tmp, `truth-${split}.json`);
  writeFileSync(file, JSON.stringify(Object.fromEntries(Object.entries(truth).filter(([id]) => heldOut(id) === (split === 'held-out')))));
  return file;
};
const truthFiles = { tuning: truthFile('tuning'), 'held-out': truthFile('held-out') };
/** Scores `pred` on the whole benchmark and each split; only the tuning split's details (worst pages) are printed. */
const score = (pred, label) => {
  const file = join(tmp, `${label}.json`);
  writeFileSync(file, JSON.stringify(pred));
  const run = (args) => execFileSync(process.execPath, [scorer, file, ...args], { encoding: 'utf8' });
  const f1Of = (out) => Number(/F1 ([\d.]+)/.exec(out)?.[1]);
  const all = f1Of(run([]));
  const tuning = run(['--truth', truthFiles.tuning]);
  const held = f1Of(run(['--truth', truthFiles['held-out']]));
  const size = (split) => Object.keys(truth).filter((id) => heldOut(id) === (split === 'held-out')).length;
  console.log(`[${label}] all ${Object.keys(truth).length} pages F1 ${all.toFixed(3)}; held-out split (${size('held-out')} pages) F1 ${held.toFixed(3)}`);
  console.log(`  tuning split (${size('tuning')} pages):\n${tuning.trim().replace(/^/gm, '    ')}`);
  return { f1: all, heldOut: held };
};
const check = (label, r) => {
  if (r.f1 < floor) {
    console.log(`FAIL: ${label} F1 ${r.f1.toFixed(3)} is below the floor ${floor}`);
    failed = true;
  }
  if (r.heldOut < heldOutFloor) {
    console.log(`FAIL: ${label} held-out F1 ${r.heldOut.toFixed(3)} is below the floor ${heldOutFloor}`);
    failed = true;
  }
};

let failed = false;

// 1. End to end through the CLI.
let cliF1 = null;
if (!args.includes('--skip-cli')) {
  const jsonFile = join(tmp, 'digest.json');
  digestToJson([htmlDir], jsonFile);
  const digest = JSON.parse(readFileSync(jsonFile, 'utf8'));
  const pred = {};
  for (const doc of digest.documents) pred[idOf(doc.source)] = { articleBody: doc.body };
  cliF1 = score(pred, 'cli digest body');
  check('end-to-end', cliF1);
}

// 2. extractHtml alone, and 3. speed against Readability in the same run.
const pages = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).sort()
  .map((f) => {
    const bytes = readFileSync(join(htmlDir, f));
    return { id: idOf(f), source: join(htmlDir, f), bytes, html: gunzipSync(bytes).toString('utf8') };
  });
const pred = {};
const methods = {};
for (const p of pages) {
  const r = extractHtml(p.html, { source: p.source });
  pred[p.id] = { articleBody: r.text };
  methods[r.method] = (methods[r.method] ?? 0) + 1;
}
const htmlF1 = score(pred, 'extractHtml');
console.log(`  methods: ${Object.entries(methods).map(([k, v]) => `${k} ${v}`).join(', ')}`);
check('extractHtml', htmlF1);

// Per page, back to back, the order rotating by page and round, so load from other processes hits all alike;
// round 0 only warms up the JIT.
const runs = {
  ours: (p) => extractHtml(p.html, { source: p.source }),
  digestPath: (p) => readDocument({ raw: { source: p.source, key: p.source, bytes: p.bytes } }),
  readability: (p) => new Readability(parseHTML(p.html).document).parse(),
};
const order = Object.keys(runs);
const total = { ours: 0, digestPath: 0, readability: 0 };
// Per page, the fastest round of each: the least disturbed by other processes on a shared machine.
const best = pages.map(() => ({ ours: Infinity, readability: Infinity }));
for (let r = 0; r <= rounds; r++) {
  pages.forEach((p, i) => {
    for (let k = 0; k < order.length; k++) {
      const name = order[(i + r + k) % order.length];
      const t0 = performance.now();
      runs[name](p);
      const ms = performance.now() - t0;
      if (r === 0) continue;
      total[name] += ms;
      if (name in best[i]) best[i][name] = Math.min(best[i][name], ms);
    }
  });
}
const tOurs = total.ours, tReadability = total.readability;
// Held-out pages are timed like the others, but named only by number: their ids lead to their text.
const perPage = pages.map((p, i) => ({ id: heldOut(p.id) ? 'held-out page' : p.id, ...best[i], ratio: best[i].ours / best[i].readability }))
  .sort((a, b) => b.ratio - a.ratio);
const worst = perPage.slice(0, 5).map((x) => `${x.id} ${x.ratio.toFixed(2)} (${x.ours.toFixed(1)} ms vs ${x.readability.toFixed(1)} ms)`);
console.log(`[per page] worst time ratios against Readability (fastest of ${rounds} rounds each): ${worst.join(', ')}`);
// Reported, not enforced: on a shared 2-core machine a 10 ms page's fastest-of-3 time still moves by
// more than 3x between runs (three runs: worst 3.03, 2.56, 3.31, a different page each time).
if (perPage[0].ratio > maxPageRatio) console.log(`NOTE: a page takes ${perPage[0].ratio.toFixed(2)}x Readability's time (target ${maxPageRatio}x)`);
const pps = (ms) => (pages.length * rounds) / (ms / 1000);
const ratio = pps(tOurs) / pps(tReadability);
const digestRatio = pps(total.digestPath) / pps(tReadability);
console.log(`[speed] ${pages.length} pages x ${rounds} rounds: extractHtml ${pps(tOurs).toFixed(1)} pages/s, Readability.js ${pps(tReadability).toFixed(1)} pages/s, ratio ${ratio.toFixed(2)} (>= 1.0 = no slower)`);
console.log(`[speed] digest path (decode + extract from the stored .html.gz bytes, as the read worker does): ${pps(total.digestPath).toFixed(1)} pages/s, ${digestRatio.toFixed(2)}x Readability.js`);
if (ratio < 1) {
  console.log('FAIL: extraction is slower than Readability.js on linkedom');
  failed = true;
}
const both = (r) => (r === null ? 'skipped' : `${r.f1.toFixed(3)} (held-out ${r.heldOut.toFixed(3)})`);
console.log(`extraction: end-to-end F1 ${both(cliF1)}, extractHtml F1 ${both(htmlF1)}, speed ratio ${ratio.toFixed(2)} (digest path ${digestRatio.toFixed(2)}), worst page ratio ${perPage[0].ratio.toFixed(2)}; floors ${floor} (held-out ${heldOutFloor}), page ratio ≤ ${maxPageRatio}`);
process.exit(failed ? 1 : 0);
