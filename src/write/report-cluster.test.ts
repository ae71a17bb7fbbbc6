// The whole pipeline over a fictional cluster written like real reports (fixtures/write/report-cluster/):
// four reports with page noise (one HTML page of an outlet newsdesk does not know) and one derivative
// blog post. Checks the event as data, the title, and the context rules on the post a reader gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { digestFolder } from '../../test/fixture-docs/digest.mjs';
import { DEFAULT_WRITE_OPTIONS, writeCluster } from './index.js';

const result = await digestFolder('report-cluster');
const [cluster] = result.clusters;
const md = cluster.post.markdown;
const main = md.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n## 출처')[0];
const lines = main.split('\n');
const byName = (name: string) => result.documents.find((d) => d.source.endsWith(name))!;

test('report-cluster: one cluster; the event with its participants, date, place, duration, outcome and side meeting', () => {
  assert.equal(result.clusters.length, 1);
  const e = cluster.event!;
  assert.equal(e.act, '회동');
  assert.deepEqual(e.participants.filter((p) => !p.present).map((p) => p.name), ['최하늘', '박서윤', '김태윤']);
  assert.equal(e.when, '2026-09-15');
  assert.match(e.where ?? '', /한빛타워$/);
  assert.match(e.duration ?? '', /1시간 30분|90분/);
  assert.equal(e.outcome, '구체적인 협력 방안에 큰 틀에서 합의했다');
  assert.equal(e.outcomeSpeaker, '최하늘');
  const side = e.side.find((s) => s.participants.some((p) => p.name === '이도윤'));
  assert.ok(side, 'the morning meeting with 이도윤 is a side event');
  assert.deepEqual(side.participants.map((p) => p.name).sort(), ['김태윤', '이도윤']);
  // Every slot cites spans inside its document's body.
  for (const m of [...Object.values(e.spans).flat(), ...e.participants.flatMap((p) => p.mentions.filter((x) => !x.field))]) {
    const body = result.documents.find((d) => d.id === m.document)!.body;
    assert.ok(m.start >= 0 && m.end <= body.length && m.start < m.end);
  }
});

test('report-cluster: the title names the principals and the act in newsdesk words; tags put them first', () => {
  const fm = parse(md.match(/^---\n([\s\S]*?)\n---\n/)![1]) as { title: string; tags: string[] };
  assert.equal(fm.title, '최하늘·박서윤·김태윤, 한빛타워서 3자 회동');
  assert.ok(!result.documents.some((d) => d.title === fm.title), 'not any outlet headline');
  assert.deepEqual(fm.tags.slice(0, 3), ['최하늘', '박서윤', '김태윤']);
});

test('report-cluster: a side-event quote keeps its addressee; the side event is told with its own participants', () => {
  const quoteLine = lines.find((l) => l.includes('훌륭한 파트너'));
  assert.ok(quoteLine, 'the quote is told');
  assert.match(quoteLine, /이 회장|이도윤/);
  assert.ok(lines.some((l) => l.includes('\\[김태윤 대표와 이도윤 회장\\] 두 사람은')), '두 사람 resolved from the sentence before, marked as an insertion');
});

test('report-cluster: a side meeting two reports retell is one fact: one sentence, one timeline item', () => {
  // 연합뉴스 retells the morning meeting that 한국경제 tells in full (30분, 가온텔레콤 본사).
  const timeline = main.slice(main.indexOf('## 타임라인'));
  assert.equal(timeline.split('\n').filter((l) => l.includes('이도윤')).length, 1, timeline);
  assert.ok(main.includes('약 30분간 따로 만났다'), 'the fuller telling stays');
  assert.ok(!main.includes('경영진과도 미팅을 진행했다'), 'the retelling goes');
});

