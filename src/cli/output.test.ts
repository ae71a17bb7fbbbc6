import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDigestJson } from './output.js';
import { newDoc } from '../doc.js';

test('writeDigestJson streams documents larger than one write into one complete file, no temporary file left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nd-json-'));
  try {
    const path = join(dir, 'sub', 'digest.json');
    // Two documents of 0.7M characters each: the writer flushes between them.
    const docs = ['a', 'b'].map((id) => newDoc({ id, source: `${id}.txt`, body: `${id}: 본문 “인용”\n\n${'가나다 '.repeat(175_000)}` }));
    await writeDigestJson(path, { documents: docs, clusters: [], messages: [] });
    assert.deepEqual(readdirSync(join(dir, 'sub')), ['digest.json']);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    assert.deepEqual(json.documents.map((d: { body: string }) => d.body), docs.map((d) => d.body));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
