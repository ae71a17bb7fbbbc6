// The line-noise patterns that search anywhere in a text stay linear on long runs of their own characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMAIN_IN_TEXT, EMAIL, EMAIL_ALL } from './noise-rules.js';
import { finishesWithin } from '../workers/hang-limit.js';

const RULES = new URL('./noise-rules.js', import.meta.url);
/** Far past any linear run (milliseconds); the quadratic patterns took minutes on these inputs. */
const HANG_LIMIT_MS = 20_000;
const run = (unit: string, n = 300_000) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

test('e-mail search: a 300k-character run of word characters with no @ is answered (it was re-read from every position)', async () => {
  assert.equal(await finishesWithin(HANG_LIMIT_MS, RULES, 'EMAIL_ALL', run('a')), true);
  assert.equal(await finishesWithin(HANG_LIMIT_MS, RULES, 'EMAIL', run('a.b')), true);
});

test('domain search: a 300k-character run of letters, or of one-letter labels, is answered', async () => {
  assert.equal(await finishesWithin(HANG_LIMIT_MS, RULES, 'DOMAIN_IN_TEXT', run('a')), true);
  assert.equal(await finishesWithin(HANG_LIMIT_MS, RULES, 'DOMAIN_IN_TEXT', run('a.')), true);
});

test('e-mail and domain search find what they found before', () => {
  const emails = (t: string) => t.match(EMAIL_ALL) ?? [];
  assert.deepEqual(emails('한빛일보 홍길동 기자 hong.gd+news@hanbit-ilbo.co.kr 제보 tip@hanbit.com'), ['hong.gd+news@hanbit-ilbo.co.kr', 'tip@hanbit.com']);
  assert.deepEqual(emails('(나래@x.com) 가나a@b.kr다 ab@cd@ef.net x@y'), ['a@b.kr', 'cd@ef.net']);
  assert.equal(EMAIL.exec('문의: desk@naraeilbo.com')?.[0], 'desk@naraeilbo.com');
  const domains = (t: string) => [...t.matchAll(DOMAIN_IN_TEXT)].map((m) => m[1]);
  assert.deepEqual(domains('ⓒ 나래일보 & narae.co.kr, https://www.Hanbit.com/x ..news.example.net'), ['narae.co.kr', 'Hanbit.com', 'news.example.net']);
});
