// Dates are never invented. A document's date comes from the page, else its feed, else the server's
// Last-Modified, else the file's modification time (the last two marked as such: `dateSource`). A page
// with none of them gives a post dated by the run, held back as a draft, with a warning. Never 1970.
// Real files with set modification times, a real HTTP server on 127.0.0.1, the real CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kstDay } from '../dates.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const UNDATED = fileURLToPath(new URL('../../fixtures/cli/undated/notice.txt', import.meta.url));
const UNDATED_HTML = fileURLToPath(new URL('../../fixtures/cli/undated/notice.html', import.meta.url));

/** Runs the CLI without blocking this process's event loop (a test server may live here). */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Digests `source` into a fresh folder; returns the one post, the JSON and stderr. */
async function digestOne(source: string, dir: string, preset = 'jekyll') {
  const out = join(dir, 'posts');
  const r = await cli(['digest', source, '--out', out, '--db', ':memory:', '--preset', preset, '--json', '-', '--quiet', '--allow-host', '127.0.0.1']);
  assert.equal(r.code, 0, r.stderr);
  const posts = readdirSync(out);
  assert.equal(posts.length, 1, posts.join(', '));
  return { name: posts[0], markdown: readFileSync(join(out, posts[0]), 'utf8'), json: JSON.parse(r.stdout), stderr: r.stderr };
}

/** A copy of `file` in a temp folder with its modification time set to `mtime` (seconds since 1970). */
function copyWithMtime(file: string, dir: string, mtime: number): string {
  const copy = join(dir, file.endsWith('.html') ? 'notice.html' : 'notice.txt');
  copyFileSync(file, copy);
  utimesSync(copy, mtime, mtime);
  return copy;
}

for (const preset of ['jekyll', 'hugo'] as const) {
  test(`an undated page whose file time is 0 (1970): the post takes the run's date, marked draft (${preset}), with a warning`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-undated-'));
    try {
      const day = kstDay(new Date());
      const { name, markdown, json, stderr } = await digestOne(copyWithMtime(UNDATED, dir, 0), dir, preset);
      assert.ok(name.startsWith(`${day}-`), name);
      assert.match(markdown, new RegExp(`^date: ["']?${day}`, 'm'));
      assert.match(markdown, preset === 'hugo' ? /^draft: true$/m : /^published: false$/m);
      assert.match(stderr, /warning write\/undated-post .*run's date/);
      assert.ok(!JSON.stringify(json).includes('1970') && !markdown.includes('1970'));
      assert.equal(json.documents[0].publishedAt, null);
      assert.equal(json.documents[0].dateSource, null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("an undated file is dated by its modification time, marked as such; the post is not a draft", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-mtime-'));
  try {
    const mtime = Date.UTC(2025, 1, 3, 16, 30) / 1000; // 2025-02-04 01:30 KST
    for (const file of [UNDATED, UNDATED_HTML]) {
      const { name, markdown, json, stderr } = await digestOne(copyWithMtime(file, dir, mtime), join(dir, file.endsWith('.html') ? 'h' : 't'));
      const doc = json.documents[0];
      assert.equal(doc.publishedAt, '2025-02-04T01:30:00+09:00', file);
      assert.equal(doc.dateSource, 'file-mtime');
      assert.equal(doc.evidence.publishedAt, 'file-mtime');
      assert.ok(name.startsWith('2025-02-04-'), name);
      assert.doesNotMatch(markdown, /^published: false$/m);
      assert.doesNotMatch(stderr, /undated-post/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Serves the undated page, with a Last-Modified header or without one. */
async function pageServer(lastModified: string | null) {
  const html = readFileSync(UNDATED_HTML);
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(lastModified ? { 'last-modified': lastModified } : {}) }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/news/notice.html`, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

test("an undated web page is dated by the server's Last-Modified, marked as such", async () => {
  const server = await pageServer('Mon, 03 Feb 2025 23:10:00 GMT'); // 2025-02-04 08:10 KST
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-lastmod-'));
  try {
    const { name, json } = await digestOne(server.url, dir);
    assert.equal(json.documents[0].publishedAt, '2025-02-04T08:10:00+09:00');
    assert.equal(json.documents[0].dateSource, 'http-last-modified');
    assert.ok(name.startsWith('2025-02-04-'), name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});

test('an undated web page without Last-Modified: the run date, a draft, never 1970', async () => {
  const server = await pageServer(null);
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-nolastmod-'));
  try {
    const { name, markdown, json, stderr } = await digestOne(server.url, dir);
    assert.equal(json.documents[0].publishedAt, null);
    assert.ok(name.startsWith(`${kstDay(new Date())}-`), name);
    assert.match(markdown, /^published: false$/m);
    assert.match(stderr, /warning write\/undated-post/);
    assert.ok(!markdown.includes('1970'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});

test("a page's own date outranks the file's modification time", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-owndate-'));
  try {
    const dated = fileURLToPath(new URL('../../fixtures/cli/undated/dated.txt', import.meta.url));
    const { json } = await digestOne(copyWithMtime(dated, dir, Date.UTC(2030, 0, 1) / 1000), dir);
    assert.equal(json.documents[0].publishedAt.slice(0, 10), '2025-02-05');
    assert.equal(json.documents[0].dateSource, null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
