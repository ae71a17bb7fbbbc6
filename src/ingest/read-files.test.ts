// listInputs/readRaw: the file-system edge. Builds its trees in a temp dir (the layout is the case).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listInputs, readRaw } from './index.js';
import { ConfigError } from '../messages.js';

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-list-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const put = (path: string, text = '가상일보 기사 본문입니다.\n') => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};

const under = (p: string) => p.slice(dir.length + 1);
const said = (ms: { severity: string; rule: string; place: { source: string } }[]) => ms.map((m) => `${m.severity} ${m.rule} ${under(m.place.source)}`);

test('a folder is walked recursively in natural order, noting hidden files and other endings', () => {
  for (const f of ['news/10.txt', 'news/2.txt', 'news/sub/a.html.gz', 'news/b.md', 'news/.draft.txt', 'news/.git/x.txt', 'news/cover.jpg']) put(f);
  const got = listInputs([join(dir, 'news')]);
  assert.deepEqual(
    got.files.map((f) => f.source.slice(dir.length + 1)),
    ['news/2.txt', 'news/10.txt', 'news/b.md', 'news/sub/a.html.gz'],
  );
  assert.deepEqual(said(got.messages), ['info hidden news/.draft.txt', 'info hidden news/.git', 'info unsupported-format news/cover.jpg']);
  for (const f of got.files) assert.equal(f.key, resolve(f.source));
});

test('a file named on the command line is read whatever its ending, once even if named twice', () => {
  put('one/page.php');
  const page = join(dir, 'one/page.php');
  const got = listInputs([page, join(dir, 'one', '.', 'page.php')]);
  assert.deepEqual(got.files.map((f) => f.source), [page]);
  assert.deepEqual(got.messages, []);
});

test('hostile links and special files: one message each, and nothing of theirs is read', () => {
  put('hostile/real.txt');
  put('hostile/sub/inner.txt');
  symlinkSync('/etc/passwd', join(dir, 'hostile/passwd.txt'));
  symlinkSync('/dev/zero', join(dir, 'hostile/zero.txt'));
  symlinkSync('..', join(dir, 'hostile/sub/up')); // a loop back to the folder given
  symlinkSync('self.txt', join(dir, 'hostile/self.txt')); // a link to itself
  symlinkSync(join(dir, 'hostile/gone.txt'), join(dir, 'hostile/dangling.txt'));
  symlinkSync('real.txt', join(dir, 'hostile/alias.txt')); // inside the folder: followed, but read once
  symlinkSync(tmpdir(), join(dir, 'hostile/tmp')); // a folder outside
  execFileSync('mkfifo', [join(dir, 'hostile/pipe.txt')]);
  const got = listInputs([join(dir, 'hostile')]);
  assert.deepEqual(got.files.map((f) => under(f.source)), ['hostile/alias.txt', 'hostile/sub/inner.txt']);
  assert.deepEqual(said(got.messages), [
    'warning dangling-link hostile/dangling.txt',
    'warning link-outside hostile/passwd.txt',
    'warning not-a-file hostile/pipe.txt',
    'warning link-loop hostile/self.txt',
    'warning link-loop hostile/sub/up',
    'warning link-outside hostile/tmp',
    'warning link-outside hostile/zero.txt',
  ]);
  assert.match(got.messages[1].reason, /a link to \/etc\/passwd, outside the folder given .*nothing of it is read/);
  assert.match(got.messages[2].reason, /a FIFO \(named pipe\), not a regular file/);
  assert.ok(got.files.every((f) => !readRaw(f).error), 'what is listed reads cleanly');
});

test('a file named on the command line may be a link out of any folder, but must be a regular file', () => {
  mkdirSync(join(dir, 'named'));
  symlinkSync('/etc/hostname', join(dir, 'named/host.txt'));
  execFileSync('mkfifo', [join(dir, 'named/fifo.txt')]);
  const got = listInputs([join(dir, 'named/host.txt'), join(dir, 'named/fifo.txt'), '/dev/zero']);
  assert.deepEqual(got.files.map((f) => under(f.source)), ['named/host.txt']);
  assert.deepEqual(got.messages.map((m) => `${m.severity} ${m.rule} ${m.place.source}`), [
    `error not-a-file ${join(dir, 'named/fifo.txt')}`,
    'error not-a-file /dev/zero',
  ]);
});

test('reading refuses what is not a regular file, without blocking on a FIFO, and files over the limit unread', () => {
  const fifo = join(dir, 'named/fifo.txt');
  const raw = readRaw({ source: fifo, key: fifo });
  assert.deepEqual([raw.errorRule, raw.error, raw.bytes.length], ['not-a-file', 'cannot read: a FIFO (named pipe), not a regular file', 0]);
  const zero = readRaw({ source: '/dev/zero', key: '/dev/zero' });
  assert.equal(zero.errorRule, 'not-a-file');
  put('big/page.txt', 'x'.repeat(3000));
  const big = readRaw({ source: join(dir, 'big/page.txt'), key: 'big' }, { maxFileBytes: 2048 });
  assert.equal(big.errorRule, 'too-large');
  assert.equal(big.bytes.length, 0);
});

test('more files than --max-files is a ConfigError before anything is read', () => {
  for (let i = 0; i < 5; i++) put(`many/${i}.txt`);
  assert.equal(listInputs([join(dir, 'many')], { maxFiles: 5 }).files.length, 5);
  assert.throws(() => listInputs([join(dir, 'many')], { maxFiles: 4 }), (e) => e instanceof ConfigError && /more than 4 files.*--max-files/.test(e.message));
});

test('a folder named as a file path gives an "is a folder" read error', () => {
  mkdirSync(join(dir, 'folder.txt'));
  const raw = readRaw({ source: join(dir, 'folder.txt'), key: join(dir, 'folder.txt') });
  assert.equal(raw.error, 'cannot read: is a folder');
});
