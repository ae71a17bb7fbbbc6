// The file under both spools (cluster-spool.ts, document-spool.ts): lines of UTF-16 (JavaScript's own strings: read
// back without UTF-8 decoding, 30% faster a pass), appended many a write, and read back by their place.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** UTF-16 code units gathered before a write: few system calls (one a line cost 0.3 s at 10k documents), and memory
 *  bounded by this, not by what is spooled. */
const SPOOL_WRITE_UNITS = 1 << 19;

export class SpoolFile {
  private readonly fd: number;
  /** Bytes of the file, written or waiting in `pending`. */
  private end = 0;
  private pending: string[] = [];
  private pendingUnits = 0;
  private buffer = Buffer.alloc(1 << 16);

  /** A new file in a new folder under `parent` named `prefix`…; the folder is gone at once, the file open still:
   *  a run killed (SIGKILL) leaves nothing behind. */
  constructor(parent: string, prefix: string) {
    const dir = mkdtempSync(join(parent, prefix));
    this.fd = openSync(join(dir, 'spool'), 'w+');
    rmSync(dir, { recursive: true, force: true });
  }

  /** Appends a line; gives its byte offset (its length in bytes is twice the line's). */
  append(line: string): number {
    const at = this.end;
    this.pending.push(line);
    this.pendingUnits += line.length;
    this.end += 2 * line.length;
    if (this.pendingUnits >= SPOOL_WRITE_UNITS) this.flush();
    return at;
  }

  /** The line of `bytes` bytes at `offset`; `what` names it if the file ends before it. */
  read(offset: number, bytes: number, what: string): string {
    if (this.pending.length) this.flush();
    if (this.buffer.length < bytes) this.buffer = Buffer.alloc(Math.max(bytes, 2 * this.buffer.length));
    for (let got = 0; got < bytes; ) {
      const n = readSync(this.fd, this.buffer, got, bytes - got, offset + got);
      if (!n) throw new Error(`spool: the file ended inside ${what}; was it truncated while the run was going?`);
      got += n;
    }
    return this.buffer.toString('utf16le', 0, bytes);
  }

  private flush(): void {
    const bytes = Buffer.from(this.pending.length === 1 ? this.pending[0] : this.pending.join(''), 'utf16le');
    const from = this.end - bytes.length;
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at, from + at);
    this.pending = [];
    this.pendingUnits = 0;
  }

  /** Lets the file go (its space returns once it is closed). */
  close(): void {
    closeSync(this.fd);
  }
}
