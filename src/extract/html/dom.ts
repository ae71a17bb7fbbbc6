// DOM helpers: page cleaning (junk blocks, captions) and the walk that turns a container into paragraphs.
// The page is parsed once and cleaned in place; nothing is cloned.
import { HTML_RULE } from './rules.js';
import type { Removal } from '../../types.js';
import { toKst } from '../../dates.js';
import { collapsedLength } from '../../text/runs.js';
import {
  BLOCK_TAGS, BOILERPLATE_LINES, CAPTION_SELECTORS, DROP_ROLES, DROP_TAGS, HEADING_TAGS, JUNK_NAME,
  JUNK_SHORT_LINE, KEEP_NAME, DATELINE, DATELINE_MAX, LEAD_PROSE, TAIL_SECTION, TAIL_SECTION_AFTER, LAYOUT_NAME, STORY_INSIDE, WRAPPER_PROSE_SHARE, MAX_BLOCK_LINK_DENSITY, PROTECTED_TAGS, SHORT_BLOCK,
} from './tunables.js';

/**
 * Text amount for thresholds: a Hangul/CJK character carries about as much as two Latin letters
 * (a Korean word is 2–3 syllables, an English one 5–6 letters), so they count double.
 */
export const textWeight = (s: string): number => s.length + (s.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]/g)?.length ?? 0);

export const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
/** squash(s).length, without making the string (see collapsedLength). */
export const squashedLength = collapsedLength;

const ELEMENT = 1;
const TEXT = 3;

/** Whether a node is still in its document (an ancestor may have been removed already). */
function attached(node: Node): boolean {
  let n: Node | null = node;
  while (n.parentNode) n = n.parentNode;
  return n.nodeType === 9;
}

/** Takes caption elements out of the page and returns their text, in page order, without repeats. */
export function takeCaptions(root: ParentNode, extra: string[] = []): string[] {
  const selector = [CAPTION_SELECTORS, ...extra].join(',');
  const captions: string[] = [];
  const matches = [...root.querySelectorAll(selector)];
  for (const el of matches) {
    if (!attached(el)) continue;
    if (PROTECTED_TAGS.has(el.tagName.toLowerCase())) continue;
    // A wrapper whose class merely mentions "caption" but holds story text is not a caption.
    const text = squash(el.textContent);
    if (text.length > 600) continue;
    if (text && !captions.includes(text)) captions.push(text);
    el.remove();
  }
  return captions;
}

/** Drops script/nav/footer-like tags, hidden elements and figures (whose captions were already taken).
 *  One walk over the elements: a selector list of two dozen parts costs a full match per element per part. */
export function dropNonText(root: ParentNode): void {
  const figures: Element[] = [];
  for (const el of [...root.querySelectorAll('*')]) {
    const tag = el.tagName.toLowerCase();
    if (DROP_TAGS.has(tag) || el.hasAttribute('hidden') || DROP_ROLES.has(el.getAttribute('role') ?? '')) el.remove();
    else if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '')) el.remove();
    else if (tag === 'figure') figures.push(el);
  }
  for (const el of figures) {
    if (attached(el) && squashedLength(el.textContent) < 300) el.remove();
  }
}

/** Removes blocks whose class/id names them as furniture (share bars, related links, ads …). */
export function dropJunkBlocks(root: ParentNode, removed: Removal[]): void {
  // Page wrappers are often named after their layout ("content-with-sidebar", Blogger's "widget Blog"):
  // one that holds the headline or a story container is the page, not furniture; so is a layout-named
  // block holding much of the page's paragraph text.
  const proseOf = (el: ParentNode) => {
    let n = 0;
    for (const p of el.querySelectorAll('p')) n += (p.textContent ?? '').length;
    return n;
  };
  const pageProse = proseOf(root);
  // Story containers, found once: asking each junk-named element for them again was most of this step.
  const stories = [...root.querySelectorAll(STORY_INSIDE)];
  for (const el of [...root.querySelectorAll('[class],[id]')]) {
    const tag = el.tagName.toLowerCase();
    if (PROTECTED_TAGS.has(tag)) continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!JUNK_NAME.test(names) || KEEP_NAME.test(names)) continue;
    if (!attached(el)) continue;
    if (stories.some((s) => s !== el && el.contains(s))) continue;
    if (LAYOUT_NAME.test(names) && pageProse && proseOf(el) > pageProse * WRAPPER_PROSE_SHARE) continue;
    const text = squash(el.textContent);
    if (text.length >= 20) removed.push({ text: text.slice(0, 300), rule: HTML_RULE.junkBlock });
    el.remove();
  }
}

