import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectKeySentences } from './key-sentences.js';
import { documentSentences } from './sentences.js';
import { newDoc } from '../doc.js';
import { loadFixture } from '../../test/fixture-docs/write.mjs';

test('single-document: picks lead-first key sentences, skips the cross-head, spans point at the body', () => {
  const { members } = loadFixture('single-document');
  const keys = selectKeySentences(members);
  assert.ok(keys.length >= 3 && keys.length <= 8, `picked ${keys.length}`);
  assert.match(keys[0].text, /^국내 연구진이 바닷물에서 리튬/);
  assert.ok(!keys.some((k) => k.text === '분리막, 어떻게 다른가'), 'a cross-head is not a key sentence');
  for (const k of keys) {
    for (const m of k.mentions) assert.equal(members[0].body.slice(m.start, m.end), k.text);
  }
  assert.equal(new Set(keys.map((k) => k.text)).size, keys.length, 'no sentence twice');
});

test('cross-outlet-merge: a sentence two outlets carry is one key sentence crediting both', () => {
  const { members, cluster } = loadFixture('cross-outlet-merge');
  const keys = selectKeySentences(members, { quotes: cluster.quotes });
  const shared = keys.find((k) => k.text.startsWith('누리테크가 부산 강서구에'));
  assert.ok(shared, 'the shared lead sentence is a key sentence');
  assert.deepEqual(shared.mentions.map((m) => m.document).sort(), ['doc-a', 'doc-b']);
  // Two wordings of one utterance (per the analysed quotes) are one statement, not two key sentences.
  const quoting = keys.filter((k) => k.text.includes('거점으로'));
  assert.equal(quoting.length, 1);
  assert.equal(quoting[0].mentions.length, 2);
  // The derivative (a blog post) never speaks for the event while reports exist.
  assert.ok(keys.every((k) => k.mentions.every((m) => m.document !== 'doc-c')));
});

test('cross-outlet-merge: an explicit count is honoured', () => {
  const { members } = loadFixture('cross-outlet-merge');
  assert.equal(selectKeySentences(members, { count: 2 }).length, 2);
});

test('a document without sentences is split by the fallback, which keeps a quoted full stop inside and indexes the body', () => {
  const body = '그는 “올해는 다르다. 반드시 해낸다”고 말했다. 이어 계획을 설명했다.\n\n둘째 문단이다.';
  const sentences = documentSentences(newDoc({ id: 'doc-x', source: 'doc-x.txt', body }));
  assert.deepEqual(sentences.map((s) => s.text), ['그는 “올해는 다르다. 반드시 해낸다”고 말했다.', '이어 계획을 설명했다.', '둘째 문단이다.']);
  assert.deepEqual(sentences.map((s) => s.paragraph), [0, 0, 1]);
  for (const s of sentences) assert.equal(body.slice(s.start, s.end), s.text);
});
