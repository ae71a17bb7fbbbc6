// Outputs are replaced whole or not at all: written to a temporary file in the same folder, flushed,
// then renamed over the target (a rename within one file system is atomic). A run killed mid-write, or
// a full disk, leaves the previous output in place and at worst a hidden `.name.…tmp` file beside it
// (Jekyll and Hugo skip names starting with a dot).
import { closeSync, fsync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync, writevSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Files whose flushes to disk a caller runs at once (posts.ts): one fsync after another cost 0.8–1.2 s for
 * the 156 posts of vims-dev, together 0.09–0.15 s; each file is still on disk before its rename, and this
 * many open files at most.
 */
export const FLUSHED_TOGETHER = 64;

/** Buffers a writev takes at most (Linux's IOV_MAX). */
const IOV_MAX = 1024;

/** One output being written; `write` as often as needed (a stream of chunks works), then `commit` or `abort`
 *  (`flush` first to put the data on disk off the main thread, alongside other files' flushes). */
export class AtomicFile {
  readonly path: string;
  readonly tempPath: string;
  private fd: number | null;
  /** The data written so far is on disk (flush): commit need not sync again. */
  private synced = false;

  /** Creates the folder when needed and opens a fresh temporary file beside `path`. */
  constructor(path: string) {
    this.path = resolve(path);
    const dir = dirname(this.path);
    mkdirSync(dir, { recursive: true });
    this.tempPath = join(dir, `.${basename(this.path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    this.fd = openSync(this.tempPath, 'wx', 0o644);
  }

  write(chunk: string | Uint8Array): void {
    if (this.fd === null) throw new Error(`${this.path}: write after commit or abort`);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.synced = false;
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at);
  }

  /** Writes the chunks one after another in as few system calls as the kernel takes (no copy into one buffer first). */
  writeAll(chunks: readonly Uint8Array[]): void {
    if (this.fd === null) throw new Error(`${this.path}: write after commit or abort`);
    this.synced = false;
    for (let from = 0; from < chunks.length; ) {
      const some = chunks.slice(from, from + IOV_MAX);
      let n = writevSync(this.fd, some);
      // A short write: the chunks wholly written are done, the rest of a chunk cut short is written as it is.
      while (from < chunks.length && n >= chunks[from].length) n -= chunks[from++].length;
      if (n) this.write(chunks[from++].subarray(n));
    }
  }

  /** Puts the data written so far on disk, in the background (libuv's threads), so several files flush at once. */
  async flush(): Promise<void> {
    const fd = this.fd;
    if (fd === null) throw new Error(`${this.path}: flush after commit or abort`);
    await new Promise<void>((done, fail) => fsync(fd, (e) => (e ? fail(e) : done())));
    this.synced = true;
  }

  /** Flushes the data to disk and puts the file in place of the target. */
  commit(): void {
    if (this.fd === null) throw new Error(`${this.path}: commit after commit or abort`);
    try {
      if (!this.synced) fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = null;
      renameSync(this.tempPath, this.path);
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** Drops the temporary file; the target keeps its previous content. */
  abort(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.tempPath, { force: true });
  }
}

/** Replaces `path` with `data` atomically; on any failure the previous file is untouched and the error is thrown. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const file = new AtomicFile(path);
  try {
    file.write(data);
  } catch (e) {
    file.abort();
    throw e;
  }
  file.commit();
}
