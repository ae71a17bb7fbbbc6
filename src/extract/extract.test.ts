// One test per fixture folder under fixtures/extract/<case>/: an input file (input.txt / .md / .html)
// and an expected.json checked by hand. Every case also checks the invariants of a NewsDoc: spans
// index into body, paragraphs are separated by exactly one blank line, removals name a known rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Format, NewsDoc } from '../types.js';
import { extractDocument } from './index.js';
import { RULE } from './noise-rules.js';
import { HTML_RULE } from './html/rules.js';

const root = new URL('../../fixtures/extract/', import.meta.url);
const KNOWN_RULES = new Set<string>([...Object.values(RULE), ...Object.values(HTML_RULE)]);
const knownRule = (rule: string) => KNOWN_RULES.has(rule.split(':')[0]);

interface Expected {
  description: string;
  expect?: Partial<Record<keyof NewsDoc, unknown>>;
  subtitles?: string[];
  captions?: string[];
  headings?: string[];
  frontMatter?: Record<string, unknown>;
  removed?: { rule: string; text: string }[];
  removedCount?: number;
  bodyIncludes?: string[];
  bodyExcludes?: string[];
  bodyStartsWith?: string;
  sentences?: string[];
  /** Which candidate gave the text (evidence.text): a DOM method, json-ld, or a script state blob. */
  evidenceText?: string;
}

export function loadCase(name: string): { doc: NewsDoc; expected: Expected } {
  const dir = new URL(`${name}/`, root);
  const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const format = input.split('.').pop() as Format;
  const text = readFileSync(new URL(input, dir), 'utf8');
  const doc = extractDocument({
    id: `d-${name}`, source: `${name}/${input}`, key: fileURLToPath(new URL(input, dir)), format,
    encoding: 'utf-8', contentHash: '', text, messages: [],
  });
  return { doc, expected: JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) };
}

export function checkInvariants(doc: NewsDoc) {
  for (const s of doc.sentences) assert.equal(doc.body.slice(s.start, s.end), s.text, `span of "${s.text}"`);
  assert.ok(!/\n\s*\n\s*\n/.test(doc.body), 'paragraphs are separated by exactly one blank line');
  assert.equal(doc.body, doc.body.trim(), 'body has no leading or trailing white space');
  for (const r of doc.removed) assert.ok(knownRule(r.rule), `known rule: ${r.rule}`);
  const paragraphs = doc.body ? doc.body.split('\n\n').length : 0;
  for (const s of doc.sentences) assert.ok(s.paragraph < paragraphs, 'sentence paragraph index in range');
}

for (const name of readdirSync(root).sort()) {
  test(`extract fixture: ${name}`, () => {
    const { doc, expected: e } = loadCase(name);
    checkInvariants(doc);
    for (const [k, v] of Object.entries(e.expect ?? {})) assert.deepEqual(doc[k as keyof NewsDoc], v, `${name}: ${k}`);
    if (e.subtitles) assert.deepEqual(doc.subtitles, e.subtitles, 'subtitles');
    if (e.captions) assert.deepEqual(doc.captions, e.captions, 'captions');
    if (e.headings) assert.deepEqual(doc.headings, e.headings, 'headings');
    if (e.frontMatter) assert.deepEqual(doc.frontMatter, e.frontMatter, 'frontMatter');
    for (const r of e.removed ?? []) {
      assert.ok(doc.removed.some((x) => x.rule === r.rule && x.text === r.text), `removed by ${r.rule}: ${r.text}\n got ${JSON.stringify(doc.removed)}`);
    }
    if (e.removedCount != null) assert.equal(doc.removed.length, e.removedCount, `removed: ${JSON.stringify(doc.removed)}`);
    for (const s of e.bodyIncludes ?? []) assert.ok(doc.body.includes(s), `body includes: ${s}\n body: ${doc.body}`);
    for (const s of e.bodyExcludes ?? []) assert.ok(!doc.body.includes(s), `body excludes: ${s}\n body: ${doc.body}`);
    if (e.bodyStartsWith) assert.ok(doc.body.startsWith(e.bodyStartsWith), `body starts with: ${e.bodyStartsWith}\n body: ${doc.body}`);
    if (e.evidenceText) assert.equal(doc.evidence.text, e.evidenceText, 'evidence.text');
    if (e.sentences) assert.deepEqual(doc.sentences.map((s) => s.text), e.sentences, 'sentences');
    for (const c of doc.captions) assert.ok(!doc.body.includes(c), 'captions are not in the body');
    for (const r of doc.removed) if (r.rule !== RULE.duplicateBlock && r.text.length > 6) assert.ok(!doc.body.split('\n').includes(r.text), `removed line not in body: ${r.text}`);
  });
}

test('one copyright line gives one outlet, by one rule, from a .txt file and from HTML', () => {
  const line = 'ⓒ 가상경제 & gasang-econ.co.kr, 무단 전재, 재배포 및 AI학습 이용 금지';
  const story = ['가상의 항구 도시에서 올해 첫 크루즈선이 입항했다. 승객 2천여명이 시내 관광에 나섰다.', '시는 하반기까지 크루즈선 14척이 더 들어올 것으로 내다봤다.'];
  const read = (format: Format, text: string) => extractDocument({
    id: `d-${format}`, source: `copyright.${format}`, key: `/tmp/copyright.${format}`, format, encoding: 'utf-8', contentHash: '', text, messages: [],
  });
  const txt = read('txt', ['크루즈선 첫 입항', ...story, line].join('\n'));
  const html = read('html', `<html><head><title>크루즈선 첫 입항</title></head><body><article><h1>크루즈선 첫 입항</h1>${[...story, line].map((p) => `<p>${p.replace('&', '&amp;')}</p>`).join('')}</article></body></html>`);
  for (const doc of [txt, html]) {
    assert.equal(doc.outlet, '가상경제', doc.format);
    assert.equal(doc.evidence.outlet, 'copyright-line', doc.format);
    assert.deepEqual(doc.removed.filter((r) => r.text.includes('무단 전재')).map((r) => r.rule), ['copyright-line'], doc.format);
  }
  assert.equal(html.body, txt.body);
});
