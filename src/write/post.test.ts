import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { writeCluster } from './index.js';
import { cleanTitle, DEFAULT_WRITE_OPTIONS, writePost, type WriteOptions } from './post.js';
import { POST } from './tunables.js';
import { newDoc } from '../doc.js';
import { splitSentences } from '../text/sentences.js';
import { analyzeCluster } from '../analyze/index.js';
import { selectKeySentences } from './key-sentences.js';
import { fixtureUrl, loadFixture } from '../../test/fixture-docs/write.mjs';
import { proseSentences } from './render.js';

const write = (name: string, options: Partial<WriteOptions> = {}, taken = new Set<string>()) => {
  const { docs, cluster } = loadFixture(name);
  return writeCluster(cluster, docs, { ...DEFAULT_WRITE_OPTIONS, ...options }, taken);
};
const frontMatterOf = (md: string) => parse(md.match(/^---\n([\s\S]*?)\n---\n/)![1]) as Record<string, unknown>;
const bodyOf = (md: string) => md.replace(/^---\n[\s\S]*?\n---\n/, '');

test('golden-three-outlets: the post matches the hand-checked golden file exactly', () => {
  const written = write('golden-three-outlets');
  const golden = readFileSync(new URL('expected.md', fixtureUrl('golden-three-outlets')), 'utf8');
  assert.equal(written.post.path, '2024-11-11-누리테크-인공지능-ai-데이터센터-건설.md');
  assert.equal(written.post.markdown, golden);
});

