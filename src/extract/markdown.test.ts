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

/** Runs `f`, counting String.prototype.replace calls on strings of at least `minLength` characters meanwhile. */
function replaceCalls<T>(minLength: number, f: () => T): { result: T; calls: number } {
  const replace = String.prototype.replace;
  let calls = 0;
  String.prototype.replace = function (this: string, ...args: Parameters<typeof replace>) {
    if (this.length >= minLength) calls++;
    return replace.apply(this, args);
  } as typeof replace;
  try {
    return { result: f(), calls };
  } finally {
    String.prototype.replace = replace;
  }
}

test('text without a mark, a tab or two spaces is only trimmed: no pattern of the fourteen runs over it', () => {
  // A 1 MB line of `가` is one piece (no space to cut at): the fourteen patterns were fourteen passes over
  // 2 MB, and markdownLines grew 12.7× per 10× on it; prose has no marks either. The calls stand for that time.
  const run = '가'.repeat(3 * INLINE_PIECE_CHARS);
  const prose = '한솔물산은 12일 신형 배터리를 공개했다. “올해 매출 3조원이 목표”라고 말했다! (사진) '.repeat(40);
  for (const line of [run, prose, prose.repeat(30)]) {
    const { result, calls } = replaceCalls(20, () => stripInline(line));
    assert.equal(result, line.trim());
    assert.equal(calls, 0);
  }
});

test('each mark, a tab and two spaces still lead to the patterns that strip them', () => {
  const cases: [string, string][] = [
    ['앞 <b>굵게</b> 뒤', '앞 굵게 뒤'],
    ['앞<br>뒤', '앞 뒤'],
    ['앞 <!-- 주석 --> 뒤', '앞 뒤'],
    ['앞 ![그림](a.png) 뒤', '앞 뒤'],
    ['앞 [고리](https://example.com) 뒤', '앞 고리 뒤'],
    ['앞 <https://example.com> 뒤', '앞 https://example.com 뒤'],
    ['앞 **굵게** 뒤', '앞 굵게 뒤'],
    ['앞 __굵게__ 뒤', '앞 굵게 뒤'],
    ['앞 *기울임* 뒤', '앞 기울임 뒤'],
    ['앞 ~~취소~~ 뒤', '앞 취소 뒤'],
    ['앞 `코드` 뒤', '앞 코드 뒤'],
    ['앞 \\# 뒤', '앞 # 뒤'],
    ['앞\t\t뒤', '앞 뒤'],
    ['앞    뒤', '앞 뒤'],
  ];
  for (const [line, plain] of cases) assert.equal(stripInline(line), plain, line);
});

test('a long line without marks comes back whole: no white space is lost where it would be cut into pieces', () => {
  // Cut into pieces, each trimmed, the U+3000 before the cut at the first space past INLINE_PIECE_CHARS was
  // dropped; the search for the cut was also a second pass over a line with nothing to strip.
  const line = `${'가'.repeat(INLINE_PIECE_CHARS)}\u3000 ${'나'.repeat(INLINE_PIECE_CHARS / 2)}`;
  assert.equal(stripInline(line), line);
  const marked = `${line} **굵게**`;
  assert.equal(stripInline(marked), `${'가'.repeat(INLINE_PIECE_CHARS)} ${'나'.repeat(INLINE_PIECE_CHARS / 2)} 굵게`, 'a line with marks is still cut at spaces');
});
