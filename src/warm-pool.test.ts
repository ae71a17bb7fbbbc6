// When analysis workers start before clustering (pipeline.ts warmPoolSize): text enough among the new documents,
// or new documents that need ko-dic in a large store; never above ANALYZE_WARM_MAX_DOCS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warmPoolSize } from './pipeline.js';
import { ANALYZE_IN_PROCESS_CHARS, ANALYZE_POOL_SIZE, ANALYZE_WARM_MAX_DOCS, ANALYZE_WARM_STORE_DOCS } from './workers/tunables.js';
import { makeDoc } from '../test/fixture-docs/cluster.mjs';

const korean = makeDoc('k', '가상시 해안에 새 방파제가 들어선다고 시는 밝혔다.');
const latin = makeDoc('v', 'Thành phố ảo sẽ xây đê chắn sóng mới.');
const many = (n: number) => Array.from({ length: n }, () => latin);

test('a few new Korean articles into a large store start one worker; into a small store, or without Hangul, none', () => {
  assert.equal(warmPoolSize([...many(ANALYZE_WARM_STORE_DOCS), korean], [korean]), 1);
  assert.equal(warmPoolSize([...many(ANALYZE_WARM_STORE_DOCS - 2), korean], [korean]), 0, 'small store');
  assert.equal(warmPoolSize([...many(ANALYZE_WARM_STORE_DOCS), latin], [latin]), 0, 'no ko-dic text among the new');
  assert.equal(warmPoolSize([...many(ANALYZE_WARM_MAX_DOCS), korean], [korean]), 0, 'above ANALYZE_WARM_MAX_DOCS');
});

test('new documents with text enough for the pool start it whole, whatever the store', () => {
  const long = makeDoc('long', '가'.repeat(ANALYZE_IN_PROCESS_CHARS));
  assert.equal(warmPoolSize([long], [long]), ANALYZE_POOL_SIZE);
  assert.equal(warmPoolSize([long], []), 0, 'stored, not new');
});
