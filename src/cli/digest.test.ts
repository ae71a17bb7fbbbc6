// `newsdesk digest` end to end, spawned as a user runs it (stderr is a pipe, not a TTY): bad input,
// exit status, where outputs went, the problem list, progress lines and the store.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const INGEST = fileURLToPath(new URL('../../fixtures/ingest/', import.meta.url));
const TWO_ARTICLES = fileURLToPath(new URL('../../fixtures/cli/two-articles/', import.meta.url));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function digest(args: string[], cwd: string): Run {
  assert.ok(existsSync(CLI), `${CLI} is missing: build first (npx tsc -p .)`);
  const r = spawnSync(process.execPath, [CLI, 'digest', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The problem lines printed at the end: `  severity stage/rule source — reason`. */
const problemLines = (stderr: string) => {
  const at = stderr.search(/^\d+ problems?:$/m);
  return at < 0 ? [] : stderr.slice(at).split('\n').slice(1).filter(Boolean);
};

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** What ingest's fixture cases promise for each usable file (fixtures/ingest/<case>/expected.json). */
function expectedFiles() {
  const good = new Map<string, { encoding: string; contains: string }>();
  const bad = new Map<string, string>();
  for (const name of readdirSync(INGEST)) {
    if (!existsSync(join(INGEST, name, 'expected.json'))) continue;
    const expected = JSON.parse(readFileSync(join(INGEST, name, 'expected.json'), 'utf8'));
    for (const [file, want] of Object.entries<{ error?: string; encoding: string; contains: string }>(expected)) {
      if (want.error) bad.set(`in/${name}/${file}`, want.error);
      else good.set(`in/${name}/${file}`, want);
    }
  }
  return { good, bad };
}

describe('newsdesk digest: bad input', () => {
  const work = join(dir, 'bad-input');
  const { good, bad } = expectedFiles();
  let run: Run;
  before(() => {
    mkdirSync(work);
    for (const name of readdirSync(INGEST)) {
      if (!existsSync(join(INGEST, name, 'expected.json'))) continue;
      cpSync(join(INGEST, name), join(work, 'in', name), { recursive: true, filter: (src) => !basename(src).startsWith('expected.') });
    }
    // generated here, never committed: a 20 MB page and a dangling link
    writeFileSync(join(work, 'in', 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, readFileSync(join(INGEST, 'plain-utf8', 'article.txt'))));
    symlinkSync(join(work, 'missing.txt'), join(work, 'in', 'x.txt'));
    bad.set('in/huge.txt', 'too-large');
    run = digest(['in', '--json', 'out/digest.json', '--out', 'out/posts', '--db', ':memory:'], work);
  });

  test('usable files are read and the run succeeds', () => {
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(readFileSync(join(work, 'out', 'digest.json'), 'utf8'));
    const bySource = new Map<string, { encoding: string; body: string }>(json.documents.map((d: { source: string }) => [d.source, d]));
    assert.deepEqual([...bySource.keys()].sort(), [...good.keys()].sort());
    for (const [source, want] of good) {
      assert.equal(bySource.get(source)!.encoding, want.encoding, source);
    }
    assert.match(run.stdout, new RegExp(`^read ${good.size} of ${good.size + bad.size} inputs \\(${good.size} new\\)$`, 'm'));
  });

  test('every unusable file gets one error line naming its rule and path', () => {
    const lines = problemLines(run.stderr);
    for (const [source, rule] of bad) {
      const mine = lines.filter((l) => l.includes(` ${source} — `));
      assert.equal(mine.length, 1, `${source}: ${JSON.stringify(lines)}`);
      assert.match(mine[0], new RegExp(`^  error ingest/${rule} ${source} — \\S`));
    }
  });

  test('an undecodable file is refused, so no stored body holds U+FFFD; a dangling link is skipped with a warning', () => {
    const json = JSON.parse(readFileSync(join(work, 'out', 'digest.json'), 'utf8'));
    assert.deepEqual(json.documents.filter((d: { body: string }) => d.body.includes('\uFFFD')).map((d: { source: string }) => d.source), []);
    const lines = problemLines(run.stderr).filter((l) => l.includes(' in/x.txt — '));
    assert.deepEqual(lines.map((l) => l.split(' — ')[0]), ['  warning ingest/dangling-link in/x.txt']);
  });

  test('exit status is 1 when nothing usable was read, with the reasons listed', () => {
    const only = join(dir, 'nothing-usable');
    mkdirSync(join(only, 'in'), { recursive: true });
    cpSync(join(INGEST, 'empty', 'empty.txt'), join(only, 'in', 'empty.txt'));
    cpSync(join(INGEST, 'binary', 'photo.html'), join(only, 'in', 'photo.html'));
    symlinkSync(join(only, 'missing.txt'), join(only, 'in', 'x.txt'));
    const r = digest(['in', '--db', ':memory:'], only);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /nothing usable was read/);
    const lines = problemLines(r.stderr);
    for (const [file, rule] of [['empty.txt', 'error ingest/empty-file'], ['photo.html', 'error ingest/binary-file'], ['x.txt', 'warning ingest/dangling-link']]) {
      assert.ok(lines.some((l) => l.startsWith(`  ${rule} in/${file} — `)), `${file}: ${r.stderr}`);
    }
    assert.ok(!existsSync(join(only, '_posts')), 'no posts folder for an empty run');
  });

  test('a path that does not exist is reported and fails the run', () => {
    const r = digest(['no-such-folder', '--db', ':memory:'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /error ingest\/unreadable no-such-folder — /);
  });
});

describe('newsdesk digest: report', () => {
  const work = join(dir, 'report');
  let run: Run;
  before(() => {
    mkdirSync(work);
    cpSync(TWO_ARTICLES, join(work, 'news'), { recursive: true });
    writeFileSync(join(work, 'news', 'blank.txt'), '');
    run = digest(['news', '--json', 'out/digest.json', '--out', 'out/posts', '--db', ':memory:'], work);
  });

  test('says where the digest JSON and the posts went, and they are there', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^digest JSON: out\/digest\.json$/m);
    const posts = run.stdout.match(/^posts: (\d+) written in out\/posts\/$/m);
    assert.ok(posts, run.stdout);
    assert.ok(existsSync(join(work, 'out', 'digest.json')));
    assert.equal(readdirSync(join(work, 'out', 'posts')).filter((f) => f.endsWith('.md')).length, Number(posts[1]));
  });

  test('prints plain progress lines (no bar, no escapes) when stderr is not a TTY', () => {
    assert.ok(!/[\r\x1b]/.test(run.stderr), JSON.stringify(run.stderr));
    const progress = run.stderr.split('\n').filter((l) => /^[a-z]+: \d+\/\d+$/.test(l));
    assert.ok(progress.includes('extract: 3/3'), run.stderr);
    assert.ok(progress.length >= 2);
  });

  test('lists per-file problems at the end, after the progress', () => {
    const lines = run.stderr.trimEnd().split('\n');
    const header = lines.findIndex((l) => /^\d+ problems?:$/.test(l));
    assert.ok(header > 0, run.stderr);
    const lastProgress = lines.findLastIndex((l) => /^[a-z]+: \d+\/\d+$/.test(l));
    assert.ok(lastProgress < header, 'problems come after the progress lines');
    assert.ok(lines.slice(header + 1).every((l) => l.startsWith('  ')), 'nothing follows the problem list');
    assert.ok(lines.slice(header + 1).some((l) => l.startsWith('  error ingest/empty-file news/blank.txt — ')));
  });

  test('--quiet prints no progress', () => {
    const r = digest(['news', '--no-posts', '--db', ':memory:', '--quiet'], work);
    assert.equal(r.status, 0);
    assert.ok(!/^[a-z]+: \d+\/\d+$/m.test(r.stderr), r.stderr);
  });
});

describe('newsdesk digest: store', () => {
  const work = join(dir, 'store');
  before(() => {
    mkdirSync(work);
    cpSync(TWO_ARTICLES, join(work, 'news'), { recursive: true });
  });
  const tables = (db: string) => {
    const h = new Database(db, { readonly: true });
    try {
      return {
        documents: h.prepare('SELECT * FROM documents ORDER BY id').all(),
        clusters: h.prepare('SELECT * FROM clusters ORDER BY id').all(),
        runs: h.prepare('SELECT count(*) FROM runs').pluck().get(),
      };
    } finally {
      h.close();
    }
  };

  test('the default store is ./newsdesk.db, and a re-run leaves documents and clusters unchanged', () => {
    const first = digest(['news', '--no-posts'], work);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^read 2 of 2 inputs \(2 new\)\n.*\nstore: newsdesk\.db \(run 1\)$/m);
    const db = join(work, 'newsdesk.db');
    const before = tables(db);
    assert.equal(before.documents.length, 2);
    const second = digest(['news', '--no-posts'], work);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /^read 2 of 2 inputs \(2 already stored\)\n.*\nstore: newsdesk\.db \(run 2\)$/m);
    const after = tables(db);
    assert.deepEqual(after.documents, before.documents);
    assert.deepEqual(after.clusters, before.clusters);
    assert.equal(after.runs, 2);
  });

  test('a changed file replaces its stored version', () => {
    const rail = join(work, 'news', 'rail.txt');
    writeFileSync(rail, readFileSync(rail, 'utf8').replace('2029년 개통을', '2030년 개통을'));
    const r = digest(['news', '--no-posts'], work);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^read 2 of 2 inputs \(1 changed, 1 already stored\)$/m);
    assert.equal(tables(join(work, 'newsdesk.db')).documents.length, 2);
  });

  test('--db :memory: keeps nothing on disk and prints no store line', () => {
    const clean = join(dir, 'memory');
    mkdirSync(clean);
    cpSync(TWO_ARTICLES, join(clean, 'news'), { recursive: true });
    const r = digest(['news', '--no-posts', '--db', ':memory:'], clean);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!/^store:/m.test(r.stdout));
    assert.deepEqual(readdirSync(clean), ['news']);
  });

  test('a --db that is not a database is a config error with a fix, not a stack trace', () => {
    writeFileSync(join(work, 'notes.db'), '메모: 내일 회의 10시\n'.repeat(100));
    const r = digest(['news', '--no-posts', '--db', 'notes.db'], work);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^newsdesk: notes\.db is not a newsdesk database .*--db FILE/m);
    assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
  });
});
