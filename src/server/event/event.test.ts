// The event page over a real store: outlets side by side with shared sentences marked in each, the
// finding beside its figure, footnotes and figures that point at existing source sentences, and a
// restored line that writes a message and survives a restart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { firstEventId, postForm, startTestWorkbench, type TestWorkbench } from '../fixture-server.js';
import { startServer } from '../serve.js';
import { openStore } from '../../store/index.js';

let w: TestWorkbench;
let id: string;
before(async () => {
  w = await startTestWorkbench(['walk']);
  id = await firstEventId(w);
});
after(() => w.dispose());

const SHARED = '새봄에너지가 전남 영암군에 폐태양광 패널 재활용 공장을 짓는다고 3일 밝혔다.';

test('one column per outlet; a sentence three outlets carry is highlighted in all three, single-outlet ones marked', async () => {
  const page = await (await fetch(`${w.url}/events/${id}`)).text();
  const columns = [...page.matchAll(/<section class="column" aria-label="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(columns.sort(), ['누리뉴스', '다산비즈', '한빛일보']);
  const shared = [...page.matchAll(/<span class="sent shared"[^>]*data-outlets="(\d)">([^<]*)<\/span>/g)].filter((m) => m[2] === SHARED);
  assert.equal(shared.length, 3);
  assert.ok(shared.every((m) => m[1] === '3'));
  assert.match(page, /<span class="sent solo"[^>]*>총투자비는 2500억원이다\.<\/span>/);
});

test('the finding sits in the row of its figure, and footnotes and figure links point at sentences on the page', async () => {
  const page = await (await fetch(`${w.url}/events/${id}`)).text();
  const row = page.split('<tr>').slice(1).find((r) => r.includes('2400억원'))!;
  assert.match(row, /class="finding"><span class="badge finding">coverage-gap<\/span> 2400억원 — 일부 보도만 언급 \(newsdesk: 1\/3\)/);
  const targets = [...page.matchAll(/<a class="(?:footnote|figure-link)" href="#([^"]+)"/g)].map((m) => m[1]);
  assert.ok(targets.length >= 5, `${targets.length} links`);
  for (const t of targets) assert.match(page, new RegExp(`id="${t}"`), t);
});

test('restoring a removed line puts it in the body with a message, and the change persists', async () => {
  const page = await (await fetch(`${w.url}/events/${id}`)).text();
  const form = page.match(/<li>이 시각 많이 본 뉴스 <span class="muted">\(([^)]+)\)<\/span>\s*<form method="post" action="\/documents\/([^/]+)\/restore">.*?name="removal" value="(\d+)"/s)!;
  const [, rule, doc, removal] = form;
  const restored = await postForm(w, `/documents/${doc}/restore`, { removal });
  assert.equal(restored.status, 303);
  assert.match(restored.headers.get('location')!, /notice=restored/);
  const after = await (await fetch(`${w.url}/events/${id}`)).text();
  assert.match(after, /<span class="sent solo restored"[^>]*>이 시각 많이 본 뉴스<\/span>/);
  assert.match(after, /이 시각 많이 본 뉴스 <span class="muted">\([^)]+\)<\/span>\s*<span class="badge">본문으로 되돌림/);
  const json = await (await fetch(`${w.url}/api/documents/${doc}`)).json();
  assert.match(json.body, /\n\n이 시각 많이 본 뉴스$/);
  assert.ok(!json.removed.includes('이 시각 많이 본 뉴스'));
  const note = json.messages.find((m: { rule: string }) => m.rule === 'restored-line');
  assert.equal(note.stage, 'server');
  assert.match(note.reason, new RegExp(rule));
  assert.equal(json.body.slice(note.place.span.start, note.place.span.end), '이 시각 많이 본 뉴스');

  const again = await startServer({ db: join(w.dir, 'newsdesk.db'), port: 0, host: '127.0.0.1', postsDir: w.postsDir, write: {}, fetcher: {} });
  try {
    const reread = await (await fetch(`${again.url}/api/documents/${doc}`)).json();
    assert.equal(reread.body, json.body, 'the restoration is in the store file');
  } finally {
    await again.close();
  }
});

test('the page is kept between requests and rebuilt when another process changes the store', async () => {
  const first = await (await fetch(`${w.url}/events/${id}`)).text();
  assert.equal(await (await fetch(`${w.url}/events/${id}`)).text(), first, 'the same page while nothing changed');
  const form = first.match(/<li>다산비즈 구독하기 <span class="muted">\([^)]+\)<\/span>\s*<form method="post" action="\/documents\/([^/]+)\/restore">.*?name="removal" value="(\d+)"/s)!;
  // Another connection to the same file (as a second newsdesk process would have) restores a line.
  const other = await openStore(join(w.dir, 'newsdesk.db'));
  try {
    assert.ok(await other.restore(form[1], Number(form[2]), '다산비즈 구독하기'));
  } finally {
    await other.close();
  }
  const after = await (await fetch(`${w.url}/events/${id}`)).text();
  assert.match(after, /<span class="sent solo restored"[^>]*>다산비즈 구독하기<\/span>/);
});
