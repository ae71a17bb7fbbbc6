// One raw file → its document: decode, extract, and cap the body analysis will see. Runs in a pool
// worker (read-worker.ts), so a document that hangs or bloats is stopped without stopping the run.
import type { Message, NewsDoc, RawFile, TextFile } from '../types.js';
import { decodeFile, type DecodeOptions } from '../ingest/index.js';
import { extractDocument } from '../extract/index.js';
import { splitSentences } from '../text/sentences.js';
import { message } from '../messages.js';
import { MAX_DOC_CHARS, MAX_EXTRACT_CHARS } from './tunables.js';
import type { DocFeatures } from '../cluster/precounted.js';

export interface ReadTask {
  raw: RawFile;
  decode?: DecodeOptions;
}

export interface ReadWorkerData {
  /** Whether each document comes back with its clustering features (a run that clusters what it reads). */
  features?: boolean;
}

export interface ReadResult {
  doc: NewsDoc | null;
  messages: Message[];
  /** Made by the read worker (read-worker.ts) for clustering. */
  features?: DocFeatures;
}

export function readDocument({ raw, decode }: ReadTask): ReadResult {
  const decoded = decodeFile(raw, decode);
  return { doc: decoded.file && capBody(extractDocument(capText(decoded.file))), messages: decoded.messages };
}

/**
 * Plain text and Markdown past MAX_EXTRACT_CHARS are cut at a paragraph break before extraction: the body
 * keeps MAX_DOC_CHARS at most anyway, and extracting all of a 200 MB file would only spend the time budget.
 * HTML is not cut (its main text can sit anywhere in the page); it has the time budget.
 */
function capText(file: TextFile): TextFile {
  if (file.format === 'html' || file.text.length <= MAX_EXTRACT_CHARS) return file;
  const cut = file.text.lastIndexOf('\n\n', MAX_EXTRACT_CHARS);
  const end = cut > MAX_EXTRACT_CHARS / 2 ? cut : MAX_EXTRACT_CHARS;
  const reason = `text of ${file.text.length} characters cut to its first ${end} before extraction (MAX_EXTRACT_CHARS)`;
  return { ...file, text: file.text.slice(0, end), messages: [...file.messages, message('extract', 'over-budget', reason, { source: file.source })] };
}

/** A body past MAX_DOC_CHARS is cut at the last paragraph break before it, so every later stage has a bound. */
export function capBody(doc: NewsDoc): NewsDoc {
  if (doc.body.length <= MAX_DOC_CHARS) return doc;
  const cut = doc.body.lastIndexOf('\n\n', MAX_DOC_CHARS);
  const end = cut > 0 ? cut : MAX_DOC_CHARS;
  const reason = `body of ${doc.body.length} characters cut to its first ${end} (the per-document size budget, MAX_DOC_CHARS)`;
  doc.body = doc.body.slice(0, end);
  doc.sentences = splitSentences(doc.body);
  doc.messages.push(message('extract', 'over-budget', reason, { source: doc.source, span: { start: end, end: end } }));
  return doc;
}
