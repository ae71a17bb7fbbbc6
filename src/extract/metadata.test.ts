// Outlet table lookups, date parsing and the derivative heuristic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUTLETS, outletByDomain, outletByName } from './outlets.js';
import { isHeadline, isSectionLabel, readMetadata } from './metadata.js';
import { toKst } from '../dates.js';
import { classifyKind } from './derivative.js';

test('outlets: table size, names, aliases and domains', () => {
  assert.ok(OUTLETS.filter((o) => o.kind !== 'aggregator').length >= 40, 'about 40 outlets');
  assert.equal(outletByDomain('https://www.mk.co.kr/news/it/1')?.name, '매일경제');
  assert.equal(outletByDomain('reporter@mydaily.co.kr')?.name, '마이데일리');
  assert.equal(outletByDomain('biz.chosun.com')?.name, '조선비즈', 'the longest domain wins');
  assert.equal(outletByDomain('news.example.org'), undefined);
  assert.equal(outletByName('매경')?.name, '매일경제');
  assert.equal(outletByName('네이버 뉴스')?.kind, 'aggregator');
  for (const o of OUTLETS) assert.ok(o.domains.every((d) => !d.startsWith('www.')), `${o.name}: domains without www.`);
});

test('dates: 입력 lines, Korean dates, 오후 times, invalid dates', () => {
  assert.equal(toKst('입력 2025.03.11 14:20'), '2025-03-11T14:20:00+09:00');
  assert.equal(toKst('기사입력 2024-12-01 09:05:33'), '2024-12-01T09:05:33+09:00');
  assert.equal(toKst('입력 2025.02.04. 오후 3:30'), '2025-02-04T15:30:00+09:00');
  assert.equal(toKst('2025년 2월 4일'), '2025-02-04');
  assert.equal(toKst('지난 4일'), null, 'a relative date needs a year and month');
  assert.equal(toKst('2025.13.40'), null);
  assert.equal(toKst('2025-05-02T01:30:00Z'), '2025-05-02T10:30:00+09:00');
  assert.equal(toKst('2025-05-02'), '2025-05-02');
});

test('headlines and section labels', () => {
  assert.ok(isHeadline('정부, 전기요금 동결…하반기 재검토'));
  assert.ok(!isHeadline('정부가 전기요금을 동결했다.'), 'a Korean sentence is not a headline');
  assert.ok(isHeadline('Budget passes after long night.', 'Lawmakers passed the budget at 3 a.m. on Friday after a long debate.'));
  assert.ok(isSectionLabel('IT일반') && isSectionLabel('경제') && !isSectionLabel('정부, 전기요금 동결'));
});

test('derivative: front matter or blog cues make a derivative; a signed report stays a report', () => {
  const base = { text: '', body: '', title: null, frontMatter: null, hasOutlet: false, hasByline: false, hasDateline: false };
  assert.equal(classifyKind({ ...base, frontMatter: { title: 'x' } }).kind, 'derivative');
  assert.equal(classifyKind({ ...base, body: '제가 오늘 포스팅에서 정리해 봤습니다. 여러분의 생각은 어떤가요?' }).kind, 'derivative');
  assert.equal(classifyKind({ ...base, body: '정부가 예산안을 발표했다.' }).kind, 'report');
  assert.equal(classifyKind({ ...base, body: '제가 보기엔 여러분의 선택이 중요하다.', hasOutlet: true, hasByline: true }).kind, 'report');
});

test('an English wire dateline gives the date only with a year from the URL; December copy posted in January is last year', () => {
  const at = (day: string, key: string) => readMetadata({ lines: [], clues: [{ field: 'datelineDay', value: day, evidence: 'wire-dateline', line: 1 }], html: null, frontMatter: null, format: 'txt', key });
  assert.equal(at('April 19', 'https://en.yna.co.kr/view/AEN20250419000351315').publishedAt, '2025-04-19');
  assert.equal(at('December 31', 'https://en.yna.co.kr/view/AEN20260101000100315').publishedAt, '2025-12-31');
  assert.equal(at('April 19', '/tmp/story.txt').publishedAt, null, 'no year, no date: never the clock');
});