test('golden-three-outlets: every prose line ends in footnotes, and every footnote is defined once', () => {
  const { post } = write('golden-three-outlets');
  const body = bodyOf(post.markdown);
  const defs = [...body.matchAll(/^\[\^(\d+)\]:/gm)].map((m) => m[1]);
  assert.equal(new Set(defs).size, defs.length);
  const used = new Set([...body.replace(/^\[\^\d+\]:.*$/gm, '').matchAll(/\[\^(\d+)\]/g)].map((m) => m[1]));
  assert.deepEqual([...used].sort(), [...defs].sort(), 'every reference has a definition and vice versa');
  const sources = body.slice(body.indexOf('## 출처'));
  const prose = body.slice(0, body.indexOf('## 출처')).split('\n')
    .filter((l) => l.trim() && !l.startsWith('#') && !/^\|[-|]+\|$/.test(l) && !l.startsWith('| 수치'));
  for (const line of prose) assert.match(line, /\[\^\d+\](?: \|)?$/, `no footnote: ${line}`);
  // Every prose sentence stands on source sentences: the source's words in it are in the sentence its
  // first mention points at; newsdesk's own words (attribution, insertions) are marked as such.
  const { docs } = loadFixture('golden-three-outlets');
  const told = proseSentences(post.model!);
  assert.ok(told.length >= 4);
  told.forEach((s, i) => {
    const [m] = s.mentions;
    const said = docs.get(m.document)!.body.slice(m.start, m.end).replace(/\s+/g, '');
    for (const r of s.runs.filter((x) => x.by === 'source')) assert.ok(said.includes(r.text.replace(/\s+/g, '')), r.text);
    // Attributed in the prose, once per run of sentences from the same outlets.
    const attributed = s.runs.some((r) => r.by === 'newsdesk' && /에 따르면 $/.test(r.text));
    assert.ok(attributed || (i > 0 && told[i - 1].sources.join() === s.sources.join()), `attributed: ${s.runs.map((r) => r.text).join('')}`);
  });
  assert.match(sources, /### 참고\n\n- 기사 3 「/, 'the derivative is listed apart, named by its number');
});

test('golden-three-outlets: the JSON summary lists key sentences best first, as written in the sources', () => {
  const { summary, members } = { ...write('golden-three-outlets'), members: loadFixture('golden-three-outlets').members };
  assert.ok(summary.length >= 3);
  for (let i = 1; i < summary.length; i++) assert.ok(summary[i - 1].score >= summary[i].score - 0.25, 'roughly best first (MMR may reorder)');
  for (const k of summary) assert.ok(members.some((d) => d.body.includes(k.text)), k.text);
});

test('single-document: empty analysis sections are left out; sources and lead remain', () => {
  const { post } = write('single-document');
  for (const h of ['발언', '타임라인', '엇갈린 보도', '자료']) {
    assert.ok(!post.markdown.includes(`## ${h}`), `${h} should be left out`);
  }
  assert.match(post.markdown, /## 핵심 요약/);
  assert.match(post.markdown, /## 출처\n\n- \[?한결신문/);
});

test('presets: jekyll-minimal-mistakes, jekyll and hugo front matter', () => {
  const mm = frontMatterOf(write('single-document', { preset: 'jekyll-minimal-mistakes', category: 'AI_News', author: '편집부' }).post.markdown);
  assert.equal(mm.layout, 'single');
  assert.deepEqual(mm.categories, ['AI_News']);
  assert.equal(mm.toc, true);
  assert.equal(mm.toc_sticky, true);
  assert.equal(mm.author_profile, false);
  assert.deepEqual(mm.sidebar, { nav: 'docs' });
  assert.equal(mm.author, '편집부');
  const jk = frontMatterOf(write('golden-three-outlets', { preset: 'jekyll', tags: ['데이터센터'] }).post.markdown);
  assert.equal(jk.layout, 'post');
  assert.deepEqual(jk.tags, ['누리테크', '박서윤', '부산시청', '최민호', '데이터센터']);
  const hugo = frontMatterOf(write('single-document', { preset: 'hugo' }).post.markdown);
  assert.equal(hugo.draft, false);
  assert.equal(hugo.layout, undefined);
  assert.deepEqual(hugo.categories, ['news']);
  assert.equal(String(hugo.title), '바닷물에서 리튬 3배 빠르게 뽑는 분리막 개발');
});

test('single-document: file names are dated, safe and unique within a run', () => {
  const taken = new Set<string>();
  const a = write('single-document', {}, taken).post.path;
  const b = write('single-document', {}, taken).post.path;
  assert.equal(a, '2025-06-09-바닷물에서-리튬-3배-빠르게-뽑는-분리막-개발.md');
  assert.equal(b, '2025-06-09-바닷물에서-리튬-3배-빠르게-뽑는-분리막-개발-2.md');
});

test('cleanTitle drops selling marks but keeps the event', () => {
  assert.equal(cleanTitle('[단독] 누리테크, 부산에 데이터센터 짓는다!!'), '누리테크, 부산에 데이터센터 짓는다!');
  assert.equal(cleanTitle('[속보]  새 정책 발표…'), '새 정책 발표');
});

test('a "sentence" past POST.maxSentenceChars (a quote never closed) is not told in the post; the others are', () => {
  const long = '정하늘 대표는 “' + '새 항만은 내년 봄에 문을 열고 화물선 서른 척을 받는다 '.repeat(100) + '라고 말했다.';
  const body = `한솔항만은 3일 부산에서 새 항만 계획을 밝혔다. ${long}`;
  const doc = newDoc({ id: 'g', source: 'g.txt', body, outlet: '한빛일보', publishedAt: '2025-02-04' });
  doc.sentences = splitSentences(body);
  assert.ok(doc.sentences.some((s) => s.text.length > POST.maxSentenceChars), 'the fixture holds one over-long sentence');
  const docs = new Map([['g', doc]]);
  const analyzed = analyzeCluster({ id: 'g', members: ['g'], duplicates: [] }, docs);
  const { post } = writePost({ ...analyzed, summary: selectKeySentences([doc]) }, docs, DEFAULT_WRITE_OPTIONS, new Set());
  assert.ok(!post.markdown.includes('화물선 서른 척'));
  assert.ok(post.markdown.includes('새 항만 계획을 밝혔다'));
});
