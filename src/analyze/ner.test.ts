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

test('anonymised people with an age, time zones, institutions; stages and trade descriptors are no names', () => {
  assert.deepEqual(spans('경찰에 따르면 B(34)씨는 새벽에 귀가했다.'), ['경찰/OG', 'B/PS']);
  assert.deepEqual(spans('C군은 학교로 돌아갔다.'), ['C/PS']);
  assert.deepEqual(spans('경기는 9일(한국시각) 열렸다.'), ['한국/LC']);
  assert.deepEqual(spans('기상청은 주말에 비가 온다고 예보했다.'), ['기상청/OG']);
  assert.deepEqual(spans('차량은 대전 방면으로 달렸다.'), ['대전/LC'], '방면 does not continue the place');
  assert.deepEqual(spans('가온랩스는 시리즈C 투자를 받았다.'), ['가온랩스/OG']);
  assert.deepEqual(spans('국내 정밀화학 기업 한솔켐이 공장을 지었다.').includes('정밀화학/OG'), false);
  const [p] = recognize('이수희 별빛수협 조합장이 대책을 요구했다.');
  assert.equal(p.text, '이수희', 'a full Korean name does not run into the next word');
  assert.equal(p.role, '별빛수협 조합장');
  const known = recognize('요한 닐센 오르비스 최고경영자가 참석했다.', new Set(['오르비스']));
  assert.equal(known[0].text, '요한 닐센');
  assert.equal(known[0].role, '오르비스 최고경영자', 'an organization known from the cluster stands between name and title');
});
