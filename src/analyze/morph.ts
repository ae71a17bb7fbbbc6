// Korean morphology via lindera (ko-dic embedded). The tokenizer costs ≈0.4 s and ≈300 MB to build,
// so it is built once per process, lazily, the first time a caller needs it.
import { createRequire } from 'node:module';
import { ConfigError } from '../messages.js';
import { checkBudget, offBudget } from '../workers/budget.js';
import { isSpaceCode } from '../text/runs.js';
import { MAX_CUT_SEARCH_CHARS, MAX_TOKENIZED_CHARS, MAX_TOKENIZED_RUN_CHARS } from './tunables-entities.js';

/** One morpheme with UTF-16 offsets into the text that was tokenized. */
export interface Morph {
  surface: string;
  /** ko-dic tag, e.g. NNP, NNG, JKS, `XSV+EP` for inflected compounds, UNK for unknown words. */
  pos: string;
  /** ko-dic semantic class of proper nouns: 인명, 지명, ... or `*`. */
  meaning: string;
  start: number;
  end: number;
}

interface RawToken {
  surface: string;
  partOfSpeechTag?: string;
  meaning?: string;
}

interface LinderaTokenizer {
  tokenize(text: string): RawToken[];
}

let tokenizer: LinderaTokenizer | null = null;

/** Builds the tokenizer if it is not built yet. Call it up front to keep the build out of timings; built
 *  lazily inside a cluster, its build does not count against the cluster's time budget. */
export function warmTokenizer(): void {
  if (tokenizer) return;
  offBudget(build);
}

/** Whether this process (thread) has built the tokenizer: tests check that text without Hangul or Han never needs it. */
export const tokenizerBuilt = (): boolean => tokenizer !== null;

function build(): void {
  // Loaded through require so that merely importing this module does not load the WASM.
  const require = createRequire(import.meta.url);
  let mod: { TokenizerBuilder: new () => { setDictionary(uri: string): void; build(): LinderaTokenizer } };
  try {
    mod = require('lindera-wasm-nodejs-cjk');
  } catch (err) {
    throw new ConfigError(
      `cannot load lindera-wasm-nodejs-cjk (${(err as Error).message}); run \`npm install\` in the newsdesk folder.`,
    );
  }
  const builder = new mod.TokenizerBuilder();
  builder.setDictionary('embedded://ko-dic');
  tokenizer = builder.build();
}

/** Morphemes of `text` with UTF-16 spans. Whitespace is not a token. */
export function tokenize(text: string): Morph[] {
  checkBudget('analyze (tokenizing)'); // the hot loop of analysis: where a cluster over its time budget stops
  warmTokenizer();
  const out: Morph[] = [];
  let from = 0;
  for (const cut of [...pieceCuts(text), text.length]) {
    const piece = from === 0 && cut === text.length ? text : text.slice(from, cut);
    let at = 0;
    for (const inner of [...longRunCuts(piece), piece.length]) {
      readPiece(at === 0 && inner === piece.length ? piece : piece.slice(at, inner), from + at, out);
      at = inner;
    }
    from = cut;
  }
  return out;
}

/**
 * A line as the pieces analysis reads it, each with where it starts in the line: the line itself, or past
 * MAX_TOKENIZED_CHARS the pieces tokenize() cuts it into (so ko-dic reads each piece as it read the line).
 * Entities recognize a long line piece by piece: one array of every token of a 100k-character line (`a.`
 * repeated: 100k tokens) outgrows the young generation and is rescanned at every collection.
 */
export function linePieces(line: string): { text: string; start: number }[] {
  if (line.length <= MAX_TOKENIZED_CHARS) return [{ text: line, start: 0 }];
  const out: { text: string; start: number }[] = [];
  let from = 0;
  for (const cut of [...pieceCuts(line), line.length]) {
    out.push({ text: line.slice(from, cut), start: from });
    from = cut;
  }
  return out;
}

/**
 * Where a text longer than MAX_TOKENIZED_CHARS is cut into pieces at most that long: at the last white
 * space of each stretch, or where the stretch ends when its last MAX_CUT_SEARCH_CHARS hold none. None in
 * ordinary text.
 */
function pieceCuts(text: string): number[] {
  const cuts: number[] = [];
  let from = 0;
  while (text.length - from > MAX_TOKENIZED_CHARS) {
    let at = from + MAX_TOKENIZED_CHARS;
    const stop = Math.max(from, at - MAX_CUT_SEARCH_CHARS);
    while (at > stop && !isSpaceCode(text.charCodeAt(at))) at--;
    if (!(at > from && isSpaceCode(text.charCodeAt(at)))) at = from + MAX_TOKENIZED_CHARS - (isLowSurrogate(text.charCodeAt(from + MAX_TOKENIZED_CHARS)) ? 1 : 0);
    cuts.push(at);
    from = at;
  }
  return cuts;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Runs lindera on one piece of a text, pushing its morphemes with spans offset by `offset`. */
function readPiece(piece: string, offset: number, out: Morph[]): void {
  if (!piece) return;
  const raw = tokenizer!.tokenize(piece);
  // lindera reports UTF-8 byte offsets; walking the surfaces through the text gives UTF-16 ones.
  let cursor = 0;
  for (const t of raw) {
    const at = piece.indexOf(t.surface, cursor);
    if (at < 0) continue; // a normalised surface: skip rather than misplace a span
    out.push({ surface: t.surface, pos: t.partOfSpeechTag ?? 'UNK', meaning: t.meaning ?? '*', start: offset + at, end: offset + at + t.surface.length });
    cursor = at + t.surface.length;
  }
}

/**
 * Where `text` is cut before tokenizing: every MAX_TOKENIZED_RUN_CHARS characters inside a run without
 * white space longer than that (never between the halves of a surrogate pair). None in ordinary text.
 */
function longRunCuts(text: string): number[] {
  const cuts: number[] = [];
  if (text.length <= MAX_TOKENIZED_RUN_CHARS) return cuts;
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceCode(text.charCodeAt(i))) { runStart = i + 1; continue; }
    if (i - runStart < MAX_TOKENIZED_RUN_CHARS) continue;
    const at = isLowSurrogate(text.charCodeAt(i)) ? i - 1 : i; // keep a surrogate pair whole
    if (at > runStart) { cuts.push(at); runStart = at; }
  }
  return cuts;
}

/** Hangul, Hangul jamo and Han characters: the scripts ko-dic has words for. */
const KO_DIC_SCRIPT = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CLASS_RUN = /[\p{L}\p{M}]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]+/gu;

/** Whether tokenizeLine runs the analyser on `text` (the lines worth caching: analysis/token-cache.ts). */
export const readsWithKoDic = (text: string): boolean => KO_DIC_SCRIPT.test(text);

/**
 * Morphemes of a line, without running the analyser on a line ko-dic has no word for (no Hangul or Han:
 * a Vietnamese or English line): there it only cuts letters, digits and symbols apart and tags the
 * runs unknown, which a split by character class does too (recognize() reads both the same on the
 * 11,476 such lines of vims-dev), at a fraction of the cost.
 */
export function tokenizeLine(text: string): Morph[] {
  if (readsWithKoDic(text)) return tokenize(text);
  checkBudget('analyze (tokenizing)');
  const out: Morph[] = [];
  for (const m of text.matchAll(CLASS_RUN)) out.push({ surface: m[0], pos: 'UNK', meaning: '*', start: m.index!, end: m.index! + m[0].length });
  return out;
}
