// One fictional cluster per context rule (fixtures/write/context-*/), each digested by the whole
// pipeline: a sentence that needs the one before it is resolved from its source, marked as
// newsdesk's insertion, or left out; quotes keep their addressee; derivatives are never told; an
// outlet newsdesk does not know is named from its domain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { digestFolder } from '../../test/fixture-docs/digest.mjs';

async function digest(name: string) {
  const result = await digestFolder(name, '2026-12-01');
  assert.equal(result.clusters.length, 1, `${name}: one event`);
  const [cluster] = result.clusters;
  const md = cluster.post.markdown;
  // The main text: what a reader reads before the sources.
  const main = md.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n## 출처')[0];
  return { result, cluster, md, main, lines: main.split('\n') };
}

/** The line that carries a phrase; the test fails when the post leaves it out. */
const lineWith = (lines: string[], phrase: string) => {
  const line = lines.find((l) => l.includes(phrase));
  assert.ok(line, `the post tells “${phrase}”`);
  return line;
};

const DANGLING = /^(?:- )?(?:\S+에 따르면 )?(?:그는|그가|두 사람은|이 회장은|이 프로젝트|해당 제품|이에 따라)/m;

test('context-pronoun: 그는 takes the person the sentence before was about, marked as an insertion', async () => {
  const { main, lines } = await digest('context-pronoun');
  const line = lineWith(lines, '품목 허가를 신청하겠다');
  assert.match(line, /\\\[윤지호 대표는\\\] "내년 상반기에/);
  assert.doesNotMatch(main, DANGLING);
});

test('context-two-people: 두 사람 names both people from the sentence before', async () => {
  const { main, lines } = await digest('context-two-people');
  const line = lineWith(lines, '싱가포르 핀테크 포럼');
  assert.match(line, /\\\[정세린 회장과 오민석 대표\\\] 두 사람은/);
  assert.doesNotMatch(main, DANGLING);
});

test('context-surname-title: 이 회장 before the full name is written out; no short form comes first', async () => {
  const { main, lines } = await digest('context-surname-title');
  lineWith(lines, '동남아 배터리 공급망');
  const full = main.indexOf('이수민');
  assert.ok(full >= 0, 'the full name is in the post');
  const short = main.search(/(?<![가-힣])이 회장/);
  assert.ok(short < 0 || short > full, `a short form before the full name: ${main.slice(short, short + 40)}`);
  assert.doesNotMatch(main, DANGLING);
});

test('context-this-project: 이 프로젝트 and 해당 제품 name what they point at', async () => {
  const { main, lines } = await digest('context-this-project');
  assert.match(lineWith(lines, '480억원이 투입된다'), /\\\[누리길 프로젝트\\\]에는/);
  assert.match(lineWith(lines, '세온모빌리티가 만들었다'), /\\\[누리온\\\]은|\\\[누리온 제품\\\]은/);
  assert.doesNotMatch(main, DANGLING);
});

test('context-unresolvable: 그는 after a sentence about no person, and 이에 따라, leave their sentences out', async () => {
  const { md, main } = await digest('context-unresolvable');
  assert.ok(!md.includes('인상 폭을 최소화했다'), 'nobody to say it: the quote is dropped, not misattributed');
  assert.ok(!main.includes('1000원에서 1060원으로'), '이에 따라 argues from the sentence before: dropped');
  assert.doesNotMatch(main, DANGLING);
});

test('context-side-quote: a quote said about a side meeting keeps its addressee and its occasion', async () => {
  const { cluster, lines } = await digest('context-side-quote');
  assert.ok(cluster.event?.side.some((s) => s.participants.some((p) => p.name === '고태민')), 'the morning meeting is a side event');
  const line = lineWith(lines, '든든한 동반자');
  assert.match(line, /고 회장과 만난 뒤|고태민 회장\\\]과 만난 뒤/);
});

test('context-derivative: a blog post is listed under 참고 and never quoted or told', async () => {
  const { result, cluster, md, main } = await digest('context-derivative');
  const blog = result.documents.find((d) => d.source.endsWith('blog-post.md'))!;
  assert.equal(blog.kind, 'derivative');
  assert.ok(!md.includes('가장 가고 싶은 유럽 도시'), 'the quote only the blog carries is nowhere in the post');
  const flat = main.replace(/\s+/g, '');
  for (const s of blog.sentences.map((x) => blog.body.slice(x.start, x.end)).filter((x) => x.length >= 15)) {
    assert.ok(!flat.includes(s.replace(/\s+/g, '')), s);
  }
  assert.match(md.slice(md.indexOf('\n## 출처')), /### 참고\n\n- 기사 \d 「여행 소식 - 드디어 리스본 직항/);
  assert.ok(!cluster.post.model!.sections.filter((s) => s.heading !== '출처').some((s) => JSON.stringify(s).includes(blog.id)));
});

test('context-unknown-outlet: a page from an outlet newsdesk does not know is named from its domain and linked', async () => {
  const { result, md, main } = await digest('context-unknown-outlet');
  const page = result.documents.find((d) => d.source.endsWith('page.html'))!;
  assert.equal(page.outlet, null);
  assert.match(md, /- \[barammedia\.example 「솔빛에너지, 제주에 그린수소 충전소 개소」\]\(https:\/\/www\.barammedia\.example\/news\/articleView\.html\?idxno=88123\)/);
  assert.ok(!/출처 미상|제목 없음|page\.html|기사 \d/.test(main), 'no placeholder or file name in the main text');
});
