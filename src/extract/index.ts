// extract: a decoded TextFile → a NewsDoc with clean body, metadata, captions, removed lines and sentences.
// PLACEHOLDER until the extract stage lands: the text becomes the body as it is.
import type { NewsDoc, TextFile } from '../types.js';

export function extractDocument(file: TextFile): NewsDoc {
  const body = file.text.trim();
  return {
    id: file.id, source: file.source, key: file.key, format: file.format, encoding: file.encoding,
    contentHash: file.contentHash, outlet: null, aggregator: null, title: null, subtitles: [], section: null,
    reporter: null, email: null, publishedAt: null, url: null, kind: 'report', frontMatter: null, body,
    headings: [], captions: [], removed: [], sentences: [], evidence: {}, messages: [...file.messages],
  };
}
