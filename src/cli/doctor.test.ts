// `newsdesk doctor` on a real store of each kind made by a real `add` run of fixtures/cli/doctor (one
// article, one blank file that is an ingest error), and on stores that are missing or not answering.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropPgTestSchemas, pgTestSchema } from '../store/postgres/test-db.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = join(root, 'fixtures', 'cli', 'doctor');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'newsdesk-doctor-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropPgTestSchemas();
});

const BACKENDS = ([['sqlite', () => join(dir, 'nd.db')], ['postgres', pgTestSchema]] as const)
  .filter(([kind]) => !process.env.STORES || process.env.STORES.split(',').includes(kind));

for (const [kind, location] of BACKENDS) {
  test(`doctor (${kind}): check, schema version, counts, last run and the newest error per source`, () => {
    const db = location();
    const added = cli('add', fixture, '--db', db, '--quiet');
    assert.equal(added.status, 0, added.stderr);
    const report = cli('doctor', '--db', db);
    assert.equal(report.status, 0, report.stdout + report.stderr);
    const lines = report.stdout.split('\n');
    assert.match(lines[0], new RegExp(`^store: ${kind} `));
    assert.match(lines[1], /^ {2}check: ok/);
    assert.match(lines[2], /^ {2}schema: version \d+ \(current\)$/);
    assert.equal(lines[3], '  documents 1, current clusters 0, posts 0, runs 1 (0 not finished)');
    assert.match(lines[4], /^ {2}last run: run 1 started .*, finished /);
    assert.equal(lines[5], '  newest error per source (1):');
    assert.match(lines[6], /blank\.txt \(run 1, .*\): ingest\/empty-file /);

    const json = JSON.parse(cli('doctor', '--db', db, '--json').stdout);
    assert.equal(json.ok, true);
    assert.equal(json.store.kind, kind);
    assert.equal(json.store.schemaVersion, json.store.knownVersion);
    assert.deepEqual(json.store.lastErrors.map((e: { rule: string }) => e.rule), ['empty-file']);
  });
}

test('doctor says what is wrong, with exit status 1: no store file, a PostgreSQL that does not answer', () => {
  const missing = cli('doctor', '--db', join(dir, 'nope.db'));
  assert.equal(missing.status, 1);
  assert.match(missing.stdout, /NOT OK: no store at .*nope\.db: run `newsdesk add`/);
  const down = cli('doctor', '--db', 'postgres://postgres@127.0.0.1:1/test');
  assert.equal(down.status, 1);
  assert.match(down.stdout, /NOT OK: PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/test is not answering .*pg_ctlcluster/);
});
