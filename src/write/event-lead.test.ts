// The lead of a non-meeting act is newsdesk's own sentence filled from the event's slots, in the tense
// the reports' predicates give (fixtures/write/event-act-*/); the agents stand in the order the
// reports name them, whoever the sources mention more often afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { digestFolder } from '../../test/fixture-docs/digest.mjs';

async function digest(name: string) {
  const result = await digestFolder(name, '2026-12-01');
  assert.equal(result.clusters.length, 1, `${name}: one event`);
  const [cluster] = result.clusters;
  const md = cluster.post.markdown;
  const fm = parse(md.match(/^---\n([\s\S]*?)\n---\n/)![1]) as { title: string; tags: string[] };
  const lead = cluster.post.model!.sections[0].blocks[0];
  assert.ok(lead && lead.kind === 'paragraph', 'the post has a lead');
  return { cluster, fm, lead: lead.sentences[0] };
}

test('event-act-planned: 짓기로 합의했다 is told as planned; agents in the order the reports name them', async () => {
  const { cluster, fm, lead } = await digest('event-act-planned');
  const e = cluster.event!;
  assert.equal(e.tense, 'planned');
  // 볼트릭스 is mentioned far more often, but every report names 가온화학 first.
  assert.deepEqual(e.participants.filter((p) => p.as === 'agent').map((p) => p.name), ['가온화학', '볼트릭스']);
  assert.equal(fm.title, '가온화학·볼트릭스, 배터리 공장 건설');
  assert.deepEqual(fm.tags.slice(0, 2), ['가온화학', '볼트릭스']);
  assert.deepEqual(lead.runs, [{ text: '가온화학과 볼트릭스가 10월 6일 배터리 공장을 건설하기로 했다.', by: 'newsdesk' }]);
  assert.ok(e.spans.tense!.length >= 2, 'the tense cites the predicates it was read from');
  assert.ok(lead.sources.length >= 2, 'the lead cites the reports');
});

test('event-act-done: 인수했다 / 인수를 마무리했다 is told as done, never as planned', async () => {
  const { cluster, fm, lead } = await digest('event-act-done');
  assert.equal(cluster.event!.tense, 'done');
  assert.equal(fm.title, '한결제약, 루미텍 인수');
  assert.deepEqual(lead.runs, [{ text: '한결제약이 11월 2일 루미텍을 인수했다.', by: 'newsdesk' }]);
});
