// The store contract: every backend runs the same cases, through the Store interface only. A real
// SQLite file in a temp dir and `:memory:` today; a new backend adds itself to BACKENDS.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DigestResult, NewsDoc, NewsEvent, WrittenCluster } from '../types.js';
import { sha256, shortId } from '../ids.js';
import { ConfigError } from '../messages.js';
import Database from 'better-sqlite3';
import { countMessages, openStore, toNewsDoc, writtenOf, type Store } from './index.js';
import { MIGRATIONS } from './sqlite/migrations.js';
import { dropPgTestSchemas, pgTestSchema, queryPgTestSchema } from './postgres/test-db.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/store/${name}`, import.meta.url), 'utf8');

/** A NewsDoc as extract would make it from a fixture: first line the title, the rest the body. */
function doc(key: string, text: string, extra: Partial<NewsDoc> = {}): NewsDoc {
  const [title, ...rest] = text.trim().split('\n');
  const body = rest.join('\n').trim();
  return {
    id: shortId('d', key), source: key, key, format: 'txt', encoding: 'utf-8', contentHash: sha256(text),
    outlet: '가상일보', aggregator: null, title, subtitles: [], section: '경제', reporter: null, email: null,
    publishedAt: '2025-03-12', url: null, kind: 'report', frontMatter: null, body, headings: [], captions: ['사진=가상일보'],
    removed: [{ text: '무단 전재 및 재배포 금지', rule: 'copyright-line', line: 9 }],
    sentences: [{ start: 0, end: 10, text: body.slice(0, 10), paragraph: 0 }],
    evidence: { title: 'first-line' },
    messages: [{ stage: 'extract', rule: 'no-byline', severity: 'info', reason: '기자 이름 없음', place: { source: key } }],
    ...extra,
  };
}

function cluster(docs: NewsDoc[], name = docs.map((d) => d.id).join('+')): WrittenCluster {
  const first = docs[0];
  return {
    id: shortId('c', name), members: docs.map((d) => d.id), duplicates: [],
    entities: [{ name: first.title!.split(',')[0], type: 'organization', aliases: [], role: null, documents: [first.id],
      mentions: [{ document: first.id, start: 0, end: 3 }] }],
    numbers: [], quotes: [], timeline: [], findings: [], inferredDates: [], messages: [],
    summary: [{ text: first.body.split('\n')[0], score: 1, mentions: [{ document: first.id, start: 0, end: 5 }] }],
    post: { path: `2025-03-12-${name.slice(0, 8)}.md`, markdown: '---\ntitle: x\n---\n' },
  };
}

const result = (documents: NewsDoc[], clusters: WrittenCluster[]): DigestResult => ({ documents, clusters, messages: [] });

/** One whole run through the public interface, as the pipeline makes it: begin, documents, clusters, finish. */
async function persist(store: Store, r: DigestResult, args: string[]) {
  const runId = await store.beginRun(args);
  const documents = await store.saveDocuments(runId, r.documents);
  const clusters = await store.saveClusters(runId, r.clusters);
  await store.finishRun(runId, { documents, clusters, messages: countMessages(r) });
  return { runId, documents, clusters };
}

