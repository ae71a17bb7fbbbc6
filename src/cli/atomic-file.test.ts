// Outputs are replaced whole or not at all: the helper on its own, then a real `newsdesk digest` killed
// with SIGKILL the moment it starts writing, which must leave the previous outputs or the new complete ones.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { watch, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AtomicFile, writeFileAtomic } from './atomic-file.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'newsdesk-atomic-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the helper replaces a file whole, creating its folder, and leaves nothing beside it', () => {
  const path = join(dir, 'unit/sub/a.json');
  writeFileAtomic(path, '{"old":true}\n');
  writeFileAtomic(path, '{"new":true}\n');
  assert.equal(readFileSync(path, 'utf8'), '{"new":true}\n');
  assert.deepEqual(readdirSync(join(dir, 'unit/sub')), ['a.json']);
});

test('until commit the target keeps its old content; abort drops the hidden temporary file', () => {
  const path = join(dir, 'unit/b.md');
  writeFileSync(path, 'old post\n');
  const f = new AtomicFile(path);
  f.write('new ');
  f.write(Buffer.from('post, written in chunks\n'));
  assert.equal(readFileSync(path, 'utf8'), 'old post\n');
  assert.match(f.tempPath, /\/\.b\.md\.\d+-[0-9a-f]{8}\.tmp$/);
  f.abort();
  assert.equal(readFileSync(path, 'utf8'), 'old post\n');
  assert.ok(!existsSync(f.tempPath));
  const g = new AtomicFile(path);
  g.write('new post\n');
  g.commit();
  assert.equal(readFileSync(path, 'utf8'), 'new post\n');
});

test('writeAll writes many chunks in order, more than one writev takes and empty ones included', () => {
  const path = join(dir, 'unit/many.json');
  const chunks = Array.from({ length: 2500 }, (_, i) => Buffer.from(i % 7 ? `조각${i},` : ''));
  const f = new AtomicFile(path);
  f.write('[');
  f.writeAll(chunks);
  f.write(']');
  f.commit();
  assert.equal(readFileSync(path, 'utf8'), `[${Buffer.concat(chunks).toString()}]`);
});

test('flush puts the data on disk before commit; a write after it is still committed', async () => {
  const path = join(dir, 'unit/c.md');
  const f = new AtomicFile(path);
  f.write('flushed ');
  await f.flush();
  f.write('and more\n');
  f.commit();
  assert.equal(readFileSync(path, 'utf8'), 'flushed and more\n');
  assert.throws(() => f.commit(), /commit after commit/);
  await assert.rejects(f.flush(), /flush after commit/);
});

test('a failed rename (the target is a folder) throws, removes the temporary file and keeps the target', () => {
  const path = join(dir, 'unit/taken');
  mkdirSync(join(path, 'inside'), { recursive: true });
  assert.throws(() => writeFileAtomic(path, 'x'));
  assert.deepEqual(readdirSync(join(dir, 'unit')).filter((n) => n.startsWith('.')), []);
  assert.ok(existsSync(join(path, 'inside')));
});

/** Every file in `folder` (temporary dotfiles aside), name → content. */
const snapshot = (folder: string) =>
  new Map(existsSync(folder) ? readdirSync(folder).filter((n) => !n.startsWith('.')).map((n) => [n, readFileSync(join(folder, n), 'utf8')]) : []);

const digestArgs = (out: string) => ['in', '--json', join(out, 'json', 'digest.json'), '--out', join(out, 'posts'), '--db', ':memory:', '--quiet'];

/** Runs a digest and SIGKILLs it at the first file-system event in `watched` (where it writes an output). */
function digestKilledAtFirstWrite(work: string, out: string, watched: string): Promise<NodeJS.Signals | null> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, 'digest', ...digestArgs(out)], { cwd: work, stdio: 'ignore' });
    const watcher = watch(watched, () => child.kill('SIGKILL'));
    child.on('error', fail);
    child.on('exit', (_code, signal) => {
      watcher.close();
      done(signal);
    });
  });
}

test('a digest killed with SIGKILL while writing leaves the previous outputs or the complete new ones', async () => {
  const work = join(dir, 'kill');
  mkdirSync(join(work, 'in'), { recursive: true });
  // previous outputs from two stories; the new run adds a third, so the JSON and one post change
  cpSync(join(EXAMPLES, 'chip-acquisition'), join(work, 'in', 'chip-acquisition'), { recursive: true });
  cpSync(join(EXAMPLES, 'offshore-wind'), join(work, 'in', 'offshore-wind'), { recursive: true });
  const run = (out: string) => spawnSync(process.execPath, [CLI, 'digest', ...digestArgs(out)], { cwd: work, encoding: 'utf8' });
  const first = run('previous');
  assert.equal(first.status, 0, first.stderr);
  cpSync(join(EXAMPLES, 'robot-launch'), join(work, 'in', 'robot-launch'), { recursive: true });
  const ref = run('reference');
  assert.equal(ref.status, 0, ref.stderr);
  const before = { json: snapshot(join(work, 'previous/json')), posts: snapshot(join(work, 'previous/posts')) };
  const after = { json: snapshot(join(work, 'reference/json')), posts: snapshot(join(work, 'reference/posts')) };
  assert.notDeepEqual(before.json, after.json, 'the new run must change the JSON, or the test proves nothing');
  assert.ok(after.posts.size > before.posts.size);

  let killed = 0;
  for (const [trial, phase] of (['json', 'posts', 'json', 'posts'] as const).entries()) {
    const out = join(work, `trial-${trial}`);
    cpSync(join(work, 'previous'), out, { recursive: true });
    const signal = await digestKilledAtFirstWrite(work, out, join(out, phase));
    if (signal === 'SIGKILL') killed++;
    for (const kind of ['json', 'posts'] as const) {
      for (const [name, text] of snapshot(join(out, kind))) {
        const whole = text === before[kind].get(name) || text === after[kind].get(name);
        assert.ok(whole, `trial ${trial} (killed at the first ${phase} write, ${signal ?? 'exited'}): ${kind}/${name} is neither the previous nor the new file (${text.length} chars)`);
      }
    }
    assert.equal(snapshot(join(out, 'json')).size, 1, 'the digest JSON is never missing');
  }
  assert.ok(killed >= 2, `only ${killed} of 4 runs were killed before they finished writing`);
});
