import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linePieces, tokenize, tokenizeLine } from './morph.js';
import { MAX_CUT_SEARCH_CHARS, MAX_TOKENIZED_CHARS } from './tunables-entities.js';
import { recognize } from './ner.js';
import { finishesWithinCpu } from '../workers/hang-limit.js';

// Fictional lines: Vietnamese and English ones ko-dic has no word for, and Korean ones it does.
const FOREIGN = [
  'Ông Trần Minh Khoa, Chủ tịch Công ty Sao Biển (Đà Nẵng), cho biết doanh thu năm 2024 tăng 12,5%.',
  'Bà Lê Thu Hà nói: "Chúng tôi sẽ mở thêm 3 nhà máy" – theo TTXVN.',
  'Harbor Lights Inc. CEO Maya Collins said the deal, worth $4.2 billion, closes in May.',
  'Harbor Lights CEO Maya Collins met LG Chem and SK Innovation in Seoul.',
];

test('a line without Hangul or Han is cut by character class, and names are read from it as from the analyser', () => {
  for (const line of FOREIGN) {
    const light = tokenizeLine(line);
    assert.ok(light.every((m) => m.pos === 'UNK' && line.slice(m.start, m.end) === m.surface), line);
    assert.deepEqual(recognize(line, undefined, light), recognize(line, undefined, tokenize(line)), line);
  }
  // Not vacuous: organizations are read from the last line (LG, SK).
  assert.ok(recognize(FOREIGN[3], undefined, tokenizeLine(FOREIGN[3])).some((s) => s.type === 'OG'));
});

test('a line with Hangul (or Han) goes through the analyser', () => {
  for (const line of ['한솔항만 정하늘 대표는 3일 부산에서 투자 계획을 밝혔다.', 'Maya Collins 대표가 왔다.', '中國 측은 답하지 않았다.']) {
    assert.deepEqual(tokenizeLine(line), tokenize(line), line);
  }
});

test('a long run without white space is read in pieces: spans stay right, and the time grows linearly', async () => {
  const run = '한빛'.repeat(1_600); // 3,200 characters: cut in four pieces
  const line = `정하늘 대표는 ${run} 부산에서 말했다.`;
  const morphs = tokenize(line);
  assert.ok(morphs.every((m) => line.slice(m.start, m.end) === m.surface));
  const inRun = morphs.filter((m) => m.start >= 8 && m.end <= 8 + run.length);
  assert.equal(inRun.reduce((n, m) => n + m.surface.length, 0), run.length, 'the run is covered, piece by piece');
  assert.equal(morphs.at(-1)!.end, line.length, 'the words after the run are read');
  // A long line with spaces (a quote never closed) is read in pieces cut at white space.
  const spaced = '“' + '새 항만은 내년 봄에 문을 연다 '.repeat(800);
  const pieces = tokenize(spaced);
  assert.ok(pieces.every((m) => spaced.slice(m.start, m.end) === m.surface));
  assert.equal(pieces.filter((m) => m.surface === '항만').length, 800, 'no word is lost or split at a cut');
  // lindera alone on one 400k run of 가 takes ~30 s of CPU (10k: 0.4 s; 100k: 6–10 s); read in pieces, ~6 s.
  // The limit is the worker thread's CPU time, which load does not stretch; it only catches the hang.
  assert.equal(await finishesWithinCpu(15_000, new URL('./morph.js', import.meta.url), 'tokenize', '가'.repeat(400_000)), true);
});

test('linePieces: a long line is cut at its last white space before MAX_TOKENIZED_CHARS, anywhere without one', () => {
  const short = '가'.repeat(MAX_TOKENIZED_CHARS);
  assert.deepEqual(linePieces(short), [{ text: short, start: 0 }]);
  const spaced = '가나다\u3000'.repeat(MAX_TOKENIZED_CHARS / 2);
  const pieces = linePieces(spaced);
  assert.equal(pieces.map((p) => p.text).join(''), spaced);
  for (const p of pieces) {
    assert.equal(spaced.slice(p.start, p.start + p.text.length), p.text);
    assert.ok(p.text.length <= MAX_TOKENIZED_CHARS);
    if (p.start) assert.equal(p.text[0], '\u3000', 'cut at an ideographic space');
  }
  const dots = '·'.repeat(2 * MAX_TOKENIZED_CHARS + 7);
  assert.deepEqual(linePieces(dots).map((p) => [p.start, p.text.length]), [[0, MAX_TOKENIZED_CHARS], [MAX_TOKENIZED_CHARS, MAX_TOKENIZED_CHARS], [2 * MAX_TOKENIZED_CHARS, 7]]);
});

test('linePieces: a cut looks back at most MAX_CUT_SEARCH_CHARS for white space', () => {
  // A space too far back is not used: the stretch after it has none within MAX_CUT_SEARCH_CHARS of the end.
  const far = 'x'.repeat(MAX_TOKENIZED_CHARS - MAX_CUT_SEARCH_CHARS - 10) + ' ' + 'y'.repeat(MAX_TOKENIZED_CHARS);
  assert.equal(linePieces(far)[1].start, MAX_TOKENIZED_CHARS);
  // One within reach is.
  const near = 'x'.repeat(MAX_TOKENIZED_CHARS - MAX_CUT_SEARCH_CHARS + 10) + ' ' + 'y'.repeat(MAX_TOKENIZED_CHARS);
  assert.equal(linePieces(near)[1].start, MAX_TOKENIZED_CHARS - MAX_CUT_SEARCH_CHARS + 10);
});
