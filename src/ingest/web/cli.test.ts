// The web sources through the real CLI (dist/cli/main.js), as a user runs it, against the local server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebServer } from '../../../test/web-server/server.mjs';

const CLI = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));
const POLITE_FAST = ['--allow-host', '127.0.0.1', '--delay', '20ms', '--quiet'];

/** Runs the CLI without blocking this process's event loop (the server lives here). */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

test('digest takes a feed URL: articles in, posts and JSON out, the failed items reported', async () => {
  const s = await startWebServer();
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-web-cli-'));
  try {
    const r = await cli(['digest', `${s.base}/feeds/feed.xml`, '--json', join(dir, 'd.json'), '--out', join(dir, 'posts'), '--db', ':memory:', ...POLITE_FAST]);
    assert.equal(r.code, 0, r.stderr);
    const digest = JSON.parse(readFileSync(join(dir, 'd.json'), 'utf8'));
    assert.equal(digest.documents.length, 3);
    assert.ok(digest.documents.some((d: { title: string }) => d.title?.includes('한빛전자')));
    assert.ok(readdirSync(join(dir, 'posts')).length >= 1);
    assert.match(r.stderr, /ingest\/http-404 .*missing\.html/);
    assert.match(r.stderr, /ingest\/robots-disallow .*secret\.html/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await s.close();
  }
});

test('add keeps documents and HTTP validators in the store; the next add revalidates with 304s', async () => {
  const s = await startWebServer();
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-web-add-'));
  try {
    const args = ['add', `${s.base}/feeds/atom.xml`, '--db', join(dir, 'nd.db'), ...POLITE_FAST];
    const first = await cli(args);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /added 1 document .*1 new/);
    const second = await cli(args);
    assert.match(second.stdout, /0 new, 0 changed, 1 already stored/);
    assert.deepEqual(s.requests('/br/articles/a2.html').map((e) => e.status), [200, 200]); // no validators on /br: refetched
    assert.deepEqual(s.requests('/feeds/atom.xml').map((e) => e.status), [200, 304]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await s.close();
  }
});

test('refused sources are errors on stderr; the run goes on and says nothing usable was read', async () => {
  const r = await cli(['digest', 'file:///etc/passwd', 'ftp://127.0.0.1/x', '--db', ':memory:', '--no-posts', '--quiet']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /blocked-scheme file:\/\/\/etc\/passwd .*pass its path instead/);
  assert.match(r.stderr, /blocked-scheme ftp:/);
});

test('watch --once polls a feed once and writes its posts', async () => {
  const s = await startWebServer();
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-web-watch-'));
  try {
    const r = await cli(['watch', `${s.base}/feeds/rdf.xml`, '--once', '--out', join(dir, 'posts'), '--db', ':memory:', ...POLITE_FAST]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /watched 1 poll; 1 document in the store/);
    assert.equal(readdirSync(join(dir, 'posts')).length, 1);
    const bad = await cli(['watch', `${s.base}/feeds/rdf.xml`, '--every', '1s']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /too often/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await s.close();
  }
});
