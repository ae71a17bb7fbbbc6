// The guards on a real server: CSRF (origin and token) on POSTs, the access token, loopback by
// default, upload caps, and article strings escaped in every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../messages.js';
import { checkExposure, isLoopback } from './guard.js';
import { firstEventId, postForm, startTestWorkbench, type TestWorkbench } from '../fixture-server.js';
import { MAX_UPLOAD_FILES, MAX_UPLOAD_FILE_BYTES } from '../tunables.js';

let w: TestWorkbench;
before(async () => (w = await startTestWorkbench(['walk', 'hostile'])));
after(() => w.dispose());

const firstEvent = () => firstEventId(w);

test('a POST without the token, with a wrong one, or from another origin is refused; the own page is served', async () => {
  const id = await firstEvent();
  const path = `/events/${id}/post`;
  const missing = await fetch(w.url + path, { method: 'POST', headers: { origin: w.url, 'content-type': 'application/x-www-form-urlencoded' }, body: 'markdown=x' });
  assert.equal(missing.status, 403);
  assert.equal((await postForm(w, path, { markdown: 'x', _csrf: 'wrong' })).status, 403);
  assert.equal((await postForm(w, path, { markdown: 'x' }, { origin: 'http://evil.example' })).status, 403);
  const ok = await postForm(w, path, { markdown: '편집한 글' });
  assert.equal(ok.status, 303);
});

test('loopback is the default and any other address needs --token', () => {
  for (const h of ['127.0.0.1', '127.8.0.1', 'localhost', '::1', '[::1]']) assert.ok(isLoopback(h), h);
  for (const h of ['0.0.0.0', '192.168.0.10', '::', 'example.com']) assert.ok(!isLoopback(h), h);
  assert.throws(() => checkExposure('0.0.0.0', undefined), (e: Error) => e instanceof ConfigError && /--token/.test(e.message));
  assert.doesNotThrow(() => checkExposure('0.0.0.0', 'secret'));
  assert.doesNotThrow(() => checkExposure('127.0.0.1', undefined));
});

test('with --token every request needs it: refused without, accepted by Bearer or by the cookie /?token= sets', async () => {
  const guarded = await startTestWorkbench(['other'], { token: 's3cret' });
  try {
    assert.equal((await fetch(guarded.url + '/')).status, 401);
    assert.equal((await fetch(guarded.url + '/api/clusters')).status, 401);
    assert.equal((await fetch(guarded.url + '/?token=wrong', { redirect: 'manual' })).status, 401);
    assert.equal((await fetch(guarded.url + '/api/clusters', { headers: { authorization: 'Bearer s3cret' } })).status, 200);
    const login = await fetch(guarded.url + '/?token=s3cret', { redirect: 'manual' });
    assert.equal(login.status, 303);
    const cookie = login.headers.get('set-cookie')!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.equal((await fetch(guarded.url + '/', { headers: { cookie: cookie.split(';')[0] } })).status, 200);
  } finally {
    await guarded.dispose();
  }
});

test('uploads are capped by count and by size, with the reason shown', async () => {
  const form = (files: File[]) => {
    const f = new FormData();
    f.set('_csrf', w.csrf);
    for (const file of files) f.append('files', file);
    return fetch(w.url + '/sources', { method: 'POST', headers: { origin: w.url }, body: f, redirect: 'manual' });
  };
  const many = Array.from({ length: MAX_UPLOAD_FILES + 1 }, (_, i) => new File([`제목 ${i}\n본문 ${i}이다.`], `a${i}.txt`));
  const tooMany = await form(many);
  assert.equal(tooMany.status, 400);
  assert.match(await tooMany.text(), new RegExp(`파일 ${MAX_UPLOAD_FILES}개까지`));
  const big = await form([new File([new Uint8Array(MAX_UPLOAD_FILE_BYTES + 1)], 'big.txt')]);
  assert.equal(big.status, 400);
  assert.match(await big.text(), /big\.txt: 파일 하나는/);
});

test('pages carry article text escaped and forbid inline scripts by policy', async () => {
  const id = await firstEvent();
  for (const path of ['/', `/events/${id}`, `/events/${id}/post`]) {
    const response = await fetch(w.url + path);
    const text = await response.text();
    assert.doesNotMatch(text, /<script>alert/i, path);
    assert.doesNotMatch(text, /<img[^>]*onerror/i, path);
    assert.doesNotMatch(text, /href="javascript:/i, path);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  }
  const api = await fetch(`${w.url}/api/clusters/${id}`);
  assert.match(api.headers.get('content-type') ?? '', /^application\/json/, 'the API is data, never a page');
  assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
  const page = await (await fetch(`${w.url}/events/${id}`)).text();
  assert.match(page, /&lt;script&gt;alert\(&#39;title&#39;\)&lt;\/script&gt;/, 'the hostile title is shown as text');
});
