// Articles that live in a script: some sites render the story from JSON shipped with the page, and the
// DOM holds only the chrome. Known state blobs, read only when the DOM has no article text:
//   Arc XP      `Fusion.globalContent = {…};` (content_elements of type text, headlines.basic, credits.by)
//   Next.js     `<script id="__NEXT_DATA__" type="application/json">` (the page props hold the article)
//   Nuxt 3      `<script id="__NUXT_DATA__" type="application/json">` (devalue: a flat array, references by index)
// Nothing is evaluated: each blob is parsed as JSON, and the article is the object holding the longest
// body-like field (or a list of paragraph elements). Its headline, date and author come from the same object.
import { cleanLdBody, type LdNode } from './json-ld.js';
import { squash, textWeight } from './dom.js';
import { STATE_BODY_KEYS, STATE_BLOB_MAX_CHARS, STATE_DATE_KEYS, STATE_AUTHOR_KEYS, STATE_TITLE_KEYS, JSONLD_MIN_CHARS } from './tunables.js';

export type StateBlobKind = 'arc-fusion' | 'next-data' | 'nuxt-data';

/** A blob's script text, taken from the page before its scripts are dropped; cut out and parsed only when needed. */
export interface StateBlob {
  kind: StateBlobKind;
  script: string;
  /** Where the JSON starts in `script`. */
  start: number;
}

export interface ScriptArticle {
  kind: StateBlobKind;
  paragraphs: string[];
  title: string | null;
  date: string | null;
  author: string | null;
}

const ARC_START = /Fusion\.globalContent\s*=\s*/;

/** The state blobs of a page (call before scripts are removed). Cheap: no parsing. */
export function findStateBlobs(doc: Document): StateBlob[] {
  const blobs: StateBlob[] = [];
  for (const script of doc.querySelectorAll('script')) {
    const id = script.getAttribute('id');
    const text = script.textContent ?? '';
    if (text.length > STATE_BLOB_MAX_CHARS) continue;
    if (id === '__NEXT_DATA__') blobs.push({ kind: 'next-data', script: text, start: 0 });
    else if (id === '__NUXT_DATA__') blobs.push({ kind: 'nuxt-data', script: text, start: 0 });
    else {
      const m = ARC_START.exec(text);
      if (m) blobs.push({ kind: 'arc-fusion', script: text, start: m.index + m[0].length });
    }
  }
  return blobs;
}

/** The JSON object literal starting at `start` (up to its matching brace, strings respected). */
function jsonValueAt(text: string, start: number): string {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return text.slice(start, i + 1);
  }
  return '';
}

/** The article the first readable blob carries, or null. */
export function readScriptArticle(blobs: StateBlob[]): ScriptArticle | null {
  for (const blob of blobs) {
    let value: unknown;
    try {
      value = JSON.parse(blob.kind === 'arc-fusion' ? jsonValueAt(blob.script, blob.start) : blob.script);
    } catch {
      continue;
    }
    if (blob.kind === 'nuxt-data' && Array.isArray(value)) value = revive(value);
    const found = findArticleNode(value);
    if (found) return { kind: blob.kind, ...found };
  }
  return null;
}

/** Nuxt's devalue format: a flat array whose objects and arrays hold indices into it. Rebuilt (shared refs kept, cycles cut). */
function revive(table: unknown[]): unknown {
  const done = new Map<number, unknown>();
  const at = (i: unknown): unknown => {
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= table.length) return undefined;
    if (done.has(i)) return done.get(i);
    const v = table[i];
    if (Array.isArray(v) && typeof v[0] === 'string') {
      // A typed value: ["Reactive", 3] / ["ShallowRef", 5] wrap the value at an index; ["Date", "2025-…"] holds it.
      done.set(i, undefined); // a wrapper that refers back to itself reads as nothing
      const inner = typeof v[1] === 'number' ? at(v[1]) : v[0] === 'Date' ? v[1] : undefined;
      done.set(i, inner);
      return inner;
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      done.set(i, out);
      for (const x of v) out.push(at(x));
      return out;
    }
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      done.set(i, out);
      for (const [k, x] of Object.entries(v)) out[k] = at(x);
      return out;
    }
    done.set(i, v);
    return v;
  };
  return at(0);
}

type Found = Omit<ScriptArticle, 'kind'>;

/** Walks the JSON for the object with the longest article body; reads its headline, date and author. */
function findArticleNode(root: unknown): Found | null {
  let best: { node: LdNode; paragraphs: string[]; chars: number } | null = null;
  const seen = new Set<unknown>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (!v || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      stack.push(...v);
      continue;
    }
    const node = v as LdNode;
    const paragraphs = bodyOf(node);
    const chars = paragraphs.reduce((n, p) => n + textWeight(p), 0);
    if (chars >= JSONLD_MIN_CHARS && (!best || chars > best.chars)) best = { node, paragraphs, chars };
    stack.push(...Object.values(node));
  }
  if (!best) return null;
  const { node, paragraphs } = best;
  return { paragraphs, title: field(node, STATE_TITLE_KEYS), date: field(node, STATE_DATE_KEYS), author: field(node, STATE_AUTHOR_KEYS) };
}

/** A node's body: a body-like string field (HTML or text), or a list of text elements (Arc content_elements). */
function bodyOf(node: LdNode): string[] {
  for (const key of STATE_BODY_KEYS) {
    const v = node[key];
    if (typeof v === 'string' && textWeight(v) >= JSONLD_MIN_CHARS) return split(v);
    if (Array.isArray(v)) {
      const parts = v.flatMap((e) => {
        if (typeof e === 'string') return [e];
        const el = e as LdNode | null;
        if (!el || typeof el !== 'object') return [];
        const type = typeof el.type === 'string' ? el.type : 'text';
        if (!/^(?:text|paragraph|p|header|heading)$/i.test(type)) return [];
        const c = el.content ?? el.text ?? el.html;
        return typeof c === 'string' ? [c] : [];
      });
      const paragraphs = parts.flatMap(split);
      if (textWeight(paragraphs.join('')) >= JSONLD_MIN_CHARS) return paragraphs;
    }
  }
  return [];
}

const split = (html: string): string[] => cleanLdBody(html).split(/\n\s*\n|\n/).map(squash).filter(Boolean);

/** The first string (or {basic|name|url}) at one of `keys`, following nested paths like `headlines.basic`. */
function field(node: LdNode, keys: readonly string[]): string | null {
  for (const key of keys) {
    let v: unknown = node;
    for (const part of key.split('.')) v = v && typeof v === 'object' ? (Array.isArray(v) ? v[0] : (v as LdNode))[part] : undefined;
    if (Array.isArray(v)) v = v[0];
    if (v && typeof v === 'object') v = (v as LdNode).name ?? (v as LdNode).basic;
    if (typeof v === 'string' && v.trim()) return squash(v);
  }
  return null;
}
