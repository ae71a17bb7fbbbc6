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

test('translation and tunnel ranges are judged by the v4 address they carry; reserved v4/v6 ranges are refused', () => {
  const { ranges } = fixture('addresses/cases.json') as { ranges: Record<string, string[]> };
  assert.equal(Object.keys(ranges).length, 8, 'one case list per range');
  for (const [range, ips] of Object.entries(ranges)) {
    for (const ip of ips) assert.notEqual(blockedAddressKind(ip), null, `${ip} (${range})`);
  }
  assert.equal(blockedAddressKind('64:ff9b::a00:1'), 'private (NAT64 to 10.0.0.1)');
  assert.equal(blockedAddressKind('2002:7f00:1::1'), 'loopback (6to4 to 127.0.0.1)');
});

test('a URL with an embedded internal address in any IPv6 spelling is refused by the gate', async () => {
  for (const host of ['[64:ff9b::a00:1]', '[2002:7f00:1::1]', '[::ffff:0:7f00:1]', '[fec0::1]', '198.18.0.1', '192.0.0.8']) {
    const hostname = new URL(`http://${host}/`).hostname;
    const r = await checkHostAddress(hostname, new Set());
    assert.equal(r.ok ? 'ok' : r.rule, 'blocked-address', host);
  }
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
