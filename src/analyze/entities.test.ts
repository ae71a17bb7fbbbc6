import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { blankCredits, findEntities } from './entities.js';
import { findQuotes } from './quotes.js';
import { fixtureDocs } from '../../test/fixture-docs/analyze.mjs';
import type { Entity, Mention, Message, NewsDoc } from '../types.js';
import { newDoc } from '../doc.js';
import type { LineTokens } from './token-cache.js';
import { MAX_TOKENIZED_CHARS } from './tunables-entities.js';

const byAlias = (es: Entity[], alias: string) => es.find((e) => e.aliases.includes(alias));

/** The text a mention's span indexes: the body, or the caption its `field` names. */
function textOf(docs: NewsDoc[], m: Mention): string {
  const doc = docs.find((d) => d.id === m.document)!;
  if (!m.field) return doc.body;
  assert.equal(m.field.name, 'captions', 'entity mentions outside the body come from captions');
  return doc.captions[m.field.index];
}

function checkSpans(docs: NewsDoc[], es: Entity[]) {
  for (const e of es) for (const m of e.mentions) {
    const text = textOf(docs, m).slice(m.start, m.end);
    assert.ok(e.aliases.includes(text), `${e.name}: mention "${text}" is one of its aliases`);
  }
}

/** fixtureDocs plus `captions.json` ({ docId: [caption, …] }) from the same folder. */
function docsWithCaptions(folder: string): NewsDoc[] {
  const captions = JSON.parse(readFileSync(new URL(`../../fixtures/${folder}/captions.json`, import.meta.url), 'utf8')) as Record<string, string[]>;
  return fixtureDocs(folder).map((d) => ({ ...d, captions: captions[d.id] ?? [] }));
}

test('an unseen person named with surname + title is joined to the full name', () => {
  const docs = fixtureDocs('analyze-entities/title-alias-unseen');
  const es = findEntities(docs);
  const park = byAlias(es, '박영수');
  assert.ok(park, 'the person is found');
  assert.equal(park.type, 'person');
  assert.ok(park.aliases.includes('박 대표'));
  assert.equal(park.role, '한빛로보틱스 대표');
  assert.equal(byAlias(es, '한빛로보틱스')?.type, 'organization');
  // The copyright line went to `removed`; nothing from it becomes an entity.
  assert.equal(byAlias(es, '가상일보'), undefined);
  checkSpans(docs, es);
});

test('roles come from appositions: NAME ORG TITLE and ORG NAME TITLE', () => {
  const docs = fixtureDocs('analyze-entities/apposition-roles');
  const es = findEntities(docs);
  assert.equal(byAlias(es, '김도윤')?.role, '누리전자 회장');
  const costa = byAlias(es, '마리아 코스타');
  assert.ok(costa, 'a foreign two-word name is one person');
  assert.equal(costa.role, '벨라테크 최고경영자');
  assert.equal(byAlias(es, '누리전자')?.type, 'organization');
  checkSpans(docs, es);
});

test('bracket glosses, transliterations, group and short forms, abbreviations are joined', () => {
  const docs = fixtureDocs('analyze-entities/pairs-and-short-forms');
  const es = findEntities(docs);
  assert.ok(byAlias(es, '송하린')?.aliases.includes('송 하루카'), 'X(일본명 Y)');
  assert.ok(byAlias(es, '루미넥스')?.aliases.includes('Luminex'), 'Korean/Latin pair');
  const bank = byAlias(es, '미래뱅크');
  assert.ok(bank?.aliases.includes('미래뱅크그룹'), 'X그룹 ~ X');
  assert.ok(bank?.aliases.includes('미뱅'), 'abbreviation from the name parts');
  assert.ok(byAlias(es, '한결전자')?.aliases.includes('한결'), 'prefix short form');
  checkSpans(docs, es);
});

test('spacing variants and the family name alone join the full name across documents', () => {
  const docs = fixtureDocs('analyze-entities/spacing-and-given-name');
  const es = findEntities(docs);
  const clark = byAlias(es, '에밀리 클라크');
  assert.ok(clark);
  for (const alias of ['에밀리클라크', '클라크', '클라크 CEO', '클라 크 CEO']) assert.ok(clark.aliases.includes(alias), alias);
  assert.equal(clark.name, '에밀리 클라크');
  assert.deepEqual(clark.documents.sort(), ['a', 'b']);
  checkSpans(docs, es);
});

test('non-event names: particles, stages, generic actors and reporters are left out; quoted products are products', () => {
  const docs = fixtureDocs('analyze-entities/non-event-names');
  docs[0].reporter = '한도윤';
  const messages: Message[] = [];
  const es = findEntities(docs, messages);
  const names = es.flatMap((e) => e.aliases);
  for (const junk of ['규모의', '시리즈B', '당국', '정부', '업계', '관계자', '우주항공', '한도윤']) assert.ok(!names.includes(junk), `${junk} is no entity`);
  assert.ok(messages.some((m) => m.rule === 'reporter-not-entity'), 'the dropped reporter is reported');
  assert.ok(messages.some((m) => m.rule === 'generic-actor'), 'the dropped generic actor is reported');
  assert.equal(byAlias(es, '누리별')?.type, 'product', 'a name in quotes after 위성 is a product');
  assert.deepEqual(byAlias(es, '누리별')?.documents.sort(), [docs[0].id, docs[1].id], 'the bare name joins it across documents');
  assert.equal(byAlias(es, '이수희')?.name, '이수희', 'a full Korean name does not run into the next word');
  assert.equal(byAlias(es, '이수희')?.role, '별빛수협 조합장');
  // 오르비스 is an organization by a cue in one sentence; between a name and a title it is the person's company.
  assert.equal(byAlias(es, '안데르스 홀름')?.role, '오르비스 최고경영자');
  assert.equal(byAlias(es, '별바라기랩스')?.type, 'organization');
  checkSpans(docs, es);
});

