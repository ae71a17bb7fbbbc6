// The file-system edge of ingest: expands PATH arguments and reads bytes. No decoding here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Message, RawFile } from '../types.js';
import { message } from '../messages.js';
import { formatFromName } from './decode.js';

export interface Listing {
  /** Files to read, in a stable order. */
  files: { source: string; key: string }[];
  messages: Message[];
}

/** Expands files and folders (recursively, sorted) into the files to read. */
export function listInputs(paths: string[]): Listing {
  const files: Listing['files'] = [];
  const messages: Message[] = [];
  const seen = new Set<string>();
  const add = (source: string) => {
    const key = resolve(source);
    if (!seen.has(key)) {
      seen.add(key);
      files.push({ source, key });
    }
  };
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    } catch (e) {
      messages.push(message('ingest', 'unreadable', `cannot list folder: ${(e as Error).message}`, { source: dir }, 'error'));
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        // a dangling link: let the reader report it as unreadable
      }
      if (isDir) walk(path);
      else if (formatFromName(name)) add(path);
      else messages.push(message('ingest', 'unsupported-format', 'skipped: not .txt, .md or .html (optionally .gz)', { source: path }, 'info'));
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // reported when read
    }
    if (isDir) walk(p);
    else add(p); // a file named on the command line is read whatever its ending; the format is sniffed
  }
  return { files, messages };
}

/** Reads one file's bytes; a failure becomes `error` on the record, never a throw. */
export function readRaw(file: { source: string; key: string }): RawFile {
  try {
    return { ...file, bytes: readFileSync(file.source) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT' ? 'no such file (or a dangling link)'
      : err.code === 'EACCES' ? 'permission denied'
      : err.code === 'EISDIR' ? 'is a folder'
      : err.message;
    return { ...file, bytes: new Uint8Array(0), error: `cannot read: ${why}` };
  }
}
