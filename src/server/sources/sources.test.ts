// Adding sources from the browser: pasted text, an uploaded file and URLs (a local test site on
// 127.0.0.1), followed by server-sent events until every source is done or shows its error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWebServer, type WebServer } from '../../../test/web-server/server.mjs';
import { startTestWorkbench, type TestWorkbench } from '../fixture-server.js';

let w: TestWorkbench;
let site: WebServer;
before(async () => {
  w = await startTestWorkbench(['other']);
  site = await startWebServer();
});
after(async () => {
  await w.dispose();
  await site.close();
});

const PASTE = '사회\n청솔시, 도서관 옆에 놀이터도 짓는다\n청솔시가 새 어린이 도서관 옆에 놀이터를 함께 짓는다고 6일 밝혔다.\n';

/** Reads an SSE stream to its end and returns its events. */
async function events(url: string): Promise<{ event: string; data: string }[]> {
  const response = await fetch(url);
  assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
  const text = await response.text();
  return text.split('\n\n').filter((b) => b.trim()).map((block) => ({
    event: block.match(/^event: (.*)$/m)?.[1] ?? 'message',
    data: [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n'),
  }));
}

test('paste, upload and URLs are read one by one, progress streams per source, errors are shown', async () => {
  const form = new FormData();
  form.set('_csrf', w.csrf);
  form.set('text', `${PASTE}\n----\n사회\n둘째 붙여넣기\n청솔시 도서관은 주말에도 문을 연다고 시가 밝혔다.\n`);
  form.append('files', new File(['사회\n청솔시 도서관 이름 공모\n청솔시가 새 도서관 이름을 시민 공모로 정한다고 7일 밝혔다.\n'], '공모.txt'));
  form.set('urls', `${site.base}/articles/a3.html\n${site.base}/status/404`);
  const started = await fetch(w.url + '/sources', { method: 'POST', headers: { origin: w.url }, body: form, redirect: 'manual' });
  assert.equal(started.status, 303);
  const jobPath = started.headers.get('location')!;
  assert.match(jobPath, /^\/sources\/jobs\/\d+$/);

  const stream = await events(`${w.url}${jobPath}/events`);
  assert.ok(stream.length >= 2, 'at least the first state and the finish');
  assert.equal(stream.at(-1)!.event, 'finished');
  const last = stream.at(-1)!.data;
  for (const label of ['붙여넣기 1', '붙여넣기 2', '공모.txt', `${site.base}/articles/a3.html`]) {
    assert.match(last, new RegExp(`<li data-state="done">\\s*<strong>${label.replace(/[.?]/g, '\\$&')}</strong>`), label);
  }
  assert.match(last, new RegExp(`<li data-state="error">\\s*<strong>${site.base}/status/404</strong>[\\s\\S]*?<ul class="error"><li>`));
  assert.match(last, /문서 4건을 읽어 사건 \d+개가 되었습니다/);

  const page = await (await fetch(w.url + jobPath)).text();
  assert.match(page, /data-finished="true"/);
  const hits = await (await fetch(`${w.url}/api/search?q=${encodeURIComponent('놀이터')}`)).json();
  assert.equal(hits.hits.length, 1, 'the pasted article is searchable');
});

test('nothing to add, or a non-http URL, is refused with the reason', async () => {
  for (const [fields, reason] of [[{}, /하나는 있어야/], [{ urls: 'file:///etc/passwd' }, /http\(s\) 주소만/]] as const) {
    const form = new FormData();
    form.set('_csrf', w.csrf);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const response = await fetch(w.url + '/sources', { method: 'POST', headers: { origin: w.url }, body: form, redirect: 'manual' });
    assert.equal(response.status, 400);
    assert.match(await response.text(), reason);
  }
});
