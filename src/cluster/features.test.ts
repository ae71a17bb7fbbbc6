import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addTerms, documentTerms, isEnglish, pairId, termId, titleOf, type TermCounts } from './features.js';
import { CLUSTER_TUNABLES } from './tunables.js';

const terms = (text: string) => {
  const c: TermCounts = new Map();
  addTerms(text, c);
  return { has: (term: string) => c.has(termId(term)), hasPair: (a: string, b: string) => c.has(pairId(termId(a), termId(b))), size: c.size };
};

test('a Korean stem matches under different particles', () => {
  const a = terms('한빛전자가 발표했다'), b = terms('한빛전자는 부인했다');
  assert.ok(a.has('한빛전') && a.has('한빛전자') && b.has('한빛전') && b.has('한빛전자'));
  assert.ok(!a.has('자가발') && !a.has('자가 발'), 'n-grams stay inside a word');
  // 한빛전자가 → 3 trigrams + 2 four-grams + 1 five-gram; 발표했다 → 2 + 1
  assert.equal(a.size, 6 + 3);
});

test('Latin-script words are lower-cased and paired with their neighbour, in order', () => {
  const c = terms('OpenAI and SoftBank met');
  assert.ok(c.has('openai') && c.has('softbank') && c.hasPair('openai', 'and'));
  assert.ok(!c.hasPair('and', 'openai'), 'a pair is ordered');
  assert.ok(!terms('OpenAI\nand').hasPair('openai', 'and'), 'pairs do not cross lines');
});

test('mixed tokens split by script (오픈AI → 오픈 + ai)', () => {
  const c = terms('오픈AI');
  assert.ok(c.has('오픈') && c.has('ai'));
});

test('term ids are non-zero 32-bit integers, the same for the same text', () => {
  for (const t of ['a', '한빛전', 'openai', '']) {
    assert.equal(termId(t), termId(t.slice()));
    assert.ok(termId(t) !== 0 && termId(t) === (termId(t) | 0));
  }
  assert.notEqual(termId('누리시'), termId('누리사'));
});

test('title terms count more than body terms', () => {
  const c = documentTerms({ title: '누리시 폭설', body: '누리시에 눈이 내렸다' });
  assert.equal(c.get(termId('누리시')), 1 + CLUSTER_TUNABLES.titleWeight);
});

test('without a title, a headline-like first line stands in, but a menu label does not', () => {
  assert.equal(titleOf({ title: null, body: '누리시 밤새 폭설…버스 운행 중단\n본문' }), '누리시 밤새 폭설…버스 운행 중단');
  assert.equal(titleOf({ title: null, body: '메뉴 바로가기\n본문' }), '');
});

test('English is told from Vietnamese and Korean; its function words carry no weight and break bigrams', () => {
  assert.ok(isEnglish('The city said on Tuesday that exports rose 6 percent from a year earlier.'));
  assert.ok(!isEnglish('Thành phố cho biết xuất khẩu tăng 6% so với cùng kỳ năm trước.'), 'Vietnamese marks most syllables');
  assert.ok(!isEnglish('한빛전자가 AI 반도체를 공개했다.'));
  const en = documentTerms({ title: null, body: 'Exports of the chips rose, the ministry said.' });
  for (const w of ['the', 'of', 'said']) assert.ok(!en.has(termId(w)), `${w} is skipped`);
  for (const w of ['exports', 'chips', 'ministry']) assert.ok(en.has(termId(w)), `${w} is kept`);
  assert.ok(!en.has(pairId(termId('exports'), termId('chips'))), 'no bigram across a skipped word');
  assert.ok(en.has(pairId(termId('chips'), termId('rose'))));
  const vi = documentTerms({ title: null, body: 'Đà Nẵng to the gió mạnh về đêm.' });
  assert.ok(vi.has(termId('to')) && vi.has(termId('the')), 'a Vietnamese text keeps every word');
});

test('documentTerms counts what addTerms counts, in the same order, with the same weights', () => {
  const docs = [
    { title: '누리시 폭설, 출근길 혼잡', body: '누리시에 20㎝ 눈이 내렸다.\n시는 제설차 40대를 투입했다고 밝혔다. 오픈AI와 5G통신도 멈췄다.' },
    { title: null, body: 'Exports of the chips rose 6 percent, the ministry said.\nThe ministry said exports rose.' },
    { title: 'Đà Nẵng mưa lớn', body: 'Thành phố Đà Nẵng cho biết mưa lớn kéo dài.\n\n𠮷野家 漢字 かな カタカナ 가' },
  ];
  for (const doc of docs) {
    const expected: TermCounts = new Map();
    const english = isEnglish(doc.body);
    addTerms(doc.body, expected, 1, CLUSTER_TUNABLES, english);
    const title = titleOf(doc);
    if (title) addTerms(title, expected, CLUSTER_TUNABLES.titleWeight, CLUSTER_TUNABLES, english);
    assert.deepEqual([...documentTerms(doc)], [...expected]);
  }
});

test('isEnglish counts letters as the Unicode letter class does (astral letters once, digits and marks not at all)', () => {
  const share = (text: string) => {
    const letters = text.slice(0, 4000).match(/\p{L}/gu)?.length ?? 0;
    return letters > 0 && (text.slice(0, 4000).match(/[A-Za-z]/g)?.length ?? 0) / letters >= CLUSTER_TUNABLES.englishMinShare;
  };
  const texts = [
    'Plain English only, with digits 2026 and [brackets] @ ` { }.',
    'English text with one Korean word 한빛 inside it, a few more English words to keep the share high enough here.',
    'English with astral letters 𠮷𠮷 and an emoji 😀 that is no letter at all, long enough to stay over the share line.',
    'é'.repeat(3) + 'a'.repeat(97),
    'x'.repeat(3999) + '𠮷',
    '',
  ];
  for (const text of texts) assert.equal(isEnglish(text), share(text), text.slice(0, 40));
});
