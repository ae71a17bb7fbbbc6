// compactHeap gives back heap pages a fragmented heap keeps after an ordinary full collection (live objects spread
// thinly over many pages), and leaves later full collections as they were (its flag is on for its own only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactHeap, exposedGc } from './compact-heap.js';

/** Every 20th of 2M small objects kept alive: a heap of mostly garbage with a little live data on every page. */
function fragment(): object[] {
  const live: object[] = [];
  let all: object[] | null = [];
  for (let i = 0; i < 2e6; i++) {
    const o = { a: `x${i}`, b: [i, i + 1] };
    all.push(o);
    if (i % 20 === 0) live.push(o);
  }
  all = null;
  return live;
}

test('a fragmented heap shrinks to about what is live; an ordinary full collection after it does not compact every page', () => {
  const gc = exposedGc();
  const heap = () => process.memoryUsage().heapTotal;
  let live = fragment();
  gc();
  const ordinary = heap();
  compactHeap();
  const compacted = heap();
  assert.ok(compacted < ordinary / 2, `heap ${ordinary >> 20} MB after an ordinary collection, ${compacted >> 20} MB after compactHeap`);
  assert.equal(live.length, 1e5);
  live = fragment();
  gc();
  assert.ok(heap() > 2 * compacted, `an ordinary collection after it keeps fragmented pages (${heap() >> 20} MB): the flag was turned off`);
  assert.equal(live.length, 1e5);
});