/** Opens the store at `path`, saves one run and closes it. */
async function persistAt(path: string, r: DigestResult, args: string[]) {
  const store = await openStore(path);
  try {
    return await persist(store, r, args);
  } finally {
    await store.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
/**
 * Each backend opens a fresh, empty store of its own, so parallel runs of the suite never meet: a new
 * file, or a new schema in the test database. `STORES=sqlite` (or `postgres`) runs only those.
 */
const ALL_BACKENDS: { name: string; kind: Store['kind']; open: () => Promise<Store> }[] = [
  { name: 'sqlite file', kind: 'sqlite', open: () => openStore(join(dir, `case-${++fileCount}`, 'newsdesk.db')) },
  { name: 'sqlite :memory:', kind: 'sqlite', open: () => openStore(':memory:') },
  { name: 'postgres', kind: 'postgres', open: () => openStore(pgTestSchema()) },
];
const BACKENDS = ALL_BACKENDS.filter((b) => !process.env.STORES || process.env.STORES.split(',').includes(b.kind));

after(dropPgTestSchemas);

for (const backend of BACKENDS) {
  describe(`store contract: ${backend.name}`, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(() => store?.close());

    test('insert: documents, clusters and a run are saved and read back whole', async () => {
      const harbor = doc('news/harbor.txt', fixture('insert/harbor.txt'));
      const battery = doc('news/battery.txt', fixture('insert/battery.txt'), { publishedAtInferred: true });
      const summary = await persist(store, result([harbor, battery], [cluster([harbor]), cluster([battery])]), ['digest', 'news']);
      assert.deepEqual(summary.documents, { inserted: 2, updated: 0, unchanged: 0 });
      assert.deepEqual(summary.clusters, { inserted: 2, updated: 0, unchanged: 0 });
      assert.equal(typeof summary.runId, 'number');

      const stored = (await store.documents());
      assert.deepEqual(stored.map((d) => d.id), [harbor.id, battery.id]);
      assert.deepEqual(toNewsDoc(stored[0]), harbor);
      assert.deepEqual(toNewsDoc((await store.document(battery.id))!), battery);
      assert.equal(stored[0].firstSeenRun, summary.runId);
      assert.equal((await store.document('d-not-there')), null);

      const [run] = (await store.runs());
      assert.deepEqual(run.args, ['digest', 'news']);
      assert.ok(run.finishedAt && run.finishedAt >= run.startedAt);
      assert.equal(run.counts.documents.inserted, 2);
      assert.equal(run.counts.messages.info, 2, 'one info message per document');
    });

    test('idempotent re-run: documents and clusters rows stay the same, runs grow by one', async () => {
      const docs = [doc('news/harbor.txt', fixture('insert/harbor.txt')), doc('news/battery.txt', fixture('insert/battery.txt'))];
      const input = result(docs, [cluster([docs[0], docs[1]], 'both')]);
      await persist(store, input, ['digest']);
      const before = { documents: await store.documents(), clusters: await store.clusters(), runs: (await store.runs()).length };
      const again = await persist(store, input, ['digest']);
      assert.deepEqual(again.documents, { inserted: 0, updated: 0, unchanged: 2 });
      assert.deepEqual(again.clusters, { inserted: 0, updated: 0, unchanged: 1 });
      assert.deepEqual(await store.documents(), before.documents);
      assert.deepEqual(await store.clusters(), before.clusters);
      assert.equal((await store.runs()).length, before.runs + 1);
      // the unchanged cluster is still listed as a product of the new run
      assert.deepEqual((await store.clusters(again.runId!)).map((c) => c.id), [shortId('c', 'both')]);
    });

    test('clusters a run reused as stored are linked to it in order and left as stored, not compared', async () => {
      const [a, b] = [doc('reuse/harbor.txt', fixture('insert/harbor.txt')), doc('reuse/battery.txt', fixture('insert/battery.txt'))];
      const first = await persist(store, result([a, b], [cluster([a], 'reuse-a'), cluster([b], 'reuse-b')]), ['digest']);
      const before = (await store.clusters(first.runId)).map((c) => ({ ...c }));
      const runId = await store.beginRun(['digest']);
      // reuse-a is given by its id alone (as stored); reuse-b with a new post.
      const a2 = cluster([a], 'reuse-a');
      const b2 = { ...cluster([b], 'reuse-b'), post: { path: 'other-b.md', markdown: 'other' } };
      const counts = await store.saveClusters(runId, [b2, a2.id]);
      assert.deepEqual(counts, { inserted: 0, updated: 1, unchanged: 1 });
      assert.deepEqual((await store.clusters(runId)).map((c) => c.id), [b2.id, a2.id], 'both are products of the run, in its order');
      const now = new Map((await store.clusters()).map((c) => [c.id, c]));
      assert.deepEqual(now.get(a2.id), before.find((c) => c.id === a2.id), 'the reused row is as it was (its run too)');
      assert.equal(now.get(b2.id)!.postPath, 'other-b.md');
    });

    test('cluster heads: what a run plans with, read without the analysis and post; clustersById reads them whole', async () => {
      const [a, b, c] = ['heads/harbor.txt', 'heads/battery.txt', 'heads/gone.txt'].map((k) => doc(k, fixture(k.endsWith('battery.txt') ? 'insert/battery.txt' : 'insert/harbor.txt')));
      const dated = {
        ...cluster([a, b], 'heads-ab'), duplicates: [[a.id, b.id]], writtenWith: '[["preset","hugo"]]',
        inferredDates: [{ document: b.id, publishedAt: '2025-03-11', evidence: '어제' }],
        messages: [{ stage: 'write' as const, rule: 'no-key-sentence', severity: 'warning' as const, reason: '대표 문장 없음', place: { source: b.source } }],
      };
      const draft = { ...cluster([c], 'heads-c'), post: { path: 'heads-c.md', markdown: '초안', model: { date: '2025-03-12', draft: true } as never } };
      const gone = cluster([c], 'heads-gone');
      const first = await persist(store, result([a, b, c], [dated, draft, gone]), ['digest']);
      const runId = await store.beginRun(['digest']);
      await store.saveClusters(runId, [dated.id, draft.id], [gone.id]);
      const heads = await store.clusterHeads();
      assert.deepEqual(heads.map((h) => h.id), (await store.clusters()).filter((x) => x.goneRun === null).map((x) => x.id), 'current ones, in the order of clusters()');
      const byId = new Map(heads.map((h) => [h.id, h]));
      assert.ok(!byId.has(gone.id), 'a gone cluster has no head');
      assert.deepEqual(byId.get(dated.id), {
        id: dated.id, run: first.runId, members: [a.id, b.id], duplicates: [[a.id, b.id]], postPath: dated.post.path, hasPost: true,
        writtenWith: dated.writtenWith, draftDate: null, inferredDates: dated.inferredDates, messages: dated.messages, postChecksum: sha256(dated.post.markdown),
      });
      assert.equal(byId.get(draft.id)!.draftDate, '2025-03-12');
      assert.equal(byId.get(draft.id)!.writtenWith, null);
      const whole = await store.clustersById([dated.id, 'c-not-there']);
      assert.deepEqual(whole, (await store.clusters()).filter((x) => x.id === dated.id));
      assert.deepEqual(writtenOf(whole[0]), { ...dated, event: null }, 'taken as stored, it is the cluster the run wrote');
    });

    test('changed file: same key with new content replaces the old version (and its search entry)', async () => {
      const key = 'news/solbit-app.txt';
      const v1 = doc(key, fixture('changed-file/v1.txt'));
      const v2 = doc(key, fixture('changed-file/v2.txt'));
      assert.notEqual(v1.contentHash, v2.contentHash);
      const first = await persist(store, result([v1], []), ['digest']);
      // Searched between the two versions: the index follows the change after it, as it does the first version.
      assert.deepEqual((await store.search('다섯 단계에서')).map((h) => h.id), [v1.id]);
      const second = await persist(store, result([v2], []), ['digest']);
      assert.deepEqual(second.documents, { inserted: 0, updated: 1, unchanged: 0 });
      const rows = (await store.documents()).filter((d) => d.key === key);
      assert.equal(rows.length, 1);
      assert.equal(rows[0].contentHash, v2.contentHash);
      assert.equal(rows[0].body, v2.body);
      assert.equal(rows[0].firstSeenRun, first.runId);
      assert.equal(rows[0].updatedRun, second.runId);
      assert.deepEqual((await store.search('보안 점검')).map((h) => h.id), [v2.id]);
      assert.deepEqual((await store.search('다섯 단계에서')), [], 'the old text is gone from the index');
    });

    test('clusters are saved per run', async () => {
      const harbor = doc('news/harbor.txt', fixture('insert/harbor.txt'));
      const battery = doc('news/battery.txt', fixture('insert/battery.txt'));
      const r1 = await persist(store, result([harbor, battery], [cluster([harbor], 'run1-a'), cluster([battery], 'run1-b')]), ['digest']);
      const event: NewsEvent = {
        act: '증설', participants: [], when: '2025-03-12', where: '청주', duration: null, topic: null, outcome: null,
        documents: [battery.id], spans: { where: [{ document: battery.id, start: 0, end: 2 }] }, side: [],
      };
      const sentences = [{ text: '누리배터리가 공장을 늘린다.', markdown: '누리배터리가 공장을 늘린다.[^1]', mentions: [{ document: battery.id, start: 0, end: 5 }] }];
      const written = cluster([battery], 'run2-a');
      const r2 = await persist(store, result([battery], [{ ...written, event, post: { ...written.post, sentences } }]), ['digest']);
      assert.deepEqual((await store.clusters(r1.runId!)).map((c) => c.id), [shortId('c', 'run1-a'), shortId('c', 'run1-b')]);
      const [only] = (await store.clusters(r2.runId!));
      assert.equal(only.id, shortId('c', 'run2-a'));
      assert.equal(only.run, r2.runId);
      assert.deepEqual(only.members, [battery.id]);
      assert.equal(only.analysis.entities[0].name, '누리배터리');
      assert.equal(only.analysis.summary[0].mentions[0].document, battery.id);
      assert.equal(only.postPath, '2025-03-12-run2-a.md');
      assert.deepEqual(only.analysis.event, event, 'the event is kept');
      assert.deepEqual(only.post, { path: '2025-03-12-run2-a.md', markdown: '---\ntitle: x\n---\n', sentences }, 'the post as the run wrote it');
      assert.equal((await store.clusters(r1.runId!))[0].analysis.event, null);
      const all = (await store.clusters()).map((c) => c.id);
      for (const id of [shortId('c', 'run1-a'), shortId('c', 'run1-b'), shortId('c', 'run2-a')]) assert.ok(all.includes(id));
    });

    test('search finds Korean words, short and long, in title and body', async () => {
      const weather = doc('news/weather.txt', fixture('search-korean/weather.txt'));
      const chips = doc('news/chips.txt', fixture('search-korean/semiconductor.txt'));
      await persist(store, result([weather, chips], []), ['digest']);

      // two syllables: shorter than a trigram, found by the scan fallback
      const seoul = (await store.search('서울'));
      assert.deepEqual(seoul.map((h) => h.id), [weather.id]);
      const span = seoul[0].match!;
      assert.equal(weather.body.slice(span.start, span.end), '서울');
      assert.ok(seoul[0].snippet.includes('서울'));
      // three or more: through the trigram index
      assert.deepEqual((await store.search('폭염일수')).map((h) => h.id), [weather.id]);
      assert.deepEqual((await store.search('산업통상자원부')).map((h) => h.id), [chips.id]);
      // a title-only word has no body span
      const [title] = (await store.search('예상'));
      assert.equal(title.id, weather.id);
      assert.equal(title.match, null);
      assert.equal(title.title, weather.title);
      // every term must match
      assert.deepEqual((await store.search('반등 인천')).map((h) => h.id), [chips.id]);
      assert.deepEqual((await store.search('반등 열대야')), []);
      assert.deepEqual((await store.search('화성탐사')), []);
      // FTS syntax in the query is taken literally, not as operators
      assert.deepEqual((await store.search('"메모리 OR')), []);
      await assert.rejects(store.search('   '), ConfigError);
    });

    test('a hit names what a source without an outlet is known by, and marks a date that dates only the copy', async () => {
      const notice = doc('news/notice.txt', fixture('search-korean/weather.txt'), {
        outlet: null, aggregator: '누리게시판', url: 'https://board.example/n/1', publishedAt: '2025-03-12T09:00:00+09:00', dateSource: 'file-mtime',
      });
      await persist(store, result([notice], []), ['add']);
      const hit = (await store.search('폭염일수')).find((h) => h.id === notice.id)!;
      assert.deepEqual([hit.outlet, hit.aggregator, hit.url, hit.dateSource], [null, '누리게시판', 'https://board.example/n/1', 'file-mtime']);
      assert.equal(toNewsDoc((await store.document(notice.id))!).dateSource, 'file-mtime', 'the mark survives the round trip');
    });

    test('the HTTP validator cache keeps a response with its validators, and a 304 renews it', async () => {
      const cache = store.httpCache();
      const body = new TextEncoder().encode('<html>기사</html>');
      await cache.put({ url: 'https://news.example/a', etag: 'W/"1"', lastModified: 'Mon, 03 Feb 2025 23:10:00 GMT', contentType: 'text/html', body, fetchedAt: '2025-02-04T00:00:00.000Z' });
      assert.deepEqual(await cache.get('https://news.example/a'), {
        url: 'https://news.example/a', etag: 'W/"1"', lastModified: 'Mon, 03 Feb 2025 23:10:00 GMT', contentType: 'text/html', body, fetchedAt: '2025-02-04T00:00:00.000Z',
      });
      await cache.touch('https://news.example/a', '2025-02-05T00:00:00.000Z');
      assert.equal((await cache.get('https://news.example/a'))!.fetchedAt, '2025-02-05T00:00:00.000Z');
      assert.equal(await cache.get('https://news.example/b'), undefined);
    });

    test('one batch holding a key twice stores the later copy, counted as an update', async () => {
      const key = 'news/twice.txt';
      const v1 = doc(key, fixture('changed-file/v1.txt'));
      const v2 = doc(key, fixture('changed-file/v2.txt'));
      const other = doc('news/weather-twice.txt', fixture('search-korean/weather.txt'));
      const runId = await store.beginRun(['add']);
      assert.deepEqual(await store.saveDocuments(runId, [v1, other, v2, other]), { inserted: 2, updated: 1, unchanged: 1 });
      assert.equal((await store.document(v1.id))!.contentHash, v2.contentHash);
    });

    test('hasDocument answers for a key with exactly that content', async () => {
      const harbor = doc('news/harbor.txt', fixture('insert/harbor.txt'));
      await persist(store, result([harbor], []), ['add']);
      assert.equal(await store.hasDocument(harbor.key, harbor.contentHash), true);
      assert.equal(await store.hasDocument(harbor.key, sha256('other bytes')), false);
      assert.equal(await store.hasDocument('news/nowhere.txt', harbor.contentHash), false);
    });

    test('posts written per output folder are recorded, replaced and forgotten', async () => {
      const { runId } = await persist(store, result([], []), ['digest']);
      await store.savePost({ outDir: '/out/a', path: 'p.md', cluster: 'c-1', checksum: 'x1', run: runId });
      await store.savePost({ outDir: '/out/a', path: 'p.md', cluster: 'c-1', checksum: 'x2', run: runId });
      await store.savePost({ outDir: '/out/b', path: 'p.md', cluster: 'c-2', checksum: 'y', run: runId });
      assert.deepEqual(await store.posts('/out/a'), [{ outDir: '/out/a', path: 'p.md', cluster: 'c-1', checksum: 'x2', run: runId }]);
      await store.forgetPost('/out/a', 'p.md');
      assert.deepEqual(await store.posts('/out/a'), []);
      assert.equal((await store.posts('/out/b')).length, 1);
    });

    test('workbench tables: post revisions are numbered per cluster, a line is restored once', async () => {
      const at = new Date('2025-03-12T01:02:03.000Z');
      const first = await store.saveRevision('c-rev', '# 첫 판', 'generated', at);
      const second = await store.saveRevision('c-rev', '# 고친 판', 'edited', at);
      await store.saveRevision('c-other', '# 다른 사건', 'generated', at);
      assert.deepEqual([first.number, second.number], [1, 2]);
      assert.deepEqual(await store.revisions('c-rev'), [
        { cluster: 'c-rev', number: 1, markdown: '# 첫 판', origin: 'generated', savedAt: '2025-03-12T01:02:03.000Z' },
        { cluster: 'c-rev', number: 2, markdown: '# 고친 판', origin: 'edited', savedAt: '2025-03-12T01:02:03.000Z' },
      ]);
      assert.deepEqual(await store.revisions('c-none'), []);
      assert.equal(await store.restore('d-1', 2, '무단 전재 및 재배포 금지', at), true);
      assert.equal(await store.restore('d-1', 2, '무단 전재 및 재배포 금지', at), false, 'already restored');
      assert.equal(await store.restore('d-1', 0, '사진=가상일보', new Date('2025-03-12T02:00:00.000Z')), true);
      assert.deepEqual((await store.restorations('d-1')).map((r) => [r.removal, r.text, r.restoredAt]), [
        [2, '무단 전재 및 재배포 금지', '2025-03-12T01:02:03.000Z'], [0, '사진=가상일보', '2025-03-12T02:00:00.000Z'],
      ]);
    });

    test('cached tokens are kept by key; a key already kept keeps its row', async () => {
      assert.deepEqual(await store.tokens(['k-none']), new Map());
      await store.saveTokens([['k-harbor', '0,2,NNP,지명 0,1,JKB'], ['k-battery', '0,3,NNG\n1,2,VV'], ['k-harbor', 'other']]);
      await store.saveTokens([['k-battery', 'later'], ['k-third', '']]);
      await store.saveTokens([]);
      assert.deepEqual(await store.tokens(['k-harbor', 'k-battery', 'k-third', 'k-none']),
        new Map([['k-harbor', '0,2,NNP,지명 0,1,JKB'], ['k-battery', '0,3,NNG\n1,2,VV'], ['k-third', '']]));
      assert.deepEqual(await store.tokens([]), new Map());
    });

    test('cached clustering features are kept by key as bytes; a key already kept keeps its row', async () => {
      assert.deepEqual(await store.features(['f-none']), new Map());
      const harbor = Uint8Array.from([1, 0, 0, 0, 255, 7]), battery = Uint8Array.from([0, 2, 4]);
      await store.saveFeatures([['f-harbor', harbor], ['f-battery', battery], ['f-harbor', Uint8Array.from([9])]]);
      await store.saveFeatures([['f-battery', Uint8Array.from([8])], ['f-empty', new Uint8Array(0)]]);
      await store.saveFeatures([]);
      const kept = await store.features(['f-harbor', 'f-battery', 'f-empty', 'f-none']);
      assert.deepEqual([...kept].map(([k, v]) => [k, [...v]]).sort(), [['f-battery', [0, 2, 4]], ['f-empty', []], ['f-harbor', [1, 0, 0, 0, 255, 7]]]);
      assert.deepEqual(await store.features([]), new Map());
      });

    test('pruning the caches drops the rows outside the given key prefixes, and only those', async () => {
      // Keys next to the prefix on both sides (same start without the colon, ';' after ':', a shorter and a longer one).
      await store.saveTokens([['new0:a', 'keep'], ['new0:', 'keep'], ['new0', 'x'], ['new0;a', 'x'], ['new:a', 'x'], ['old1:a', 'x'], ['0abc', 'x'], ['zzz', 'x']]);
      await store.saveFeatures([['m1:t', Uint8Array.from([1])], ['m0:t', Uint8Array.from([2])], ['m1:u', Uint8Array.from([3])]]);
      // Rows the tests above kept (none when this test runs alone) go too.
      const earlier = { tokens: (await store.tokens(['k-harbor', 'k-battery', 'k-third'])).size, features: (await store.features(['f-harbor', 'f-battery', 'f-empty'])).size };
      assert.deepEqual(await store.pruneCaches({ tokens: 'new0:', features: 'm1:' }), { tokens: 6 + earlier.tokens, features: 1 + earlier.features });
      assert.deepEqual([...(await store.tokens(['new0:a', 'new0:', 'new0', 'new0;a', 'new:a', 'old1:a', '0abc', 'zzz', 'k-harbor'])).keys()].sort(), ['new0:', 'new0:a']);
      assert.deepEqual([...(await store.features(['m1:t', 'm0:t', 'm1:u', 'f-harbor'])).keys()].sort(), ['m1:t', 'm1:u']);
      assert.deepEqual(await store.pruneCaches({ tokens: 'new0:', features: 'm1:' }), { tokens: 0, features: 0 }, 'nothing more to drop');
    });

    test('digest JSON pieces are kept by kind and id; a changed document row or a cluster written again or gone drops its piece', async () => {
      const bytes = (text: string) => new Uint8Array(Buffer.from(text));
      const text = (p?: { json?: Uint8Array }) => (p?.json ? Buffer.from(p.json).toString() : undefined);
      const [harbor, battery] = [doc('pieces/harbor.txt', fixture('insert/harbor.txt')), doc('pieces/battery.txt', fixture('insert/battery.txt'))];
      const [a, b] = [cluster([harbor], 'pieces-a'), cluster([battery], 'pieces-b')];
      const first = await persist(store, result([harbor, battery], [a, b]), ['digest', 'pieces']);
      assert.deepEqual(first.clusters, { inserted: 2, updated: 0, unchanged: 0 });
      await store.saveJsonPieces('document', [{ id: harbor.id, stamp: 's1', json: bytes('{"항만": 1}') }, { id: battery.id, stamp: 's1', json: bytes('{}') }]);
      await store.saveJsonPieces('cluster', [{ id: a.id, stamp: 'f1', json: bytes('{"a": 1}') }, { id: b.id, stamp: 'f1', json: bytes('{"b": 1}') }]);
      await store.saveJsonPieces('document', [{ id: battery.id, stamp: 's2', json: bytes('{"배터리": 2}') }]);
      await store.saveJsonPieces('cluster', []);
      const docs = await store.jsonPieces('document', [harbor.id, battery.id, 'd-none']);
      assert.deepEqual([...docs.keys()].sort(), [harbor.id, battery.id].sort());
      assert.equal(text(docs.get(harbor.id)), '{"항만": 1}');
      assert.deepEqual([docs.get(battery.id)?.stamp, text(docs.get(battery.id))], ['s2', '{"배터리": 2}'], 'a piece saved again replaces the kept one');
      assert.deepEqual(await store.jsonPieces('document', [a.id]), new Map(), 'kinds are apart');
      assert.deepEqual(await store.jsonPieces('cluster', [a.id, b.id], true), new Map([[a.id, { stamp: 'f1' }], [b.id, { stamp: 'f1' }]]));

      // The battery document changes in place; cluster a is written again, changed; b is saved as it was, then goes.
      const changed = { ...battery, body: battery.body + '\n추가 문단.' };
      const run = await store.beginRun(['digest', 'pieces', 'again']);
      assert.deepEqual(await store.saveDocuments(run, [harbor, changed]), { inserted: 0, updated: 1, unchanged: 1 });
      assert.deepEqual(await store.saveClusters(run, [{ ...a, summary: [] }, b]), { inserted: 0, updated: 1, unchanged: 1 });
      assert.deepEqual([...(await store.jsonPieces('document', [harbor.id, battery.id])).keys()], [harbor.id]);
      assert.deepEqual([...(await store.jsonPieces('cluster', [a.id, b.id])).keys()], [b.id]);
      await store.saveClusters(run, [], [b.id]);
      assert.deepEqual(await store.jsonPieces('cluster', [a.id, b.id]), new Map());
    });

    test('the change stamp moves with every write and stays put without one', async () => {
      const before = await store.changeStamp();
      assert.equal(await store.changeStamp(), before);
      await store.restore('d-stamp', 0, '줄', new Date());
      const after = await store.changeStamp();
      assert.notEqual(after, before);
      await store.beginRun(['stamp']);
      assert.notEqual(await store.changeStamp(), after);
    });
  });
}

/** Stores that outlive a close, made at schema 8 by undoing migration 9 with the backend's own client. */
const UNDO_MIGRATION_9 = 'ALTER TABLE clusters DROP COLUMN head; ALTER TABLE clusters DROP COLUMN post_checksum; DELETE FROM schema_version WHERE version = 9';
const NO_CHECKSUM = 'SELECT count(*) AS n FROM clusters WHERE post_checksum IS NULL';
/** `madeChecksums`: whether the migration makes the post checksums (else the reader makes them until a row is written again). */
const KEPT_BACKENDS = [
  {
    kind: 'sqlite', location: () => join(dir, `v8-${++fileCount}`, 'newsdesk.db'), madeChecksums: true,
    undo: async (at: string) => sqliteFile(at, (db) => db.exec(UNDO_MIGRATION_9)),
    withoutChecksum: async (at: string) => sqliteFile(at, (db) => db.prepare(NO_CHECKSUM).pluck().get() as number),
  },
  {
    kind: 'postgres', location: pgTestSchema, madeChecksums: false, undo: (at: string) => queryPgTestSchema(at, UNDO_MIGRATION_9),
    withoutChecksum: async (at: string) => Number((await queryPgTestSchema<{ n: string }>(at, NO_CHECKSUM))[0].n),
  },
].filter((b) => !process.env.STORES || process.env.STORES.split(',').includes(b.kind));

for (const backend of KEPT_BACKENDS) {
  test(`${backend.kind}: a store made before migration 9 gets its clusters' heads from their analysis and post`, async () => {
    const path = backend.location();
    const [a, b] = [doc('v8/harbor.txt', fixture('insert/harbor.txt')), doc('v8/battery.txt', fixture('insert/battery.txt'))];
    const ab = {
      ...cluster([a, b], 'v8-ab'), duplicates: [[a.id, b.id]], writtenWith: '[]', inferredDates: [{ document: b.id, publishedAt: '2025-03-11', evidence: '어제' }],
      messages: [{ stage: 'analyze' as const, rule: 'r', severity: 'info' as const, reason: '이유', place: { source: b.source } }],
      post: { path: 'v8-ab.md', markdown: '초안', model: { date: '2025-03-12', draft: true } as never },
    };
    await persistAt(path, result([a, b], [ab, cluster([b], 'v8-b')]), ['digest']);
    const headsOf = async () => {
      const store = await openStore(path);
      try {
        return await store.clusterHeads();
      } finally {
        await store.close();
      }
    };
    const made = await headsOf();
    await backend.undo(path);
    assert.deepEqual(await headsOf(), made);
    assert.equal(await backend.withoutChecksum(path), backend.madeChecksums ? 0 : 2);
    const head = made.find((h) => h.id === ab.id)!;
    assert.deepEqual([head.draftDate, head.postChecksum, head.inferredDates, head.messages], ['2025-03-12', sha256('초안'), ab.inferredDates, ab.messages]);
  });
}

/** The SQLite file as another program sees it (the store itself offers no handle). */
function sqliteFile<T>(path: string, look: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return look(db);
  } finally {
    db.close();
  }
}