test('a person named only in a photo caption is an entity, with role and a span into that caption', () => {
  const docs = docsWithCaptions('analyze-entities/caption-only-person');
  const es = findEntities(docs);
  const seo = byAlias(es, '서도훈');
  assert.ok(seo, 'the caption-only person is found');
  assert.equal(seo.type, 'person');
  assert.equal(seo.role, '늘봄바이오 회장');
  assert.deepEqual(seo.documents, ['a']);
  assert.ok(seo.mentions.length >= 2, 'both captions that name him count');
  for (const m of seo.mentions) {
    assert.equal(m.field?.name, 'captions');
    assert.equal(docs[0].captions[m.field!.index].slice(m.start, m.end), '서도훈');
  }
  assert.deepEqual([...new Set(seo.mentions.map((m) => m.field!.index))], [0, 1]);
  // The body's people keep body spans; a caption mention of them adds a caption span.
  const jung = byAlias(es, '정수아');
  assert.ok(jung?.mentions.some((m) => !m.field) && jung.mentions.some((m) => m.field?.index === 1));
  checkSpans(docs, es);
});

test('photo credits (agency, photographer, outlet) never become entities, and captions never introduce quotes', () => {
  const docs = docsWithCaptions('analyze-entities/caption-only-person');
  const es = findEntities(docs);
  const names = es.flatMap((e) => e.aliases);
  for (const credit of ['뉴스1', '연합뉴스', 'AFP', '임채원', '가온일보']) assert.ok(!names.some((n) => n.includes(credit)), `${credit} is no entity`);
  const quotes = findQuotes(docs, es);
  assert.ok(!quotes.some((q) => q.text.includes('함께 가자')), 'a quote in a caption is not a quote of the cluster');
  assert.equal(quotes.find((q) => q.text.includes('클러스터'))?.speaker, '정수아', 'the body quote keeps its speaker');
});

test('blankCredits blanks each credit form and keeps offsets', () => {
  const cases: [string, string][] = [
    ['가상 회장이 웃고 있다. 뉴스1', '가상 회장이 웃고 있다.'],
    ['가상 회장이 웃고 있다. 2031.1.2/뉴스1', '가상 회장이 웃고 있다.'],
    ['가상 회장이 참석했다. AFP=연합뉴스', '가상 회장이 참석했다.'],
    ['가상 회장 /사진=임채원 기자', '가상 회장'],
    ['가상 회장(오른쪽)이 웃고 있다.(사진=가상전자 제공)', '가상 회장(오른쪽)이 웃고 있다.'],
    ['[서울=뉴시스] 가상 회장이 웃고 있다.', '가상 회장이 웃고 있다.'],
    ['가상 가상전자 회장 가상전자 제공', '가상 가상전자 회장'],
    ['가상 가상전자 회장', '가상 가상전자 회장'],
  ];
  for (const [caption, kept] of cases) {
    const out = blankCredits(caption);
    assert.equal(out.length, caption.length, 'same length, so spans index the caption');
    assert.equal(out.trim(), kept, caption);
  }
});

test('a line past MAX_TOKENIZED_CHARS is read in pieces: no token array longer than a piece, names found past the cuts, an info message', () => {
  // A hostile line: 12,000 characters of `x.` (one token per character, no white space), then an ordinary sentence.
  const body = 'x.'.repeat(6_000) + ' 한빛로보틱스 김서윤 대표는 2일 새 로봇을 공개했다.\n둘째 줄은 짧다.';
  const docs = [newDoc({ id: 'long', source: 'long.txt', body })];
  const messages: Message[] = [];
  const tokens: LineTokens = new Map();
  const es = findEntities(docs, messages, tokens);
  // Read whole, the line made one array of 12,000 tokens, all alive at once (growth 41× per 10× of input).
  const longest = Math.max(...[...tokens.values()].map((ms) => ms.length));
  assert.ok(longest <= MAX_TOKENIZED_CHARS, `longest token array ${longest}`);
  assert.ok(tokens.size > 2, 'the long line is tokenized piece by piece');
  const kim = byAlias(es, '김서윤');
  assert.ok(kim, 'the name in the last piece is found');
  assert.equal(kim.role, '한빛로보틱스 대표');
  checkSpans(docs, es);
  const m = messages.filter((x) => x.rule === 'long-line-read-in-pieces');
  assert.equal(m.length, 1, 'one message for the document');
  assert.equal(m[0].severity, 'info');
  assert.deepEqual(m[0].place, { source: 'long', span: { start: 0, end: body.indexOf('\n') } });
  // Ordinary lines are not cut: no message.
  const short: Message[] = [];
  findEntities([newDoc({ id: 's', source: 's.txt', body: '한빛로보틱스 김서윤 대표는 2일 새 로봇을 공개했다.' })], short);
  assert.ok(!short.some((x) => x.rule === 'long-line-read-in-pieces'));
});
