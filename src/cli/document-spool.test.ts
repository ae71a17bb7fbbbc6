// The document spool gives back what was pushed, by id and in order, on every pass (a document longer than its
// read buffer included), with each document's messages the very objects pushed; it leaves nothing on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { NewsDoc } from '../types.js';
import { DocumentSpool } from './document-spool.js';

/** Enough of a document for a round trip (the spool stores JSON, messages aside). */
const doc = (id: string, body: string) => ({
  id, source: `${id}.txt`, title: '가상시 시의회, 내년 예산안 통과', publishedAt: null, kind: 'report', body,
  sentences: [{ start: 0, end: 5, text: body.slice(0, 5), paragraph: 0 }], evidence: { title: 'first-line' },
  messages: [{ stage: 'extract', rule: `${id}-rule`, reason: '가상 사유', place: { source: `${id}.txt` }, severity: 'warning' }],
}) as unknown as NewsDoc;

test('documents come back by id and in order, messages the same objects, a long Korean body included', () => {
  const spool = new DocumentSpool();
  try {
    // 600k characters: a line of 1.2 MB in UTF-16, far over the first read buffer (64 kB).
    const pushed = [doc('d1', '가상시 시의회가 예산안을 통과시켰다.'), doc('d2', '한빛전자 신제품 발표회가 열렸다. '.repeat(30_000)), doc('d3', '끝.')];
    for (const d of pushed) spool.push(d);
    assert.equal(spool.length, 3);
    assert.deepEqual(spool.get('d2'), pushed[1]);
    assert.deepEqual(spool.get('d1'), pushed[0]); // a short one after a long one: the grown buffer is read only as far as the line
    assert.equal(spool.get('d9'), undefined);
    assert.deepEqual([...spool], pushed);
    assert.deepEqual([...spool].map((d) => d.id), ['d1', 'd2', 'd3']); // a second pass
    assert.equal(spool.get('d3')!.messages, pushed[2].messages);
    // What the passes after a run need of every document, without reading any back: the messages the very objects.
    assert.deepEqual(spool.heads().map((h) => [h.id, h.kind]), [['d1', 'report'], ['d2', 'report'], ['d3', 'report']]);
    assert.equal(spool.heads()[1].messages, pushed[1].messages);
  } finally {
    spool.close();
  }
});

test('an empty spool reads as no documents, and it leaves nothing on disk even before it is closed (a killed run)', () => {
  const parent = mkdtempSync(join(tmpdir(), 'newsdesk-doc-spool-test-'));
  try {
    const spool = new DocumentSpool(parent);
    assert.deepEqual(readdirSync(parent), []);
    assert.deepEqual([...spool], []);
    spool.push(doc('d1', '본문.'));
    assert.deepEqual(readdirSync(parent), []);
    spool.close();
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
