// `newsdesk search` against a real store file made by a real digest run of the example corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), ...args], { encoding: 'utf8' });

test('search finds stored Korean documents by every word, says when nothing matched, and names a missing store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-search-'));
  const db = join(dir, 'nd.db');
  try {
    assert.equal(cli('digest', join(root, 'examples', 'offshore-wind'), '--db', db, '--no-posts', '--quiet').status, 0);
    const found = cli('search', '해상풍력', '어민', '--db', db, '--json');
    assert.equal(found.status, 0, found.stderr);
    const hits = found.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(hits.map((h) => h.outlet).sort(), ['뉴스1', '한겨레'], 'only the two reports that mention fishermen');
    for (const h of hits) assert.ok(h.snippet.length > 0);

    const none = cli('search', '휴머노이드', '--db', db);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /^0 hits$/m);

    const missing = cli('search', '풍력', '--db', join(dir, 'nope.db'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no store at .*nope\.db: run `newsdesk digest/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a hit with no outlet is named as posts name it ("기사 N"), never "출처 미상"', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-search-name-'));
  const db = join(dir, 'nd.db');
  try {
    assert.equal(cli('add', join(root, 'fixtures', 'cli', 'undated', 'notice.txt'), '--db', db, '--quiet').status, 0);
    const found = cli('search', '도서관', '--db', db);
    assert.equal(found.status, 0, found.stderr);
    assert.match(found.stdout.split('\n')[0], /^기사 1 · \d{4}-\d\d-\d\d \(file time\) · 누리시립도서관/);
    assert.ok(!found.stdout.includes('출처 미상'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
