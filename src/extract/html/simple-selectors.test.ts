import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compile } from 'css-select';
import { parseLight } from './light-dom.js';
import { compileSimple, type SimpleElement } from './simple-selectors.js';
import { CAPTION_SELECTORS, GENERIC_BODY_SELECTORS, STORY_INSIDE } from './tunables.js';
import { OUTLET_RULES } from './outlet-rules.js';

// A fictional page with the attribute shapes that trip selector engines: repeated and tab-separated class
// tokens, capitalised names and values, inherited property names as attributes, nesting for descendants.
const PAGE = `<html><head><title>한빛일보</title><script TYPE="Application/LD+JSON">{}</script>
<link REL="Canonical" href="https://hanbit.example/a/1"></head>
<body class="  page   page wide "><div ID="articleBody" Class="Article-Body x-y" ItemProp="articleBody" constructor="1">
<p class="a\tb">한빛전자가 착공했다.<span class="caption-x imgCaption">사진 설명</span></p>
<div id="toString" class="constructor byline"><a href="/r" rel="Author">김하늘 기자</a><time datetime="2025-02-04">2월 4일</time></div>
<div itemprop="author"><span itemprop="name">김하늘</span></div><figure><figcaption>캡션</figcaption></figure>
<div class="article_body news_body"><p class="view_con">본문</p></div><section class="entry-content-wrap">글</section>
<template><p class="a b">숨은 글</p></template></div></body></html>`;

const adapter = {
  isTag: (n: any): n is any => n.nodeType === 1,
  getAttributeValue: (el: any, name: string) => el.getAttribute(name) ?? undefined,
  getChildren: (n: any) => n.childNodes ?? [],
  getName: (el: any) => el.localName,
  getParent: (n: any) => n.parentNode,
  getSiblings: (n: any) => (n.parentNode ? n.parentNode.childNodes : [n]),
  getText: (n: any) => n.textContent ?? '',
  hasAttrib: (el: any, name: string) => el.hasAttribute(name),
  removeSubsets: (nodes: any[]) => nodes,
};

/** Every element of the page, the inside of <template> included. */
function elements(): SimpleElement[] {
  const out: SimpleElement[] = [];
  const walk = (n: any) => {
    for (const c of n.childNodes ?? []) {
      if (c.nodeType === 1) out.push(c);
      walk(c);
    }
  };
  walk(parseLight(PAGE));
  return out;
}

test('simple selector lists answer as css-select does, element by element', () => {
  const lists = new Set([
    ...GENERIC_BODY_SELECTORS, GENERIC_BODY_SELECTORS.join(','), STORY_INSIDE, CAPTION_SELECTORS,
    '[itemprop="author"] [itemprop="name"],[rel="author"],.byline__name,.author-name,.byline,.author',
    'time[itemprop="datePublished"],[itemprop="datePublished"],time[datetime]', 'script[type="application/ld+json"]', 'link[rel="canonical"]',
    'meta', 'p', '*', '[class],[id]', 'DIV.Article-Body', '.article-body', '[ItemProp="articleBody"]', '.a.b', 'body div p span', '#toString',
    '.constructor', '[constructor]', '[id*="Body"]', '[class*="caption"]', 'div .view_con', 'body *', 'a[href][rel="AUTHOR"]',
  ]);
  for (const r of OUTLET_RULES) for (const s of [...r.body, ...(r.junk ?? []), ...(r.caption ?? []), ...(r.byline ?? [])]) lists.add(s);
  const els = elements();
  let simple = 0;
  for (const s of lists) {
    const mine = compileSimple(s);
    if (!mine) continue;
    simple++;
    const ref = compile<any, any>(s, { xmlMode: false, adapter }) as (el: unknown) => boolean;
    for (const el of els) assert.equal(mine(el), ref(el), `${s} on <${el.localName} ${JSON.stringify(el.attribs)}>`);
  }
  assert.ok(simple > 30, `only ${simple} lists were simple`);
});

test('lists with anything else are left to css-select', () => {
  for (const s of ['p:first-child', 'div > p', 'h1 + p', 'a[href^="http"]', "[class='x']", '[data-x="1"]', '.a,', '', 'p, :not(.x)', '[lang="ko"]']) {
    assert.equal(compileSimple(s), null, s);
  }
});
