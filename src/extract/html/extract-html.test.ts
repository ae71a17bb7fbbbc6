import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { extractHtml, OUTLET_RULES, ruleForUrl, type HtmlExtraction } from './index.js';
import { toKst } from '../../dates.js';

const root = new URL('../../../fixtures/extract-html/', import.meta.url);

interface Expected {
  method?: string;
  outletRule?: string;
  text?: string;
  captions?: string[];
  metadata?: Record<string, unknown>;
  /** Rules that must appear among `removed`. */
  removedRules?: string[];
}

function run(name: string): { r: HtmlExtraction; expected: Expected } {
  const dir = new URL(`${name}/`, root);
  const html = readFileSync(new URL('page.html', dir), 'utf8');
  const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Expected;
  return { r: extractHtml(html, { source: `fixtures/extract-html/${name}/page.html` }), expected };
}

function check(name: string) {
  const { r, expected } = run(name);
  if (expected.text !== undefined) assert.equal(r.text, expected.text, `${name}: text`);
  if (expected.method) assert.equal(r.method, expected.method, `${name}: method`);
  if (expected.outletRule) assert.equal(r.outletRule, expected.outletRule, `${name}: outlet rule`);
  if (expected.captions) assert.deepEqual(r.captions, expected.captions, `${name}: captions`);
  for (const [key, value] of Object.entries(expected.metadata ?? {})) {
    assert.deepEqual(r.metadata[key as keyof typeof r.metadata], value, `${name}: metadata.${key}`);
  }
  for (const rule of expected.removedRules ?? []) {
    assert.ok(r.removed.some((x) => x.rule === rule), `${name}: something removed by ${rule}`);
  }
  for (const c of r.captions) assert.ok(!r.text.includes(c), `${name}: caption kept out of the text`);
  return r;
}

// One fixture page per outlet rule, written from the site's markup with a fictional story.
for (const rule of OUTLET_RULES) {
  test(`outlet rule ${rule.id} (${rule.name}) finds the body, caption, byline and date`, () => {
    const r = check(rule.id);
    assert.equal(r.outletRule, rule.id);
    assert.equal(r.method, 'outlet-rule');
    assert.match(r.metadata.evidence.outletRule ?? '', new RegExp(rule.id));
    assert.ok(!/많이 본 뉴스|회사소개|광고안내/.test(r.text), 'page furniture stays out');
  });
}

test('there are rules for at least 15 Korean outlets, each with a reason and a fixture', () => {
  assert.ok(OUTLET_RULES.length >= 15);
  const fixtures = new Set(readdirSync(root));
  for (const rule of OUTLET_RULES) {
    assert.ok(rule.reason.length > 20, `${rule.id} says why it exists`);
    assert.ok(fixtures.has(rule.id), `${rule.id} has a fixture`);
  }
});

test('JSON-LD articleBody is used when the DOM lost the story', () => {
  const r = check('json-ld-body');
  assert.equal(r.method, 'json-ld');
  assert.equal(r.metadata.evidence.publishedAt, 'json-ld');
});

test('JSON-LD articleBody filters DOM paragraphs it does not vouch for, keeping the DOM paragraph breaks', () => {
  const r = check('json-ld-filter');
  assert.ok(r.removed.some((x) => x.rule === 'html-not-in-json-ld' && x.text.includes('구독 이벤트')));
});

test('the text-density candidate beats a navigation-heavy page', () => {
  const r = check('density-nav-heavy');
  assert.ok(!r.text.includes('관련 소식'), 'link lists are not story');
});

test('captions are reported separately and kept out of the text', () => {
  const r = check('captions');
  assert.equal(r.captions.length, 3);
});

test('dates from JSON-LD (@graph or arrays, UTC) are converted to KST', () => {
  const r = check('kst-dates');
  assert.equal(r.metadata.evidence.publishedAt, 'json-ld', 'JSON-LD wins over the meta tag');
});

test('boilerplate blocks (share bar, ad label, related links, separators) are removed and listed; the copyright line is left to the line cleaner', () => {
  const r = check('boilerplate');
  assert.ok(r.text.endsWith('ⓒ 가상신문 무단 전재 및 재배포 금지'), 'the line cleaner reads the outlet from it');
  assert.ok(!r.text.includes('···'));
});

