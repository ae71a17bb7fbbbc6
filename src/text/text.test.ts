// The Korean text floor: one fold, Hangul helpers, particle stripping, bigram similarity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold } from './fold.js';
import { hangulRatio, hasFinalConsonant, isHangul, isHangulSyllable, jamoOf } from './hangul.js';
import { PARTICLES, TOPIC_PARTICLES, endingIn, stripParticle } from './particles.js';
import { bigrams, dice, editDistance, jaccard } from './similarity.js';

test('fold ignores spacing, quote marks, thousands separators, width and case', () => {
  assert.equal(fold('“가상 전자” 1,000억 ＡＩ'), fold('「가상전자」1000억 ai'));
  assert.equal(fold('올트 먼'), '올트먼');
  assert.notEqual(fold('가상전자'), fold('가상전자.'));
});

test('Hangul helpers', () => {
  assert.equal(isHangulSyllable('한'), true);
  assert.equal(isHangulSyllable('ㅎ'), false);
  assert.equal(isHangul('경찰청'), true);
  assert.equal(isHangul('경찰A'), false);
  assert.equal(hasFinalConsonant('찰'), true);
  assert.equal(hasFinalConsonant('사'), false);
  assert.equal(hasFinalConsonant('A'), null);
  assert.deepEqual(jamoOf('한'), { initial: 18, vowel: 0, final: 4 });
  assert.equal(hangulRatio('한국 AB'), 0.5);
  assert.equal(hangulRatio('<p>한국</p>', { counts: (ch) => ch > '\u007f' }), 1);
  assert.equal(hangulRatio('한', { minLetters: 2 }), 0);
});

test('particles: each list strips its own endings, keeping a stem', () => {
  assert.equal(stripParticle('경찰청에서는', PARTICLES), '경찰청');
  assert.equal(stripParticle('사업비는', TOPIC_PARTICLES), '사업비');
  assert.equal(stripParticle('이다', PARTICLES), '이다'); // nothing would be left of the stem
  assert.equal(endingIn(['은', '에서']).exec('회의에서')?.[1], '에서');
});

test('bigram similarity', () => {
  assert.deepEqual([...bigrams('가 나다')], ['가나', '나다']);
  assert.deepEqual([...bigrams('가')], ['가']);
  assert.equal(jaccard(new Set(['a', 'b']), new Set(['b', 'c'])), 1 / 3);
  assert.equal(dice(new Set(['a', 'b']), new Set(['b', 'c'])), 0.5);
  assert.equal(dice(new Set(), new Set(['a'])), 0);
});

test('edit distance', () => {
  assert.equal(editDistance('--jsn', '--json'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
});
