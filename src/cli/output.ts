// What every reading command (digest, add, watch) does after a run: show problems, write the JSON.
import type { DigestResult, Message } from '../types.js';
import { formatMessage, problems } from '../messages.js';
import { toDigestJson } from '../write/digest-json.js';
import type { DecodeOptions } from '../ingest/index.js';
import type { FetcherOptions } from '../ingest/web/fetcher.js';
import { writeFileAtomic } from './atomic-file.js';

/** Prints the warnings and errors among `messages` on stderr under a count; nothing when there are none. */
export function printProblems(messages: Message[]): void {
  const shown = problems(messages);
  if (!shown.length) return;
  process.stderr.write(`\n${shown.length} problem(s):\n`);
  for (const m of shown) process.stderr.write(`  ${formatMessage(m)}\n`);
}

/** Writes the digest JSON contract to `path` (whole or not at all), creating its folder. */
export function writeDigestJson(path: string, result: DigestResult): void {
  writeFileAtomic(path, JSON.stringify(toDigestJson(result), null, 2) + '\n');
}

/** --max-file-mb caps files read from disk as it caps pages fetched from the web. */
export const decodeOptionsFrom = (fetcher: FetcherOptions): DecodeOptions =>
  fetcher.maxBodyBytes ? { maxFileBytes: fetcher.maxBodyBytes } : {};