test('toKst converts zones, Korean forms and 오후 to KST ISO 8601', () => {
  assert.equal(toKst('2025-02-04T05:40:00Z'), '2025-02-04T14:40:00+09:00');
  assert.equal(toKst('2025-02-04T05:40:00.000+00:00'), '2025-02-04T14:40:00+09:00');
  assert.equal(toKst('2025-02-04 14:40'), '2025-02-04T14:40:00+09:00', 'no zone: the page is in KST');
  assert.equal(toKst('2025-02-03T23:40:00-0500'), '2025-02-04T13:40:00+09:00');
  assert.equal(toKst('2025.02.04 14:40'), '2025-02-04T14:40:00+09:00');
  assert.equal(toKst('입력 2025.02.04. 오후 2:40'), '2025-02-04T14:40:00+09:00');
  assert.equal(toKst('2025년 2월 4일 오전 12시 5분'), '2025-02-04T00:05:00+09:00');
  assert.equal(toKst('송고시간2025-02-04 14:40'), '2025-02-04T14:40:00+09:00');
  assert.equal(toKst('Tue, 04 Feb 2025 05:40:00 GMT'), '2025-02-04T14:40:00+09:00');
  assert.equal(toKst('2025-12-31T20:00:00Z'), '2026-01-01T05:00:00+09:00', 'crosses the year in KST');
  assert.equal(toKst('2025-02-04'), '2025-02-04', 'a date stays a date');
  assert.equal(toKst('2025-13-40 10:00'), null);
  assert.equal(toKst('조회수 1,234'), null);
});

test('outlet rules match by host, subdomains included, and nothing else', () => {
  assert.equal(ruleForUrl('https://n.news.naver.com/mnews/article/001/0000000001')?.id, 'naver');
  assert.equal(ruleForUrl('https://m.yna.co.kr/view/AKR1')?.id, 'yonhap');
  assert.equal(ruleForUrl('https://www.hankyung.com/article/1')?.id, 'hankyung');
  assert.equal(ruleForUrl('https://example.com/yna.co.kr'), null);
  assert.equal(ruleForUrl('not a url'), null);
  assert.equal(ruleForUrl(undefined), null);
});

test('a page with no story says so in a message instead of failing', () => {
  const r = extractHtml('<html><body><nav><a href="/">홈</a></nav></body></html>', { source: 'empty.html' });
  assert.equal(r.text, '');
  assert.ok(r.messages.some((m) => m.rule === 'html-no-main-text' && m.severity === 'warning'));
});

test('broken JSON-LD is reported and the rest of the page still works', () => {
  const html = `<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "가상 제목",}</script>
  <script type="application/ld+json">{ not json</script></head><body><article><p>가상의 마을에서 열린 축제에 주민 3천명이 모였다고 주최 측이 밝혔다. 축제는 사흘간 이어졌다.</p></article></body></html>`;
  const r = extractHtml(html, { source: 'broken.html' });
  assert.equal(r.metadata.title, '가상 제목', 'a trailing comma is forgiven');
  assert.ok(r.messages.some((m) => m.rule === 'html-json-ld-unreadable'));
  assert.match(r.text, /축제/);
});

test('fragments and tiny pages keep their text, with a message saying no story container was found', () => {
  for (const html of ['<p>가상의 짧은 공지입니다.</p><p>내일 휴관합니다.</p>', '가상의 마을 소식: 내일 장이 섭니다.']) {
    const r = extractHtml(html, { source: 'tiny.html' });
    assert.equal(r.method, 'page');
    assert.ok(r.text.length > 0);
    assert.ok(r.messages.some((m) => m.rule === 'html-whole-page'));
  }
  assert.equal(extractHtml('', { source: 'empty.html' }).text, '');
});

test('the headline repeated at the top and a dateline before the first paragraph are dropped and listed', () => {
  const html = `<html><head><title>가상 시장, 새 다리 개통 | 가상일보</title><meta property="og:title" content="가상 시장, 새 다리 개통"></head>
  <body><div class="article-body"><h1>가상 시장, 새 다리 개통</h1><p>입력 2025.03.04 09:30</p>
  <p>가상의 도시 강물시가 5년 공사 끝에 시내를 가로지르는 새 다리를 4일 개통했다. 다리 길이는 1.2㎞이며 왕복 4차로다. 시는 출퇴근 시간이 15분가량 줄어들 것으로 내다봤다.</p>
  <p>개통식에는 주민 500여명이 참석했다. 시장은 "다리가 두 지역을 잇는 생활권의 중심이 될 것"이라고 말했다. 다리 아래에는 산책로와 자전거 도로도 만들어졌다.</p></div></body></html>`;
  const r = extractHtml(html, { source: 'lead.html' });
  assert.ok(r.text.startsWith('가상의 도시 강물시가'), r.text);
  assert.ok(r.removed.some((x) => x.rule === 'html-title-repeat'));
  assert.ok(r.removed.some((x) => x.rule === 'html-dateline'));
});
