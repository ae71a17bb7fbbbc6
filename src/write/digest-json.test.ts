import { test } from 'node:test';
import assert from 'node:assert/strict';
import { digestJsonChunks } from './digest-json.js';
import { writeCluster } from './index.js';
import { DEFAULT_WRITE_OPTIONS } from './post.js';
import { loadFixture } from '../../test/fixture-docs/write.mjs';
import { message } from '../messages.js';
import type { DigestResult } from '../types.js';

function result(): DigestResult {
  const { docs, cluster, members } = loadFixture('golden-three-outlets');
  const written = writeCluster(cluster, docs, DEFAULT_WRITE_OPTIONS, new Set());
  return { documents: members, clusters: [written], messages: [message('extract', 'no-title', 'no title line found', { source: 'a.txt' }, 'info')] };
}

test('the streamed pieces join into exactly the JSON.stringify layout, one piece per document', () => {
  const r = result();
  const pieces = [...digestJsonChunks(r)];
  const text = pieces.join('');
  const parsed = JSON.parse(text);
  assert.equal(text, JSON.stringify(parsed, null, 2) + '\n', 'same bytes as stringifying the whole at once');
  assert.equal(parsed.version, 1);
  assert.deepEqual(parsed.documents.map((d: { id: string }) => d.id), r.documents.map((d) => d.id));
  assert.equal(parsed.documents[0].body, r.documents[0].body);
  assert.equal(parsed.clusters[0].post.markdown, r.clusters[0].post.markdown);
  assert.equal(parsed.messages[0].rule, 'no-title');
  assert.ok(pieces.length >= r.documents.length + r.clusters.length, 'no piece holds more than one document');
});

test('empty lists stream as [] in the same layout', () => {
  const text = [...digestJsonChunks({ documents: [], clusters: [], messages: [] })].join('');
  assert.equal(text, JSON.stringify({ version: 1, documents: [], clusters: [], messages: [] }, null, 2) + '\n');
});
