import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, tokenizeLine } from './morph.js';
import { recognize } from './ner.js';

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
