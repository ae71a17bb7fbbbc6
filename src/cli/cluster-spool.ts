// Written clusters kept on disk, not in memory: a digest of 100k documents makes about 15 kB of written
// clusters per document (1.5 GB of heap), and each is needed only by a few passes after the run (the
// store, the digest JSON, the posts, the problem list). The run appends each cluster as one JSON line as
// it is written; every pass reads the file again, one cluster at a time. JSON is what each output makes
// of a cluster anyway (the store's rows, the digest JSON), so a cluster read back gives the same outputs.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WrittenCluster, WrittenClusters } from '../types.js';

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

  push(cluster: WrittenCluster): number {
    writeSync(this.fd, JSON.stringify(cluster) + '\n');
    return ++this.count;
  }

  *[Symbol.iterator](): Iterator<WrittenCluster> {
    const buffer = Buffer.alloc(SPOOL_READ_BYTES);
    let position = 0;
    let rest: Buffer[] = [];
    for (;;) {
      const n = readSync(this.fd, buffer, 0, buffer.length, position);
      if (!n) break;
      position += n;
      let from = 0;
      for (let nl = buffer.indexOf(10, from); nl !== -1 && nl < n; nl = buffer.indexOf(10, from)) {
        rest.push(buffer.subarray(from, nl));
        // Parsed before the next read overwrites the buffer; a line split across reads was copied (concat).
        yield JSON.parse(Buffer.concat(rest).toString('utf8')) as WrittenCluster;
        rest = [];
        from = nl + 1;
      }
      if (from < n) rest.push(Buffer.from(buffer.subarray(from, n)));
    }
  }

  /** Lets the file go (its space returns once it is closed); call once every pass is done. */
  close(): void {
    closeSync(this.fd);
  }
}
