// Documents kept on disk, not in memory, once a run has clustered them: a digest of 100k documents holds
// about 470 MB of them on the heap (4.6 kB a document), through analysis (beside the analysis worker and its
// tokenizer) and the outputs, while each is needed only by its cluster's job and by the passes after the run
// (the digest JSON, the summary). The run appends each document as one JSON line (spool-file.ts) and reads back
// the ones it needs by their place in the file.
// A document's messages stay in memory, the very objects: the run's problem list holds some of them, and the
// run's message counts take each message once (by identity). So do the little the passes after the run need of
// every document (its id, content hash and kind): the message counts, the summary and the digest JSON's copied
// pieces read none of them back.
import { tmpdir } from 'node:os';
import type { DocumentHead, NewsDoc } from '../types.js';
import type { DocumentSink } from '../pipeline.js';
import { SpoolFile } from './spool-file.js';

export class DocumentSpool implements DocumentSink {
  private readonly file: SpoolFile;
  /** Byte offset and length of each document's line, in the order pushed. */
  private readonly places: number[] = [];
  private readonly index = new Map<string, number>();
  private readonly kept: DocumentHead[] = [];

  constructor(parent = tmpdir()) {
    this.file = new SpoolFile(parent, 'newsdesk-documents-');
  }

  get length(): number {
    return this.kept.length;
  }

  push(doc: NewsDoc): number {
    const { messages, ...rest } = doc;
    const line = JSON.stringify(rest);
    this.index.set(doc.id, this.kept.length);
    this.places.push(this.file.append(line), 2 * line.length);
    this.kept.push({ id: doc.id, contentHash: doc.contentHash, kind: doc.kind, messages });
    return this.kept.length;
  }

  get(id: string): NewsDoc | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  *[Symbol.iterator](): Iterator<NewsDoc> {
    for (let i = 0; i < this.kept.length; i++) yield this.at(i);
  }

  /** Each document's id, content hash, kind and messages (the very objects), in the order pushed; nothing read back. */
  heads(): readonly DocumentHead[] {
    return this.kept;
  }

  private at(i: number): NewsDoc {
    const line = this.file.read(this.places[2 * i], this.places[2 * i + 1], `document ${i}`);
    // Fields in the order the document had them, messages last as in NewsDoc.
    return { ...(JSON.parse(line) as Omit<NewsDoc, 'messages'>), messages: this.kept[i].messages };
  }

  /** Lets the file go (its space returns once it is closed); call once every pass is done. */
  close(): void {
    this.file.close();
  }
}