/** Share of an element's text that sits inside links. */
export function linkShare(el: Element, textLength = squashedLength(el.textContent)): number {
  if (!textLength) return 0;
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += squashedLength(a.textContent);
  return Math.min(1, links / textLength);
}

export interface Block {
  text: string;
  heading: boolean;
  /** Characters of the text that were link text. */
  linkChars: number;
}

/** Walks a container and returns its paragraphs: block tags and <br> end a paragraph. */
export function collectBlocks(roots: Element[]): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let heading = false;
  const flush = () => {
    const text = squash(parts.join(''));
    if (text) blocks.push({ text, heading, linkChars: Math.min(linkChars, text.length) });
    parts = [];
    linkChars = 0;
    heading = false;
  };
  const walk = (node: Node, inLink: boolean) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT) {
        const data = (c as Text).data;
        parts.push(data);
        if (inLink) linkChars += squashedLength(data);
      } else if (c.nodeType === ELEMENT) {
        const tag = (c as Element).tagName.toLowerCase();
        if (tag === 'br') {
          flush();
          continue;
        }
        const block = BLOCK_TAGS.has(tag);
        if (block) flush();
        if (HEADING_TAGS.has(tag)) heading = true;
        walk(c, inLink || tag === 'a');
        if (block) flush();
      }
    }
  };
  for (const root of roots) {
    flush();
    walk(root, false);
  }
  flush();
  return blocks;
}

const norm = (s: string) => squash(s).toLowerCase();

/** A short line that is only a date/time ("Nov 18, 2019 at 9:24 pm ET", "입력 2025.02.04 14:40"). */
const isDateline = (text: string) =>
  text.length <= DATELINE_MAX && (toKst(text.replace(/^(?:updated|published|posted|입력|수정|등록|송고시간)\s*:?\s*/i, '')) !== null || DATELINE.test(text));

/**
 * Drops link lists, lone boilerplate lines and separators; before the first real paragraph also the
 * repeated headline and datelines (the metadata carries them); and from a
 * "related stories" heading in the second half of the text, everything after it.
 */
export function filterBlocks(blocks: Block[], removed: Removal[], titles: string[]): Block[] {
  const kept: Block[] = [];
  const titleSet = new Set(titles.filter(Boolean).map(norm));
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  let seen = 0;
  let lead = true;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const density = b.linkChars / b.text.length;
    let rule: string | null = null;
    if (JUNK_SHORT_LINE.test(b.text)) rule = HTML_RULE.separator;
    else if (density > MAX_BLOCK_LINK_DENSITY && (b.text.length <= SHORT_BLOCK || density > 0.8)) rule = HTML_RULE.linkBlock;
    else if (BOILERPLATE_LINES.some((re) => re.test(b.text))) rule = HTML_RULE.boilerplateLine;
    else if (/^https?:\/\/\S+$/.test(b.text)) rule = HTML_RULE.urlLine;
    else if (lead && titleSet.has(norm(b.text))) rule = HTML_RULE.titleRepeat;
    else if (lead && isDateline(b.text)) rule = HTML_RULE.dateline;
    else if (seen > total * TAIL_SECTION_AFTER && TAIL_SECTION.test(b.text)) {
      for (const rest of blocks.slice(i)) removed.push({ text: rest.text, rule: HTML_RULE.tailSection });
      break;
    }
    seen += b.text.length;
    if (rule) {
      if (rule !== HTML_RULE.separator) removed.push({ text: b.text, rule });
      continue;
    }
    if (textWeight(b.text) >= LEAD_PROSE) lead = false;
    kept.push(b);
  }
  return kept;
}

export const blocksToText = (blocks: Block[]): string => blocks.map((b) => b.text).join('\n\n');
