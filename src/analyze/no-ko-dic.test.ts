// ko-dic costs ≈1.5 s of CPU and ≈300 MB to build: a cluster without Hangul or Han (a Vietnamese or English
// run) is analysed and written without it, and a Korean cluster still builds it when it first needs it.
// Its own file: node --test runs each file in a fresh process, where no other test has built the tokenizer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCluster } from './index.js';
import { tokenizerBuilt } from './morph.js';
import { writeCluster, DEFAULT_WRITE_OPTIONS } from '../write/index.js';
import { makeDoc } from '../../test/fixture-docs/analyze.mjs';
import type { NewsDoc } from '../types.js';

function analyseAndWrite(docs: NewsDoc[]) {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const analyzed = analyzeCluster({ id: 'c-test', members: docs.map((d) => d.id), duplicates: [] }, byId);
  return writeCluster(analyzed, byId, { ...DEFAULT_WRITE_OPTIONS, runDate: '2026-03-05' }, new Set());
}

test('a cluster without Hangul or Han is analysed and written without building ko-dic; a Korean one builds it', () => {
  const english = [
    makeDoc('e1', 'Harbourview Council approved a new ferry line on Tuesday. "The line opens in May," said mayor Olen Brask. ' +
      'The Northwind Shipping Company will run 12 boats a day, the council said.', { outlet: 'Harbour Daily', publishedAt: '2026-03-03T09:00:00+09:00' }),
    makeDoc('e2', 'The Northwind Shipping Company will run the new ferry line approved by Harbourview Council. ' +
      'Mayor Olen Brask said the line opens in May with 12 boats a day.', { outlet: 'Coast Times', publishedAt: '2026-03-03T11:00:00+09:00' }),
  ];
  const written = analyseAndWrite(english);
  assert.ok(written.post.markdown.length > 0);
  assert.equal(tokenizerBuilt(), false, 'no text of the cluster needs ko-dic');

  const korean = [
    makeDoc('k1', '바람시 의회는 3일 새 여객선 항로를 승인했다. 하늘해운이 하루 12척을 운항한다.', { outlet: '바람일보', publishedAt: '2026-03-03T09:00:00+09:00' }),
    makeDoc('k2', '하늘해운은 바람시 의회가 승인한 새 항로에서 하루 12척을 운항한다고 밝혔다.', { outlet: '해안신문', publishedAt: '2026-03-03T11:00:00+09:00' }),
  ];
  analyseAndWrite(korean);
  assert.equal(tokenizerBuilt(), true, 'Korean text is tokenized with ko-dic');
});
