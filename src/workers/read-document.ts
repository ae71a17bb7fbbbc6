// One raw file → its document: decode, extract, and cap the body analysis will see. Runs in a pool
// worker (read-worker.ts), so a document that hangs or bloats is stopped without stopping the run.
import type { Message, NewsDoc, RawFile } from '../types.js';
import { decodeFile, type DecodeOptions } from '../ingest/index.js';
import { extractDocument } from '../extract/index.js';
import { splitSentences } from '../text/sentences.js';
import { message } from '../messages.js';
import { MAX_DOC_CHARS } from './tunables.js';

export interface ReadTask {
  raw: RawFile;
  decode?: DecodeOptions;
}

export interface ReadResult {
  doc: NewsDoc | null;
  messages: Message[];
}

export function readDocument({ raw, decode }: ReadTask): ReadResult {
  const decoded = decodeFile(raw, decode);
  return { doc: decoded.file && capBody(extractDocument(decoded.file)), messages: decoded.messages };
}

/** A body past MAX_DOC_CHARS is cut at the last paragraph break before it, so every later stage has a bound. */
function capBody(doc: NewsDoc): NewsDoc {
  if (doc.body.length <= MAX_DOC_CHARS) return doc;
  const cut = doc.body.lastIndexOf('\n\n', MAX_DOC_CHARS);
  const end = cut > 0 ? cut : MAX_DOC_CHARS;
  const reason = `body of ${doc.body.length} characters cut to its first ${end} (the per-document size budget, MAX_DOC_CHARS)`;
  doc.body = doc.body.slice(0, end);
  doc.sentences = splitSentences(doc.body);
  doc.messages.push(message('extract', 'over-budget', reason, { source: doc.source, span: { start: end, end: end } }));
  return doc;
}
