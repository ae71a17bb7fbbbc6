// HTML → main text + metadata. The boundary between HTML extraction and the Korean text cleaner:
// the cleaner (src/extract/index.ts) receives `text` and treats it exactly like a .txt input.
//
// One parse into the light DOM (./light-dom.ts; a page that needs Readability is parsed again with linkedom),
// cheapest trustworthy candidate first:
//   metadata (JSON-LD, OpenGraph, meta, bylines) → clean the page in place (captions out, furniture out)
//   → outlet rule body | generic body selector | text-density pick → Readability only when those are weak
//   → JSON-LD articleBody as a filter or as the text itself → leftover boilerplate lines out.
import { createRequire } from 'node:module';
import type { parseHTML as ParseHTML } from 'linkedom';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import { HTML_RULE } from './rules.js';
import { parseLight } from './light-dom.js';
import type { Message, Removal } from '../../types.js';
import { message } from '../../messages.js';
import { blocksToText, collectBlocks, textWeight, dropJunkBlocks, dropNonText, filterBlocks, squash, squashedLength, takeCaptions, type Block } from './dom.js';
import { densityCandidate } from './density.js';
import { cleanLdBody, findArticle, readJsonLd } from './json-ld.js';
import { EMAIL, meta, metaMap, readMetadata, type HtmlMetadata } from './metadata.js';
import { ruleForUrl, type OutletRule } from './outlet-rules.js';
import { findStateBlobs, readScriptArticle, type StateBlob } from './state-blobs.js';
import { toKst } from '../../dates.js';
import {
  CONFIDENT_CHARS, CONFIDENT_PARAGRAPHS, GENERIC_BODY_SELECTORS, GENERIC_NESTED_SHARE, JSONLD_COVERAGE, JSONLD_MIN_CHARS, JSONLD_MIN_SHARE,
  JSONLD_PARAGRAPH_OVERLAP, MIN_READABILITY_PAGE, MIN_RULE_CHARS, MIN_SELECTOR_CHARS, STATE_DOM_SHARE, TAIL_BLOCKS,
} from './tunables.js';

export type { HtmlMetadata } from './metadata.js';
export { OUTLET_RULES, ruleForUrl, type OutletRule } from './outlet-rules.js';

/** Which candidate produced the text. */
export type HtmlMethod = 'outlet-rule' | 'selector' | 'density' | 'readability' | 'json-ld' | 'arc-fusion' | 'next-data' | 'nuxt-data' | 'page' | 'none';

export interface HtmlExtraction {
  /** Main text: paragraphs separated by a blank line, headings on their own line. */
  text: string;
  metadata: HtmlMetadata;
  messages: Message[];
  /** Photo captions found on the page, kept out of `text`. */
  captions: string[];
  /** Headings (cross-heads) that stayed in `text` as their own paragraphs. */
  headings: string[];
  /** Blocks taken out as furniture, with the rule that took them. */
  removed: Removal[];
  method: HtmlMethod;
  /** Id of the outlet rule that matched the page's URL, when one did. */
  outletRule: string | null;
}

export interface HtmlOptions {
  /** The page's URL or path, for outlet rules and messages. */
  source: string;
  url?: string;
  /** Which DOM the page is parsed into: 'light' (the default; a page that needs Readability is parsed again
   *  with linkedom) or 'linkedom' throughout (the reference the light DOM's results are checked against). */
  dom?: 'light' | 'linkedom';
}

interface Dom {
  parse: (html: string) => Document;
  /** Whether Readability can run on it. */
  full: boolean;
}
const LIGHT: Dom = { parse: parseLight, full: false };
const FULL: Dom = { parse: (html) => fullDom().parseHTML(html).document, full: true };

/**
 * linkedom and Readability, loaded by the first page that needs them: ~130 modules and ~0.4 s of CPU that each
 * read worker paid at start, though text and Markdown files never need them and most HTML pages do not.
 */
let full: { parseHTML: typeof ParseHTML; Readability: typeof ReadabilityClass } | null = null;
function fullDom(): NonNullable<typeof full> {
  const require = createRequire(import.meta.url);
  return (full ??= { parseHTML: require('linkedom').parseHTML, Readability: require('@mozilla/readability').Readability });
}


