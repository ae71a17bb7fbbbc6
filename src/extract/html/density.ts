// Text-density candidate: paragraphs vote for their ancestors (Readability's idea, done in one
// read-only pass without its retries and DOM rewrites), the best-scoring container wins after a
// link-density penalty, and strong siblings join it when a story body is split across blocks.
import { squash, squashedLength, linkShare } from './dom.js';
import {
  ANCESTOR_DECAY, MAX_CANDIDATE_LINK_DENSITY, MIN_SCORED_PARAGRAPH, SCORE_TAGS, SIBLING_SHARE,
} from './tunables.js';

const ELEMENT = 1;
const TEXT = 3;

export interface DensityPick {
  elements: Element[];
  score: number;
  linkDensity: number;
}

/** Length of the text directly inside an element (its own text nodes, not its children's). */
function ownTextLength(el: Element): number {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT) n += squashedLength((c as Text).data);
    else if (c.nodeType === ELEMENT) {
      const tag = (c as Element).tagName.toLowerCase();
      if (tag === 'a' || tag === 'span' || tag === 'strong' || tag === 'b' || tag === 'em' || tag === 'i') n += squashedLength(c.textContent);
    }
  }
  return n;
}

const paragraphScore = (text: string): number =>
  1 + (text.match(/[,，、]/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);

export function densityCandidate(body: Element): DensityPick | null {
  const scores = new Map<Element, number>();
  const stack: Element[] = [body];
  while (stack.length) {
    const el = stack.pop()!;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
    const tag = el.tagName.toLowerCase();
    let len: number;
    let text: string | null = null;
    if (SCORE_TAGS.has(tag)) {
      text = squash(el.textContent);
      len = text.length;
    } else if (tag === 'div' || tag === 'section' || tag === 'article' || tag === 'font' || tag === 'span') {
      // Text written straight into a container with <br> breaks (common on Korean sites) counts as paragraphs.
      len = ownTextLength(el);
      if (len >= MIN_SCORED_PARAGRAPH) text = squash(el.textContent);
    } else continue;
    if (len < MIN_SCORED_PARAGRAPH || !text) continue;
    const own = SCORE_TAGS.has(tag) ? 0 : 1;
    const score = paragraphScore(text);
    let anc: Element | null = own ? el : el.parentElement;
    for (let i = 0; anc && i < ANCESTOR_DECAY.length; i++, anc = anc.parentElement) {
      scores.set(anc, (scores.get(anc) ?? 0) + score * ANCESTOR_DECAY[i]);
      if (anc === body) break;
    }
  }
  if (!scores.size) return null;

  // Only the top few need the (costlier) link-density check.
  const top = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
  let best: { el: Element; score: number; ld: number } | null = null;
  for (const [el, raw] of top) {
    const ld = linkShare(el);
    const score = raw * (1 - ld);
    if (!best || score > best.score) best = { el, score, ld };
  }
  if (!best || best.ld > MAX_CANDIDATE_LINK_DENSITY) return best ? { elements: [best.el], score: best.score, linkDensity: best.ld } : null;

  // Siblings that score well (or are plain prose paragraphs) belong to the same story.
  const elements: Element[] = [];
  const parent = best.el.parentElement;
  if (!parent || best.el === body) return { elements: [best.el], score: best.score, linkDensity: best.ld };
  const threshold = Math.max(10, best.score * SIBLING_SHARE);
  for (let s = parent.firstElementChild; s; s = s.nextElementSibling) {
    if (s === best.el) {
      elements.push(s);
      continue;
    }
    const sc = scores.get(s) ?? 0;
    if (sc >= threshold && linkShare(s) < 0.25) {
      elements.push(s);
      continue;
    }
    if (s.tagName.toLowerCase() === 'p') {
      const text = squash(s.textContent);
      const ld = linkShare(s, text.length);
      if ((text.length > 80 && ld < 0.25) || (text.length > 0 && text.length <= 80 && ld === 0 && /[.!?다]["”’)]?$/.test(text))) elements.push(s);
    }
  }
  return { elements, score: best.score, linkDensity: best.ld };
}
