import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { formatAmount, parseAmounts, type Span } from './amount.js';

const root = new URL('../../fixtures/analyze-numbers/', import.meta.url);

for (const name of readdirSync(root).sort()) {
  test(`amounts: ${name}`, () => {
    const text = readFileSync(new URL(`${name}/input.txt`, root), 'utf8');
    const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, root), 'utf8')) as Record<string, unknown>[];
    const got = parseAmounts(text);
    assert.deepEqual(got.map((a) => a.text), expected.map((e) => e.text), 'the same amounts, in order');
    got.forEach((a, i) => {
      for (const [k, v] of Object.entries(expected[i])) {
        // Spans are written in the expected file as the text they cover (`figure`: "45%").
        const raw = (a as unknown as Record<string, unknown>)[k];
        const actual = typeof v === 'string' && raw && typeof raw === 'object' && 'start' in raw
          ? text.slice((raw as Span).start, (raw as Span).end) : raw;
        if (typeof v === 'number' && typeof actual === 'number') assert.ok(Math.abs(actual - v) <= Math.abs(v) * 1e-9, `${a.text}.${k}: ${actual} vs ${v}`);
        else assert.deepEqual(actual, v, `${a.text}.${k}`);
      }
      assert.equal(text.slice(a.start, a.end), a.text, 'the span covers the text');
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Property: any amount written the Korean way, in any of the styles papers use, parses back to its value.

type Parts = [number, number, number, number];
/** 조/억/만/ones parts, each 0..9999 (조 up to 99), at least one non-zero. */
const part = fc.integer({ min: 0, max: 9999 });
const parts = fc.tuple(fc.integer({ min: 0, max: 99 }), part, part, part).filter((p) => p.some((x) => x > 0));
interface Style { digits: 'plain' | 'commas' | 'thousands'; spaces: boolean; fullwidth: boolean; about: boolean }
const style: fc.Arbitrary<Style> = fc.record({
  digits: fc.constantFrom('plain', 'commas', 'thousands'), spaces: fc.boolean(), fullwidth: fc.boolean(), about: fc.boolean(),
});
const PLAIN: Style = { digits: 'plain', spaces: false, fullwidth: false, about: false };

/** 5234 as `5234`, `5,234` or `5천234` (and 8300 as `8천3백`). */
function group(x: number, digits: Style['digits']): string {
  if (digits === 'commas') return x.toLocaleString('en-US');
  const th = Math.floor(x / 1000);
  const rest = x % 1000;
  if (digits === 'plain' || !th) return String(x);
  return `${th}천${rest === 0 ? '' : rest % 100 === 0 ? `${rest / 100}백` : rest}`;
}
const toWide = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/%/g, '％').replace(/,/g, '，');

/** `4만3000`, `1조 2,500억`, `3억5천만`, `80여억` (about: `여` before the last big unit when the ones are 0). */
function write(p: Parts, s: Style): string {
  const chunks = ([[p[0], '조'], [p[1], '억'], [p[2], '만'], [p[3], '']] as [number, string][]).filter(([x]) => x);
  const last = chunks.length - 1;
  const out = chunks.map(([x, u], k) => `${group(x, s.digits)}${k === last && u && s.about ? '여' : ''}${u}`).join(s.spaces ? ' ' : '');
  return s.fullwidth ? toWide(out) : out;
}
const isAbout = (p: Parts, s: Style) => s.about && p[3] === 0;
const valueOf = (p: Parts) => p[0] * 1e12 + p[1] * 1e8 + p[2] * 1e4 + p[3];
const currency = fc.constantFrom(['달러', 'USD'], ['원', 'KRW'], [' 달러', 'USD'], [' 원', 'KRW'], ['캐나다달러', 'CAD']);
const prefix = fc.constantFrom(['', null], ['약 ', 'about'], ['최대 ', 'at most'], ['최소 ', 'at least']);
const suffix = fc.constantFrom(['', null], [' 이상', 'at least'], [' 이하', 'at most'], ['가량', 'about'], [' 안팎', 'about']);

test('property: Korean amounts in every style parse back to their value, unit, qualifier and figure', () => {
  fc.assert(fc.property(parts, style, currency, prefix, suffix, (p, s, [cur, unit], [pre, q1], [suf, q2]) => {
    const figure = `${write(p, s)}${cur}`;
    const written = `${pre}${figure}${suf}`;
    const text = `회사는 ${written}을 투자한다.`;
    const got = parseAmounts(text);
    assert.equal(got.length, 1, text);
    assert.equal(got[0].text, written);
    assert.equal(text.slice(got[0].figure.start, got[0].figure.end), figure, 'the figure leaves qualifiers out');
    assert.equal(got[0].value, valueOf(p));
    assert.equal(got[0].unit, unit);
    assert.equal(got[0].qualifier, q2 ?? (isAbout(p, s) ? 'about' : q1));
  }), { numRuns: 500 });
});

test('property: signed percentages and percentage points, half- or fullwidth', () => {
  const unitArb = fc.constantFrom(['%', 'percent'], ['%p', 'percent-point'], ['%포인트', 'percent-point'], ['퍼센트', 'percent']);
  fc.assert(fc.property(fc.integer({ min: -99999, max: 99999 }), fc.constantFrom('-', '–', '−'), fc.boolean(), fc.boolean(), unitArb,
    (hundredths, minus, plus, wide, [u, unit]) => {
      const abs = String(Math.abs(hundredths) / 100);
      const sign = hundredths < 0 ? minus : plus && hundredths > 0 ? '+' : '';
      const written = `${sign}${wide ? toWide(abs) : abs}${u}`;
      const text = `지지율은 전주보다 ${written} 움직였다(${written}).`;
      const got = parseAmounts(text);
      assert.equal(got.length, 2, text);
      for (const a of got) {
        assert.equal(a.text, written);
        assert.equal(a.value, hundredths / 100);
        assert.equal(a.unit, unit);
      }
    }), { numRuns: 300 });
});

test('property: vague amounts (수백만, 수십억, 수천) are a range of several units', () => {
  const small = fc.constantFrom(['', 1], ['십', 10], ['백', 100], ['천', 1000]);
  const big = fc.constantFrom(['', 1], ['만', 1e4], ['억', 1e8], ['조', 1e12]);
  fc.assert(fc.property(small, big, currency, ([sw, sv], [bw, bv], [cur, unit]) => {
    fc.pre(sw !== '' || bw !== '');
    const written = `수${sw}${bw}${cur}`;
    const got = parseAmounts(`피해액은 ${written}에 이른다.`);
    assert.equal(got.length, 1, written);
    assert.equal(got[0].text, written);
    assert.equal(got[0].value, null);
    assert.equal(got[0].min, 2 * (sv as number) * (bv as number));
    assert.equal(got[0].max, 9 * (sv as number) * (bv as number));
    assert.equal(got[0].unit, unit);
    assert.equal(got[0].qualifier, 'several');
  }), { numRuns: 100 });
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
    const written = `${write(usd, PLAIN)} 달러(${about ? '약 ' : ''}${write(krw, { ...PLAIN, spaces: true })}원)`;
    const got = parseAmounts(`총 ${written} 규모다.`);
    assert.equal(got.length, 1, written);
    assert.equal(got[0].value, valueOf(usd));
    assert.equal(got[0].krw, valueOf(krw));
    assert.equal(got[0].text, written);
  }), { numRuns: 200 });
});

test('formatAmount writes base units back the Korean way, and the reader reads it back', () => {
  assert.equal(formatAmount(4e10, 'USD'), '400억 달러');
  assert.equal(formatAmount(7.3e12, 'KRW'), '7.3조 원');
  assert.equal(formatAmount(2.5e4, 'KRW'), '2.5만 원');
  assert.equal(formatAmount(3200, 'CAD'), '3,200 캐나다달러');
  fc.assert(fc.property(fc.integer({ min: 1, max: 99_9999_9999 }), fc.constantFrom('USD', 'KRW', 'JPY'), (value, unit) => {
    const written = formatAmount(value, unit);
    const [got] = parseAmounts(`총 ${written}이다.`);
    assert.ok(got && Math.abs(got.value! - value) <= value * 0.005, `${value} → ${written} → ${got?.value}`);
    assert.equal(got.unit, unit);
  }), { numRuns: 200 });
});
