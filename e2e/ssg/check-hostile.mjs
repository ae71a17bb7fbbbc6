#!/usr/bin/env node
// Checks the HTML a static-site generator made from posts of hostile articles (e2e/ssg/hostile): no live
// script, event handler or non-http(s) link anywhere, no template output, and the hostile text visible
// as text wherever the post carried it.
//   node check-hostile.mjs NAME POSTS_DIR SITE_DIR
// One PASS/FAIL line per check; exit 1 on any FAIL.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [name, postsDir, siteDir] = process.argv.slice(2);
const walk = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? walk(p) : p.endsWith('.html') ? [p] : [];
});
const NAMED = { lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', ndash: '–', mdash: '—', nbsp: ' ' };
const decode = (s) => s
  .replace(/&(lsquo|rsquo|ldquo|rdquo|hellip|ndash|mdash|nbsp);/g, (_, n) => NAMED[n])
  .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
  .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
// Both generators turn straight quotes into typographic ones; compare text without that difference.
const flat = (s) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
const textOf = (html) => flat(decode(html.replace(/<script[\s\S]*?<\/script>/gi, ' ').replace(/<[^>]+>/g, ' ')));

const pages = walk(siteDir).map((path) => ({ path: path.slice(siteDir.length + 1), html: readFileSync(path, 'utf8') }));
const posts = readdirSync(postsDir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(postsDir, f), 'utf8'));
/** A script element that runs: any but the theme's JSON-LD data block (jekyll-seo-tag), which browsers do not execute. */
const live = (tag) => /^<script\b/i.test(tag) && !/^<script type="application\/ld\+json">$/i.test(tag);
const tags = pages.flatMap((p) => [...p.html.matchAll(/<[a-z](?:[^>"']|"[^"]*"|'[^']*')*>/gi)].map((m) => ({ page: p.path, tag: m[0] })));
/** A tag's attributes as [name, value] (a value is hostile text quoted, never a name or another attribute). */
const attributes = (tag) => [...tag.replace(/^<[a-z0-9-]+/i, '').matchAll(/([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)]
  .map((m) => [m[1].toLowerCase(), decode((m[2] ?? '').replace(/^["']|["']$/g, '')).trim()]);
const attributeNames = (tag) => attributes(tag).map(([n]) => n);
const handler = (tag) => attributeNames(tag).some((n) => /^on/.test(n));
const text = pages.map((p) => textOf(p.html)).join('\n');

/** Hostile strings the articles carry; each must reach some post, and show in the HTML as written. */
const MARKERS = [
  '<script>alert(1)</script>', "<script>alert('outlet')</script>", 'onerror=alert(', 'onmouseover="alert(', 'javascript:alert(',
  '{{ site.time }}', '{{ site }}', '{% include /etc/passwd %}', '{{% param "title" %}}', '{{< x >}}',
];
/** What a post's Markdown says once its escapes are undone: what a reader should see. */
const unescape = (md) => flat(decode(md.replace(/\\([\\`*_[\]|#+\-.!()])/g, '$1')));
const carried = MARKERS.filter((m) => posts.some((md) => unescape(md).includes(flat(m))));

const checks = [
  ['posts carry the hostile strings', carried.length === MARKERS.length, `missing from posts: ${MARKERS.filter((m) => !carried.includes(m)).join(' , ')}`],
  ['posts hold no control characters (a file name\'s terminal escape stays out)', !posts.some((md) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(md)), 'control characters in a post'],
  ['no live <script> element', !tags.some((t) => live(t.tag)), tags.filter((t) => live(t.tag)).map((t) => `${t.page}: ${t.tag}`).slice(0, 3).join(' | ')],
  ['no event-handler attribute', !tags.some((t) => handler(t.tag)), tags.filter((t) => handler(t.tag)).map((t) => `${t.page}: ${t.tag}`).slice(0, 3).join(' | ')],
  ...(() => {
    const links = tags.flatMap((t) => attributes(t.tag).filter(([n]) => ['href', 'src', 'action', 'formaction'].includes(n)).map(([, url]) => ({ ...t, url })));
    const bad = links.filter((l) => /^[a-z][a-z0-9+.-]*:/i.test(l.url) && !/^(https?|mailto):/i.test(l.url));
    return [['links only http(s), mailto or relative', bad.length === 0, bad.map((l) => `${l.page}: ${l.url}`).slice(0, 3).join(' | ')]];
  })(),
  ['no template output (nothing of /etc/passwd or site data)', !/root:x:0:0|\/bin\/(ba)?sh/.test(text), 'found passwd lines'],
  ['hostile text visible as text', carried.every((m) => text.includes(flat(m))), `not shown as written: ${carried.filter((m) => !text.includes(flat(m))).join(' , ')}`],
];
let failed = 0;
for (const [check, ok, why] of checks) {
  if (!ok) failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name} hostile: ${check}${ok ? '' : ` — ${why}`}`);
}
process.exit(failed ? 1 : 0);
