// A document of a large run as the run holds it through clustering once it is in the run's document sink (on disk):
// what clustering and the run read of every document stays in memory (id, source, kind, title, date, messages), the
// text and the rest are read back from the sink when asked for. Clustering asks for a body once or a few times (its
// hash, its terms when they were not kept); whole documents held through clustering were ≈4.6 kB each, the largest
// part of a 100k-document run's peak.
import type { NewsDoc } from './types.js';

/** Reads documents back by id, remembering the last one read: a body is often asked for twice in a row. */
export class ReadBack {
  private last: NewsDoc | undefined;
  constructor(private readonly sink: { get(id: string): NewsDoc | undefined }) {}

  of(id: string): NewsDoc {
    if (this.last?.id !== id) this.last = this.sink.get(id);
    if (!this.last) throw new Error(`document ${id} is not in the run's document sink`);
    return this.last;
  }
}

export class SpooledDocument implements NewsDoc {
  readonly id: string;
  readonly source: string;
  readonly contentHash: string;
  readonly title: string | null;
  readonly publishedAt: string | null;
  declare readonly publishedAtInferred?: boolean;
  declare readonly dateSource?: NewsDoc['dateSource'];
  readonly kind: NewsDoc['kind'];
  /** The very objects the sink keeps (the run's message counts take each message once, by identity). */
  readonly messages: NewsDoc['messages'];

  /** `doc` as it went into the sink `from` reads back. */
  constructor(doc: NewsDoc, private readonly from: ReadBack) {
    this.id = doc.id;
    this.source = doc.source;
    this.contentHash = doc.contentHash;
    this.title = doc.title;
    this.publishedAt = doc.publishedAt;
    // Only when the document has them, as it would (`in` tells).
    if (doc.publishedAtInferred !== undefined) (this as { publishedAtInferred?: boolean }).publishedAtInferred = doc.publishedAtInferred;
    if (doc.dateSource !== undefined) (this as { dateSource?: NewsDoc['dateSource'] }).dateSource = doc.dateSource;
    this.kind = doc.kind;
    this.messages = doc.messages;
  }

  private get whole(): NewsDoc {
    return this.from.of(this.id);
  }

  get key() { return this.whole.key; }
  get format() { return this.whole.format; }
  get encoding() { return this.whole.encoding; }
  get outlet() { return this.whole.outlet; }
  get aggregator() { return this.whole.aggregator; }
  get subtitles() { return this.whole.subtitles; }
  get section() { return this.whole.section; }
  get reporter() { return this.whole.reporter; }
  get email() { return this.whole.email; }
  get url() { return this.whole.url; }
  get frontMatter() { return this.whole.frontMatter; }
  get body() { return this.whole.body; }
  get headings() { return this.whole.headings; }
  get captions() { return this.whole.captions; }
  get removed() { return this.whole.removed; }
  get sentences() { return this.whole.sentences; }
  get evidence() { return this.whole.evidence; }
}
