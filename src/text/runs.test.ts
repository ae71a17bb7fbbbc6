// The run replacer behind norm() and fold(): on long texts its scan must give exactly what the
// regular expression gives on short ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collapsedLength, isSpaceCode, runReplacer } from './runs.js';
import { fold } from './fold.js';
import { norm } from '../extract/lines.js';

const long = (unit: string) => unit.repeat(Math.ceil(30_000 / unit.length));

test('a long text is collapsed by the scan exactly as the regular expression collapses it', () => {
  const units = [' 한빛전자는\u00a0\u00a0“신제품”을\t공개했다, 1,000원 ', '2025년 2월 4일 ', '가\u200b나 ', 'abc', '  \n '];
  for (const unit of units) {
    const text = long(unit);
    assert.equal(norm(text), text.replace(/[\s\u00a0\u200b\u3000\ufeff]+/g, ' ').trim(), JSON.stringify(unit));
    assert.equal(fold(text), text.normalize('NFKC').replace(/[\s“”"‘’'「」『』,]+/g, '').toLowerCase(), JSON.stringify(unit));
  }
});

test('runs at the ends are dropped only when trimming', () => {
  const dashes = runReplacer('-', '_');
  const text = `--${'a--b '.repeat(5_000)}-`;
  assert.equal(dashes(text), text.replace(/[\s-]+/g, '_'));
  assert.ok(dashes(text).startsWith('_a_b_'));
  assert.equal(runReplacer('', ' ', true)(`  ${'x '.repeat(10_000)}  `), `${'x '.repeat(10_000)}`.trim());
});

test('collapsedLength is the length of the squashed text, for every kind of white space', () => {
  const texts = ['', '   ', ' 한빛전자는\u00a0\u00a0“신제품”을\t공개했다 ', 'a\u3000\u3000b\ufeffc\u2028d', '\n\n가\n', 'x\u200by', long(' 가 \t나\u00a0')];
  for (const t of texts) assert.equal(collapsedLength(t), t.replace(/\s+/g, ' ').trim().length, JSON.stringify(t.slice(0, 20)));
  for (let c = 0; c < 0x10000; c++) {
    const t = `a${String.fromCharCode(c)}b`;
    if (collapsedLength(t) !== t.replace(/\s+/g, ' ').trim().length) assert.fail(`U+${c.toString(16)}`);
  }
  assert.equal(collapsedLength(null), 0);
});

test('isSpaceCode reads every UTF-16 code unit as /\\s/ does (the cuts of analyze/morph and entities\' pair index use it)', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isSpaceCode(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});
