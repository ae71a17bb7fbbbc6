// The token cache gives back exactly the morphemes the analyser makes, and never misreads a row made
// for other lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './morph.js';
import { decodeTokens, documentLines, encodeTokens, takeAhead, tokenKey, tokenizeAhead, type LineTokens } from './token-cache.js';

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

test('lines tokenized ahead are the morphemes analysis makes; with no budget left, none are', () => {
  const lines = documentLines(doc);
  assert.deepEqual(tokenizeAhead(lines, 60_000), new Map(lines.map((l) => [l, tokenize(l)])));
  assert.equal(tokenizeAhead(lines, 0).size, 0, 'over budget: left to the clusters, not thrown');
});

test('a cluster takes the lines of its documents tokenized ahead; lines it holds already stay its own', () => {
  const lines = documentLines(doc);
  const ahead = tokenizeAhead(lines, 60_000);
  const other = { body: '가온시립도서관이 다음 달 새 열람실을 연다.', captions: [] };
  const own = tokenize(lines[0]);
  const tokens: LineTokens = new Map([[lines[0], own]]);
  takeAhead([other, doc], ahead, tokens);
  assert.equal(tokens.get(lines[0]), own);
  for (const line of lines.slice(1)) assert.equal(tokens.get(line), ahead.get(line), 'the very morphemes made ahead');
  assert.equal(tokens.size, lines.length, 'none of the other document: none were made ahead');
  const none: LineTokens = new Map();
  takeAhead([other], ahead, none);
  assert.equal(none.size, 0);
});