const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function safeQuery(doc: Document, selectors: string[]): Element | null {
  for (const s of selectors) {
    try {
      const el = doc.querySelector(s);
      if (el) return el;
    } catch {
      // unsupported selector in this DOM library: try the next one
    }
  }
  return null;
}

/**
 * The best-known body container: all (non-nested) matches of one generic selector, since some sites
 * split one story over several containers (one per text run between embeds). The selector whose
 * matches hold the most text wins.
 */
function genericBody(doc: Document): Element[] {
  // One scan, then sort by selector; <body id="article_body"> happens and is no container.
  const all = [...doc.querySelectorAll(GENERIC_BODY_SELECTORS.join(','))].filter((el) => !/^(?:body|html)$/i.test(el.tagName));
  if (!all.length) return [];
  const groups: { els: Element[]; len: number }[] = [];
  for (const s of GENERIC_BODY_SELECTORS) {
    const matches = all.filter((el) => el.matches(s));
    if (!matches.length) continue;
    const els = matches.filter((el) => !matches.some((o) => o !== el && o.contains(el)));
    groups.push({ els, len: els.reduce((n, el) => n + squashedLength(el.textContent), 0) });
  }
  groups.sort((a, b) => b.len - a.len);
  // The fullest group, narrowed to a group nested inside it that still holds most of its text:
  // a page-wide wrapper and the story container can both carry "article body" names.
  let best = groups[0];
  for (const g of groups.slice(1)) {
    const inside = g.els.every((el) => best.els.some((o) => o !== el && o.contains(el)));
    if (inside && g.len >= best.len * GENERIC_NESTED_SHARE) best = g;
  }
  return best?.els ?? [];
}

interface Candidate {
  method: HtmlMethod;
  blocks: Block[];
  /** Text amount (textWeight: CJK counts double), compared against the *_CHARS tunables. */
  chars: number;
  /** What the block filter cut from this candidate; reported only for the winner. */
  cut: Removal[];
}

const candidate = (method: HtmlMethod, elements: Element[], titles: string[]): Candidate => {
  const cut: Removal[] = [];
  const blocks = filterBlocks(collectBlocks(elements), cut, titles);
  return { method, blocks, chars: blocks.reduce((n, b) => n + textWeight(b.text), 0), cut };
};

/** JSON-LD articleBody: keep the DOM paragraphs it vouches for, or use it as the text when the DOM lost the story. */
function applyJsonLd(ldBody: string, best: Candidate | null, removed: Removal[]): Candidate | null {
  const ldWords = words(ldBody);
  if (textWeight(ldBody) < JSONLD_MIN_CHARS || /(?:\.\.\.|…)$/.test(ldBody.trim())) return null;
  if (best && textWeight(ldBody) < best.chars * JSONLD_MIN_SHARE) return null; // a teaser, not the whole story
  const ldSet = new Set(ldWords);
  if (best) {
    const kept: Block[] = [];
    for (const b of best.blocks) {
      const w = words(b.text);
      const inLd = w.filter((x) => ldSet.has(x)).length;
      if (w.length && inLd / w.length >= JSONLD_PARAGRAPH_OVERLAP) kept.push(b);
      else removed.push({ text: b.text, rule: HTML_RULE.notInJsonLd });
    }
    const keptSet = new Set(words(kept.map((b) => b.text).join(' ')));
    const covered = ldWords.filter((x) => keptSet.has(x)).length / (ldWords.length || 1);
    if (covered >= JSONLD_COVERAGE) return { method: best.method, blocks: kept, chars: kept.reduce((n, b) => n + textWeight(b.text), 0), cut: [] };
  }
  const paragraphs = cleanLdBody(ldBody).split(/\n\s*\n|\n/).map(squash).filter(Boolean);
  return { method: 'json-ld', blocks: paragraphs.map((text) => ({ text, heading: false, linkChars: 0 })), chars: textWeight(ldBody), cut: [] };
}

/**
 * The article of a script state blob, when the DOM candidate does not already hold it (it covers few of
 * the script's words and has much less text): the DOM then held the page's chrome. Fills the headline,
 * date and author the page's metadata lacks, from the same script object.
 */
