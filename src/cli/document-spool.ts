// Documents kept on disk, not in memory, once a run has clustered them: a digest of 100k documents holds
// about 470 MB of them on the heap (4.6 kB a document), through analysis (beside the analysis worker and its
// tokenizer) and the outputs, while each is needed only by its cluster's job and by the passes after the run
// (the digest JSON, the summary). The run appends each document as one JSON line (UTF-16, as cli/cluster-spool.ts,
// for the same reason) and reads back the ones it needs by their place in the file.
// A document's messages stay in memory, the very objects: the run's problem list holds some of them, and the
// run's message counts take each message once (by identity).
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message, NewsDoc } from '../types.js';
import type { DocumentSink } from '../pipeline.js';

export class DocumentSpool implements DocumentSink {
  private readonly fd: number;
  private end = 0;
  /** Byte offset and length of each document's line, in the order pushed. */
  private readonly places: number[] = [];
  private readonly index = new Map<string, number>();
  private readonly kept: Message[][] = [];
  private buffer = Buffer.alloc(1 << 16);

  constructor(parent = tmpdir()) {
    const dir = mkdtempSync(join(parent, 'newsdesk-documents-'));
    this.fd = openSync(join(dir, 'documents.jsonl'), 'w+');
    // Gone from the folder at once, open still: a run killed (SIGKILL) leaves nothing behind in $TMPDIR.
    rmSync(dir, { recursive: true, force: true });
  }

  get length(): number {
    return this.kept.length;
  }

  push(doc: NewsDoc): number {
    const { messages, ...rest } = doc;
    const line = Buffer.from(JSON.stringify(rest), 'utf16le');
    for (let at = 0; at < line.length; ) at += writeSync(this.fd, line, at, line.length - at, this.end + at);
    this.index.set(doc.id, this.kept.length);
    this.places.push(this.end, line.length);
    this.end += line.length;
    this.kept.push(messages);
    return this.kept.length;
  }

  get(id: string): NewsDoc | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  *[Symbol.iterator](): Iterator<NewsDoc> {
    for (let i = 0; i < this.kept.length; i++) yield this.at(i);
  }

  private at(i: number): NewsDoc {
    const [offset, bytes] = [this.places[2 * i], this.places[2 * i + 1]];
    if (this.buffer.length < bytes) this.buffer = Buffer.alloc(Math.max(bytes, 2 * this.buffer.length));
    for (let got = 0; got < bytes; ) {
      const n = readSync(this.fd, this.buffer, got, bytes - got, offset + got);
      if (!n) throw new Error(`document spool: the file ended inside document ${i}; was it truncated while the run was going?`);
      got += n;
    }
    // Fields in the order the document had them, messages last as in NewsDoc.
    return { ...(JSON.parse(this.buffer.toString('utf16le', 0, bytes)) as Omit<NewsDoc, 'messages'>), messages: this.kept[i] };
  }

  /** Lets the file go (its space returns once it is closed); call once every pass is done. */
  close(): void {
    closeSync(this.fd);
  }
}
