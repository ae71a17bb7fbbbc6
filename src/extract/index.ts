// extract: a decoded TextFile → a NewsDoc with clean body, metadata, captions, removed lines and
// sentences. HTML goes through extractHtml (./html) first; then every input gets the same Korean
// line cleaning (clean.ts + noise-rules.ts), metadata reading (metadata.ts), derivative check
// (derivative.ts) and sentence splitting (sentences.ts).
import type { Message, NewsDoc, TextFile } from '../types.js';
import { message } from '../messages.js';
import { newDoc } from '../doc.js';
import { extractHtml, type HtmlMetadata } from './html/index.js';
import { cleanLines } from './clean.js';
import { plainLines, type SourceLine } from './lines.js';
import { looksLikeMarkdown, markdownLines, splitFrontMatter } from './markdown.js';
import { readMetadata } from './metadata.js';
import { classifyKind } from './derivative.js';
import { splitSentences } from '../text/sentences.js';
import { RULE } from './noise-rules.js';

export { splitSentences } from '../text/sentences.js';
export { OUTLETS, outletByDomain, outletByName } from './outlets.js';

export function extractDocument(file: TextFile): NewsDoc {
  try {
    return extract(file);
  } catch (e) {
    return failedExtraction(file, e as Error);
  }
}

/** A bug must not sink the whole run: plain text is kept as it is, and said so loudly. An HTML page keeps
 *  no body at all (like a page with no main text): its markup must never be published as prose. */
export function failedExtraction(file: TextFile, error: Error): NewsDoc {
  const html = file.format === 'html';
  const doc = emptyDoc(file, html ? '' : file.text.trim());
  const kept = html ? 'the page is left without a body (its markup is never published)' : 'text kept as is';
  doc.messages.push(message('extract', 'extract-failed', `extraction failed, ${kept}: ${error.message}`, { source: file.source }, 'error'));
  doc.sentences = splitSentences(doc.body);
  return doc;
}

function extract(file: TextFile): NewsDoc {
  const messages: Message[] = [...file.messages];
  let text = file.text;
  let html: HtmlMetadata | null = null;
  // What the HTML extractor took out of the page (captions, furniture) joins what the line cleaner takes.
  const fromHtml: Pick<NewsDoc, 'captions' | 'headings' | 'removed'> = { captions: [], headings: [], removed: [] };
  if (file.format === 'html') {
    const h = extractHtml(text, { source: file.source, url: /^https?:\/\//i.test(file.key) ? file.key : undefined });
    text = h.text;
    html = h.metadata;
    messages.push(...h.messages);
    Object.assign(fromHtml, { captions: h.captions, headings: h.headings, removed: h.removed });
  }

  const fm = file.format === 'html' ? { frontMatter: null, content: text, firstLine: 1 } : splitFrontMatter(text);
  if ('error' in fm && fm.error) messages.push(message('extract', 'front-matter', fm.error, { source: file.source, line: 1 }));
  const markdown = file.format !== 'html' && (file.format === 'md' || !!fm.frontMatter || looksLikeMarkdown(fm.content));
  const source = markdown ? markdownLines(fm.content, fm.firstLine) : { lines: plainLines(fm.content, fm.firstLine), removed: [] };

  const cleaned = cleanLines(source.lines);
  const meta = readMetadata({ lines: cleaned.lines, clues: cleaned.clues, html, frontMatter: fm.frontMatter, format: file.format, key: file.key, hints: file.hints });
  const body = meta.bodyLines.map((l: SourceLine) => l.text).join('\n\n');
  const removed = [...fromHtml.removed, ...source.removed, ...cleaned.removed].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  const hasByline = cleaned.clues.some((c) => c.field === 'reporter') || !!meta.reporter;
  const hasDateline = cleaned.clues.some((c) => c.field === 'publishedAt' || c.field === 'modifiedAt') || (!!html?.publishedAt);
  const { kind, cues } = classifyKind({
    text: fm.content, body, title: meta.title, frontMatter: fm.frontMatter,
    hasOutlet: !!meta.outlet, hasByline, hasDateline,
  });
  const evidence = { ...meta.evidence, kind: cues.join(', ') || 'no derivative cues' };

  if (!body) messages.push(message('extract', 'empty-body', 'no running text left after cleaning; see removed', { source: file.source }));
  for (const why of new Set([...(html?.rejectedDates ?? []), ...meta.rejectedDates])) messages.push(message('extract', 'bad-date', why, { source: file.source }));
  if (meta.dateSource) {
    const what = meta.dateSource === 'file-mtime' ? "the file's modification time" : "the server's Last-Modified header";
    messages.push(message('extract', `date-from-${meta.dateSource}`, `no date in the page or its feed; dated by ${what} (${meta.publishedAt!.slice(0, 10)})`, { source: file.source }, 'info'));
  }
  if (!meta.title) messages.push(message('extract', 'no-title', 'no title line found; title left empty', { source: file.source }, 'info'));
  const boardRows = removed.filter((r) => r.rule === RULE.boardListing).length;
  if (boardRows) {
    messages.push(message('extract', RULE.boardListing, `removed a board listing of ${boardRows} lines (other stories)`, { source: file.source, line: removed.find((r) => r.rule === RULE.boardListing)?.line }, 'info'));
  }

  const doc = emptyDoc(file, body);
  Object.assign(doc, {
    outlet: meta.outlet, aggregator: meta.aggregator, title: meta.title, subtitles: meta.subtitles, section: meta.section,
    reporter: meta.reporter, email: meta.email, publishedAt: meta.publishedAt, url: meta.url, kind,
    ...(meta.dateSource ? { dateSource: meta.dateSource } : {}),
    frontMatter: fm.frontMatter, removed,
    headings: unique([...fromHtml.headings.filter((h) => body.includes(h)), ...meta.headings]),
    captions: unique([...fromHtml.captions, ...cleaned.captions]),
    sentences: splitSentences(body), evidence, messages,
  });
  return doc;
}

const unique = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

function emptyDoc(file: TextFile, body: string): NewsDoc {
  const { id, source, key, format, encoding, contentHash } = file;
  return newDoc({ id, source, key, format, encoding, contentHash, body, messages: [...file.messages] });
}
