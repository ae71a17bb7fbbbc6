// What every reading command (digest, add, watch) does after a run: show problems, write the JSON.
import type { DigestResult, Message } from '../types.js';
import { formatMessage, problems } from '../messages.js';
import { digestJsonChunks } from '../write/digest-json.js';
import type { DecodeOptions } from '../ingest/index.js';
import type { FetcherOptions } from '../ingest/web/fetcher.js';
import { AtomicFile } from './atomic-file.js';

/** Prints the warnings and errors among `messages` on stderr under a count; nothing when there are none. */
export function printProblems(messages: Message[]): void {
  const shown = problems(messages);
  if (!shown.length) return;
  process.stderr.write(`\n${shown.length} problem(s):\n`);
  for (const m of shown) process.stderr.write(`  ${formatMessage(m)}\n`);
}

/** Characters of JSON gathered before a write: few system calls, memory bounded by this, not by the digest. */
const JSON_WRITE_CHARS = 1 << 20;

/**
 * Writes the digest JSON contract to `path` (whole or not at all), creating its folder. It streams a
 * document at a time, so its size is bounded by the disk, not by the longest string Node can hold.
 */
export function writeDigestJson(path: string, result: DigestResult): void {
  const file = new AtomicFile(path);
  try {
    let pending = '';
    for (const chunk of digestJsonChunks(result)) {
      pending += chunk;
      if (pending.length < JSON_WRITE_CHARS) continue;
      file.write(pending);
      pending = '';
    }
    file.write(pending);
  } catch (e) {
    file.abort();
    throw e;
  }
  file.commit();
}

/** --max-file-mb caps files read from disk as it caps pages fetched from the web. */
export const decodeOptionsFrom = (fetcher: FetcherOptions): DecodeOptions =>
  fetcher.maxBodyBytes ? { maxFileBytes: fetcher.maxBodyBytes } : {};
