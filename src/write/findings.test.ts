// 엇갈린 보도 from findings as data: the analysis' verdicts, worded by the writer's table of labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceEntry } from '../types.js';
import { compareSources } from '../analyze/findings.js';
import { findNumbers } from '../analyze/numbers.js';
import { loadDocs } from '../../test/fixture-docs/analyze.mjs';
import { findingSentence, IN_POST } from './findings.js';
import { plainText } from './context.js';

const told = (name: string) => {
  const docs = loadDocs(new URL(`../../fixtures/analyze-findings/${name}/`, import.meta.url));
  const numbers = findNumbers(docs);
  const names = new Map<string, SourceEntry>(docs.map((d) => [d.id, { document: d.id, name: d.outlet!, title: null, url: null, date: null }]));
  return compareSources(docs, { entities: [], numbers, quotes: [], timeline: [] })
    .filter(IN_POST).map((f) => findingSentence(f, names, numbers)).map((s) => (s ? plainText(s.runs) : null));
};

test('a total that does not add up reaches 엇갈린 보도, with newsdesk arithmetic labelled as its own', () => {
  assert.deepEqual(told('total-wrong'), [
    '가상일보는 합계를 20억 달러로 적었지만, 함께 적힌 항목을 더하면 12억 달러 + 5억 달러 = 17억 달러(newsdesk 계산)로 맞지 않는다.',
  ]);
});

test('differing figures are told with what they are about and which outlet wrote which', () => {
  assert.deepEqual(told('particle-free-topic'), ['기업가치를 두고 기사마다 다른 수치를 썼다: 6200억원 안팎(가상일보), 약 7000억원(샘플경제).']);
});

test('a total that matches the top of its range, and an agreement, stay in the JSON', () => {
  assert.deepEqual(told('total-check'), []);
  assert.deepEqual(told('agreement'), []);
});

test('a loose ratio is told with the computed one; a conversion spread says which outlet used which figure', () => {
  assert.deepEqual(told('ratio-check'), ['가상일보는 50달러와 2달러의 차이를 ‘20분의 1’로 적어 실제 차이보다 작게 표현했다: 50 ÷ 2 = 25(newsdesk 계산).']);
  assert.deepEqual(told('conversion-variance'), [
    '같은 3000억 달러를 기사마다 다른 원화 금액으로 옮겼다: 430조원(가상일보), 436조원(샘플경제), 441조 원(모의뉴스). '
    + '적용한 환율이 다를 뿐(newsdesk 계산 원/달러 1,433–1,470) 모순은 아니다.',
  ]);
});
