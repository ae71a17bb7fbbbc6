// The token cache gives back exactly the morphemes the analyser makes, and never misreads a row made
// for other lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './morph.js';
import { decodeTokens, documentLines, encodeTokens, tokenKey, type LineTokens } from './token-cache.js';

const doc = {
  body: [
    '한빛전자 윤서하 대표는 12일 세종시에서 “내년 상반기 새 공장을 연다”고 말했다.',
    '',
    '  투자 규모는 3,200억 원이며 직원 480명을 뽑는다.',
    'Hanbit Electronics said the plant opens in 2027.',
    '한빛전자 윤서하 대표는 12일 세종시에서 “내년 상반기 새 공장을 연다”고 말했다.',
  ].join('\n'),
  captions: ['윤서하 대표가 12일 설명하고 있다. /사진=가상일보'],
};

test('decoded tokens are the morphemes the analyser makes, line by line', () => {
  const lines = documentLines(doc);
  // Blank and Latin-only lines are not analysed by ko-dic, and a repeated line is kept once; captions lose their credit.
  assert.equal(lines.length, 3);
  assert.ok(lines.every((l) => !l.includes('사진=')));
  const made: LineTokens = new Map(lines.map((l) => [l, tokenize(l)]));
  const encoded = encodeTokens(lines, made)!;
  const back: LineTokens = new Map();
  assert.equal(decodeTokens(lines, encoded, back), true);
  assert.deepEqual(back, made);
  // Meanings other than `*` (인명, 지명) survive.
  assert.ok([...back.values()].flat().some((m) => m.meaning !== '*'));
});

test('a row is not read for other lines; a line without tokens is not encoded', () => {
  const lines = documentLines(doc);
  const made: LineTokens = new Map(lines.map((l) => [l, tokenize(l)]));
  const encoded = encodeTokens(lines, made)!;
  const into: LineTokens = new Map();
  assert.equal(decodeTokens(lines.slice(1), encoded, into), false);
  assert.equal(decodeTokens(['짧은 줄', ...lines.slice(1)], encoded, into), false);
  assert.equal(into.size, 0);
  made.delete(lines[1]);
  assert.equal(encodeTokens(lines, made), null);
  assert.notEqual(tokenKey(lines), tokenKey(lines.slice(1)));
});
