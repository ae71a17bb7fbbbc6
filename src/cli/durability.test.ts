// What the store holds survives `kill -9` and concurrent runs. A digest killed during analysis keeps
// every document it extracted (stored in batches as they are read), and the next run resumes without
// extracting them again; two digests at once on one SQLite file both finish and leave it intact.
// Real processes (the built CLI), a real database file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { listInputs, readRaw } from '../ingest/index.js';
import { openStore } from '../store/index.js';
import { run } from '../pipeline.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(root, 'dist', 'cli', 'main.js');
/** The bundled example corpus: 11 articles, 3 events. */
const ARTICLES = 11;

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The database as SQLite sees it, read-only. */
function inspect(db: string) {
  const d = new Database(db, { readonly: true });
  try {
    return {
      integrity: d.pragma('integrity_check', { simple: true }),
      documents: d.prepare('SELECT count(*) FROM documents').pluck().get() as number,
      updatedRuns: d.prepare('SELECT DISTINCT updated_run FROM documents').pluck().all() as number[],
      runs: d.prepare('SELECT id, finished_at FROM runs ORDER BY id').all() as { id: number; finished_at: string | null }[],
      clusters: d.prepare('SELECT count(*) FROM clusters WHERE gone_run IS NULL').pluck().get() as number,
    };
  } finally {
    d.close();
  }
}

test('a digest killed with kill -9 during analysis keeps every extracted document; the next run does not extract them again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-kill-'));
  const input = join(dir, 'news');
  cpSync(join(root, 'examples'), input, { recursive: true });
  const db = join(dir, 'nd.db');
  try {
    // Progress goes to stderr as plain lines; "cluster: n/n" is printed once every document is stored
    // and clustered, just before analysis starts (ko-dic alone takes a while to load there).
    const child = spawn(process.execPath, [CLI, 'digest', input, '--db', db, '--out', join(dir, 'posts')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (/^cluster: /m.test(stderr) && child.exitCode === null) child.kill('SIGKILL');
    });
    const { signal } = await exited;
    assert.equal(signal, 'SIGKILL', `the run ended before it could be killed during analysis:\n${stderr}`);
    assert.deepEqual(readdirSync(dir).filter((f) => f === 'posts'), [], 'killed before writing: no posts');

    const killed = inspect(db);
    assert.equal(killed.integrity, 'ok');
    assert.equal(killed.documents, ARTICLES, 'every extracted document is in the store');
    assert.deepEqual(killed.runs.map((r) => r.finished_at), [null], 'the killed run is recorded unfinished');
    assert.equal(killed.clusters, 0);

    // The same inputs again, in this process over the same file: nothing is extracted a second time.
    const store = await openStore(db);
    try {
      const listing = listInputs([input]);
      const again = await run({
        store, args: ['add', input], digest: false,
        inputs: { raws: listing.files.map((f) => readRaw(f)), total: listing.files.length, messages: listing.messages },
      });
      assert.equal(again.read, ARTICLES);
      assert.equal(again.extracted, 0, 'stored by the killed run with the same bytes: not extracted again');
      assert.deepEqual(again.counts.documents, { inserted: 0, updated: 0, unchanged: ARTICLES });
    } finally {
      await store.close();
    }

    // And the CLI finishes the job: the stored documents are digested into posts.
    const resumed = await cli(['digest', input, '--db', db, '--out', join(dir, 'posts'), '--quiet']);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, new RegExp(`^read ${ARTICLES} of ${ARTICLES} inputs \\(${ARTICLES} already stored\\)$`, 'm'));
    assert.ok(readdirSync(join(dir, 'posts')).length >= 3);
    const after = inspect(db);
    assert.equal(after.integrity, 'ok');
    assert.deepEqual(after.updatedRuns, [1], 'the documents are the killed run\'s, untouched');
    assert.equal(after.runs.at(-1)!.finished_at !== null, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('two digests at once on one SQLite file both finish and leave it intact', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-concurrent-'));
  const input = join(dir, 'news');
  cpSync(join(root, 'examples'), input, { recursive: true });
  const db = join(dir, 'nd.db');
  try {
    const [a, b] = await Promise.all(['a', 'b'].map((name) => cli(['digest', input, '--db', db, '--out', join(dir, name), '--quiet'])));
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const state = inspect(db);
    assert.equal(state.integrity, 'ok');
    assert.equal(state.documents, ARTICLES, 'each document stored once');
    assert.equal(state.runs.length, 2);
    assert.ok(state.runs.every((r) => r.finished_at !== null), 'both runs finished');
    // Whichever run clustered second took over the first one's clusters: the same events, once each.
    const single = await cli(['digest', input, '--db', ':memory:', '--no-posts', '--json', '-', '--quiet']);
    assert.equal(state.clusters, JSON.parse(single.stdout).clusters.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
