// listInputs/readRaw: the file-system edge. Builds its trees in a temp dir (the layout is the case).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listInputs, readRaw } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-list-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const put = (path: string, text = '가상일보 기사 본문입니다.\n') => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};

test('a folder is walked recursively in natural order, skipping hidden files, noting other endings', () => {
  for (const f of ['news/10.txt', 'news/2.txt', 'news/sub/a.html.gz', 'news/b.md', 'news/.draft.txt', 'news/.git/x.txt', 'news/cover.jpg']) put(f);
  const got = listInputs([join(dir, 'news')]);
  assert.deepEqual(
    got.files.map((f) => f.source.slice(dir.length + 1)),
    ['news/2.txt', 'news/10.txt', 'news/b.md', 'news/sub/a.html.gz'],
  );
  assert.deepEqual(got.messages.map((m) => `${m.severity} ${m.rule} ${m.place.source.slice(dir.length + 1)}`), [
    'info unsupported-format news/cover.jpg',
  ]);
  for (const f of got.files) assert.equal(f.key, resolve(f.source));
});

test('a file named on the command line is read whatever its ending, once even if named twice', () => {
  put('one/page.php');
  const page = join(dir, 'one/page.php');
  const got = listInputs([page, join(dir, 'one', '.', 'page.php')]);
  assert.deepEqual(got.files.map((f) => f.source), [page]);
  assert.deepEqual(got.messages, []);
});

test('a dangling link in a folder is listed, and reading it gives an error instead of throwing', () => {
  mkdirSync(join(dir, 'links'));
  symlinkSync(join(dir, 'links', 'gone.txt'), join(dir, 'links', 'x.txt'));
  const got = listInputs([join(dir, 'links')]);
  assert.equal(got.files.length, 1);
  const raw = readRaw(got.files[0]);
  assert.match(raw.error ?? '', /^cannot read: no such file \(or a dangling link\)$/);
  assert.equal(raw.bytes.length, 0);
});

test('a folder named as a file path gives an "is a folder" read error', () => {
  mkdirSync(join(dir, 'folder.txt'));
  const raw = readRaw({ source: join(dir, 'folder.txt'), key: join(dir, 'folder.txt') });
  assert.equal(raw.error, 'cannot read: is a folder');
});
