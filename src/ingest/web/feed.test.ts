import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeFeedBytes, parseFeed, sniffFeedKind } from './feed.js';

const dir = (c: string) => new URL(`../../../fixtures/web/feeds/${c}/`, import.meta.url);
const BASE = 'https://garam.example/rss/all.xml';

for (const name of ['rss2', 'atom', 'rdf', 'sitemap-index', 'news-sitemap', 'broken']) {
  test(`feed reader: ${name}`, () => {
    const text = readFileSync(new URL('feed.xml', dir(name)), 'utf8');
    const expected = JSON.parse(readFileSync(new URL('expected.json', dir(name)), 'utf8'));
    assert.deepEqual(parseFeed(text, BASE), expected);
  });
}

test('HTML is not taken for a feed', () => {
  assert.equal(sniffFeedKind('<!DOCTYPE html><html><head><title>x</title></head></html>'), null);
  assert.equal(parseFeed('<html><body><rss>no</rss></body></html>', BASE), null);
  assert.equal(sniffFeedKind('<?xml version="1.0"?>\n<!-- c --><rdf:RDF xmlns:rdf="x"></rdf:RDF>'), 'rdf');
});

test('a feed declared EUC-KR in its XML declaration decodes right', () => {
  const xml = readFileSync(new URL('feed.xml', dir('rss2')), 'utf8').replace('encoding="UTF-8"', 'encoding="euc-kr"');
  // round-trip through EUC-KR bytes without any help from a header
  const bytes = new Uint8Array(Buffer.from(new TextEncoder().encode(xml)));
  const euc = encodeEucKr(xml);
  assert.notDeepEqual(euc, bytes);
  const text = decodeFeedBytes(euc, 'application/rss+xml', 'feed');
  assert.equal(parseFeed(text, BASE)?.title, '가람일보 - 경제 & 산업');
});

/** EUC-KR encoder built from the decoder's table (TextEncoder only does UTF-8). */
function encodeEucKr(text: string): Uint8Array {
  const dec = new TextDecoder('euc-kr');
  const table = new Map<string, number[]>();
  for (let lead = 0xb0; lead <= 0xc8; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) table.set(dec.decode(new Uint8Array([lead, trail])), [lead, trail]);
  }
  for (let lead = 0xa1; lead <= 0xac; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) if (!table.has(dec.decode(new Uint8Array([lead, trail])))) table.set(dec.decode(new Uint8Array([lead, trail])), [lead, trail]);
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no EUC-KR code for ${ch}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}
