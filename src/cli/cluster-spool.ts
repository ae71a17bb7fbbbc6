// Written clusters kept on disk, not in memory: a digest of 100k documents makes about 15 kB of written
// clusters per document (1.5 GB of heap), and each is needed only by a few passes after the run (the
// store, the digest JSON, the posts, the problem list). The run appends each cluster as one JSON line as
// it is written; every pass reads the file again, one cluster at a time. JSON is what each output makes
// of a cluster anyway (the store's rows, the digest JSON), so a cluster read back gives the same outputs.
// Lines are UTF-16 (JavaScript's own strings: read back without UTF-8 decoding, 30% faster a pass); the few
// things later passes need of every cluster (ids, inferred dates, messages) are kept aside as they come.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InferredDate, Message, WrittenCluster, WrittenClusters } from '../types.js';
import { inferredDates } from '../write/digest-json.js';
import { sha256 } from '../ids.js';
import type { KnownPost } from './posts.js';

/** Bytes read from the spool per system call. */
const SPOOL_READ_BYTES = 1 << 20;

export class ClusterSpool implements WrittenClusters {
  private readonly fd: number;
  private count = 0;

  constructor(parent = tmpdir()) {
    const dir = mkdtempSync(join(parent, 'newsdesk-clusters-'));
    this.fd = openSync(join(dir, 'clusters.jsonl'), 'w+');
    // Gone from the folder at once, open still: a run killed (SIGKILL) leaves nothing behind in $TMPDIR.
    rmSync(dir, { recursive: true, force: true });
  }

  get length(): number {
    return this.count;
  }

  /** The clusters' inferred dates, kept as they come: the digest JSON needs them before the clusters. */
  readonly inferredDates = new Map<string, InferredDate>();
  /** The clusters' messages, kept as they come (the problem list after the run needs nothing else of them). */
  readonly messages: Message[] = [];
  /** The clusters' ids, in order: a pass that needs only the id of some is spared parsing them. */
  private readonly ids: string[] = [];
  /** Each cluster's post path and the sha256 of its text, in order: the posts pass reads back only the clusters
   *  whose post file differs (cli/posts.ts). */
  readonly posts: KnownPost[] = [];

  push(cluster: WrittenCluster): number {
    inferredDates([cluster], this.inferredDates);
    for (const m of cluster.messages) this.messages.push(m);
    this.ids.push(cluster.id);
    this.posts.push({ id: cluster.id, path: cluster.post.path, checksum: sha256(cluster.post.markdown) });
    const line = Buffer.from(JSON.stringify(cluster) + '\n', 'utf16le');
    for (let at = 0; at < line.length; ) at += writeSync(this.fd, line, at, line.length - at);
    return ++this.count;
  }

  [Symbol.iterator](): Iterator<WrittenCluster> {
    return this.read(() => false) as Iterator<WrittenCluster>;
  }

  /** The clusters in order, those in `ids` by their id alone (not read back). */
  orIds(ids: ReadonlySet<string>): Iterable<WrittenCluster | string> {
    return { [Symbol.iterator]: () => this.read((i) => ids.has(this.ids[i])) };
  }

  private *read(idOnly: (index: number) => boolean): Generator<WrittenCluster | string> {
    let index = 0;
    const buffer = Buffer.alloc(SPOOL_READ_BYTES);
    let position = 0;
    let rest: Buffer[] = [];
    for (;;) {
      const n = readSync(this.fd, buffer, 0, buffer.length, position);
      // Whole code units only (a read may end inside one): the odd byte is read again with the next.
      const end = n & ~1;
      if (!end) break;
      position += end;
      let from = 0;
      for (let nl = newline(buffer, from, end); nl !== -1; nl = newline(buffer, from, end)) {
        rest.push(buffer.subarray(from, nl));
        // Parsed before the next read overwrites the buffer; a line split across reads was copied (concat).
        yield idOnly(index) ? this.ids[index] : JSON.parse((rest.length === 1 ? rest[0] : Buffer.concat(rest)).toString('utf16le')) as WrittenCluster;
        index++;
        rest = [];
        from = nl + 2;
      }
      if (from < end) rest.push(Buffer.from(buffer.subarray(from, end)));
    }
  }

  /** Lets the file go (its space returns once it is closed); call once every pass is done. */
  close(): void {
    closeSync(this.fd);
  }
}

/** The byte offset of the next U+000A code unit at or after `from` (even) and before `end`, or -1. In UTF-16LE its
 *  bytes are 0A 00 at an even offset; JSON.stringify escapes every line feed inside a value, so it ends a line. */
function newline(buffer: Buffer, from: number, end: number): number {
  for (let at = buffer.indexOf(10, from); at !== -1 && at < end; at = buffer.indexOf(10, at + 1)) {
    if ((at & 1) === 0 && buffer[at + 1] === 0) return at;
  }
  return -1;
}
