import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster, Message, NewsDoc } from '../types.js';
import { shortId } from '../ids.js';
import { addBatch, clusterDocuments, CLUSTER_TUNABLES, EventClusterer } from './index.js';
import { loadFixture, makeDoc, type Fixture } from '../../test/fixture-docs/cluster.mjs';

/** Clusters as sorted lists of fixture file names, sorted: comparable with expected.json. */
const named = (f: Fixture, groups: string[][]) => groups.map((g) => g.map((id) => f.name.get(id)!).sort()).sort();
const partition = (f: Fixture, clusters: Cluster[]) => named(f, clusters.map((c) => c.members));
/** The cluster stage's messages about `doc` with `rule`: run output; the document itself never changes. */
const said = (messages: Message[], doc: NewsDoc, rule: string) => {
  assert.ok(!doc.messages.some((m) => m.stage === 'cluster'), 'nothing is written into the document');
  return messages.filter((m) => m.stage === 'cluster' && m.rule === rule && m.place.source === doc.source);
};

test('two events on the same day are kept apart', () => {
  const f = loadFixture('two-events');
  assert.deepEqual(partition(f, clusterDocuments(f.docs)), f.expected.clusters);
});

test('a syndicated copy is a near-duplicate of its original and joins the cluster', () => {
  const f = loadFixture('syndicated-copy');
  const messages: Message[] = [];
  const clusters = clusterDocuments(f.docs, undefined, messages);
  assert.deepEqual(partition(f, clusters), f.expected.clusters);
  assert.deepEqual(named(f, clusters.flatMap((c) => c.duplicates)), f.expected.duplicates);
  const copy = f.byName.get('2-copy')!;
  assert.equal(said(messages, copy, 'near-duplicate').length, 1, 'the run says what the copy copies');
  // the independent rewrite of the same event is in the cluster but not a duplicate
  assert.ok(!clusters.flatMap((c) => c.duplicates.flat()).includes(f.byName.get('3-rewrite')!.id));
});

test('a derivative listed first joins its reports, which seed the cluster', () => {
  const f = loadFixture('derivative-joins');
  const clusters = clusterDocuments(f.docs);
  assert.deepEqual(partition(f, clusters), f.expected.clusters);
  const event = clusters.find((c) => c.members.length > 1)!;
  assert.equal(event.id, shortId('c', f.byName.get(f.expected.seed as string)!.id), 'the id comes from the first report');
  assert.deepEqual(event.members.map((id) => f.name.get(id)), ['0-blog', '1-report', '2-report'], 'members in input order');
});

test('a derivative that arrives before its reports waits, then moves to them (watch mode)', () => {
  const f = loadFixture('derivative-joins');
  const c = new EventClusterer();
  const blog = f.byName.get('0-blog')!;
  const pendingId = c.add(blog);
  assert.deepEqual(c.pendingDerivatives(), [blog.id]);
  const reportCluster = c.add(f.byName.get('1-report')!);
  assert.notEqual(reportCluster, pendingId, 'the report does not join the derivative');
  assert.equal(c.clusterOf(blog.id), reportCluster);
  assert.deepEqual(c.pendingDerivatives(), []);
  assert.equal(c.add(f.byName.get('2-report')!), reportCluster);
  assert.equal(c.clusters().length, 1);
});

test('same-topic stories months apart are different events', () => {
  const f = loadFixture('date-gap');
  const messages: Message[] = [];
  assert.deepEqual(partition(f, clusterDocuments(f.docs, undefined, messages)), f.expected.clusters);
  assert.equal(said(messages, f.byName.get('q2')!, 'date-gap').length, 1, 'the split is explained');
  // Without their dates the two stories are similar enough to merge: the date is what separates them.
  const undated = loadFixture('date-gap').docs.map((d) => ({ ...d, publishedAt: null, messages: [] }));
  assert.deepEqual(partition(f, clusterDocuments(undated)), f.expected.withoutDates);
});

test('a document added later joins the existing cluster of its event', () => {
  const f = loadFixture('incremental-add');
  const e = f.expected as { first: string[]; later: string; joins: string };
  const c = new EventClusterer();
  const ids = new Map(e.first.map((n) => [n, c.add(f.byName.get(n)!)]));
  assert.equal(new Set(ids.values()).size, e.first.length, 'unrelated first documents start their own clusters');
  const joined = c.add(f.byName.get(e.later)!);
  assert.equal(joined, ids.get(e.joins));
  assert.equal(joined, shortId('c', f.byName.get(e.joins)!.id), 'cluster ids derive from the first member');
  assert.equal(c.clusters().length, e.first.length);
  assert.deepEqual(c.clusters().find((x) => x.id === joined)!.members, [e.joins, e.later].map((n) => f.byName.get(n)!.id));
});

