// Markdown (with or without front matter) → plain lines. Front matter becomes metadata; headings are
// flagged; list, quote and emphasis markers, links and inline HTML (<b>, <br>) are stripped so the
// body is plain text like every other input.
import { parse as parseYaml } from 'yaml';
import type { Removal } from '../types.js';
import { plainLines, type SourceLine } from './lines.js';
import { RULE } from './noise-rules.js';
import { INLINE_PIECE_CHARS, MARKDOWN_SNIFF_CHARS, YAML_MAX_ALIASES } from './tunables.js';

export interface FrontMatterSplit {
  frontMatter: Record<string, unknown> | null;
  /** The text after the front matter (all of it when there is none). */
  content: string;
  /** 1-based input line on which `content` starts. */
  firstLine: number;
  /** Set when a front matter block was found but is not valid YAML. */
  error?: string;
}

const FRONT_MATTER = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(text: string): FrontMatterSplit {
  const m = text.match(FRONT_MATTER);
  if (!m) return { frontMatter: null, content: text, firstLine: 1 };
  const firstLine = m[0].split(/\r\n|\r|\n/).length - (m[0].endsWith('\n') ? 0 : 1);
  const content = text.slice(m[0].length);
  try {
    const data = parseYaml(m[1], { maxAliasCount: YAML_MAX_ALIASES });
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      return { frontMatter: data as Record<string, unknown>, content, firstLine };
    }
    return { frontMatter: null, content, firstLine, error: 'front matter is not a YAML mapping' };
  } catch (e) {
    return { frontMatter: null, content, firstLine, error: `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** Two ATX headings, or several emphasis/link/inline-HTML marks, make a text Markdown. */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.length > MARKDOWN_SNIFF_CHARS ? text.slice(0, MARKDOWN_SNIFF_CHARS) : text;
  return atLeast(head, /^#{1,6}\s+\S/gm, 2) || atLeast(head, /\*\*[^*\n]{1,500}\*\*|\[[^\]\n]{1,500}\]\([^)\s]{1,2000}\)|<\/?(?:b|strong|em|br)\s*\/?>/gi, 3);
}

/** Whether a global pattern matches `text` at least `n` times (it stops at the n-th). */
function atLeast(text: string, pattern: RegExp, n: number): boolean {
  pattern.lastIndex = 0;
  for (let found = 0; found < n; found++) if (!pattern.exec(text)) return false;
  return true;
}

const INLINE_TAG = /<\/?(?:b|i|u|s|em|strong|br|span|p|div|a|sup|sub|mark|small|big|font|center|del|ins|code|kbd|img)(?:\s[^<>]*)?\/?>/gi;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
// Text inside a mark is bounded (500 characters; a URL 2000): a mark that never closes is then re-read
// at most that far from each opening, not to the end of the line (a line of `[[[[` was quadratic).
const IMAGE = /!\[([^\]]{0,500})\]\([^)]{0,2000}\)/g;
const LINK = /\[([^\]]{1,500})\]\((?:[^()]|\([^)]{0,2000}\)){0,2000}\)/g;
const AUTOLINK = /<((?:https?|mailto):[^>\s]+)>/g;
const HEADING = /^#{1,6}\s+(.*?)(?:\s+#+)?$/;
const RULER = /^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|={3,})$/;
const FENCE = /^(?:```|~~~)/;
const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;
const KRAMDOWN_ATTR = /^\{:[^}]*\}$/;

// What any pattern of stripMarks needs to match: a mark character, a tab or two spaces. None of the
// patterns makes one from nothing, so text without them is only trimmed: one scan, not fourteen (prose
// has none, and a long line without spaces is one piece: fourteen passes over 2 MB of `가` left the caches).
const MARK = /[<[*_~`\\\t]| {2}/;

// Where a piece ends: the next space. A class, not indexOf(' '): V8 finds one character in two-byte text by
// a byte search for its larger byte (0x20), which every character of U+2000–U+20FF (“ ” … — ·) holds, so
// indexOf stepped through a line of `“` 20× slower than this scan (6.2 ms a megabyte, 0.3 ms).
const PIECE_END = /[ ]/g;

/** Strips inline Markdown and HTML from one line of text (a very long line piece by piece, see INLINE_PIECE_CHARS). */
export function stripInline(s: string): string {
  // A line with nothing to strip is not cut into pieces: the search for the cuts was a second pass over it.
  if (!MARK.test(s)) return s.trim();
  if (s.length <= INLINE_PIECE_CHARS) return stripMarks(s);
  const out: string[] = [];
  // Where the next piece stands in the pieces joined, and whether they are `s` so far: a line with nothing to
  // strip is returned itself, not copied by join() (copying a 100 kB line cost 30x what a 10 kB one did:
  // a string that large is allocated apart, on fresh memory).
  let at = 0;
  let same = true;
  for (let from = 0; from < s.length;) {
    PIECE_END.lastIndex = from + INLINE_PIECE_CHARS;
    const space = PIECE_END.exec(s)?.index ?? -1;
    const to = space < 0 ? s.length : space + 1;
    const piece = stripPiece(s.slice(from, to));
    if (piece) {
      // (a slice compared, not startsWith: its character-by-character loop cost as much as the pieces' patterns)
      same &&= s.slice(at, at + piece.length) === piece && (at + piece.length === s.length || s[at + piece.length] === ' ');
      out.push(piece);
      at += piece.length + 1;
    }
    from = to;
  }
  return same && at - 1 === s.length ? s : out.join(' ');
}

function stripPiece(s: string): string {
  return MARK.test(s) ? stripMarks(s) : s.trim();
}

function stripMarks(s: string): string {
  return s
    .replace(HTML_COMMENT, '')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(INLINE_TAG, '')
    .replace(IMAGE, '')
    .replace(LINK, '$1')
    .replace(AUTOLINK, '$1')
    .replace(/\*\*(?=\S)(.{1,500}?)(?<=\S)\*\*/g, '$1')
    .replace(/__(?=\S)(.{1,500}?)(?<=\S)__/g, '$1')
    .replace(/(?<![\w*])\*(?=\S)(.{1,500}?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/~~(?=\S)(.{1,500}?)(?<=\S)~~/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** Markdown content → plain lines. Images standing alone are recorded as removed placeholders. */
export function markdownLines(content: string, firstLine: number): { lines: SourceLine[]; removed: Removal[] } {
  const lines: SourceLine[] = [];
  const removed: Removal[] = [];
  let inFence = false;
  for (const line of plainLines(content, firstLine)) {
    let t = line.text;
    if (FENCE.test(t)) { inFence = !inFence; continue; }
    if (inFence) { lines.push(line); continue; }
    if (RULER.test(t) || TABLE_SEPARATOR.test(t) || KRAMDOWN_ATTR.test(t)) continue; // syntax only, no text
    if (/^(?:!\[[^\]]*\]\([^)]*\)\s*)+$/.test(t)) {
      removed.push({ text: t, rule: RULE.imagePlaceholder, line: line.no });
      continue;
    }
    const h = t.match(HEADING);
    let heading = false;
    if (h) { t = h[1]; heading = true; }
    t = t.replace(/^(?:>\s?)+/, '').replace(/^(?:[-*+]|\d{1,3}[.)])\s+/, '');
    if (t.startsWith('|') && t.endsWith('|')) t = t.slice(1, -1).split('|').map((c) => c.trim()).filter(Boolean).join(' ');
    t = stripInline(t);
    if (!t) continue;
    lines.push(heading ? { no: line.no, text: t, heading } : { no: line.no, text: t });
  }
  return { lines, removed };
}
