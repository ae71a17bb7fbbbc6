import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isAllowed, parseRobots } from './robots.js';
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