function applyScriptArticle(blobs: StateBlob[], best: Candidate | null, metadata: HtmlMetadata): Candidate | null {
  const article = readScriptArticle(blobs);
  if (!article) return null;
  const text = article.paragraphs.join('\n');
  const chars = textWeight(text);
  if (best) {
    const domWords = new Set(words(best.blocks.map((b) => b.text).join(' ')));
    const scriptWords = words(text);
    const covered = scriptWords.filter((w) => domWords.has(w)).length / (scriptWords.length || 1);
    if (covered >= JSONLD_COVERAGE || best.chars >= chars * STATE_DOM_SHARE) return null;
  }
  // The DOM's <title> and <h1> belonged to the chrome the DOM held; og:title and JSON-LD still name the story.
  const weakTitle = !metadata.title || ['h1', 'title-tag'].includes(metadata.evidence.title ?? '');
  const fill = (field: 'title' | 'publishedAt' | 'reporter', value: string | null) => {
    if ((!metadata[field] || (field === 'title' && weakTitle)) && value) {
      metadata[field] = value;
      metadata.evidence[field] = article.kind;
    }
  };
  fill('title', article.title);
  fill('publishedAt', toKst(article.date));
  fill('reporter', article.author);
  return { method: article.kind, blocks: article.paragraphs.map((t) => ({ text: t, heading: false, linkChars: 0 })), chars, cut: [] };
}

export function extractHtml(html: string, options: HtmlOptions): HtmlExtraction {
  return (options.dom !== 'linkedom' && extractWith(html, options, LIGHT)) || extractWith(html, options, FULL)!;
}

