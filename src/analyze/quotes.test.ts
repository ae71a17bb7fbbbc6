import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities } from './entities.js';
import { findQuotes } from './quotes.js';
import { fixtureDocs } from '../../test/fixture-docs/analyze.mjs';
import type { Message } from '../types.js';

function run(folder: string) {
  const docs = fixtureDocs(`analyze-quotes/${folder}`);
  const entities = findEntities(docs);
  const quotes = findQuotes(docs, entities);
  const body = new Map(docs.map((d) => [d.id, d.body]));
  for (const q of quotes) assert.equal(body.get(q.document)!.slice(q.start, q.end), q.text, 'span points at the quote text');
  return quotes;
}

test('quote patterns: 기자들에게 “…”고 말했다, 그는 “…”이라며 “…”, ‘term’ is not speech', () => {
  const quotes = run('patterns');
  assert.deepEqual(quotes.map((q) => q.text), [
    '내년에는 해외 매출을 두 배로 늘리겠다', '인재 채용도 확대할 것', '연구소를 새로 짓겠다', '좋은 자극이 된다',
  ]);
  assert.ok(quotes.every((q) => q.speaker === '정민호'), 'pronoun and surname+title resolve to the canonical name');
  assert.equal(quotes[1].utterance, quotes[2].utterance, '…라며 chains one statement');
  assert.notEqual(quotes[0].utterance, quotes[1].utterance);
});

test('markup and attribute values left in a text are not quotes; the real remark still is', () => {
  const docs = fixtureDocs('analyze-quotes/markup');
  const messages: Message[] = [];
  const quotes = findQuotes(docs, findEntities(docs), messages);
  assert.deepEqual(quotes.map((q) => q.text), ['책 읽는 밤', '밤에도 책을 읽을 수 있는 공간을 만들고 싶었다']);
  assert.equal(messages.filter((m) => m.rule === 'quote-in-markup').length, 5, 'each skipped value is said, at info level');
});

test('a quote with no name in its sentence takes the subject of the sentence before', () => {
  const [q] = run('previous-sentence');
  assert.equal(q.speaker, '윤서연');
});

test('a quote after "서 대표는 고 회장과 만난 뒤 …" is never the addressee\'s, even when the speaker is no known entity', () => {
  const quotes = run('addressee');
  const by = (t: string) => quotes.find((q) => q.text.includes(t))!;
  assert.notEqual(by('협력 범위를').speaker, '고진혁', 'the one met is not the speaker');
  assert.equal(by('협력 범위를').speaker, null, 'an unknown speaker stays unknown');
  assert.equal(by('기술력이 인상적').speaker, '고진혁', 'his own remark stays his');
});

test('paraphrases of one statement across documents share an utterance; a different remark does not', () => {
  const quotes = run('paraphrase-groups');
  const by = (t: string) => quotes.find((q) => q.text.includes(t))!;
  assert.ok(quotes.every((q) => q.speaker === '최지훈'));
  assert.equal(by('배터리 공급에 대해').utterance, by('배터리 공급 방안').utterance);
  assert.equal(by('아주 생산적인').utterance, by('매우 생산적인').utterance);
  assert.notEqual(by('배터리 공급에 대해').utterance, by('아주 생산적인').utterance);
});

test('a chained pair that other reports quote as two remarks is two statements; one shared topic word joins nothing', () => {
  const quotes = run('chain-reported-apart');
  const by = (t: string) => quotes.find((q) => q.text.includes(t))!;
  assert.ok(quotes.every((q) => q.speaker === '한서준'));
  assert.equal(by('북미 공장을 착공').utterance, by('착공은 올해 안에').utterance, 'the plant remark, told twice');
  assert.equal(by('지금보다 20%').utterance, by('공장이 돌아가면').utterance, 'the price remark, told twice');
  assert.notEqual(by('북미 공장을 착공').utterance, by('지금보다 20%').utterance, 'the chain splits into its two remarks');
  assert.notEqual(by('재활용').utterance, by('공장이 돌아가면').utterance, 'sharing only 배터리 is not one statement');
});
