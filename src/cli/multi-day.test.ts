// A user's week with one real SQLite store, spawned as a user runs the CLI (fixtures/cli/multi-day):
// add 2 files and digest; add 3 more about the same event and digest (no PATH: the store is the
// working set); a story that gets its own post, then merges into the event; a post edited by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/cli/multi-day/', import.meta.url));

const work = mkdtempSync(join(tmpdir(), 'newsdesk-multi-day-'));
after(() => rmSync(work, { recursive: true, force: true }));

function newsdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args, '--db', 'nd.db', '--quiet'], { cwd: work, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r;
}
const posts = () => readdirSync(join(work, 'posts')).sort();
const news = (from: string, to = from.split('/').pop()!) => cpSync(join(FIXTURE, from), join(work, 'news', to));
/** The entries listed under the post's 출처 (sources) heading, derivatives under 참고 included. */
const sources = (markdown: string) =>
  (markdown.split(/^## 출처$/m)[1] ?? '').split(/^## /m)[0].split('\n').filter((l) => l.startsWith('- ')).length;

let bridgePost = '';

before(() => {
  mkdirSync(join(work, 'news'));
});

test('day 1: add 2 files, then digest the store: one post', () => {
  news('day1/bridge-a.txt');
  news('day1/bridge-b.txt');
  newsdesk('add', 'news/bridge-a.txt', 'news/bridge-b.txt');
  const r = newsdesk('digest', '--out', 'posts');
  assert.match(r.stdout, /^digested 2 documents \(2 reports, 0 derivatives\) into 1 event cluster$/m);
  assert.equal(posts().length, 1);
  bridgePost = posts()[0];
  assert.equal(sources(readFileSync(join(work, 'posts', bridgePost), 'utf8')), 2);
});

test('day 2: add 3 more about the same event, digest: the one post, same path, now with 5 sources', () => {
  for (const f of ['bridge-c.txt', 'bridge-d.txt', 'bridge-e.txt']) news(`day2/${f}`);
  const added = newsdesk('add', 'news');
  assert.match(added.stdout, /3 new, 0 changed, 2 already stored/);
  const r = newsdesk('digest', '--out', 'posts');
  assert.match(r.stdout, /^digested 5 documents .* into 1 event cluster$/m);
  assert.deepEqual(posts(), [bridgePost]);
  assert.equal(sources(readFileSync(join(work, 'posts', bridgePost), 'utf8')), 5);
});

test('digest PATH adds, then digests the whole store: another story gets its own post', () => {
  news('market/v1-parking.txt', 'market.txt');
  const r = newsdesk('digest', 'news', '--out', 'posts');
  assert.match(r.stdout, /^read 6 of 6 inputs \(1 new, 5 already stored\)$/m);
  assert.match(r.stdout, /into 2 event clusters$/m);
  assert.equal(posts().length, 2);
  assert.ok(posts().includes(bridgePost));
});

test('an edited post is kept with a .new.md beside it; the post of a cluster that disappeared is removed', () => {
  const marketPost = posts().find((p) => p !== bridgePost)!;
  appendFileSync(join(work, 'posts', bridgePost), '\n편집자 메모: 손으로 고친 문단.\n');
  const edited = readFileSync(join(work, 'posts', bridgePost), 'utf8');
  // The outlet replaced the market page with a bridge report: that cluster merges into the bridge event.
  news('market/v2-bridge.txt', 'market.txt');
  const r = spawnSync(process.execPath, [CLI, 'digest', 'news', '--out', 'posts', '--db', 'nd.db', '--quiet'], { cwd: work, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const beside = bridgePost.replace(/\.md$/, '.new.md');
  assert.deepEqual(posts(), [bridgePost, beside].sort());
  assert.equal(readFileSync(join(work, 'posts', bridgePost), 'utf8'), edited, 'the edited post is untouched');
  assert.equal(sources(readFileSync(join(work, 'posts', beside), 'utf8')), 6);
  assert.match(r.stderr, new RegExp(`warning write/post-edited .*${beside}`));
  assert.ok(!existsSync(join(work, 'posts', marketPost)));
  assert.match(r.stdout, new RegExp(`^removed 1 post of events that no longer exist: ${marketPost}$`, 'm'));
});
