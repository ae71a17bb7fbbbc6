import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognize } from './ner.js';
import { skeleton, transliterates } from './aliases.js';

const spans = (text: string) => recognize(text).map((s) => `${s.text}/${s.type}`);

test('names before titles keep the KLUE convention: no title, no particle', () => {
  assert.deepEqual(spans('박씨는 어제 한빛은행에서 최모(41)씨를 만났다.'), ['박/PS', '한빛은행/OG', '최/PS']);
  const [p] = recognize('정하늘 가람증권 사장이 입을 열었다.');
  assert.equal(p.text, '정하늘');
  assert.equal(p.role, '가람증권 사장');
});

test('places run over several words and a place before an organization names the organization', () => {
  assert.deepEqual(spans('사고는 경기 수원시 팔달구에서 났다.'), ['경기 수원시 팔달구/LC']);
  assert.deepEqual(spans('부산 해운대경찰서는 수사에 나섰다.'), ['부산 해운대경찰서/OG']);
});

test('transliteration skeletons match across scripts', () => {
  assert.equal(skeleton('루미넥스'), skeleton('Luminex'));
  assert.ok(transliterates('오픈넷AI', 'OpenNetAI'));
  assert.ok(!transliterates('고대역폭', 'HBM'));
});
