// The same user week on both backends, through the CLI: two digest runs (the second adds an event
// and re-reads the first), each into a SQLite file and into a PostgreSQL schema. The digest JSON, the
// post files and what `search` finds are the same whichever store kept them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropPgTestSchemas, pgTestSchema } from '../store/postgres/test-db.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const example = (name: string) => join(root, 'examples', name);
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
const dir = mkdtempSync(join(tmpdir(), 'newsdesk-backends-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropPgTestSchemas();
});

const STORES_SKIP = process.env.STORES && !process.env.STORES.split(',').includes('postgres') ? 'STORES leaves postgres out' : false;

/** Two digest runs into `db` (given as NEWSDESK_DB, as a deployment would), then a search. */
function week(name: string, db: string) {
  const out = join(dir, name);
  const env = { NEWSDESK_DB: db };
  const first = cli(['digest', example('offshore-wind'), '--out', join(out, 'posts'), '--quiet', '--json', join(out, '1.json')], env);
  assert.equal(first.status, 0, first.stderr);
  const second = cli(['digest', example('offshore-wind'), example('robot-launch'), '--out', join(out, 'posts'), '--quiet', '--json', join(out, '2.json')], env);
  assert.equal(second.status, 0, second.stderr);
  const search = cli(['search', '풍력', '--json'], env);
  assert.equal(search.status, 0, search.stderr);
  const posts = Object.fromEntries(readdirSync(join(out, 'posts')).sort().map((f) => [f, readFileSync(join(out, 'posts', f), 'utf8')]));
  return { stdout: second.stdout, digest: readFileSync(join(out, '2.json'), 'utf8'), posts, hits: search.stdout };
}

test('two digest runs give the same digest JSON, posts and search hits on SQLite and PostgreSQL', { skip: STORES_SKIP }, () => {
  const sqlite = week('sqlite', join(dir, 'nd.db'));
  const postgres = week('postgres', pgTestSchema());
  assert.match(sqlite.stdout, /^read 7 of 7 inputs \(4 new, 3 already stored\)$/m);
  assert.match(postgres.stdout, /^read 7 of 7 inputs \(4 new, 3 already stored\)$/m);
  assert.deepEqual(Object.keys(postgres.posts), Object.keys(sqlite.posts));
  assert.ok(Object.keys(sqlite.posts).length >= 2, 'a post per event');
  assert.deepEqual(postgres.posts, sqlite.posts);
  assert.equal(postgres.digest, sqlite.digest);
  assert.equal(postgres.hits, sqlite.hits);
});
