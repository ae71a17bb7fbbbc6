// A document held by its head reads as the whole document it stands for (every field, the optional ones only when
// the document has them), its text read back from the sink; clustering documents so held makes the same clusters,
// duplicates and messages as clustering them whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster, Message, NewsDoc } from './types.js';
import { newDoc } from './doc.js';
import { DocumentSpool } from './cli/document-spool.js';
import { ReadBack, SpooledDocument } from './spooled-document.js';
import { clusterDocuments, docFeatures, Precounted } from './cluster/index.js';
import { loadFixture } from '../test/fixture-docs/cluster.mjs';

/** Each document pushed into a new spool and held by its head, as a large run holds it through clustering. */
function spooled(docs: NewsDoc[]): { heads: NewsDoc[]; spool: DocumentSpool; reads: () => number } {
  const spool = new DocumentSpool();
  let reads = 0;
  const get = spool.get.bind(spool);
  spool.get = (id) => (reads++, get(id));
  for (const d of docs) spool.push(d);
  const from = new ReadBack(spool);
  return { heads: docs.map((d) => new SpooledDocument(d, from)), spool, reads: () => reads };
}

/** A document's fields as a plain object (a head's are on its prototype, as getters). */
const fields = (d: NewsDoc) => Object.fromEntries((Object.keys(newDoc({ id: '', source: '', body: '' })) as (keyof NewsDoc)[])
  .concat(['publishedAtInferred', 'dateSource']).filter((k) => k in d).map((k) => [k, d[k]]));

test('a head reads as the whole document, its optional fields only when the document has them', () => {
  const whole = newDoc({
    id: 'd1', source: 'news/d1.html', body: '가상시 시의회가 예산안을 통과시켰다.\n\n끝.', title: '가상시 예산안 통과', publishedAt: '2025-03-12',
    dateSource: 'file-mtime', outlet: '가상일보', captions: ['사진=가상일보'], sentences: [{ start: 0, end: 20, text: '가상시 시의회가 예산안을 통과시켰다.', paragraph: 0 }],
    messages: [{ stage: 'extract', rule: 'no-byline', severity: 'info', reason: '기자 이름 없음', place: { source: 'news/d1.html' } }],
  });
  const plain = newDoc({ id: 'd2', source: 'news/d2.txt', body: '본문.' });
  const { heads: [head, plainHead], spool } = spooled([whole, plain]);
  try {
    assert.deepEqual(fields(head), fields(whole));
    assert.equal(head.messages, whole.messages, 'the very message objects');
    assert.ok(!('dateSource' in plainHead) && !('publishedAtInferred' in plainHead));
    assert.deepEqual(fields(plainHead), fields(plain));
  } finally {
    spool.close();
  }
});

test('documents held by their heads cluster as the whole documents do, each body read back a bounded number of times', () => {
  const partition = (clusters: Cluster[]) => clusters.map((c) => [c.id, c.members, c.duplicates]);
  for (const name of ['two-events', 'syndicated-copy', 'derivative-joins', 'refine-splits']) {
    const { docs } = loadFixture(name);
    for (const precount of [false, true]) {
      const cluster = (list: NewsDoc[]) => {
        const messages: Message[] = [];
        const precounted = new Precounted();
        if (precount) for (const d of docs) precounted.keep(d.id, docFeatures(d));
        return { clusters: partition(clusterDocuments(list, undefined, messages, precounted)), messages };
      };
      const { heads, spool, reads } = spooled(docs);
      try {
        assert.deepEqual(cluster(heads), cluster(docs), `${name}${precount ? ', features made ahead' : ''}`);
        assert.ok(reads() > 0 && reads() <= 4 * docs.length, `${name}: ${reads()} reads of ${docs.length} documents`);
      } finally {
        spool.close();
      }
    }
  }
});
