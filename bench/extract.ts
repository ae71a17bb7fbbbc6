// bench:extract — extraction speed on 1000 short fictional documents built from the fixture inputs,
// printed as a ratio against a naive baseline (line split + one regex + naive sentence split) run on
// the same documents in the same process, so machines of different speed give comparable numbers.
//   npm run bench:extract
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { TextFile } from '../src/types.js';
import { extractDocument } from '../src/extract/index.js';

const root = new URL('../fixtures/extract/', import.meta.url);
const inputs = readdirSync(root).flatMap((c) => {
  const dir = new URL(`${c}/`, root);
  return readdirSync(dir).filter((f) => /^input\.(txt|md)$/.test(f)).map((f) => ({ f, text: readFileSync(new URL(f, dir), 'utf8') }));
});
const docs: TextFile[] = Array.from({ length: 1000 }, (_, i) => {
  const { f, text } = inputs[i % inputs.length];
  return {
    id: `b${i}`, source: `${i}/${f}`, key: `${i}/${f}`, format: f.endsWith('.md') ? 'md' : 'txt', encoding: 'utf-8',
    contentHash: '', text: text.replace(/\d+/g, (d) => String(Number(d) + i)), messages: [],
  };
});

const NAIVE = /ⓒ|무단|댓글|기자|바로가기/;
function baseline(t: TextFile) {
  const lines = t.text.split('\n').map((l) => l.trim()).filter((l) => l && !NAIVE.test(l));
  return lines.join('\n\n').split(/(?<=[.?!])\s+/).length;
}

function time(fn: () => void, rounds = 5): number {
  fn(); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}

let sink = 0;
const base = time(() => { for (const d of docs) sink += baseline(d); });
const ours = time(() => { for (const d of docs) sink += extractDocument(d).sentences.length; });
console.log(`extract: ${docs.length} docs in ${ours.toFixed(1)} ms (median of 5); naive baseline ${base.toFixed(1)} ms; ratio ${(ours / base).toFixed(1)}x`);
if (sink < 0) console.log(sink); // keeps the work observable so it is not optimised away
