// Tokens kept between runs: the ko-dic morphemes of a document's lines, keyed by the analyser that tokenized
// them (a prefix, so rows of another analyser can be pruned: tokenKeyPrefix) and a hash of exactly the lines
// analysis tokenizes, so a re-digest does not tokenize an unchanged document again. Within a cluster the
// cache is plain data (line → morphemes, a Map), so it crosses to a worker thread and back as it is; the
// store keeps one encoded row per key (a document, or identical copies of it). A morpheme's surface is not
// stored: it is the line's text at its span.
import { createRequire } from 'node:module';
import type { NewsDoc } from '../types.js';
import { sha256 } from '../ids.js';
import { linePieces, readsWithKoDic, tokenizeLine, type Morph } from './morph.js';
import { blankCredits } from './entities.js';
import { OverBudget, withBudget } from '../workers/budget.js';

/** Morphemes of lines already tokenized: filled by analysis, seeded from the store. */
export type LineTokens = Map<string, Morph[]>;

/** Bumped when the encoding or the lines analysis tokenizes change: rows under older keys are never read. */
const FORMAT = 1;

let analyser: string | undefined;
/** The tokenizer package and its version: a newer ko-dic may cut the same line otherwise. */
function analyserVersion(): string {
  if (!analyser) {
    const pkg = createRequire(import.meta.url)('lindera-wasm-nodejs-cjk/package.json') as { version: string };
    analyser = `lindera-wasm-nodejs-cjk@${pkg.version}/ko-dic/${FORMAT}`;
  }
  return analyser;
}

/** The distinct lines of a document that analysis reads with ko-dic: body lines, then captions with credits
 *  blanked (entities.ts); a long line as the pieces entities read it in (linePieces). */
export function documentLines(doc: Pick<NewsDoc, 'body' | 'captions'>): string[] {
  const lines = new Set<string>();
  for (const text of [doc.body, ...doc.captions.map(blankCredits)]) {
    for (const line of text.split('\n')) {
      for (const { text: piece } of linePieces(line)) if (piece.trim() && readsWithKoDic(piece)) lines.add(piece);
    }
  }
  return [...lines];
}

/** `lines` tokenized ahead of their clusters' analysis (a warm worker while the run clusters), as analysis
 *  tokenizes them; once `budgetMs` of CPU is spent the rest are left out, for their clusters to tokenize. */
export function tokenizeAhead(lines: string[], budgetMs: number): LineTokens {
  const out: LineTokens = new Map();
  try {
    withBudget(budgetMs, () => {
      for (const line of lines) out.set(line, tokenizeLine(line));
    });
  } catch (e) {
    if (!(e instanceof OverBudget)) throw e;
  }
  return out;
}

/** Adds to `tokens` the lines of `docs` that `ahead` holds and `tokens` lacks. */
export function takeAhead(docs: Pick<NewsDoc, 'body' | 'captions'>[], ahead: LineTokens, tokens: LineTokens): void {
  if (!ahead.size) return;
  for (const doc of docs) {
    for (const line of documentLines(doc)) {
      const morphs = ahead.get(line);
      if (morphs && !tokens.has(line)) tokens.set(line, morphs);
    }
  }
}

let prefix: string | undefined;
/** What every key of this analyser starts with; keys not starting with it are another's, never read. */
export function tokenKeyPrefix(): string {
  prefix ??= `${sha256(analyserVersion()).slice(0, 16)}:`;
  return prefix;
}

/** The cache key of a document's lines (documents with the same lines share it). */
export function tokenKey(lines: string[]): string {
  return tokenKeyPrefix() + sha256(lines.join('\n'));
}

// Encoding: one line of text per document line; per morpheme `gap,length,pos[,meaning]` (gap from the
// previous morpheme's end; meaning left out when `*`), separated by spaces. Tags and ko-dic meanings hold
// no spaces, commas or newlines.

/** The encoded morphemes of `lines`, or null when `tokens` lacks one of them. */
export function encodeTokens(lines: string[], tokens: LineTokens): string | null {
  const out: string[] = [];
  for (const line of lines) {
    const morphs = tokens.get(line);
    if (!morphs) return null;
    let end = 0;
    out.push(morphs.map((m) => {
      const s = `${m.start - end},${m.end - m.start},${m.pos}${m.meaning === '*' ? '' : `,${m.meaning}`}`;
      end = m.end;
      return s;
    }).join(' '));
  }
  return out.join('\n');
}

/** Adds the morphemes of `lines` encoded in `encoded` to `into`; false (nothing added) when they do not fit. */
export function decodeTokens(lines: string[], encoded: string, into: LineTokens): boolean {
  const rows = encoded.split('\n');
  if (rows.length !== lines.length) return false;
  const decoded: Morph[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const morphs: Morph[] = [];
    let end = 0;
    if (rows[i]) {
      for (const item of rows[i].split(' ')) {
        const [gap, length, pos, meaning = '*'] = item.split(',');
        const start = end + Number(gap);
        end = start + Number(length);
        if (!(end <= line.length) || !pos) return false;
        morphs.push({ surface: line.slice(start, end), pos, meaning, start, end });
      }
    }
    decoded.push(morphs);
  }
  lines.forEach((line, i) => into.set(line, decoded[i]));
  return true;
}