/** The extraction on one DOM; null when the page needs Readability and the DOM cannot run it. */
function extractWith(html: string, options: HtmlOptions, dom: Dom): HtmlExtraction | null {
  const messages: Message[] = [];
  const removed: Removal[] = [];
  let document = dom.parse(html);
  // Fragments ("<p>…</p>", plain text) parse without <html>/<body>, which DOM queries and Readability need.
  if (!document.documentElement || !document.body?.firstChild) {
    const inner = html.replace(/<\/?(?:html|body)\b[^>]*>/gi, '');
    document = dom.parse(`<!DOCTYPE html><html><head></head><body>${inner}</body></html>`);
  }
  const place = { source: options.source };

  const { nodes, errors } = readJsonLd(document);
  if (errors) messages.push(message('extract', 'html-json-ld-unreadable', `${errors} JSON-LD block(s) could not be parsed; ignored`, place, 'info'));
  const article = findArticle(nodes);
  const pageUrl = options.url ?? (/^https?:\/\//.test(options.source) ? options.source : undefined);
  const metas = metaMap(document);
  const hintUrl = pageUrl ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(metas, ['og:url']) ?? undefined;
  const rule: OutletRule | null = ruleForUrl(hintUrl);
  const metadata = readMetadata(document, metas, article, rule, pageUrl);
  if (rule) metadata.evidence.outletRule = rule.id;

  // Script state is read before the scripts go; it is parsed only if the DOM turns out to hold no story.
  const blobs = findStateBlobs(document);
  // Clean in place: captions first (they hide inside figures), then non-text tags, outlet junk, named furniture.
  const captions = takeCaptions(document, rule?.caption);
  dropNonText(document);
  const body = (document.body ?? document.documentElement) as Element;
  // Every form of the headline the page shows, so a repeat at the top of the text can be recognised.
  const tagTitle = squash(document.querySelector('title')?.textContent);
  const titles = [metadata.title, meta(metas, ['og:title', 'twitter:title']), squash(document.querySelector('h1')?.textContent),
    tagTitle, tagTitle.replace(/\s+[|\-–—:·]\s+[^|\-–—:·]+$/, '')]
    .filter((t): t is string => !!t);

  let best: Candidate | null = null;
  const ruleBody = rule ? safeQuery(document, rule.body) : null;
  if (ruleBody) {
    for (const s of rule?.junk ?? []) {
      try {
        for (const el of ruleBody.querySelectorAll(s)) {
          const text = squash(el.textContent);
          if (text) removed.push({ text: text.slice(0, 300), rule: `${HTML_RULE.outletJunk}:${rule!.id}` });
          el.remove();
        }
      } catch {
        // selector unsupported by linkedom: the rule still works without it
      }
    }
    dropJunkBlocks(ruleBody, removed);
    const c = candidate('outlet-rule', [ruleBody], titles);
    if (c.chars >= MIN_RULE_CHARS) best = c;
  }
  if (rule && !best) {
    // A rule that stops finding the body usually means the site changed its template: worth a look.
    const why = ruleBody ? 'found too little text' : 'found no body container';
    messages.push(message('extract', 'html-outlet-rule-missed', `outlet rule ${rule.id} ${why}; generic extraction used`, place, 'info'));
  }
  if (!best) {
    dropJunkBlocks(document, removed);
    const generic = genericBody(document);
    const g = generic.length ? candidate('selector', generic, titles) : null;
    // The density pick holds at most the page's text: a generic container with half of that needs no density pass.
    const sure = !!g && g.chars >= MIN_SELECTOR_CHARS && g.chars >= textWeight(body.textContent ?? '') * 0.5;
    const density = sure ? null : densityCandidate(body);
    const d = density ? candidate('density', density.elements, titles) : null;
    // The generic container wins unless the density pick found clearly more story outside it.
    if (g && g.chars >= MIN_SELECTOR_CHARS && (!d || g.chars >= d.chars * 0.5)) best = g;
    else if (d && d.chars >= CONFIDENT_CHARS && d.blocks.length >= CONFIDENT_PARAGRAPHS) best = d;
    else {
      let r: Candidate | null = null;
      // Readability rewrites the page as it goes; on a tiny page it finds nothing and leaves nothing to fall back on.
      const tiny = squashedLength(body.textContent) < MIN_READABILITY_PAGE;
      if (!tiny && !dom.full) return null;
      try {
        if (!tiny) r = readabilityCandidate(document, titles);
      } catch (e) {
        messages.push(message('extract', 'html-readability-failed', `Readability failed (${(e as Error).message}); other candidates used`, place, 'info'));
      }
      best = [r, d, g].filter((x): x is Candidate => !!x && x.blocks.length > 0).sort((a, b) => b.chars - a.chars)[0] ?? null;
      if (!best) {
        // Nothing looks like a story container (a very short page): keep the cleaned page text rather than lose it.
        const whole = candidate('page', [body], titles);
        if (whole.blocks.length) {
          best = whole;
          messages.push(message('extract', 'html-whole-page', 'no story container found; the whole cleaned page text was kept', place, 'info'));
        }
      }
    }
  }
  if (best) removed.push(...best.cut);

  const ldBody = typeof article?.articleBody === 'string' ? article.articleBody : null;
  if (ldBody) {
    const viaLd = applyJsonLd(ldBody, best, removed);
    if (viaLd) {
      metadata.evidence.text = viaLd.method === 'json-ld' ? 'json-ld' : `${viaLd.method}+json-ld-filter`;
      best = viaLd;
    }
  }
  if (blobs.length && !metadata.evidence.text) {
    const viaScript = applyScriptArticle(blobs, best, metadata);
    if (viaScript) {
      best = viaScript;
      metadata.evidence.text = viaScript.method;
    }
  }
  if (best && !metadata.evidence.text) metadata.evidence.text = best.method;

  const blocks = best?.blocks ?? [];
  const text = blocksToText(blocks);
  // Korean stories end with "이름 기자 name@outlet" when no byline element carries the address.
  if (!metadata.email) {
    const tail = blocks.slice(-TAIL_BLOCKS).map((b) => EMAIL.exec(b.text)?.[0]).find(Boolean);
    if (tail) {
      metadata.email = tail;
      metadata.evidence.email = 'text-tail';
    }
  }
  if (!text) messages.push(message('extract', 'html-no-main-text', 'no main text found in the page', place, 'warning'));
  return {
    text,
    metadata,
    messages,
    captions,
    headings: blocks.filter((b) => b.heading).map((b) => b.text),
    removed,
    method: best?.method ?? 'none',
    outletRule: rule?.id ?? null,
  };
}

/** Readability on the already-cleaned page, handing back its element instead of serialised HTML. */
function readabilityCandidate(document: Document, titles: string[]): Candidate | null {
  const parsed = new (fullDom().Readability)<Element>(document as unknown as Document, { charThreshold: 100, serializer: (n) => n as Element }).parse();
  if (!parsed?.content) return null;
  return candidate('readability', [parsed.content], titles);
}
