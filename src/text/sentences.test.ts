// Table-driven cases for the Korean-aware sentence splitter (fictional sentences).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences, splitText } from './sentences.js';
import { finishesWithinCpu } from '../workers/hang-limit.js';

const cases: [string, string, string[]][] = [
  ['Korean endings 다. 요. 죠. 니다. 까?', '정말 그럴까? 아닙니다. 그렇죠. 좋아요. 끝났다.', ['정말 그럴까?', '아닙니다.', '그렇죠.', '좋아요.', '끝났다.']],
  ['no split inside “…” quotations', '그는 “매출이 늘었다. 내년에는 더 늘리겠다”라고 말했다. 주가는 3% 올랐다.', ['그는 “매출이 늘었다. 내년에는 더 늘리겠다”라고 말했다.', '주가는 3% 올랐다.']],
  ['no split inside "…" quotations', '그는 "좋다. 계속하겠다"고 말했다. 다음 문장이다.', ['그는 "좋다. 계속하겠다"고 말했다.', '다음 문장이다.']],
  ['no split inside ‘…’ quotations', '‘혁신이 답이다. 멈추지 않는다’는 구호를 내걸었다. 반응은 뜨거웠다.', ['‘혁신이 답이다. 멈추지 않는다’는 구호를 내걸었다.', '반응은 뜨거웠다.']],
  ['a quotation that ends a sentence', '“끝났다.” 그는 자리를 떠났다.', ['“끝났다.”', '그는 자리를 떠났다.']],
  ['decimals', '수익률은 1.4%였다. 가격은 100만 토큰당 0.28달러다.', ['수익률은 1.4%였다.', '가격은 100만 토큰당 0.28달러다.']],
  ['English abbreviations', 'Mr. Kim met U.S. officials at Acme Inc. on Monday. They agreed.', ['Mr. Kim met U.S. officials at Acme Inc. on Monday.', 'They agreed.']],
  ['등. is not a sentence end', '반도체, 배터리 등. 여러 분야가 거론됐다.', ['반도체, 배터리 등. 여러 분야가 거론됐다.']],
  ['ellipses', '회동…한미일 동맹이 시작됐다. 결과는... 아직 모른다.', ['회동…한미일 동맹이 시작됐다.', '결과는... 아직 모른다.']],
  ['list markers', '1. 첫째 항목이다. 2. 둘째 항목이다.', ['1. 첫째 항목이다.', '2. 둘째 항목이다.']],
  ['English ? and !', 'Is it done? Yes! It is.', ['Is it done?', 'Yes!', 'It is.']],
  ['initials', 'J. K. Rowling wrote it. Fans cheered.', ['J. K. Rowling wrote it.', 'Fans cheered.']],
  ['closing bracket after the stop', '매출이 늘었다(잠정치). 다음 분기도 늘 전망이다.', ['매출이 늘었다(잠정치).', '다음 분기도 늘 전망이다.']],
  ['a line break ends a sentence', '앞으로의 전망\n시장은 커질 것이다', ['앞으로의 전망', '시장은 커질 것이다']],
  ['unbalanced quote marks are ignored', '그는 “이미 늦었다. 다시 시작한다. 오늘이다.', ['그는 “이미 늦었다.', '다시 시작한다.', '오늘이다.']],
  ['domains and versions are not split', '자세한 내용은 mk.co.kr에서 볼 수 있다. 버전 2.0.1이 나왔다.', ['자세한 내용은 mk.co.kr에서 볼 수 있다.', '버전 2.0.1이 나왔다.']],
];

for (const [name, text, want] of cases) {
  test(`sentences: ${name}`, () => {
    assert.deepEqual(splitText(text).map(([s, e]) => text.slice(s, e)), want);
  });
}

test('sentences: spans index into the body and carry their paragraph', () => {
  const body = '첫 문단이다. 둘째 문장이다.\n\n  둘째 문단이다.';
  const got = splitSentences(body);
  assert.deepEqual(got.map((s) => [s.text, s.paragraph]), [['첫 문단이다.', 0], ['둘째 문장이다.', 0], ['둘째 문단이다.', 1]]);
  for (const s of got) assert.equal(body.slice(s.start, s.end), s.text);
  assert.equal(got[2].start, body.indexOf('둘째 문단'));
});

test('paragraphs: lines of white space only end a block, and a text of a million of them splits in linear time', async () => {
  assert.deepEqual(splitSentences('첫 문단이다.\n \t\n둘째 문단이다.\n이어진 줄이다.').map((s) => [s.text, s.paragraph]),
    [['첫 문단이다.', 0], ['둘째 문단이다.', 1], ['이어진 줄이다.', 1]]);
  // Quadratic before: 2 MB of " \n" took minutes; linear, well under a second.
  const blanks = '기사.' + ' \n'.repeat(1_000_000);
  assert.equal(await finishesWithinCpu(20_000, new URL('./sentences.js', import.meta.url), 'splitSentences', blanks), true);
});
