// stripInline on lines too long for one pass (cut into INLINE_PIECE_CHARS pieces at spaces).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripInline } from './markdown.js';
import { INLINE_PIECE_CHARS } from './tunables.js';

/** Runs `f`, counting the characters of every string Array.prototype.join builds meanwhile. */
function joinedChars<T>(f: () => T): { result: T; chars: number } {
  const join = Array.prototype.join;
  let chars = 0;
  Array.prototype.join = function (this: unknown[], ...args: Parameters<typeof join>) {
    const s = join.apply(this, args);
    chars += s.length;
    return s;
  };
  try {
    return { result: f(), chars };
  } finally {
    Array.prototype.join = join;
  }
}

test('a long line with nothing to strip is returned itself, not copied piece by piece', () => {
  // Copying a 100 kB line cost 30× what a 10 kB one did (a string that large is allocated apart, on fresh
  // memory): markdownLines on `한빛전자(한빛 ` repeated grew 36× from 10 kB to 100 kB. The count stands for that time.
  const line = '한빛전자(한빛 '.repeat(12_500).trimEnd();
  assert.ok(line.length > 5 * INLINE_PIECE_CHARS);
  const { result, chars } = joinedChars(() => stripInline(line));
  assert.equal(result, line);
  assert.equal(chars, 0);
});

test('a long line is stripped piece by piece as before when a piece has marks or extra spaces', () => {
  const words = '한솔물산은 신형 배터리를 공개했다 '.repeat(Math.ceil((3 * INLINE_PIECE_CHARS) / 18));
  const plain = words.trimEnd();
  // A mark near the end, spaces doubled in the middle, a leading space: each makes the result differ from the line.
  assert.equal(stripInline(`${plain} **굵게** 끝`), `${plain} 굵게 끝`);
  const doubled = words.slice(0, INLINE_PIECE_CHARS + 5) + '  ' + words.slice(INLINE_PIECE_CHARS + 5).trimEnd();
  assert.equal(stripInline(doubled), words.slice(0, INLINE_PIECE_CHARS + 5) + ' ' + words.slice(INLINE_PIECE_CHARS + 5).trimEnd());
  assert.equal(stripInline(` ${plain}`), plain);
  assert.equal(stripInline(plain), plain);
});

test('a long line of U+20xx marks is cut at its spaces without indexOf, and stripped as before', () => {
  // V8's indexOf(' ') in two-byte text searches for the byte 0x20, which every character of U+2000–U+20FF
  // holds: on `“` repeated it cost 20× a pattern scan, and markdownLines grew 16× per 10× of input. The
  // calls stand for that time.
  const indexOf = String.prototype.indexOf;
  let spaceSearches = 0;
  String.prototype.indexOf = function (this: string, search: string, from?: number) {
    if (search === ' ' && this.length > INLINE_PIECE_CHARS) spaceSearches++;
    return indexOf.call(this, search, from);
  };
  const run = '“'.repeat(INLINE_PIECE_CHARS - 3);
  const line = `${run} **굵게** ${run} ~~취소~~ ${run}`;
  let result: string;
  try {
    result = stripInline(line);
  } finally {
    String.prototype.indexOf = indexOf;
  }
  assert.equal(spaceSearches, 0);
  assert.equal(result, `${run} 굵게 ${run} 취소 ${run}`);
  const plain = '“'.repeat(3 * INLINE_PIECE_CHARS);
  assert.equal(stripInline(plain), plain, 'a line without spaces is one piece, returned itself');
});