test('a document with almost no text stays alone and says why', () => {
  const f = loadFixture('two-events');
  const tiny: NewsDoc = { ...f.docs[0], id: 'tiny', source: 'tiny', title: null, body: '사진', messages: [] };
  const messages: Message[] = [];
  const clusters = clusterDocuments([...f.docs, tiny], undefined, messages);
  assert.deepEqual(clusters.find((c) => c.members.includes('tiny'))!.members, ['tiny']);
  assert.ok(said(messages, tiny, 'too-little-text').some((m) => m.severity === 'warning'));
});

test('every document lands in exactly one cluster, and adding it twice changes nothing', () => {
  const docs = ['two-events', 'syndicated-copy', 'derivative-joins'].flatMap((n) => loadFixture(n).docs);
  const c = new EventClusterer({ prepared: docs });
  for (const d of docs) c.add(d);
  for (const d of docs) c.add(d);
  const members = c.clusters().flatMap((x) => x.members);
  assert.deepEqual([...members].sort(), docs.map((d) => d.id).sort());
});

test('watch mode: a later batch joins earlier clusters without moving them, and a waiting derivative finds its reports', () => {
  const f = loadFixture('derivative-joins');
  const [blog, report1, report2, other] = ['0-blog', '1-report', '2-report', '3-other'].map((n) => f.byName.get(n)!);
  const first = [blog, report1, other];
  const c = new EventClusterer({ prepared: first, open: true });
  const waiting = addBatch(c, first);
  const before = c.clusters();
  assert.equal(said(waiting, blog, 'derivative-without-reports').length, 0, 'the blog found its report in the first batch');

  addBatch(c, [report2], [...first, report2]);
  const after = c.clusters();
  assert.deepEqual(after.map((x) => x.id), before.map((x) => x.id), 'no cluster appears, disappears or is renamed');
  const event = after.find((x) => x.members.includes(report1.id))!;
  assert.deepEqual(event.members, [report1.id, blog.id, report2.id], 'earlier members stay, in their order; the new report is appended');
  assert.deepEqual(after.find((x) => x.members.includes(other.id))!.members, [other.id]);
});

test('watch mode: a derivative waiting for its reports says so until they arrive', () => {
  const f = loadFixture('derivative-joins');
  const [blog, report1, other] = ['0-blog', '1-report', '3-other'].map((n) => f.byName.get(n)!);
  const c = new EventClusterer({ prepared: [blog, other], open: true });
  const waits = (messages: Message[]) => said(messages, blog, 'derivative-without-reports').length;
  assert.equal(waits(addBatch(c, [blog, other])), 1);
  assert.equal(waits(addBatch(c, [], [blog, other])), 1, 'said once a batch, while it waits');
  assert.equal(waits(addBatch(c, [report1], [blog, other, report1])), 0, 'the message goes when the reports arrive');
  assert.equal(c.clusterOf(blog.id), c.clusterOf(report1.id));
});

test('refine: a report that came before its own event formed moves to it once the batch is in', () => {
  const f = loadFixture('refine-moves');
  const b1 = f.byName.get('3-b1')!;
  const c = new EventClusterer({ prepared: f.docs });
  addBatch(c, f.docs);
  // The premise: the first market-fire report arrives when only the warehouse-fire cluster exists, and joins it.
  assert.equal(c.clusterOf(b1.id), c.clusterOf(f.byName.get('1-a1')!.id), 'fixture premise: b1 first joins the other fire');
  assert.equal(c.refine(f.docs), 1);
  assert.deepEqual(partition(f, c.clusters()), f.expected.clusters);
  assert.equal(c.clusterOf(b1.id), c.clusterOf(f.byName.get('5-b2')!.id));
  assert.ok(said(c.messages, b1, 'reassigned').some((m) => m.severity === 'info'), 'the move is explained');
  assert.equal(c.refine(f.docs), 0, 'a second pass finds nothing more to move');

  const fresh = loadFixture('refine-moves');
  assert.deepEqual(partition(fresh, clusterDocuments(fresh.docs)), fresh.expected.clusters, 'the batch entry point refines');
  assert.throws(() => new EventClusterer({ prepared: fresh.docs, open: true }).refine(fresh.docs), /closed batch/);
});

test('refine: an event that followed one report into an unrelated cluster is split off', () => {
  const f = loadFixture('refine-splits');
  const [b1, a1, b2] = ['1-b1', '2-a1', '6-b2'].map((n) => f.byName.get(n)!);
  const c = new EventClusterer({ prepared: f.docs });
  addBatch(c, f.docs);
  // The premise: the first strike report shares a city-profile sentence with the library report and joins it; the
  // other strike reports follow (half their mean similarity comes from it), and the second library report finds the mix too loose.
  assert.equal(c.clusterOf(a1.id), c.clusterOf(b1.id), 'fixture premise: a1 joins b1 on one shared sentence');
  assert.equal(c.clusters().find((x) => x.id === c.clusterOf(b1.id))!.members.length, 5, 'fixture premise: the strike follows a1');
  assert.notEqual(c.clusterOf(b2.id), c.clusterOf(b1.id), 'fixture premise: b2 stays apart');
  assert.equal(c.refine(f.docs), 5, 'four strike reports split off, then the library reports meet');
  assert.deepEqual(partition(f, c.clusters()), f.expected.clusters);
  assert.equal(c.clusterOf(a1.id), shortId('c', a1.id), 'the part split off is named by its first report');
  assert.equal(said(c.messages, a1, 'split').length, 1, 'the split is explained');
  assert.equal(c.refine(f.docs), 0, 'a second pass finds nothing more to split or move');
  assert.deepEqual(partition(f, clusterDocuments(f.docs, { ...CLUSTER_TUNABLES, splitMaxReports: 0 })), [['1-b1', '2-a1', '3-a2', '4-a3', '5-a4'], ['6-b2']],
    'without the split check the strike stays merged with the library');
});