test('report-cluster: 핵심 요약 bullets are facts of the event: no commentary, no background, even when ranked first', () => {
  // The two sentences are put at the top of the key sentences: the writer must still leave them out.
  const keyOf = (file: string, phrase: string) => {
    const d = byName(file);
    const s = d.sentences.find((x) => x.text.includes(phrase))!;
    assert.ok(s, phrase);
    return { text: s.text, score: 1, mentions: [{ document: d.id, start: s.start, end: s.end }] };
  };
  const summary = [keyOf('mt.txt', '밀착하는 모양새다'), keyOf('yonhap.txt', '함께 추진하고 있다'), ...cluster.summary];
  const docs = new Map(result.documents.map((d) => [d.id, d]));
  const written = writeCluster({ ...cluster, summary }, docs, { ...DEFAULT_WRITE_OPTIONS, runDate: '2026-01-01' }, new Set());
  const bullets = written.post.markdown.split('## 핵심 요약\n\n')[1].split('\n\n')[0].split('\n');
  assert.ok(bullets.length >= 3, bullets.join('\n'));
  assert.ok(!bullets.some((b) => b.includes('모양새')), 'commentary is no bullet');
  assert.ok(!bullets.some((b) => b.includes('함께 추진하고 있다')), 'what the project already was is background');
});

test('report-cluster: 무슨 일이 있었나 tells facts: no commentary or outlook (…모양새다, …것으로 보인다)', () => {
  const prose = main.split('## 무슨 일이 있었나\n\n')[1].split('\n## ')[0];
  assert.ok(prose.includes('1년 만에 한국을 찾았다'), 'the report around them is still told');
  assert.ok(!prose.includes('밀착하는 모양새다'), prose);
  assert.ok(!prose.includes('이어갈 것으로 보인다'), prose);
});

test('report-cluster: a dated remark is told under 발언, not repeated as a timeline item', () => {
  const quoteLines = main.split('\n').filter((l) => l.includes('첫 해외 연구소를 서울에 세우겠다'));
  assert.equal(quoteLines.length, 1, quoteLines.join('\n'));
  assert.ok(!quoteLines[0].startsWith('- **'), 'no timeline item');
  const timeline = main.slice(main.indexOf('## 타임라인'));
  assert.ok(timeline.includes('인천국제공항을 통해 입국했다'), timeline);
});

test('report-cluster: connectives that argue from the sentence before take their sentence out', () => {
  assert.ok(!main.includes('전력 확보가 가장 큰 과제'), '그러나 … dropped');
  assert.ok(!/^(?:- )?(?:\S+에 따르면 )?(특히|앞서|이날|전날|두 사람|그는)\s/m.test(main), 'no prose line opens on a dangling word');
  assert.ok(main.includes('\\[9월 15일\\]'), '이날 became the stated date');
});

test('report-cluster: the derivative is never quoted or used as prose; it stands under 참고 only', () => {
  const blog = byName('blog-post.md');
  assert.equal(blog.kind, 'derivative');
  const flat = main.replace(/\s+/g, '');
  for (const s of blog.sentences.filter((x) => x.text.length >= 15)) assert.ok(!flat.includes(s.text.replace(/\s+/g, '')), s.text);
  const sources = md.slice(md.indexOf('\n## 출처'));
  assert.match(sources, /### 참고\n\n- 기사 \d 「AI 뉴스 - 오로라 3각 동맹/);
  assert.ok(!cluster.post.model!.sections.filter((s) => s.heading !== '출처').some((s) => JSON.stringify(s).includes(blog.id)));
});

test('report-cluster: an outlet newsdesk does not know is named from its domain, linked, never 출처 미상', () => {
  const page = byName('haneul.html');
  assert.equal(page.outlet, null);
  assert.match(main, /haneulnews\.example에 따르면/);
  assert.match(md, /- \[haneulnews\.example 「[^\]]*」\]\(https:\/\/www\.haneulnews\.example\/article\/2026091501\)/);
  assert.ok(!/출처 미상|제목 없음|\.txt|\.html/.test(md.replace(/^---[\s\S]*?---/, '')));
});

test('report-cluster: one footnote mark per sentence; one source per line inside a note', () => {
  assert.ok(!/\]\[\^/.test(md), 'no run-together marks');
  const notes = md.slice(md.indexOf('\n[^1]:'));
  for (const def of notes.split(/\n(?=\[\^\d+\]:)/).filter(Boolean)) {
    const sourcesInNote = def.split('  \n    ');
    for (const s of sourcesInNote) assert.equal((s.match(/\d{4}-\d{2}-\d{2}/g) ?? []).length, 1, s);
  }
});
