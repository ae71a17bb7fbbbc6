import { test } from 'node:test';
import assert from 'node:assert/strict';
import { josa } from './josa.js';

test('josa: Hangul words take the particle their last syllable asks for', () => {
  assert.equal(josa('손정의', '은/는'), '손정의는');
  assert.equal(josa('이재용', '이/가'), '이재용이');
  assert.equal(josa('스타게이트', '을/를'), '스타게이트를');
  assert.equal(josa('르네 하스', '와/과'), '르네 하스와');
  assert.equal(josa('서울', '으로/로'), '서울로');
  assert.equal(josa('부산항', '으로/로'), '부산항으로');
});

test('josa: Latin letters and digits are read aloud first', () => {
  assert.equal(josa('CEO', '이/가'), 'CEO가');
  assert.equal(josa('Arm', '은/는'), 'Arm은');
  assert.equal(josa('뉴스1', '와/과'), '뉴스1과');
  assert.equal(josa('MBC', '을/를'), 'MBC를');
});
