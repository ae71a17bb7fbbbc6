// What every reading command (digest, add, watch) does around a run: check where outputs go before
// anything is written, show problems, write the JSON (to a file, or to stdout with `--json -`).
import { accessSync, constants, existsSync, statSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DigestResult, DocumentList, Message, WrittenClusters } from '../types.js';
import { ConfigError, formatMessage, problems } from '../messages.js';
import { digestJsonChunks } from '../write/index.js';
import type { DecodeOptions } from '../ingest/index.js';
import type { FetcherOptions } from '../ingest/web/index.js';
import { AtomicFile } from './atomic-file.js';
import { digestJsonWithPieces, type KeptPieces } from './json-pieces.js';
import { count } from './args.js';

/** `--json -`: the digest JSON goes to stdout, and everything else to stderr. */
export const STDOUT = '-';

/** Prints the warnings and errors among `messages` on stderr under a count; nothing when there are none. */
export function printProblems(messages: Message[]): void {
  const shown = problems(messages);
  if (!shown.length) return;
  process.stderr.write(`\n${count(shown.length, 'problem')}:\n`);
  for (const m of shown) process.stderr.write(`  ${formatMessage(m)}\n`);
}

/** Bytes of JSON gathered before a write: few system calls, memory bounded by this, not by the digest. */
const JSON_WRITE_BYTES = 1 << 20;

/**
 * Writes the digest JSON contract to `path` (whole or not at all, creating its folder), or to stdout
 * for `-`. It streams a document at a time, so its size is bounded by the disk, not by the longest
 * string Node can hold. With `kept`, the pieces of unchanged documents and clusters are copied from the
 * store (cli/json-pieces.ts), and the pieces made are kept there for the next run.
 */
export async function writeDigestJson(path: string, result: DigestResult<WrittenClusters, DocumentList>, kept?: KeptPieces): Promise<void> {
  const file = path === STDOUT ? null : new AtomicFile(path);
  // Into a file, the gathered chunks go as they are (one writev, no copy); to stdout, as one buffer.
  const write = (chunks: Uint8Array[], size: number) => (file ? file.writeAll(chunks) : process.stdout.write(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
  try {
    // Text is gathered as a string (encoded once per write), bytes as they are: a piece copied is never decoded.
    let parts: Uint8Array[] = [];
    let size = 0;
    let text = '';
    const endText = () => {
      if (!text) return;
      const bytes = Buffer.from(text);
      parts.push(bytes);
      size += bytes.length;
      text = '';
    };
    const chunks = kept ? digestJsonWithPieces(result, kept) : digestJsonChunks(result);
    for await (const chunk of chunks) {
      if (typeof chunk === 'string') {
        text += chunk;
        if (text.length >= JSON_WRITE_BYTES / 3) endText(); // a UTF-16 unit is at most 3 bytes of UTF-8
      } else {
        endText();
        parts.push(chunk);
        size += chunk.length;
      }
      if (size < JSON_WRITE_BYTES) continue;
      write(parts, size);
      parts = [];
      size = 0;
    }
    endText();
    if (size) write(parts, size);
  } catch (e) {
    file?.abort();
    throw e;
  }
  file?.commit();
}

/** --max-file-mb caps files read from disk as it caps pages fetched from the web. */
export const decodeOptionsFrom = (fetcher: FetcherOptions): DecodeOptions =>
  fetcher.maxBodyBytes ? { maxFileBytes: fetcher.maxBodyBytes } : {};

// Kernel file systems where nothing newsdesk writes belongs (statfs magic numbers).
const PSEUDO_FS = new Map([[0x9fa0, 'proc'], [0x62656572, 'sysfs'], [0x64626720, 'debugfs'], [0x27e0eb, 'cgroup'], [0x63677270, 'cgroup2']]);

/**
 * Checks, before the run writes anything (store included), that `path` can become a folder (`dir`)
 * or a file: nothing in the way, no file among its parents, the nearest existing folder writable and
 * on a real file system. Throws a one-line ConfigError naming the flag.
 */
export function checkOutputPath(flag: string, path: string, want: 'dir' | 'file'): void {
  const full = resolve(path);
  if (existsSync(full)) {
    const isDir = statSync(full).isDirectory();
    if (want === 'dir' && !isDir) throw new ConfigError(`${flag} ${path} is a file, not a folder; pass a folder for the posts`);
    if (want === 'file' && isDir) throw new ConfigError(`${flag} ${path} is a folder; pass a file name`);
  }
  let parent = want === 'dir' && existsSync(full) ? full : dirname(full);
  while (!existsSync(parent)) parent = dirname(parent);
  if (!statSync(parent).isDirectory()) throw new ConfigError(`${flag} ${path} is under ${parent}, which is a file, not a folder`);
  const fs = PSEUDO_FS.get(Number(statfsSync(parent).type));
  if (fs) throw new ConfigError(`${flag} ${path} is on the kernel's ${fs} file system, where files cannot be written; pass a path on a disk`);
  try {
    accessSync(parent, constants.W_OK);
  } catch {
    throw new ConfigError(`${flag} ${path}: cannot write in ${parent} (permission denied); pass a path you can write to`);
  }
}
