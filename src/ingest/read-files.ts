// The file-system edge of ingest: expands PATH arguments and reads bytes. No decoding here.
// Whoever fills an input folder (an unpacked archive, a synced scrape) must not be able to make us read
// anything outside it: links are followed only to real paths inside the folder given, only regular
// files are read, and folder loops are cut by real path.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import type { Message, RawFile } from '../types.js';
import { ConfigError, message } from '../messages.js';
import { formatFromName } from './decode.js';
import { MAX_FILE_BYTES, MAX_INPUT_FILES } from './tunables.js';

export interface Listing {
  /** Files to read, in a stable order. */
  files: { source: string; key: string }[];
  messages: Message[];
}

export interface ListOptions {
  /** More files than this in the inputs is a ConfigError before anything is read (--max-files). */
  maxFiles?: number;
}

/** What a non-regular file is, for the message that skips it. */
function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const inside = (root: string, real: string) => {
  const rel = relative(root, real);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** Names in natural order (f2 before f10). One collator for all: localeCompare with options builds one per
 *  call, and sorting a folder of 150,000 names took 14 s of it. */
const byName = new Intl.Collator('en', { numeric: true });

/** Expands files and folders (recursively, sorted) into the files to read. */
export function listInputs(paths: string[], options: ListOptions = {}): Listing {
  const maxFiles = options.maxFiles ?? MAX_INPUT_FILES;
  const files: Listing['files'] = [];
  const messages: Message[] = [];
  const seen = new Set<string>();
  const skip = (source: string, rule: string, reason: string, severity: Message['severity'] = 'warning') =>
    messages.push(message('ingest', rule, reason, { source }, severity));
  const add = (source: string, real: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    if (files.length >= maxFiles) {
      throw new ConfigError(`the inputs hold more than ${maxFiles} files; name fewer folders, or raise the limit with --max-files N`);
    }
    files.push({ source, key: resolve(source) });
  };
  /** Folders already walked, by real path: a link back to one is a loop (or a second road to the same files). */
  const walked = new Set<string>();
  const walk = (dir: string, realDir: string, root: string) => {
    walked.add(realDir);
    let names: string[];
    try {
      names = readdirSync(dir).sort(byName.compare);
    } catch (e) {
      skip(dir, 'unreadable', `cannot list folder: ${(e as Error).message}`, 'error');
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (name.startsWith('.')) {
        skip(path, 'hidden', `skipped: hidden (the name starts with "."); name it on the command line to read it`, 'info');
        continue;
      }
      let st: Stats;
      let real = join(realDir, name);
      try {
        st = lstatSync(path);
        if (st.isSymbolicLink()) {
          real = realpathSync(path);
          if (!inside(root, real)) {
            skip(path, 'link-outside', `skipped: a link to ${real}, outside the folder given (${root}); nothing of it is read`);
            continue;
          }
          st = statSync(real);
        }
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') skip(path, 'link-loop', 'skipped: a link that points back to itself');
        else if (code === 'ENOENT') skip(path, 'dangling-link', 'skipped: a link to a file that does not exist');
        else skip(path, 'unreadable', `cannot read: ${(e as Error).message}`, 'error');
        continue;
      }
      if (st.isDirectory()) {
        if (walked.has(real)) skip(path, 'link-loop', `skipped: a link to a folder already read (${real}); nothing is read twice`);
        else walk(path, real, root);
      } else if (!st.isFile()) skip(path, 'not-a-file', `skipped: ${kindOf(st)}, not a regular file; nothing of it is read`);
      else if (formatFromName(name)) add(path, real);
      else skip(path, 'unsupported-format', 'skipped: not .txt, .md or .html (optionally .gz)', 'info');
    }
  };
  for (const p of paths) {
    let st: Stats;
    let real: string;
    try {
      st = statSync(p);
      real = realpathSync(p);
    } catch {
      add(p, resolve(p)); // reported when read
      continue;
    }
    if (st.isDirectory()) {
      const before = files.length;
      const skipped = messages.length;
      walk(p, real, real);
      // A folder that gives nothing to read is named once, so a wrong folder is not a silent no-op.
      if (files.length === before) {
        skip(p, 'no-articles', `nothing to read in this folder: no .txt, .md or .html file (optionally .gz)${messages.length > skipped ? `; ${messages.length - skipped} other entries skipped` : ''}`);
      }
    }
    // A file named on the command line is the user's choice: read whatever its ending (the format is
    // sniffed) and wherever a link leads, but only a regular file.
    else if (st.isFile()) add(p, real);
    else skip(p, 'not-a-file', `skipped: ${kindOf(st)}, not a regular file; nothing of it is read`, 'error');
  }
  return { files, messages };
}

export interface ReadOptions {
  /** Files larger than this on disk are refused unread (--max-file-mb). */
  maxFileBytes?: number;
}

/** Reads one file's bytes; a failure becomes `error` on the record, never a throw. Only a regular file
 *  is read (it may have been swapped for a FIFO or device since it was listed), and never past the limit. */
export function readRaw(file: { source: string; key: string }, options: ReadOptions = {}): RawFile {
  const max = options.maxFileBytes ?? MAX_FILE_BYTES;
  const failed = (error: string, errorRule?: string): RawFile => ({ ...file, bytes: new Uint8Array(0), error, ...(errorRule ? { errorRule } : {}) });
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO returns at once instead of waiting for a writer.
    fd = openSync(file.source, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT' ? 'no such file (or a dangling link)'
      : err.code === 'EACCES' ? 'permission denied'
      : err.code === 'EISDIR' ? 'is a folder'
      : err.message;
    return failed(`cannot read: ${why}`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return failed('cannot read: is a folder');
    if (!st.isFile()) return failed(`cannot read: ${kindOf(st)}, not a regular file`, 'not-a-file');
    if (st.size > max) {
      return failed(`${(st.size / 1048576).toFixed(1)} MB is over the ${(max / 1048576).toFixed(0)} MB limit for one page; raise --max-file-mb to read it`, 'too-large');
    }
    const bytes = Buffer.alloc(st.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    // The modification time is the last of a document's date sources; a clock at 0 (1970) says nothing.
    const hints = st.mtimeMs > 0 ? { hints: { fileModified: st.mtime.toISOString() } } : {};
    return { ...file, bytes: bytes.subarray(0, got), ...hints };
  } catch (e) {
    return failed(`cannot read: ${(e as Error).message}`);
  } finally {
    closeSync(fd);
  }
}
