// The post editor on a real server: revisions, a regenerate that shows a diff and overwrites nothing,
// export into the _posts folder only, and a sanitised preview.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../messages.js';
import { exportPost } from './export.js';
import { renderPreview } from './markdown.js';
import { firstEventId, postForm, startTestWorkbench, type TestWorkbench } from '../fixture-server.js';

let w: TestWorkbench;
let id: string;
before(async () => {
  w = await startTestWorkbench(['walk']);
  id = await firstEventId(w);
});
after(() => w.dispose());

const textarea = (page: string) => page.match(/<textarea name="markdown"[^>]*>([\s\S]*?)<\/textarea>/)![1]
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#96;/g, '`').replace(/&amp;/g, '&');

test('edit, save, regenerate: the diff is shown, nothing is overwritten until accepted, every version kept', async () => {
  const first = await (await fetch(`${w.url}/events/${id}/post`)).text();
  const generated = textarea(first);
  assert.match(generated, /^---\ntitle: |^---\nlayout: post/);
  assert.match(first, /1판<\/strong>[\s\S]*자동 생성/);

  const edited = generated.replace(/\n## /, '\n편집자가 덧붙인 문장이다.\n\n## ');
  assert.equal((await postForm(w, `/events/${id}/post`, { markdown: edited })).status, 303);
  const saved = await (await fetch(`${w.url}/events/${id}/post`)).text();
  assert.equal(textarea(saved), edited);
  assert.match(saved, /2판<\/strong>[\s\S]*편집/);

  const diff = await (await postForm(w, `/events/${id}/post/regenerate`, {})).text();
  assert.match(diff, /<del>편집자가 덧붙인 문장이다\.\n<\/del>|<del>[^<]*편집자가 덧붙인 문장이다/);
  assert.equal(textarea(await (await fetch(`${w.url}/events/${id}/post`)).text()), edited, 'regenerating alone keeps the edit');

  const accepted = diff.match(/name="markdown" value="([^"]*)"/)![1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#96;/g, '`').replace(/&amp;/g, '&');
  assert.equal((await postForm(w, `/events/${id}/post/accept`, { markdown: accepted })).status, 303);
  const after = await (await fetch(`${w.url}/events/${id}/post`)).text();
  assert.equal(textarea(after), generated);
  assert.match(after, /3판<\/strong>[\s\S]*다시 생성/);
  const old = await (await fetch(`${w.url}/events/${id}/post?rev=2`)).text();
  assert.equal(textarea(old), edited, 'the edited revision is still there');
});

test('export writes the current revision into the _posts folder', async () => {
  const page = await (await postForm(w, `/events/${id}/post/export`, {})).text();
  const path = page.match(/내보냈습니다: ([^<]+)</)![1];
  assert.ok(path.startsWith(w.postsDir + '/'), path);
  assert.ok(existsSync(path));
  assert.equal(readFileSync(path, 'utf8'), textarea(await (await fetch(`${w.url}/events/${id}/post`)).text()));
});

test('export never leaves its folder', () => {
  for (const name of ['../x.md', 'a/b.md', '/tmp/x.md', '..\\x.md', '.hidden.md', 'x.sh', '']) {
    assert.throws(() => exportPost(join(w.dir, 'posts'), name, 'x'), ConfigError, name);
  }
  assert.equal(readFileSync(exportPost(join(w.dir, 'posts'), '2026-01-01-ok.md', '안녕'), 'utf8'), '안녕');
});

test('the preview renders footnotes and tables and strips scripts, handlers and non-http links', () => {
  const out = renderPreview([
    '---', 'title: 제목', 'tags:', '  - 가', '---', '',
    '본문[^1] [좋은 링크](https://example.com/a) [나쁜](javascript:alert(1)) <a href="javascript:alert(2)">a</a>',
    '', '<script>alert(3)</script><img src=x onerror=alert(4)>', '', '| 수치 | 출처 |', '|---|---|', '| 1<br>2 | [^1] |', '',
    '[^1]: 출처 하나',
  ].join('\n')).value;
  assert.match(out, /<th>title<\/th><td>제목<\/td>/);
  assert.match(out, /<sup class="footnote-ref"><a href="#fn1" id="fnref1">/);
  assert.match(out, /<a href="https:\/\/example.com\/a">좋은 링크<\/a>/);
  assert.match(out, /<table>/);
  assert.match(out, /1<br \/>2/);
  assert.doesNotMatch(out, /href="javascript:/);
  assert.match(out, /\[나쁜\]\(javascript:alert\(1\)\)/, 'the refused link stays visible as text');
  assert.doesNotMatch(out, /<script/);
  assert.doesNotMatch(out, /<img/);
  assert.doesNotMatch(out, /onerror=/);
});
