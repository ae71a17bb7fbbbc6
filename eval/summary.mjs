#!/usr/bin/env node
// Key-sentence eval on ../shared/data/sci-news-sum-kr-50 (run after `tsc`): the scorer writes the 50
// articles as inputs, the CLI digests them, the scorer matches each cluster's `summary` to the
// hand-picked sentences. Exits non-zero when mean F1 is below the `summary` floor in eval/floors.json.
//
//   npm run eval:summary
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestToJson, readFloors, shared } from './harness.mjs';

const scorer = join(shared, 'tools', 'score-summary.mjs');
const floor = readFloors().summary ?? 0;
const tmp = mkdtempSync(join(tmpdir(), 'newsdesk-eval-summary-'));
try {
  const inputs = join(tmp, 'sci');
  execFileSync('node', [scorer, '--write-inputs', inputs], { stdio: 'ignore' });
  digestToJson([inputs], join(tmp, 'sci.json'));
  const out = execFileSync('node', [scorer, join(tmp, 'sci.json'), '--min', String(floor)], { encoding: 'utf8' });
  process.stdout.write(out);
  console.log(`summary F1 floor ${floor}: ok`);
} catch (e) {
  if (e.stdout) process.stdout.write(e.stdout);
  console.error(`summary F1 below the floor ${floor} (or the run failed)`);
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
