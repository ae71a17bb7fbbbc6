// What extraction must never let through: a page's markup as prose, and impossible dates without a word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument, failedExtraction } from './index.js';
import type { Format, TextFile } from '../types.js';

const file = (format: Format, text: string): TextFile => ({
  id: 'd-x', source: `x.${format}`, key: `/tmp/x.${format}`, format, encoding: 'utf-8', contentHash: '', text, messages: [],
});

test('a failed HTML extraction keeps no body, so no markup is published; plain text is kept, and both say so', () => {
  const html = failedExtraction(file('html', '<html><body><script>alert(1)</script><p>나래시 기사</p></body></html>'), new Error('boom'));
  assert.equal(html.body, '');
  assert.deepEqual(html.sentences, []);
  assert.deepEqual(html.messages.map((m) => `${m.severity} ${m.rule}`), ['error extract-failed']);
  assert.match(html.messages[0].reason, /its markup is never published.*boom/);
  const txt = failedExtraction(file('txt', '나래시 도서관이 다시 문을 연다.\n'), new Error('boom'));
  assert.equal(txt.body, '나래시 도서관이 다시 문을 연다.');
  assert.match(txt.messages[0].reason, /text kept as is/);
});

test('an impossible date in a dateline or page metadata is left out with a message, not silently', () => {
  const txt = extractDocument(file('txt', '나래시 도서관 다시 문 연다\n\n입력 2026.02.30 10:00\n\n나래시 중앙도서관이 리모델링을 마치고 다시 문을 연다.\n'));
  assert.equal(txt.publishedAt, null);
  assert.deepEqual(txt.messages.filter((m) => m.rule === 'bad-date').map((m) => m.severity), ['warning']);
  const html = extractDocument(file('html', `<html><head><title>나래시 도서관 다시 문 연다</title>
<meta property="article:published_time" content="2026-02-30T10:00:00+09:00"></head>
<body><article><h1>나래시 도서관 다시 문 연다</h1><p>나래시 중앙도서관이 리모델링을 마치고 다음 달 다시 문을 연다. 열람실 좌석은 두 배로 늘었다.</p></article></body></html>`));
  assert.equal(html.publishedAt, null);
  assert.match(html.messages.find((m) => m.rule === 'bad-date')?.reason ?? '', /"2026-02-30T10:00:00\+09:00" is written as a date but is not one/);
});