describe('store: sqlite file specifics', () => {
  test('a file store keeps its rows across opens, in WAL mode, at the latest schema version', async () => {
    const path = join(dir, 'reopen', 'nested', 'newsdesk.db');
    const harbor = doc('news/harbor.txt', fixture('insert/harbor.txt'));
    const first = await persistAt(path, result([harbor], [cluster([harbor])]), ['digest']);
    assert.equal(first.runId, 1);
    assert.ok(existsSync(path));
    const store = await openStore(path);
    try {
      assert.deepEqual((await store.documents()).map((d) => d.id), [harbor.id]);
      assert.equal((await store.search('자율운항')).length, 1);
    } finally {
      await store.close();
    }
    sqliteFile(path, (db) => {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.prepare('SELECT max(version) FROM schema_version').pluck().get(), MIGRATIONS.at(-1)!.version);
    });
    assert.equal((await persistAt(path, result([harbor], [cluster([harbor])]), ['digest'])).runId, 2);
  });

  test('the change stamp sees a commit by another connection', async () => {
    const path = join(dir, 'stamp', 'newsdesk.db');
    const reader = await openStore(path);
    const writer = await openStore(path);
    try {
      const before = await reader.changeStamp();
      await writer.beginRun(['other process']);
      assert.notEqual(await reader.changeStamp(), before);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  test('a store made before migration 4 (workbench tables created on first use) opens and keeps them', async () => {
    const path = join(dir, 'v3', 'newsdesk.db');
    await (await openStore(path)).close();
    sqliteFile(path, (db) => {
      db.prepare('DELETE FROM schema_version WHERE version = 4').run();
      db.prepare("INSERT INTO post_revisions VALUES ('c-old', 1, '# 옛 판', 'edited', '2025-01-01T00:00:00.000Z')").run();
    });
    const store = await openStore(path);
    try {
      assert.equal((await store.revisions('c-old'))[0].markdown, '# 옛 판');
    } finally {
      await store.close();
    }
  });

  test(':memory: keeps nothing between opens', async () => {
    const harbor = doc('news/harbor.txt', fixture('insert/harbor.txt'));
    const summary = await persistAt(':memory:', result([harbor], []), ['digest']);
    assert.equal(summary.documents.inserted, 1);
    const store = await openStore(':memory:');
    assert.deepEqual(await store.documents(), []);
    await store.close();
  });

  test('a database from a newer newsdesk is refused with a how-to-fix error', async () => {
    const path = join(dir, 'newer.db');
    await (await openStore(path)).close();
    sqliteFile(path, (db) => db.prepare("INSERT INTO schema_version VALUES (99, 'from the future', '2030-01-01')").run());
    await assert.rejects(openStore(path), (e: Error) => e instanceof ConfigError && /newer/.test(e.message) && /--db/.test(e.message));
  });

  test('a file that is not a database is refused with a how-to-fix error', async () => {
    const path = join(dir, 'notes.db');
    writeFileSync(path, '이건 데이터베이스가 아니라 메모입니다.\n'.repeat(200));
    await assert.rejects(openStore(path), (e: Error) => e instanceof ConfigError && /not a newsdesk database/.test(e.message));
  });
});
