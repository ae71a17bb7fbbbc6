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
