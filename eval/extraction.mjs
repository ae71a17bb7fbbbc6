#!/usr/bin/env node
// Main-text extraction eval on ../shared/data/article-extraction-benchmark (run after `tsc`):
//  1. end to end: the CLI digests the .html.gz pages; each document's body (after the Korean cleaner)
//     is scored against the benchmark's ground truth with ../shared/tools/score-extraction.mjs;
//  2. extractHtml alone, scored the same way (isolates HTML extraction from the text cleaner);
//  3. speed: extractHtml vs plain Readability.js on linkedom over the same pages, in this one run.
// Exits non-zero when either F1 is below the `extraction` floor in eval/floors.json,
// or when extraction is slower than Readability (ratio < 1.0).
//
//   npm run eval:extraction [-- --skip-cli] [-- --rounds N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractHtml } from '../dist/extract/html/index.js';
import { digestToJson, readFloors, shared } from './harness.mjs';

const benchDir = join(shared, 'data', 'article-extraction-benchmark');
const htmlDir = join(benchDir, 'html');
const scorer = join(shared, 'tools', 'score-extraction.mjs');
const floors = readFloors();
const floor = typeof floors.extraction === "number" ? floors.extraction : (floors.extraction?.f1 ?? 0);
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 3;
const tmp = mkdtempSync(join(tmpdir(), 'newsdesk-eval-extraction-'));

const idOf = (file) => basename(file).replace(/\.html?(\.gz)?$/, '');
const score = (pred, label) => {
  const file = join(tmp, `${label}.json`);
  writeFileSync(file, JSON.stringify(pred));
  const out = execFileSync(process.execPath, [scorer, file], { encoding: 'utf8' });
  const f1 = Number(/F1 ([\d.]+)/.exec(out)?.[1]);
  console.log(`[${label}]\n${out.trim().replace(/^/gm, '  ')}`);
  return f1;
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
  if (cliF1 < floor) {
    console.log(`FAIL: end-to-end F1 ${cliF1.toFixed(3)} is below the floor ${floor}`);
    failed = true;
  }
}

// 2. extractHtml alone, and 3. speed against Readability in the same run.
const pages = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).sort()
  .map((f) => ({ id: idOf(f), source: join(htmlDir, f), html: gunzipSync(readFileSync(join(htmlDir, f))).toString('utf8') }));
const pred = {};
const methods = {};
for (const p of pages) {
  const r = extractHtml(p.html, { source: p.source });
  pred[p.id] = { articleBody: r.text };
  methods[r.method] = (methods[r.method] ?? 0) + 1;
}
const htmlF1 = score(pred, 'extractHtml');
console.log(`  methods: ${Object.entries(methods).map(([k, v]) => `${k} ${v}`).join(', ')}`);
if (htmlF1 < floor) {
  console.log(`FAIL: extractHtml F1 ${htmlF1.toFixed(3)} is below the floor ${floor}`);
  failed = true;
}

// Per page, back to back and in alternating order, so load from other processes hits both alike;
// round 0 only warms up the JIT.
let tOurs = 0, tReadability = 0;
for (let r = 0; r <= rounds; r++) {
  pages.forEach((p, i) => {
    const first = (i + r) % 2 === 0;
    const t0 = performance.now();
    if (first) extractHtml(p.html, { source: p.source });
    else new Readability(parseHTML(p.html).document).parse();
    const t1 = performance.now();
    if (first) new Readability(parseHTML(p.html).document).parse();
    else extractHtml(p.html, { source: p.source });
    const t2 = performance.now();
    if (r === 0) return;
    tOurs += first ? t1 - t0 : t2 - t1;
    tReadability += first ? t2 - t1 : t1 - t0;
  });
}
const pps = (ms) => (pages.length * rounds) / (ms / 1000);
const ratio = pps(tOurs) / pps(tReadability);
console.log(`[speed] ${pages.length} pages x ${rounds} rounds: extractHtml ${pps(tOurs).toFixed(1)} pages/s, Readability.js ${pps(tReadability).toFixed(1)} pages/s, ratio ${ratio.toFixed(2)} (>= 1.0 = no slower)`);
if (ratio < 1) {
  console.log('FAIL: extraction is slower than Readability.js on linkedom');
  failed = true;
}
console.log(`extraction: end-to-end F1 ${cliF1 === null ? 'skipped' : cliF1.toFixed(3)}, extractHtml F1 ${htmlF1.toFixed(3)}, speed ratio ${ratio.toFixed(2)}, floor ${floor}`);
process.exit(failed ? 1 : 0);
