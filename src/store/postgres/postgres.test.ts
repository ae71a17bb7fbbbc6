// PostgreSQL specifics beyond the contract: several processes on one database at once (migrations,
// saving the same documents), and a database newer than this newsdesk. Real server, a schema per case.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import type { NewsDoc } from '../../types.js';
import { sha256, shortId } from '../../ids.js';
import { ConfigError, StoreUnavailableError } from '../../messages.js';
import { openStore } from '../index.js';
import { PG_MIGRATIONS } from './migrations.js';
import { PG_TEST_URL, dropPgTestSchemas, pgTestSchema, queryPgTestSchema } from './test-db.js';

after(dropPgTestSchemas);

const STORES_SKIP = process.env.STORES && !process.env.STORES.split(',').includes('postgres') ? 'STORES leaves postgres out' : false;

function article(n: number, version = 1): NewsDoc {
  const key = `news/concurrent-${n}.txt`;
  const body = `가람제약은 ${n}일 청주 공장에서 신약 ${n}호의 생산을 시작했다. 판 ${version}.`;
  return {
    id: shortId('d', key), source: key, key, format: 'txt', encoding: 'utf-8', contentHash: sha256(body),
    outlet: '가상일보', aggregator: null, title: `가람제약 신약 ${n}호`, subtitles: [], section: null, reporter: null, email: null,
    publishedAt: '2025-03-12', url: null, kind: 'report', frontMatter: null, body, headings: [], captions: [], removed: [],
    sentences: [], evidence: {}, messages: [],
  };
}

test('four processes opening a new database at once migrate it once', { skip: STORES_SKIP }, async () => {
  const location = pgTestSchema();
  const stores = await Promise.all([1, 2, 3, 4].map(() => openStore(location)));
  await Promise.all(stores.map((s) => s.close()));
  const versions = await queryPgTestSchema<{ version: number }>(location, 'SELECT version FROM schema_version ORDER BY version');
  assert.deepEqual(versions.map((v) => v.version), PG_MIGRATIONS.map((m) => m.version));
});

test('writers saving the same documents at once: every document stored once, none lost, no error', { skip: STORES_SKIP }, async () => {
  const location = pgTestSchema();
  const stores = await Promise.all([1, 2, 3, 4].map(() => openStore(location)));
  try {
    const docs = Array.from({ length: 60 }, (_, i) => article(i));
    // Each writer saves all of them, in its own order and batches, at the same time as the others.
    const counts = await Promise.all(stores.map(async (s, w) => {
      const run = await s.beginRun([`writer ${w}`]);
      const mine = w % 2 ? [...docs].reverse() : docs;
      const total = { inserted: 0, updated: 0, unchanged: 0 };
      for (let i = 0; i < mine.length; i += 7 + w) {
        const c = await s.saveDocuments(run, mine.slice(i, i + 7 + w));
        total.inserted += c.inserted;
        total.updated += c.updated;
        total.unchanged += c.unchanged;
      }
      return total;
    }));
    assert.equal(counts.reduce((n, c) => n + c.inserted, 0), docs.length, 'each document inserted by exactly one writer');
    assert.equal(counts.reduce((n, c) => n + c.updated, 0), 0);
    const stored = await stores[0].documents();
    assert.deepEqual(stored.map((d) => d.id).sort(), docs.map((d) => d.id).sort());
    assert.deepEqual((await stores[1].search('신약 청주', 100)).length, docs.length);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
});

test('a database from a newer newsdesk is refused with a how-to-fix error', { skip: STORES_SKIP }, async () => {
  const location = pgTestSchema();
  await (await openStore(location)).close();
  await queryPgTestSchema(location, "INSERT INTO schema_version VALUES (99, 'from the future', '2030-01-01')");
  await assert.rejects(openStore(location), (e: Error) => e instanceof ConfigError && /newer/.test(e.message) && /--db/.test(e.message));
});

test('an address that is not one, or names a schema that is not a plain name, is refused', async () => {
  await assert.rejects(openStore('postgres://[bad'), (e: Error) => e instanceof ConfigError && /not a valid postgres:\/\/ address/.test(e.message));
  await assert.rejects(openStore(`${PG_TEST_URL}?schema=a;drop`), (e: Error) => e instanceof ConfigError && /not a plain lower-case name/.test(e.message));
});

test('a connection the server ends during a write fails that write, not the process; the next write works', { skip: STORES_SKIP }, async () => {
  const location = pgTestSchema();
  const schema = new URL(location).searchParams.get('schema')!;
  const store = await openStore(location);
  const locker = new pg.Client({ connectionString: PG_TEST_URL });
  await locker.connect();
  try {
    // Hold the documents table, so the store's write waits inside its transaction; then end that connection
    // from the server's side, as a restart does. Unhandled, the checked-out connection's 'error' event ends this process.
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${schema}.documents IN ACCESS EXCLUSIVE MODE`);
    const run = await store.beginRun(['ended']);
    const write = store.saveDocuments(run, [article(1)]);
    let waiting: number | undefined;
    for (let i = 0; i < 500 && waiting === undefined; i++) {
      const r = await locker.query(`SELECT pid FROM pg_locks WHERE relation = '${schema}.documents'::regclass AND NOT granted`);
      waiting = r.rows[0]?.pid;
      if (waiting === undefined) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(waiting, 'the store write waits on the lock');
    // The expectation is attached before the connection ends: the write may fail before pg_terminate_backend returns,
    // and a rejection with no handler yet is a test failure of its own (node:test's unhandledRejection).
    const failed = assert.rejects(write, (e: Error) => e instanceof StoreUnavailableError && /closed the connection \(terminating connection/.test(e.message));
    await locker.query('SELECT pg_terminate_backend($1)', [waiting]);
    await failed;
    await locker.query('ROLLBACK');
    const counts = await store.saveDocuments(run, [article(1), article(2)]);
    assert.equal(counts.inserted, 2);
  } finally {
    await locker.end();
    await store.close();
  }
});
