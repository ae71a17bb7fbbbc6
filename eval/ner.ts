// Korean NER on KLUE-NER news sentences, with the same recognizer the pipeline uses.
//   npm run eval:ner                                  # generate sentences, predict, score, check the floor
//   npm run eval:ner -- SENTENCES.jsonl PREDICTIONS.jsonl   # predict only
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recognize } from '../src/analyze/ner.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scorer = join(root, '..', 'shared', 'tools', 'score-ner.mjs');

function predict(sentencesFile: string, out: string): void {
  const lines = readFileSync(sentencesFile, 'utf8').split('\n').filter((l) => l.trim());
  const rows = lines.map((l) => {
    const { id, text } = JSON.parse(l) as { id: string; text: string };
    return JSON.stringify({ id, entities: recognize(text).map(({ start, end, type }) => ({ start, end, type })) });
  });
  writeFileSync(out, rows.join('\n') + '\n');
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
    predict(join(dir, 's.jsonl'), join(dir, 'p.jsonl'));
    const report = execFileSync('node', [scorer, join(dir, 'p.jsonl')], { encoding: 'utf8' });
    process.stdout.write(report);
    const f1 = Number(report.match(/micro .* F1 ([\d.]+)/)?.[1] ?? 0);
    const floors = JSON.parse(readFileSync(join(root, 'eval', 'floors.json'), 'utf8')) as Record<string, number>;
    const floor = floors.ner ?? 0;
    console.log(`floor ${floor.toFixed(3)}: ${f1 >= floor ? 'ok' : 'BELOW FLOOR'}`);
    if (f1 < floor) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
