// Korean NER on KLUE-NER news sentences, with the same recognizer the pipeline uses. The gate is the shared
// scorer's micro F1 over all news sentences; the dev and held-out splits (eval/klue.ts: tuning looked only at
// dev) are reported beside it. No second Korean NER set made by other annotators ships inside a package that
// the npm registry or Debian offers, so the held-out split of KLUE is the held-back check.
//   npm run eval:ner                                  # generate sentences, predict, score, check the floor
//   npm run eval:ner -- SENTENCES.jsonl PREDICTIONS.jsonl   # predict only
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recognize } from '../src/analyze/ner.js';
import { countSpans, emptyCounts, f1, readKlueNews } from './klue.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scorer = join(root, '..', 'shared', 'tools', 'score-ner.mjs');

type Predictions = Map<string, { start: number; end: number; type: string }[]>;

function predict(sentencesFile: string, out: string): Predictions {
  const lines = readFileSync(sentencesFile, 'utf8').split('\n').filter((l) => l.trim());
  const byId: Predictions = new Map();
  for (const l of lines) {
    const { id, text } = JSON.parse(l) as { id: string; text: string };
    byId.set(id, recognize(text).map(({ start, end, type }) => ({ start, end, type })));
  }
  writeFileSync(out, [...byId].map(([id, entities]) => JSON.stringify({ id, entities })).join('\n') + '\n');
  return byId;
}

/** Exact-span micro F1 over PS+OG+LC on one split, counted like the shared scorer. */
function splitLine(predictions: Predictions, name: string, heldOut: boolean): string {
  const c = emptyCounts();
  for (const sent of readKlueNews().filter((x) => x.heldOut === heldOut)) {
    const got = predictions.get(sent.id) ?? [];
    for (const t of ['PS', 'OG', 'LC']) {
      const key = (x: { start: number; end: number }) => `${x.start}:${x.end}`;
      countSpans(c, new Set(sent.spans.filter((g) => g.type === t).map(key)), new Set(got.filter((g) => g.type === t).map(key)));
    }
  }
  const r = f1(c);
  return `${name.padEnd(8)} PS+OG+LC  precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}`;
}

const [sentences, predictions] = process.argv.slice(2);
if (sentences && predictions) {
  predict(sentences, predictions);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-ner-'));
  try {
    // To a file, not a pipe: the scorer exits right after writing, which truncates piped output.
    const fd = openSync(join(dir, 's.jsonl'), 'w');
    try {
      execFileSync('node', [scorer, '--sentences'], { stdio: ['ignore', fd, 'inherit'] });
    } finally {
      closeSync(fd);
    }
    const predictions = predict(join(dir, 's.jsonl'), join(dir, 'p.jsonl'));
    const report = execFileSync('node', [scorer, join(dir, 'p.jsonl')], { encoding: 'utf8' });
    process.stdout.write(report);
    for (const [name, heldOut] of [['dev', false], ['held-out', true]] as const) console.log(splitLine(predictions, name, heldOut));
    const micro = Number(report.match(/micro .* F1 ([\d.]+)/)?.[1] ?? 0);
    const floors = JSON.parse(readFileSync(join(root, 'eval', 'floors.json'), 'utf8')) as Record<string, number>;
    const floor = floors.ner ?? 0;
    console.log(`floor ${floor.toFixed(3)}: ${micro >= floor ? 'ok' : 'BELOW FLOOR'}`);
    if (micro < floor) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
