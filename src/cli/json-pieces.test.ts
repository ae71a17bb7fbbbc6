import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestJsonChunks, writeCluster, DEFAULT_WRITE_OPTIONS, PIECE_FORMAT, documentPiece, documentStamp, inferredDates } from '../write/index.js';
import { loadFixture } from '../../test/fixture-docs/write.mjs';
import { message } from '../messages.js';
import { openStore, type Store } from '../store/index.js';
import type { DigestResult } from '../types.js';
import { writeDigestJson } from './output.js';

function result(): DigestResult {
  const { docs, cluster, members } = loadFixture('golden-three-outlets');
  const written = writeCluster(cluster, docs, DEFAULT_WRITE_OPTIONS, new Set());
  return { documents: members, clusters: [written], messages: [message('extract', 'no-title', 'no title line found', { source: 'a.txt' }, 'info')] };
}

async function withStore(work: (store: Store, dir: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'nd-pieces-'));
  const store = await openStore(join(dir, 'store.db'));
  try {
    await work(store, dir);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a digest JSON written with kept pieces is the same text, made, then copied; a piece of other stamp or of a cluster not reused is made again', async () => {
  await withStore(async (store, dir) => {
    const r = result();
    const want = [...digestJsonChunks(r)].join('');
    const c = r.clusters[0];
    const path = join(dir, 'digest.json');
    await writeDigestJson(path, r, { store, reused: new Set() });
    assert.equal(readFileSync(path, 'utf8'), want, 'pieces made: the same text');
    assert.equal((await store.jsonPieces('document', r.documents.map((d) => d.id))).size, r.documents.length, 'every document piece kept');
    assert.equal((await store.jsonPieces('cluster', [c.id])).get(c.id)?.stamp, PIECE_FORMAT);

    // Marked pieces show whether a piece was copied: a document's with its stamp is; the cluster's only when reused.
    const [d0, d1] = r.documents;
    const inferred = inferredDates(r.clusters);
    const marked = (text: string) => new Uint8Array(Buffer.from(text));
    await store.saveJsonPieces('document', [
      { id: d0.id, stamp: documentStamp(d0, inferred.get(d0.id)), json: marked('"copied d0"') },
      { id: d1.id, stamp: 'another stamp', json: marked('"copied d1"') },
    ]);
    await store.saveJsonPieces('cluster', [{ id: c.id, stamp: PIECE_FORMAT, json: marked('"copied cluster"') }]);
    await writeDigestJson(path, r, { store, reused: new Set() });
    let text = readFileSync(path, 'utf8');
    assert.ok(text.includes('"copied d0"'), 'a document piece with its stamp is copied');
    assert.ok(!text.includes('"copied d1"') && !text.includes('"copied cluster"'), 'not one of another stamp, nor a cluster not reused');
    assert.equal(text, want.replace(documentPiece(d0, inferred.get(d0.id)), '"copied d0"'), 'only that piece differs');

    await store.saveJsonPieces('cluster', [{ id: c.id, stamp: PIECE_FORMAT, json: marked('"copied cluster"') }]);
    await writeDigestJson(path, r, { store, reused: new Set([c.id]) });
    text = readFileSync(path, 'utf8');
    assert.ok(text.includes('"copied cluster"'), 'a reused cluster with its piece kept is copied');
    await store.saveJsonPieces('cluster', [{ id: c.id, stamp: 'an older format', json: marked('"copied cluster"') }]);
    await writeDigestJson(path, r, { store, reused: new Set([c.id]) });
    assert.ok(!readFileSync(path, 'utf8').includes('"copied cluster"'), 'not a piece of an older format');
  });
});

test('with kept pieces, empty lists keep the layout and a store without pieces gives the same text', async () => {
  await withStore(async (store, dir) => {
    const path = join(dir, 'empty.json');
    const empty = { documents: [], clusters: [], messages: [] };
    await writeDigestJson(path, empty, { store, reused: new Set() });
    assert.equal(readFileSync(path, 'utf8'), [...digestJsonChunks(empty)].join(''));
  });
});
