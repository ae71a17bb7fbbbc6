// Progress: a redrawn bar on a terminal, a few plain lines in logs and pipes, nothing with --quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress } from './progress.js';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = { isTTY, write: (s: string) => (chunks.push(s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('') };
}

test('not a TTY: plain lines, a handful per stage however many files', () => {
  const { stream, text } = fakeStream(false);
  const p = createProgress(stream);
  for (let i = 1; i <= 1000; i++) p.update('extract', i, 1000, `news/${i}.txt`);
  p.update('cluster', 3, 3);
  p.done();
  const lines = text().split('\n').filter(Boolean);
  assert.ok(!/[\r\x1b]/.test(text()));
  assert.ok(lines.every((l) => /^(extract|cluster): \d+\/\d+$/.test(l)), text());
  assert.ok(lines.length <= 12, `${lines.length} lines`);
  assert.equal(lines.at(-2), 'extract: 1000/1000');
  assert.equal(lines.at(-1), 'cluster: 3/3');
});

test('a TTY: one redrawn bar line per stage', () => {
  const { stream, text } = fakeStream(true);
  const p = createProgress(stream);
  p.update('extract', 1, 2, 'a.txt');
  p.update('extract', 2, 2, 'b.txt');
  p.done();
  assert.match(text(), /\r\x1b\[Kextract +\[#+\.*\] 1\/2 a\.txt/);
  assert.match(text(), /\[#{24}\] 2\/2 b\.txt\n$/);
});

test('--quiet prints nothing', () => {
  const { stream, text } = fakeStream(false);
  const p = createProgress(stream, true);
  p.update('extract', 1, 1);
  p.done();
  assert.equal(text(), '');
});

test('a file name carrying terminal escapes is shown escaped on the bar, never sent to the terminal', () => {
  const { stream, text } = fakeStream(true);
  const p = createProgress(stream);
  p.update('ingest', 1, 1, 'in/\x1b]0;owned\x07\u009b31m.txt');
  p.done();
  const out = text().replace(/^\r\x1b\[K/, ''); // the bar's own redraw is the only escape written
  assert.ok(!/[\x07\x1b\u009b]/.test(out), JSON.stringify(out));
  assert.match(out, /in\/\\x1B\]0;owned\\x07\\x9B31m\.txt\n$/);
});
