// What reaches a terminal: controls, C1 and bidi overrides from file names and pages are shown escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printable } from './printable.js';
import { formatMessage, message } from './messages.js';

test('controls, C1 and bidi overrides are escaped; Korean, tabs-as-escapes and ordinary text stay readable', () => {
  assert.equal(printable('a\x1b]0;title\x07b'), 'a\\x1B]0;title\\x07b');
  assert.equal(printable('\u009b2J\u202eexe.txt'), '\\x9B2J\\u202Eexe.txt');
  assert.equal(printable('한국어 기사.txt'), '한국어 기사.txt');
  assert.equal(printable('two\nlines\tand\x7f'), 'two\\nlines\\x09and\\x7F');
  assert.equal(printable('two\nlines', { multiline: true }), 'two\nlines');
});

test('a problem line is one line whose file name and reason cannot drive the terminal', () => {
  const line = formatMessage(message('ingest', 'empty-file', 'the file holds\nonly white space', { source: 'in/\x1b[2Jx\x07.txt' }, 'error'));
  assert.equal(line, 'error ingest/empty-file in/\\x1B[2Jx\\x07.txt — the file holds\\nonly white space');
});
