import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GramTable } from './gram-table.js';

test('one id per distinct n-gram, given in first-seen order, kept across the table growing', () => {
  const table = new GramTable();
  const text = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0xac00 + (i * 7919) % 11172)).join('');
  const seen = new Map<string, number>();
  for (const n of [2, 3] as const) for (let i = 0; i + n <= text.length; i++) {
    const gram = `${n}:${text.slice(i, i + n)}`;
    const id = table.id(text, i, n);
    if (!seen.has(gram)) assert.equal(id, seen.size, `a new n-gram takes the next id (${gram})`);
    else assert.equal(id, seen.get(gram));
    seen.set(gram, id);
  }
  assert.equal(table.size, seen.size);
  // Asked again after every growth: the same ids.
  for (const n of [2, 3] as const) for (let i = 0; i + n <= text.length; i++) assert.equal(table.id(text, i, n), seen.get(`${n}:${text.slice(i, i + n)}`));
});

test('a 2-gram and the 3-gram it starts are two n-grams; n-grams differing only in the first unit too', () => {
  const table = new GramTable();
  assert.equal(table.id('가나다', 0, 2), 0);
  assert.equal(table.id('가나다', 0, 3), 1);
  assert.equal(table.id('각나', 0, 2), 2);
  assert.equal(table.id('xy가나', 2, 2), 0);
});
