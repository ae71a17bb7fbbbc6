import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { parseLight } from './light-dom.js';
import { extractHtml } from './index.js';

// Fictional pages, shaped like the ones the light DOM must read exactly as linkedom does.
const PARA = '<p>한빛전자가 4일 충남 아산에서 새 반도체 공장 착공식을 열었다고 밝혔다, 투자 규모는 3조 2천억원이며 공장은 2028년에 가동된다.</p>';
const PAGES: Record<string, string> = {
  'class tokens repeated and spaced': `<html><head><title>한빛전자 착공 | 한빛일보</title></head><body><div class="  article-body   article-body share ">${PARA.repeat(5)}</div></body></html>`,
  'attribute names in capitals': `<html><body><div ID="articleBody" Class="x">${PARA.repeat(2)}</div><div class="news_body">${PARA.repeat(5)}</div></body></html>`,
  'no head': `<html><body><article>${PARA.repeat(6)}<div class="related">관련 기사 목록이 여기에 길게 이어진다 더 많은 글자</div></article></body></html>`,
  'element before head': `<html><div>머리말</div><head></head><body>${PARA.repeat(4)}</body></html>`,
  'a fragment': PARA.repeat(6),
  'text only': '그냥 글입니다. '.repeat(60),
  'story inside a template': `<html><body><template><div class="article_body">${PARA.repeat(9)}</div></template><div class="view_con">${PARA.repeat(5)}</div></body></html>`,
  'entities split text': `<html><body><div class="news_body">${'<p>A &amp; B &lt;표&gt; 한빛 &#44032; &quot;인용&quot; 문장이 꽤 길게 이어진다, 쉼표도 있다, 또 있다.</p>'.repeat(8)}</div></body></html>`,
  'captions and furniture': `<html><body><figure><img><figcaption>사진 설명</figcaption></figure><div class="entry-content"><div class="wp-caption-text">캡션</div>${PARA.repeat(5)}<div class="share sns">공유</div></div></body></html>`,
  'json-ld and bylines': `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"한빛전자 착공","datePublished":"2025-02-04T14:40:00+09:00"}</script></head><body><span class="byline">김하늘 기자 sky@hanbit.example</span><time datetime="2025-02-04T14:40:00+09:00">2월 4일</time><div class="article_txt">${PARA.repeat(4)}</div></body></html>`,
  'needs Readability': `<html><body><div><div>${`<span>${PARA}</span>`.repeat(2)}</div><table><tr><td>${PARA.repeat(2)}</td></tr></table></div><ul>${'<li><a href="/a">다른 기사 제목 하나</a></li>'.repeat(20)}</ul></body></html>`,
  'content after the root': `<!-- 머리 --><html><body><div class="article-body">${PARA.repeat(6)}</div></body></html><p>뒤에 붙은 문단</p>`,
};

test('the light DOM gives the extractor the same result as linkedom, page by page', () => {
  for (const [name, html] of Object.entries(PAGES)) {
    const light = extractHtml(html, { source: `${name}.html` });
    const full = extractHtml(html, { source: `${name}.html`, dom: 'linkedom' });
    assert.deepEqual(light, full, name);
  }
});

test('the same on the committed HTML fixtures', () => {
  for (const dir of ['../../../fixtures/extract-html/', '../../../fixtures/extract/']) {
    const root = new URL(dir, import.meta.url);
    for (const name of readdirSync(root)) {
      const file = readdirSync(new URL(`${name}/`, root)).find((f) => /\.html$/.test(f));
      if (!file) continue;
      const html = readFileSync(new URL(`${name}/${file}`, root), 'utf8');
      assert.deepEqual(extractHtml(html, { source: file }), extractHtml(html, { source: file, dom: 'linkedom' }), name);
    }
  }
});

test('a page that needs Readability is read with it', () => {
  const r = extractHtml(PAGES['needs Readability'], { source: 'x.html' });
  assert.equal(r.method, 'readability');
  assert.ok(r.text.includes('한빛전자가 4일'));
});

test('light DOM: tree, attributes, text and queries as linkedom has them', () => {
  const html = `<!doctype html><html><body><div class=" b  a b " data-X="1"><p>가 &amp; 나</p><!-- 주석 --><template><p class="t">틀</p></template></div></body></html>`;
  const light = parseLight(html);
  const full = parseHTML(html).document;
  for (const doc of [light, full]) {
    const div = doc.querySelector('div')!;
    assert.equal(div.getAttribute('class'), 'b a');
    assert.equal(div.getAttribute('data-X'), '1');
    assert.equal(div.getAttribute('data-x'), null);
    assert.equal(doc.querySelectorAll('p').length, 1, 'the inside of a template is not searched');
    assert.equal(doc.querySelector('p')!.textContent, '가 & 나');
    assert.equal(div.textContent, '가 & 나틀');
    assert.equal(doc.body.tagName, 'BODY');
    assert.equal(doc.querySelector('p')!.parentElement, div);
    assert.ok(div.contains(doc.querySelector('p')) && div.contains(div));
    assert.ok(div.matches('.a.b') && !div.matches('.c'));
    doc.querySelector('p')!.remove();
    assert.equal(div.textContent, '틀');
    assert.equal(div.firstChild!.nodeType, 8);
  }
});

test('light DOM: a page nested 20,000 deep is walked without overflowing the stack', () => {
  const html = `<html><body>${'<div>'.repeat(20_000)}<p class="deep">끝</p>${'</div>'.repeat(20_000)}</body></html>`;
  const doc = parseLight(html);
  assert.equal(doc.querySelector('.deep')!.textContent, '끝');
  assert.equal(doc.body.textContent, '끝');
});
