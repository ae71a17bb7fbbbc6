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

test('names every reader knows need no cue; places across the world; an organization a place names runs over describing nouns', () => {
  assert.deepEqual(spans('연합뉴스는 코레일이 요금을 올린다고 전했다.'), ['연합뉴스/OG', '코레일/OG']);
  assert.deepEqual(spans('롯데 자이언츠는 어제 두산베어스를 이겼다.'), ['롯데 자이언츠/OG', '두산베어스/OG'], 'sponsor and nickname are one club');
  assert.deepEqual(spans('걸그룹 소녀시대가 무대에 올랐다.'), ['소녀시대/PS'], 'a performing group is a person (KLUE)');
  assert.deepEqual(spans('축제는 춘천과 강릉에서 열린다.'), ['춘천/LC', '강릉/LC']);
  assert.deepEqual(spans('버스는 부산→서울 구간을 달렸다.'), ['부산/LC', '서울/LC'], 'an arrow separates words');
  assert.deepEqual(spans('황사는 경기도 북부까지 번졌다.'), ['경기도 북부/LC'], '경기도 is not 경기 + the particle 도; a part of a region continues it');
  assert.deepEqual(spans('한국 경제가 나빠졌다.'), ['한국/LC'], 'a place and a noun are no known paper (한국경제)');
  assert.deepEqual(spans('미국 연방 하원은 법안을 통과시켰다.'), ['미국 연방 하원/OG']);
  assert.deepEqual(spans('이 자료는 중국 신화통신이 냈다.'), ['중국 신화통신/OG']);
  assert.deepEqual(spans('정다은 가람재단 이사장이 연설했다.'), ['정다은/PS', '가람재단/OG'], '은 ending a name before a title is no particle');
  assert.deepEqual(spans('최 셰프는 요리를 마쳤다.'), ['최/PS']);
  assert.deepEqual(spans('국회 정보위원회는 회의를 열었다.'), ['국회 정보위원회/OG'], 'an organization and its unit are one name');
  assert.deepEqual(spans('가람자동차 미국법인이 문을 닫았다.'), ['가람자동차 미국법인/OG']);
  assert.deepEqual(spans('이날 제임스 하딩이 무대에 섰다.'), ['제임스 하딩/PS'], 'a transliterated given name is no complete Korean name');
  assert.deepEqual(spans('버스는 홍천∼횡성 구간을 달렸다.'), ['홍천/LC', '횡성/LC']);
  assert.deepEqual(spans('평택시장 선거가 열린다.'), ['평택/LC'], 'a place starts a compound of role');
  assert.deepEqual(spans('가람지법 형사3부는 판결을 미뤘다.'), ['가람지법 형사3부/OG'], 'a court and its division');
  assert.deepEqual(spans('영국 일간지 가람타임스가 보도했다.').includes('영국 일간지 가람타임스/OG'), false, 'a cue word keeps the place apart');
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

test('씨 forms: attached, spaced, with the age on either side; 김모 씨 keeps the surname only', () => {
  assert.deepEqual(spans('도종환씨는 시청 앞에서 기다렸다.'), ['도종환/PS']);
  assert.deepEqual(spans('예정화 씨는 지난달 가게를 열었다.'), ['예정화/PS']);
  assert.deepEqual(spans('심만순 씨(45·여)가 병원으로 옮겨졌다.'), ['심만순/PS']);
  assert.deepEqual(spans('주범 윤길자(69·여)씨의 남편이 출석했다.'), ['윤길자/PS']);
  assert.deepEqual(spans('택시 기사 김모 씨(52)가 다쳤다.'), ['김/PS']);
  assert.deepEqual(spans('그는 부모의 반대로 씨름을 그만뒀다.'), [], '부모 and 씨름 are no names');
});

test('countries: 남북 and 한미 stand for two states; a city that acts, a side and a national team are organizations (agents convention)', () => {
  assert.deepEqual(spans('남북 간 입장 차가 컸다.'), ['남/OG', '북/OG']);
  assert.deepEqual(spans('한미합동군사연습이 끝났다.'), ['한/OG', '미/OG']);
  assert.deepEqual(spans('북측이 회담에 나오지 않았다.'), ['북/OG']);
  assert.deepEqual(spans('한미약품 주가가 올랐다.').includes('한/OG'), false, 'a company is not two initials');
  assert.deepEqual(spans('수원시는 15일 예산안을 발표했다.'), ['수원시/OG']);
  assert.deepEqual(spans('그는 수원시에서 태어났다.'), ['수원시/LC']);
  assert.deepEqual(spans('북한이 미사일을 쐈다.'), ['북한/LC'], 'a country as subject stays a place');
  assert.deepEqual(spans('미국 측은 답하지 않았다.'), ['미국/OG']);
  assert.deepEqual(spans('칠레는 페루를 3-1로 꺾고 결승에 올랐다.'), ['칠레/OG', '페루/OG'], 'in a match report a country is its team');
  assert.deepEqual(spans('결승은 페루에서 열린다.'), ['페루/LC'], 'the venue of a match is a place');
  assert.deepEqual(spans('미국인 관광객이 늘었다.'), ['미국/LC']);
});

test('acronyms of things and common nouns that look like names are no entities', () => {
  assert.deepEqual(spans('정부는 FTA와 IPTV, GNP 통계를 발표했다.'), ['정부/OG']);
  assert.deepEqual(spans('노부는 개성 있는 옷을 입었다.'), []);
  assert.deepEqual(spans('K팝 공연과 A매치가 겹쳤다.'), [], 'one capital before Hangul is a label');
  assert.deepEqual(spans('새 SM5 모델과 화학II 교재가 나왔다.'), [], 'a model with digits and a subject level are no organizations');
});

test('a foreign name runs over its parts; a Korean name takes nothing from the words before it', () => {
  assert.deepEqual(spans('결승에서 크리스 와이드먼에게 졌다.'), ['크리스 와이드먼/PS']);
  assert.deepEqual(spans('서울에 박보검이 왔다.'), ['서울/LC', '박보검/PS']);
  assert.deepEqual(spans('창고에서 발견된 모택동 사진이 공개됐다.'), ['모택동/PS']);
});

test('names in Hanja: a gloss after a name has its type; a lone run from a common surname is a person', () => {
  assert.deepEqual(spans('김덕천(金德天) 선생이 강연했다.'), ['김덕천/PS', '金德天/PS']);
  assert.deepEqual(spans('행사는 베이징(北京)에서 열렸다.'), ['베이징/LC', '北京/LC']);
  assert.deepEqual(spans('朴正浩 교수가 참석했다.'), ['朴正浩/PS']);
  assert.deepEqual(spans('韓美 정상이 만났다.'), [], 'country initials are no name');
});

test('kinds of things with an organization ending, and sources that are reports, are no organizations', () => {
  assert.deepEqual(spans('걸그룹 멤버가 신용카드로 결제했다.'), []);
  assert.deepEqual(spans('보도에 따르면 CNN방송이 먼저 알렸다.'), ['CNN방송/OG']);
});

test('a city or province acts, an island does not; 경기도 is no match report', () => {
  assert.deepEqual(spans('주말에 서울과 경기도에 비가 내린다.'), ['서울/LC', '경기도/LC'], '경기 in 경기도 is no game');
  assert.deepEqual(spans('관광객들은 마라도가 가장 좋았다고 했다.'), ['마라도/LC'], 'an island ending in 도 has no government');
  assert.deepEqual(spans('경남도는 예산을 늘렸다.'), ['경남도/OG'], 'a province that acts is its government');
});

test('a one-syllable country initial before a short place ending is a word of its own; 중구 is a district', () => {
  assert.deepEqual(spans('참가자는 300명 미만이었다.'), []);
  assert.deepEqual(spans('그는 중도 하차했다.'), []);
  assert.deepEqual(spans('행사는 부산 중구에서 열린다.'), ['부산 중구/LC']);
});

test('before a title, a compound of dictionary nouns, an adverb or the particle after a bracket is no name', () => {
  assert.deepEqual(spans('한때 이종격투기 선수 생활을 했다.'), []);
  assert.deepEqual(spans('아울러 가람증권 사장이 새로 뽑혔다.'), ['가람증권/OG']);
  assert.deepEqual(spans('가수 윤하람(29)과 배우 한지수(31)가 함께 출연한다.').includes('과/PS'), false, '과 belongs to the bracket');
  assert.deepEqual(spans("'가람일보'는 기자 두 명을 새로 뽑았다."), ['가람일보/OG'], '는 closes the quote');
  assert.deepEqual(spans('마크 존슨 사령관은 훈련을 지휘했다.'), ['마크 존슨/PS'], '사령관 is a title');
});

test('a foreign name takes no descriptive word before it; a name guess alone in quotes is a title of a work', () => {
  assert.deepEqual(spans('그는 만루 때 크리스 브라운에게 홈런을 맞았다.'), ['크리스 브라운/PS']);
  assert.deepEqual(spans("그녀는 드라마 '마리아'에 출연했다."), []);
});

test('a facility one goes to is a place; a body written after its province or university is one name', () => {
  assert.deepEqual(spans('그는 가람병원으로 옮겨졌다.'), ['가람병원/LC']);
  assert.deepEqual(spans('가람병원은 성명을 냈다.'), ['가람병원/OG']);
  assert.deepEqual(spans('경기 수원남부경찰서는 수사에 나섰다.'), ['경기 수원남부경찰서/OG']);
  assert.deepEqual(spans('그는 서울대 천문학과를 졸업했다.'), ['서울대 천문학과/OG']);
  assert.deepEqual(spans('가람지법 동해지원은 판결을 미뤘다.'), ['가람지법 동해지원/OG']);
});

test('a full name the tagger cuts in context is found by asking ko-dic about the word alone; verb forms stay verbs', () => {
  assert.deepEqual(spans('문재인 전 대표가 말했다.'), ['문재인/PS'], '문재/인 before a title');
  assert.deepEqual(spans('어제 무대에 오른 홍경민이 노래했다.'), ['홍경민/PS'], '홍경/민이 before a particle');
  assert.deepEqual(spans('관객들은 어제 장하나를 응원했다.'), ['장하나/PS']);
  assert.deepEqual(spans('그는 사다리를 이용해 올라갔다.'), []);
  assert.deepEqual(spans('연봉이 일정액 이상인 사람은 세금을 더 낸다.'), []);
  assert.deepEqual(spans('시민들이 구상하는 미래는 밝다.'), [], '하 before the ending 는 is a verb stem');
  assert.deepEqual(spans('그 결정은 역사의 이정표가 되었다.'), [], 'one dictionary noun in context is that noun');
});

test('a city that acts with 도 (also) is its government; a place read as ending in a particle continues a place', () => {
  assert.deepEqual(spans('인천시도 버스 노선을 바꾼다.'), ['인천시/OG']);
  assert.deepEqual(spans('여행객들은 일본 오키나와 해변을 찾았다.'), ['일본 오키나와/LC']);
});

test('a body written with its address is a place where something happens or where one goes', () => {
  assert.deepEqual(spans('기자회견은 서울 서초동 가람지법에서 열렸다.'), ['서울 서초동 가람지법/LC']);
  assert.deepEqual(spans('서울 서초동 가람지법은 판결을 미뤘다.'), ['서울 서초동 가람지법/OG']);
  assert.deepEqual(spans('부산 해운대경찰서에 사건이 송치됐다.'), ['부산 해운대경찰서/OG'], '에 also marks the body addressed');
});

test('named road junctions, rest areas, beaches and venues are places; a kind of venue is not', () => {
  assert.deepEqual(spans('차량은 가람나들목에서 멈췄다.'), ['가람나들목/LC']);
  assert.deepEqual(spans('축제는 가람해수욕장에서 열린다.'), ['가람해수욕장/LC']);
  assert.deepEqual(spans('전시는 한빛미술관에서 열린다.'), ['한빛미술관/LC']);
  assert.deepEqual(spans('화물터미널 직원들이 파업했다.'), [], 'dictionary nouns before the ending make a kind of venue');
});

test('anonymised people: a surname or initial with 모 before a title, with or without the age; an initial glued to a title', () => {
  assert.deepEqual(spans('박모 경위가 순찰을 돌았다.'), ['박/PS']);
  assert.deepEqual(spans('훈련 중 신모(20) 일병이 넘어졌다.'), ['신/PS']);
  assert.deepEqual(spans('이모(16)군은 학교로 돌아갔다.'), ['이/PS']);
  assert.deepEqual(spans('K기자는 어제 사표를 냈다.'), ['K/PS']);
  assert.deepEqual(spans('그는 이웃 노인 A 씨를 도왔다.'), ['A/PS'], 'one capital between a noun and 씨 is the person, not an organization');
  assert.deepEqual(spans('고모 집에 갔다.'), [], '고모 (an aunt) before no title is no name');
});

test('dictionary nouns before 에 따르면 or after a cue word are a kind of source or thing, unless both say it is a body', () => {
  assert.deepEqual(spans('매체에 따르면 가격이 올랐다.'), []);
  assert.deepEqual(spans('감사보고서에 따르면 매출이 늘었다.'), []);
  assert.deepEqual(spans('그는 회사 블로그에 글을 올렸다.'), []);
  assert.deepEqual(spans('영국 매체 미러에 따르면 그는 곧 돌아온다.'), ['영국/LC', '미러/OG']);
  assert.deepEqual(spans('올봄 중국 AI 스타트업 가람시크가 새 모델을 냈다.'), ['중국/LC', '가람시크/OG'], 'a cut name after a cue stays one');
});
