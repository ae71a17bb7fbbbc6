import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { canonicalUrl, looksLikeUrl, parseFetchable } from './url.js';
import { blockedAddressKind, checkHostAddress } from './address.js';

const fixture = (p: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/web/${p}`, import.meta.url), 'utf8'));

test('canonical URLs drop tracking parameters, fragments and mobile/AMP variants', () => {
  for (const [input, expected] of fixture('canonical/cases.json') as [string, string][]) {
    assert.equal(canonicalUrl(input), expected, input);
  }
});

test('only http and https are fetchable; file:, data:, ftp: and credentials are refused', () => {
  assert.equal(parseFetchable('https://garam.example/a').ok, true);
  for (const bad of ['file:///etc/passwd', 'data:text/html,<p>x</p>', 'ftp://garam.example/a', 'javascript:alert(1)', 'gopher://x/']) {
    const r = parseFetchable(bad);
    assert.equal(r.ok, false, bad);
    if (!r.ok) assert.equal(r.rule, 'blocked-scheme', bad);
  }
  const creds = parseFetchable('https://user:pw@garam.example/');
  assert.equal(creds.ok, false);
  assert.equal(looksLikeUrl('C:\\news\\a.html'), false, 'a drive letter is a path');
  assert.equal(looksLikeUrl('news/a.html'), false);
  assert.equal(looksLikeUrl('https://garam.example/'), true);
});

test('loopback, private, link-local and unique-local addresses are recognised; public ones pass', () => {
  const { blocked, public: open } = fixture('addresses/cases.json') as { blocked: string[]; public: string[] };
  for (const ip of blocked) assert.notEqual(blockedAddressKind(ip), null, ip);
  for (const ip of open) assert.equal(blockedAddressKind(ip), null, ip);
});

test('the address gate resolves names, refuses internal ones, and honours the allowlist', async () => {
  const refused = await checkHostAddress('localhost', new Set());
  assert.equal(refused.ok, false);
  if (!refused.ok) {
    assert.equal(refused.rule, 'blocked-address');
    assert.match(refused.reason, /--allow-host localhost/);
  }
  assert.equal((await checkHostAddress('127.0.0.1', new Set(['127.0.0.1']))).ok, true);
  assert.equal((await checkHostAddress('[::1]', new Set())).ok, false);
  assert.equal((await checkHostAddress('10.0.0.8', new Set())).ok, false);
});
