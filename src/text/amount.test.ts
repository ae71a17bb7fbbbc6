import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseAmounts } from './amount.js';

const root = new URL('../../fixtures/analyze-numbers/', import.meta.url);

for (const name of readdirSync(root).sort()) {
  test(`amounts: ${name}`, () => {
    const text = readFileSync(new URL(`${name}/input.txt`, root), 'utf8');
    const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, root), 'utf8')) as Record<string, unknown>[];
    const got = parseAmounts(text);
    assert.deepEqual(got.map((a) => a.text), expected.map((e) => e.text), 'the same amounts, in order');
    got.forEach((a, i) => {
      for (const [k, v] of Object.entries(expected[i])) {
        const actual = (a as unknown as Record<string, unknown>)[k];
        if (typeof v === 'number' && typeof actual === 'number') assert.ok(Math.abs(actual - v) <= Math.abs(v) * 1e-9, `${a.text}.${k}: ${actual} vs ${v}`);
        else assert.deepEqual(actual, v, `${a.text}.${k}`);
      }
      assert.equal(text.slice(a.start, a.end), a.text, 'the span covers the text');
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Property: any amount written the Korean way parses back to its value.

const withCommas = (n: number) => n.toLocaleString('en-US');
/** 조/억/만 parts, each 0..9999 (조 up to 99), at least one non-zero. */
const parts = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9999 }))
  .filter(([j, e, m]) => j + e + m > 0);
const style = fc.record({ commas: fc.boolean(), spaces: fc.boolean() });

function write([j, e, m]: [number, number, number], s: { commas: boolean; spaces: boolean }): string {
  const n = (x: number) => (s.commas ? withCommas(x) : String(x));
  return [[j, '조'], [e, '억'], [m, '만']].filter(([x]) => x).map(([x, u]) => `${n(x as number)}${u}`).join(s.spaces ? ' ' : '');
}
const valueOf = ([j, e, m]: [number, number, number]) => j * 1e12 + e * 1e8 + m * 1e4;
const currency = fc.constantFrom(['달러', 'USD'], ['원', 'KRW'], [' 달러', 'USD'], [' 원', 'KRW']);
const prefix = fc.constantFrom(['', null], ['약 ', 'about'], ['최대 ', 'at most'], ['최소 ', 'at least']);
const suffix = fc.constantFrom(['', null], [' 이상', 'at least'], [' 이하', 'at most'], ['가량', 'about']);

test('property: Korean amounts parse back to their value, unit and qualifier', () => {
  fc.assert(fc.property(parts, style, currency, prefix, suffix, (p, s, [cur, unit], [pre, q1], [suf, q2]) => {
    const written = `${pre}${write(p, s)}${cur}${suf}`;
    const text = `회사는 ${written}을 투자한다.`;
    const got = parseAmounts(text);
    assert.equal(got.length, 1, text);
    assert.equal(got[0].text, written);
    assert.equal(got[0].value, valueOf(p));
    assert.equal(got[0].unit, unit);
    assert.equal(got[0].qualifier, q2 ?? q1);
  }), { numRuns: 300 });
});

test('property: ranges with a shared unit give min and max', () => {
  const bound = fc.integer({ min: 1, max: 9999 });
  fc.assert(fc.property(bound, bound, fc.constantFrom('억', '조', '만'), currency, fc.boolean(), (a, b, big, [cur, unit], repeat) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const written = `${lo}${repeat ? big : ''}~${hi}${big}${cur}`;
    const got = parseAmounts(`모두 ${written}를 들인다.`);
    const scale = { 억: 1e8, 조: 1e12, 만: 1e4 }[big]!;
    assert.equal(got.length, 1, written);
    assert.equal(got[0].value, null);
    assert.equal(got[0].min, lo * scale);
    assert.equal(got[0].max, hi * scale);
    assert.equal(got[0].unit, unit);
  }), { numRuns: 200 });
});

test('property: a conversion in parentheses carries the won amount', () => {
  fc.assert(fc.property(parts, parts, fc.boolean(), (usd, krw, about) => {
    const written = `${write(usd, { commas: false, spaces: false })} 달러(${about ? '약 ' : ''}${write(krw, { commas: false, spaces: true })}원)`;
    const got = parseAmounts(`총 ${written} 규모다.`);
    assert.equal(got.length, 1, written);
    assert.equal(got[0].value, valueOf(usd));
    assert.equal(got[0].krw, valueOf(krw));
    assert.equal(got[0].text, written);
  }), { numRuns: 200 });
});