test('term counts and vectors kept between the passes change nothing: the same clusters and messages as made again', () => {
  for (const name of ['two-events', 'syndicated-copy', 'derivative-joins', 'refine-splits']) {
    const f = loadFixture(name);
    const kept: Message[] = [], remade: Message[] = [];
    const a = clusterDocuments(f.docs, undefined, kept);
    const b = clusterDocuments(f.docs, { ...CLUSTER_TUNABLES, keptTermsMb: 0 }, remade);
    assert.deepEqual(a, b, name);
    assert.deepEqual(kept, remade, name);
  }
});

test('a batch of 130,000 blog posts, each with a placement message, clusters without overflowing the stack', () => {
  // Each derivative too short to match says so and, with no report to join, says that too: 260k messages,
  // more than one spread call can pass as arguments.
  const docs = Array.from({ length: 130_000 }, (_, i) => makeDoc(`blog-${i}`, `짧은 글 ${i}`, { kind: 'derivative', date: '2025-03-01' }));
  const messages: Message[] = [];
  const clusters = clusterDocuments(docs, undefined, messages);
  assert.equal(clusters.length, docs.length);
  assert.equal(messages.filter((m) => m.rule === 'derivative-without-reports').length, docs.length);
});

test('candidates are ranked by what they add to the similarity: the event found through its name is not crowded out by a cluster sharing a longer, commoner passage', () => {
  // A foundation's two reports name it. Eight reports of the day carry the same long traffic notice (they form one
  // cluster). The new report names the foundation (title and body) and repeats the notice: the notice's terms are
  // many but light (eight other documents have them), the name's few and heavy (two).
  const notice = '벚꽃축제 행사장 주변 도로 교통통제 안내문을 주민들에게 배포했고 임시 주차장과 셔틀버스 정류장 위치도 함께 알렸다';
  const date = '2025-04-05';
  const others = [
    '구청은 축제 기간 임시 주차장 세 곳을 운영한다', '축제 기간 셔틀버스가 이십 분 간격으로 다닌다',
    '수영장은 다음 달 첫째 주말 새 단장을 마치고 문을 연다. 수질 검사는 매일 오전 진행된다',
    '도서관은 서가 교체 공사로 열흘 동안 휴관하며 반납함은 정문 앞에 둔다', '전통시장 상인회는 화재 감지기 이백 개를 점포마다 새로 달았다',
    '공원 산책로 정비 공사가 끝나 야간 조명과 쉼터 의자가 늘어났다', '어린이집 신규 원아 모집은 온라인 접수로만 받는다',
    '체육관 지붕 보수 공사는 장마 전에 끝낼 계획이다',
  ];
  const docs = [
    makeDoc('a1', '솔빛재단은 올해 장학생 마흔 명에게 장학금을 전달했다. 이사장은 지역 인재를 꾸준히 돕겠다고 밝혔다.', { title: '솔빛재단 장학금 전달식', date }),
    makeDoc('a2', '솔빛재단 장학금 전달식에는 학부모 백여 명이 참석했다. 솔빛재단은 내년에 대상을 늘린다.', { title: '솔빛재단 장학생 마흔 명 선발', date }),
    ...others.map((o, i) => makeDoc(`b${i}`, `${notice}. ${o}.`, { title: o.slice(0, 12), date })),
    makeDoc('x', `솔빛재단 발표. ${notice}.`, { title: '솔빛재단 새 소식', date }),
  ];
  const placed = (maxCandidates: number) => {
    const c = new EventClusterer({ prepared: docs, tunables: { ...CLUSTER_TUNABLES, maxCandidates, probeTerms: 100 } });
    for (const d of docs) c.add(d);
    return c;
  };
  const [a1, b0, x] = [docs[0], docs[2], docs.at(-1)!];
  const all = placed(20);
  assert.equal(all.clusterOf(docs.at(-2)!.id), all.clusterOf(b0.id), 'premise: the notice\'s reports form one cluster');
  assert.equal(all.clusterOf(x.id), all.clusterOf(a1.id), 'premise: compared with every candidate, it joins the foundation');
  const one = placed(1);
  assert.equal(one.clusterOf(x.id), one.clusterOf(a1.id), 'with one candidate compared, that candidate is the foundation');
});
