// The cluster spool gives back what was pushed, in order, on every pass: lines longer than one read and
// Korean characters cut by a read's edge included; closing it leaves nothing on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { WrittenCluster } from '../types.js';
import { ClusterSpool } from './cluster-spool.js';

/** Enough of a written cluster for a round trip (the spool only stores JSON). */
const cluster = (id: string, markdown: string) =>
  ({ id, members: [`${id}-a`, `${id}-b`], inferredDates: [{ document: `${id}-b`, publishedAt: '2026-03-03', evidence: `${id}-a` }], messages: [{ rule: id }], summary: [{ text: '가상시 시의회가 예산안을 통과시켰다.' }], post: { path: `${id}.md`, markdown } }) as unknown as WrittenCluster;

test('every pass reads the clusters back in order, long Korean lines across reads included', () => {
  const spool = new ClusterSpool();
  try {
    // 3 bytes a character in UTF-8: 700k characters make a 2.1 MB line, over two reads, cut inside a character.
    const long = '한빛전자 신제품 발표회가 열렸다. '.repeat(40_000);
    const pushed = [cluster('c1', '짧은 글'), cluster('c2', long), cluster('c3', 'x'.repeat(1_048_575)), cluster('c4', '끝')];
    for (const c of pushed) spool.push(c);
    assert.equal(spool.length, 4);
    assert.deepEqual([...spool], pushed);
    assert.deepEqual([...spool].map((c) => c.id), ['c1', 'c2', 'c3', 'c4']); // a second pass
    // The inferred dates, kept aside as the clusters came (the digest JSON needs them first).
    assert.deepEqual([...spool.inferredDates.keys()], ['c1-b', 'c2-b', 'c3-b', 'c4-b']);
    // A pass that needs only some clusters' ids gets those as ids (the long line is not read back).
    const mixed = [...spool.orIds(new Set(['c2']))];
    assert.equal(mixed[1], 'c2');
    assert.deepEqual(mixed.filter((c) => typeof c !== 'string'), [pushed[0], pushed[2], pushed[3]]);
    assert.deepEqual(spool.messages.map((m) => m.rule), ['c1', 'c2', 'c3', 'c4']);
  } finally {
    spool.close();
  }
});

test('an empty spool reads as no clusters, and it leaves nothing on disk even before it is closed (a killed run)', () => {
  const parent = mkdtempSync(join(tmpdir(), 'newsdesk-spool-test-'));
  try {
    const spool = new ClusterSpool(parent);
    assert.equal(spool.length, 0);
    assert.deepEqual([...spool], []);
    spool.push({ id: 'c1', inferredDates: [], messages: [], post: { path: 'c1.md', markdown: '' } } as unknown as WrittenCluster);
    assert.deepEqual(readdirSync(parent), []);
    assert.deepEqual([...spool].map((c) => c.id), ['c1']);
    spool.close();
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
