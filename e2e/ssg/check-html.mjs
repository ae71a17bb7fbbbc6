#!/usr/bin/env node
// Checks the HTML a static-site generator made from newsdesk posts.
//   node check-html.mjs NAME POSTS_DIR SITE_DIR
// One PASS/FAIL line per check (over all posts); exit 1 on any FAIL.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const [name, postsDir, siteDir] = process.argv.slice(2);
const walk = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? walk(p) : p.endsWith('.html') ? [p] : [];
});
const NAMED = { lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', ndash: '–', mdash: '—', nbsp: ' ', middot: '·' };
const decode = (s) => s
  .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
  .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
  .replace(/&(lsquo|rsquo|ldquo|rdquo|hellip|ndash|mdash|nbsp|middot);/g, (_, n) => NAMED[n])
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (html) => decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
// Both generators turn straight quotes into typographic ones (kramdown smart quotes, goldmark typographer).
const squash = (s) => s.replace(/\s+/g, '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
/** The lead sentence as a reader sees it: Markdown escapes, footnote marks and entities removed. */
const plain = (md) => decode(md.replace(/\[\^\d+\]/g, '').replace(/\\([\\`*_[\]|#+\-.!()])/g, '$1'));

const pages = walk(siteDir).map((path) => ({ path, html: readFileSync(path, 'utf8') }));
const posts = readdirSync(postsDir).filter((f) => f.endsWith('.md')).sort();
const checks = { title: [], footnotes: [], 'marks apart': [], 'note lines': [], tags: [], korean: [] };
for (const file of posts) {
  const md = readFileSync(join(postsDir, file), 'utf8');
  const m = md.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
  const fm = parse(m[1]);
  const body = m[2];
  const page = pages.find((p) => {
    const h1 = p.html.match(/<h1 class="post-title"[^>]*>([\s\S]*?)<\/h1>/);
    return h1 && decode(h1[1]).trim() === String(fm.title);
  });
  checks.title.push([file, !!page, page ? '' : `no page has the title "${fm.title}"`]);
  if (!page) continue;
  const content = page.html;
  const ids = new Set([...content.matchAll(/\sid="([^"]+)"/g)].map((x) => decode(x[1])));
  const hrefs = [...content.matchAll(/href="#([^"]+)"/g)].map((x) => decode(x[1]));
  const noteRefs = hrefs.filter((h) => /^fn/.test(h));
  const dangling = noteRefs.filter((h) => !ids.has(h));
  const defs = (body.match(/^\[\^\d+\]:/gm) ?? []).length;
  const rendered = [...ids].filter((id) => /^fn:?\d+$/.test(id)).length;
  // A post without prose (a source with no usable text) has nothing to cite; it must not render notes either.
  checks.footnotes.push([file, (defs > 0 ? noteRefs.length > 0 : noteRefs.length === 0) && !dangling.length && rendered === defs,
    `${noteRefs.length} links, ${dangling.length} dangling (${dangling.slice(0, 3).join(', ')}), ${rendered} of ${defs} notes rendered`]);
  const shown = [...content.matchAll(/<li class="tag">([\s\S]*?)<\/li>/g)].map((x) => decode(x[1]).trim());
  const missing = (fm.tags ?? []).filter((t) => !shown.includes(String(t)));
  checks.tags.push([file, missing.length === 0, `missing tags: ${missing.join(', ')}`]);
  // Footnote marks render as separate numbers: two marks side by side would read as one ("[^1][^2]" → 12).
  const together = content.match(/<\/sup>\s*<sup[^>]*>\s*<a[^>]*href="#fn/g) ?? [];
  checks['marks apart'].push([file, together.length === 0, `${together.length} marks side by side`]);
  // One source per line inside a note, and no line a browser cannot wrap (a bare long URL scrolls the page sideways).
  const notes = content.match(/<(?:div|section) class="footnotes"[\s\S]*?<\/(?:div|section)>/)?.[0] ?? '';
  const noteLines = [...notes.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].flatMap((x) => x[1].split(/<br\s*\/?>/).map(textOf));
  const overflowing = noteLines.filter((l) => (l.match(/\d{4}-\d{2}-\d{2}/g) ?? []).length > 1 || l.split(/\s+/).some((w) => w.length > 60));
  checks['note lines'].push([file, overflowing.length === 0, `${overflowing.length} note lines hold several sources or an unbreakable run: ${overflowing[0]?.slice(0, 80) ?? ''}`]);
  // The lead's first sentence (a lead paragraph has a mark after each sentence).
  const lead = body.split('\n').find((l) => /\[\^\d+\]$/.test(l) && !l.startsWith('['))?.split(/\[\^\d+\]/)[0];
  const text = squash(textOf(content));
  const leadOk = lead ? text.includes(squash(plain(lead))) : text.includes(squash(String(fm.title)));
  const intact = !content.includes('\uFFFD') && /[\uAC00-\uD7A3]/.test(text);
  checks.korean.push([file, !!leadOk && intact, leadOk ? 'replacement characters in page' : `lead sentence not found: ${plain(lead ?? '').slice(0, 60)}`]);
}
let failed = 0;
for (const [check, results] of Object.entries(checks)) {
  const bad = results.filter(([, ok]) => !ok);
  const ok = results.length > 0 && bad.length === 0;
  if (!ok) failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name} ${check}: ${results.length - bad.length}/${results.length} posts` +
    (bad.length ? ` — ${bad.slice(0, 3).map(([f, , why]) => `${f}: ${why}`).join(' | ')}` : ''));
}
process.exit(failed ? 1 : 0);
