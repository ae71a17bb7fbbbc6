import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isAllowed, matchLength, parseRobots } from './robots.js';
import { ROBOTS_AGENT_TOKEN } from './tunables.js';

const dir = new URL('../../../fixtures/web/robots/', import.meta.url);

test('robots.txt: our group (merged, case-insensitive) wins over *, longest match wins, Allow wins ties', () => {
  const robots = parseRobots(readFileSync(new URL('robots.txt', dir), 'utf8'), ROBOTS_AGENT_TOKEN);
  const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'));
  assert.equal(robots.crawlDelayMs, expected.crawlDelayMs);
  for (const p of expected.allowed) assert.equal(isAllowed(robots, p), true, `allowed ${p}`);
  for (const p of expected.disallowed) assert.equal(isAllowed(robots, p), false, `disallowed ${p}`);
});

test('robots.txt: the * group applies when no group names us; an empty Disallow allows all', () => {
  const star = parseRobots('User-agent: *\nDisallow: /private/\nDisallow: /*.pdf$\n', ROBOTS_AGENT_TOKEN);
  assert.equal(isAllowed(star, '/private/a.html'), false);
  assert.equal(isAllowed(star, '/files/a.pdf'), false);
  assert.equal(isAllowed(star, '/files/a.pdf?x=1'), true);
  assert.equal(isAllowed(parseRobots('User-agent: *\nDisallow:\n', ROBOTS_AGENT_TOKEN), '/anything'), true);
  assert.equal(isAllowed(parseRobots('User-agent: otherbot\nDisallow: /\n', ROBOTS_AGENT_TOKEN), '/a'), true);
});

test('robots.txt: wildcard matching agrees with the regular-expression reading on every small pattern', async () => {
  const fc = (await import('fast-check')).default;
  const reference = (pattern: string, path: string) => {
    const anchored = pattern.endsWith('$');
    const body = anchored ? pattern.slice(0, -1) : pattern;
    const re = new RegExp('^' + body.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + (anchored ? '$' : ''));
    return re.test(path) ? pattern.length : -1;
  };
  const text = (chars: string[], max: number) => fc.array(fc.constantFrom(...chars), { maxLength: max }).map((a) => a.join(''));
  fc.assert(
    fc.property(text(['/', 'a', 'b', '*', '.'], 8), fc.boolean(), text(['/', 'a', 'b', '.'], 10), (p, end, path) => {
      const pattern = '/' + p + (end ? '$' : '');
      assert.equal(matchLength(pattern, '/' + path), reference(pattern, '/' + path), `${pattern} on /${path}`);
    }),
    { numRuns: 3000 },
  );
});

test('robots.txt: a pattern written to make matching backtrack is answered (no regular expression is built)', () => {
  const robots = parseRobots(`User-agent: *\nDisallow: /${'*a'.repeat(40)}*b$\n`, ROBOTS_AGENT_TOKEN);
  assert.equal(isAllowed(robots, '/' + 'a'.repeat(5000)), true);
  assert.equal(isAllowed(robots, '/' + 'a'.repeat(5000) + 'b'), false);
});
