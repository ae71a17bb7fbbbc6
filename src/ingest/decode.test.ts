// decodeFile on bad and awkward inputs: every case is read correctly or refused with one clear message.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeFile, readRaw } from './index.js';
import { formatMessage } from '../messages.js';
import type { RawFile } from '../types.js';

const FIXTURES = new URL('../../fixtures/ingest/', import.meta.url);

interface Expected {
  error?: string;
  encoding?: string;
  format?: string;
  contains?: string;
  startsWith?: string;
  /** A UTF-8 file in the same folder the decoded text must equal, character for character. */
  exact?: string;
  /** `severity stage/rule` of every message the file gets. */
  messages?: string[];
}

const raw = (source: string, bytes: Uint8Array): RawFile => ({ source, key: source, bytes });
const rules = (ms: { severity: string; stage: string; rule: string }[]) => ms.map((m) => `${m.severity} ${m.stage}/${m.rule}`);

describe('decodeFile: fixture cases (fixtures/ingest/<case>/expected.json)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const folder = new URL(`${name}/`, FIXTURES);
    if (!existsSync(new URL('expected.json', folder))) continue; // not a decode case (e.g. web fixtures)
    const expected: Record<string, Expected> = JSON.parse(readFileSync(new URL('expected.json', folder), 'utf8'));
    for (const [file, want] of Object.entries(expected)) {
      test(`${name}: ${file}`, () => {
        const source = `${name}/${file}`;
        const got = decodeFile(raw(source, readFileSync(new URL(file, folder))));
        if (want.error) {
          assert.equal(got.file, null);
          assert.deepEqual(rules(got.messages), [`error ingest/${want.error}`]);
          assert.equal(got.messages[0].place.source, source, 'the message names the file');
          assert.match(formatMessage(got.messages[0]), new RegExp(`^error ingest/${want.error} ${source} — \\S`));
          return;
        }
        assert.ok(got.file, `expected a file, got ${JSON.stringify(got.messages)}`);
        assert.deepEqual(got.messages, [], 'a usable file carries its messages on the file');
        assert.equal(got.file.encoding, want.encoding);
        assert.equal(got.file.format, want.format);
        assert.ok(got.file.text.includes(want.contains!), `decoded text lacks "${want.contains}"`);
        if (want.exact) assert.equal(got.file.text, readFileSync(new URL(want.exact, folder), 'utf8'));
        if (want.startsWith) assert.ok(got.file.text.startsWith(want.startsWith), 'the BOM is not part of the text');
        assert.ok(!got.file.text.includes('\r'), 'line ends are normalised');
        assert.deepEqual(rules(got.file.messages), want.messages ?? []);
        assert.match(got.file.contentHash, /^[0-9a-f]{64}$/);
      });
    }
  }
});

describe('decodeFile: generated cases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-decode-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const article = readFileSync(new URL('plain-utf8/article.txt', FIXTURES));

  test('a 20 MB text file is refused as too large, naming the limit and the flag to raise it', () => {
    const path = join(dir, 'huge.txt');
    writeFileSync(path, Buffer.alloc(20 * 1024 * 1024, article));
    const got = decodeFile(readRaw({ source: path, key: path }));
    assert.equal(got.file, null);
    assert.deepEqual(rules(got.messages), ['error ingest/too-large']);
    assert.match(got.messages[0].reason, /20\.0 MB .*10 MB.*--max-file-mb/);
  });

  test('the same 20 MB file is read when the limit is raised', () => {
    const bytes = Buffer.alloc(20 * 1024 * 1024, article);
    const got = decodeFile(raw('huge.txt', bytes), { maxFileBytes: 32 * 1024 * 1024 });
    assert.ok(got.file);
    assert.equal(got.file.encoding, 'utf-8');
  });

  test('a gzip that inflates past the limit is refused without inflating it all', () => {
    const bomb = gzipSync(Buffer.alloc(11 * 1024 * 1024, 'a'));
    const got = decodeFile(raw('bomb.txt.gz', bomb));
    assert.equal(got.file, null);
    assert.deepEqual(rules(got.messages), ['error ingest/too-large']);
  });

  test('a gzip of two members is read whole, though its trailer sizes only the last one', () => {
    const first = '한빛전자가 4일 충남 아산에서 새 공장 착공식을 열었다.\n'.repeat(4000);
    const gz = Buffer.concat([gzipSync(Buffer.from(first)), gzipSync(Buffer.from('끝.\n'))]);
    const got = decodeFile(raw('two.txt.gz', gz));
    assert.equal(got.file?.text, `${first}끝.\n`);
  });

  test('a truncated gzip is reported as bad-gzip', () => {
    const gz = readFileSync(new URL('gzip/article.txt.gz', FIXTURES));
    const got = decodeFile(raw('cut.txt.gz', gz.subarray(0, gz.length - 30)));
    assert.equal(got.file, null);
    assert.deepEqual(rules(got.messages), ['error ingest/bad-gzip']);
  });

  test('an empty gzip and a white-space-only file are empty', () => {
    assert.deepEqual(rules(decodeFile(raw('e.txt.gz', gzipSync(Buffer.alloc(0)))).messages), ['error ingest/empty-file']);
    assert.deepEqual(rules(decodeFile(raw('blank.txt', Buffer.from(' \n\t\n'))).messages), ['error ingest/empty-file']);
  });

  test('an unreadable file (a dangling symlink) becomes an error message, not a throw', () => {
    const path = join(dir, 'x.txt');
    symlinkSync(join(dir, 'gone.txt'), path);
    const read = readRaw({ source: path, key: path });
    assert.equal(read.bytes.length, 0);
    const got = decodeFile(read);
    assert.equal(got.file, null);
    assert.deepEqual(rules(got.messages), ['error ingest/unreadable']);
    assert.match(got.messages[0].reason, /dangling link/);
    assert.equal(got.messages[0].place.source, path);
  });

  test('one UHC syllable in a page declared EUC-KR decodes to itself, not to a C1 control and a letter', () => {
    const page = Buffer.concat([Buffer.from('<meta charset=euc-kr><p>'), Buffer.from([0x8c, 0x63]), Buffer.from('</p>')]);
    const got = decodeFile(raw('one.html', page));
    assert.equal(got.file?.text, '<meta charset=euc-kr><p>똠</p>');
    assert.equal(got.file?.encoding, 'euc-kr');
  });

  test('bytes that are neither UTF-8 nor CP949 are refused, declared or not, never kept as U+FFFD', () => {
    const junk = Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0x41, 0x80, 0xff, 0x80, 0x0a, 0xc7, 0xd1, 0xff]);
    for (const [name, bytes] of [['junk.txt', junk], ['junk.html', Buffer.concat([Buffer.from('<meta charset="euc-kr">'), junk])]] as const) {
      const got = decodeFile(raw(name, bytes));
      assert.equal(got.file, null, name);
      assert.deepEqual(rules(got.messages), ['error ingest/undecodable'], name);
      assert.match(got.messages[0].reason, /neither UTF-8 nor EUC-KR\/CP949 .*save it as UTF-8/);
    }
  });

  test('the same bytes give the same id and hash; another key gives another id', () => {
    const a = decodeFile(raw('a.txt', article)).file!;
    const b = decodeFile(raw('a.txt', article)).file!;
    const c = decodeFile(raw('c.txt', article)).file!;
    assert.equal(a.id, b.id);
    assert.equal(a.contentHash, c.contentHash);
    assert.notEqual(a.id, c.id);
  });
});
