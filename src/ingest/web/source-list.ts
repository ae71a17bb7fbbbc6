// A text file of sources: one URL or path per line, `#` starts a comment.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { Message } from '../../types.js';
import { message } from '../../messages.js';
import { looksLikeUrl } from './url.js';

export interface SourceList {
  sources: string[];
  messages: Message[];
}

/** Reads a source list. Relative paths in it are taken relative to the list's folder, not the working directory. */
export function readSourceList(path: string): SourceList {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      sources: [],
      messages: [message('ingest', 'unreadable', `cannot read source list: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`, { source: path }, 'error')],
    };
  }
  const sources: string[] = [];
  const messages: Message[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    // a `#` starts a comment at the line start or after white space; inside a URL it is a fragment
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    if (/\s/.test(line)) {
      messages.push(message('ingest', 'bad-source-line', `expected one URL or path per line, got "${line}"`, { source: path, line: i + 1 }));
      return;
    }
    sources.push(looksLikeUrl(line) || isAbsolute(line) ? line : join(dirname(path), line));
  });
  if (!sources.length) messages.push(message('ingest', 'empty-source-list', 'the source list names no sources', { source: path }));
  return { sources, messages };
}
