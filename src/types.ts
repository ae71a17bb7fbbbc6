// The records that flow through the pipeline: ingest → extract → cluster → analyze → write.
// Like a vfile, one NewsDoc carries its text, metadata, spans and messages through every stage;
// each stage adds to it and never reaches back into an earlier one.

/** A pipeline stage, or an edge that talks to the outside world. */
export type Stage = 'ingest' | 'extract' | 'cluster' | 'analyze' | 'write' | 'store' | 'cli' | 'server';

/** A half-open range of UTF-16 offsets, [start, end), into a document's `body` unless noted. */
export interface Span {
  start: number;
  end: number;
}

/** Where a message points: the source, and when known a 1-based line of the input or a span of the body. */
export interface Place {
  source: string;
  line?: number;
  span?: Span;
}

/**
 * A problem or decision about content. Content problems never throw and never vanish silently:
 * they become messages. `rule` is the named rule or check that fired (e.g. `copyright-line`).
 */
export interface Message {
  stage: Stage;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  reason: string;
  place: Place;
}

// ---------------------------------------------------------------------------------------------
// ingest

/** Bytes as read at the edge (file system or web), before anything is decoded. */
export interface RawFile {
  /** The path or URL as given by the user (folder walks join the folder as given with the name). */
  source: string;
  /** A stable key for the source: the absolute path or the canonical URL. Document ids derive from it. */
  key: string;
  bytes: Uint8Array;
  /** Content-Type header or similar hint from the edge, when there was one. */
  contentType?: string;
  /** Set when reading failed at the edge; bytes is then empty. */
  error?: string;
  /** The message rule for `error` when it is more specific than `unreadable` (too-large, not-a-file). */
  errorRule?: string;
  /** What the feed or sitemap entry that led to this URL said about the article (extract's fallback). */
  hints?: SourceHints;
}

/** What the edge knows about a source besides its bytes: article metadata from a feed/sitemap entry, the
 *  server's Last-Modified, the file's modification time. Extract uses each only when the page gives nothing. */
export interface SourceHints {
  title?: string;
  /** ISO 8601 in KST (`2026-04-07T17:30:00+09:00`), or a bare date. */
  publishedAt?: string;
  author?: string;
  outlet?: string;
  /** URL of the feed or sitemap that listed the article. */
  feed?: string;
  /** The HTTP Last-Modified header of the page, as the server wrote it. */
  lastModified?: string;
  /** The file's modification time (ISO 8601), for files read from disk. */
  fileModified?: string;
}

/** Where a date came from when it is not the article's own (page or feed) but when its copy last changed. */
export type WeakDateSource = 'http-last-modified' | 'file-mtime';

export type Format = 'txt' | 'md' | 'html';

/** Decoded text of one input, with what ingest learned about it. */
export interface TextFile {
  id: string;
  source: string;
  key: string;
  format: Format;
  /** Name of the encoding the bytes were decoded from (utf-8, utf-16le, euc-kr ...). */
  encoding: string;
  /** sha256 of the raw (decompressed) bytes, hex. */
  contentHash: string;
  text: string;
  messages: Message[];
  /** Carried over from RawFile.hints. */
  hints?: SourceHints;
}

// ---------------------------------------------------------------------------------------------
// extract

export type DocKind = 'report' | 'derivative';

/** A line or block taken out of the running text, kept for review. */
export interface Removal {
  text: string;
  /** The noise rule that removed it (see src/extract/noise-rules.ts). */
  rule: string;
  /** 1-based line in the decoded input, when the removal came from the line cleaner. */
  line?: number;
}

export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph (blank-line separated block of `body`) the sentence sits in. */
  paragraph: number;
}

/** How a metadata value was found, so a reader can judge it (e.g. `byline`, `json-ld`, `domain`). */
export type Evidence = Record<string, string>;

export interface NewsDoc {
  id: string;
  source: string;
  key: string;
  format: Format;
  encoding: string;
  contentHash: string;
  outlet: string | null;
  /** The site that re-posted the article (e.g. a board), when it is not the outlet. */
  aggregator: string | null;
  title: string | null;
  subtitles: string[];
  section: string | null;
  reporter: string | null;
  email: string | null;
  /** ISO 8601 date or date-time (KST offset when a time is known). */
  publishedAt: string | null;
  /** True when publishedAt was not read from the document itself but inferred (e.g. from its cluster). */
  publishedAtInferred?: boolean;
  /** Set when publishedAt is not the article's own date but its copy's (HTTP Last-Modified, the file's
   *  modification time; the last two date sources): weaker evidence, so dated cluster members outrank it. */
  dateSource?: WeakDateSource;
  url: string | null;
  kind: DocKind;
  /** Front matter of Markdown inputs, kept as metadata. */
  frontMatter: Record<string, unknown> | null;
  /** Cleaned running text: paragraphs separated by one blank line. All spans index into this. */
  body: string;
  /** Headings inside the body (cross-heads); they stay in body as their own paragraphs. */
  headings: string[];
  captions: string[];
  removed: Removal[];
  sentences: Sentence[];
  evidence: Evidence;
  messages: Message[];
}

// ---------------------------------------------------------------------------------------------
// cluster

export interface Cluster {
  id: string;
  /** Document ids, in input order. */
  members: string[];
  /** Groups of members that are near-duplicates (syndicated copies) of each other. */
  duplicates: string[][];
}

// ---------------------------------------------------------------------------------------------
// analyze (filled by the analysis stage; every item carries its document and span)

/** A text of a document other than `body` that a span may index: the title, or one subtitle or caption. */
export interface TextField {
  name: 'title' | 'subtitles' | 'captions';
  index: number;
}

export interface Mention extends Span {
  document: string;
  /** Set when the mention stands outside the body (e.g. in a photo caption): the span then indexes that text. */
  field?: TextField;
}

export type EntityType = 'person' | 'organization' | 'project' | 'product' | 'place' | 'other';

export interface Entity {
  name: string;
  type: EntityType;
  aliases: string[];
  role: string | null;
  documents: string[];
  mentions: Mention[];
}

export interface NumberMention extends Span {
  text: string;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
  krw: number | null;
  qualifier: string | null;
  /** What the amount is per, e.g. `100만 토큰` in `100만 토큰당 0.28달러`. */
  per?: string | null;
  document: string;
  /** Set when the amount stands in the title or a subtitle, not the body: the span then indexes that text. */
  field?: TextField;
}

export interface Quote extends Span {
  speaker: string | null;
  text: string;
  document: string;
  utterance: string;
}

export interface TimelineEvent {
  when: string;
  what: string;
  documents: string[];
  /** True when the date was inferred rather than stated. */
  inferred?: boolean;
  mentions: Mention[];
}

export interface Finding {
  kind: string;
  about: string;
  values: string[];
  documents: string[];
  /** The quantity the figures are about, in the sources' words (사법 리스크), when the finding ties them by one. */
  topic?: string | null;
  /** Each stated value with the documents that wrote it (which outlet used which figure). */
  stated?: { value: string; documents: string[] }[];
  /** The verdict as data (never prose): what the writer's table of labels words for a reader. */
  verdict?: FindingVerdict | null;
  /** newsdesk's own arithmetic behind the verdict, e.g. `10 ÷ 0.28 = 35.7` or `1,436–1,464 KRW/USD`. */
  computed?: string | null;
  mentions?: Mention[];
}

/**
 * exchange-rate: one foreign amount converted at different rates (no contradiction); consistent: the
 * stated ratio or total holds; upper-bound: a total matches the top of its parts' range; understated /
 * overstated: a stated ratio is off the computed one beyond tolerance; wrong-arithmetic: the parts do
 * not add up to the stated total; differs: two outlets give different values for one quantity;
 * same-value: one value in different wording; few-sources: only some reports carry it (computed `k/n`).
 */
export type FindingVerdict = 'exchange-rate' | 'consistent' | 'upper-bound' | 'understated' | 'overstated'
  | 'wrong-arithmetic' | 'differs' | 'same-value' | 'few-sources';

/** A key sentence, with every document that carried it (near-identical sentences are merged). */
export interface KeySentence {
  text: string;
  score: number;
  mentions: Mention[];
}

/** Who took part in an event, as the analysis named them (`name` is an entity name). */
export interface Participant {
  name: string;
  role: string | null;
  /** Where the sources name this participant taking part. */
  mentions: Mention[];
  /** Also present: named beside the whole cast, but by fewer reports (a guest, not a principal). */
  present?: true;
  /** In an act other than a meeting: the one who acts (대한전자가 인수) or the one it is done to (딥웨이브를). */
  as?: 'agent' | 'object' | null;
}

/** A side event: an act by only some of the participants (another meeting on the same trip). */
export interface SideEvent {
  act: string;
  participants: Participant[];
  when: string | null;
  documents: string[];
  /** The sentences that tell the side event (the first one names it; the rest of its paragraph follows it). */
  mentions: Mention[];
}

/** The slots of an event a writer fills in; each cites the spans it was read from. */
export type EventSlot = 'act' | 'when' | 'where' | 'duration' | 'topic' | 'outcome' | 'object' | 'tense';

/** The main event of a cluster: the act most of its reports tell, with its slots and side events. */
export interface NewsEvent {
  /** 회동, 발표, 인수, 출시 ... as the sources name it. */
  act: string;
  participants: Participant[];
  when: string | null;
  where: string | null;
  duration: string | null;
  topic: string | null;
  /** What the act was done to when no participant is (해상풍력 단지 … 짓기로): the phrase most reports write. */
  object?: string | null;
  /** Whether the reports tell a non-meeting act as done (인수했다) or agreed/planned (인수하기로 했다),
   *  read from the morphemes of its predicate; null when they do not say or disagree. */
  tense?: 'done' | 'planned' | null;
  /** What came of it, in a participant's words: the quote said after the act. */
  outcome: string | null;
  /** Who said the outcome, and the utterance id it belongs to. */
  outcomeSpeaker?: string | null;
  outcomeUtterance?: string | null;
  documents: string[];
  /** Where each filled slot was read. */
  spans: Partial<Record<EventSlot, Mention[]>>;
  side: SideEvent[];
}

export interface Analysis {
  /** The main event, when the reports share one act; null when they name none. */
  event?: NewsEvent | null;
  entities: Entity[];
  numbers: NumberMention[];
  quotes: Quote[];
  timeline: TimelineEvent[];
  findings: Finding[];
  summary: KeySentence[];
  /** Dates the analysis inferred for undated members, with their evidence (the documents keep none). */
  inferredDates: InferredDate[];
  messages: Message[];
}

export interface InferredDate {
  document: string;
  publishedAt: string;
  /** How it was found: `cluster-members` or `text-dates`. */
  evidence: string;
}

export interface AnalyzedCluster extends Cluster, Analysis {}

// ---------------------------------------------------------------------------------------------
// write

export interface Post {
  /** Path relative to the output folder, e.g. `2025-02-04-stargate.md`. */
  path: string;
  markdown: string;
  /** The post as data; `markdown` is rendered from it (and rendered again after an LLM polish). */
  model?: PostModel;
  /** The prose sentences of the post, each with the source sentences it stands for. */
  sentences?: PostSentence[];
}

/** One prose sentence of a post: its text, its whole Markdown line (footnotes included) and its sources. */
export interface PostSentence {
  text: string;
  markdown: string;
  mentions: Mention[];
  /** True when the LLM's rewording replaced the extractive sentence (and passed the guard). */
  llm?: boolean;
}

/**
 * A run of a post sentence. `source`: words as a source wrote them; `inserted`: words newsdesk put in so
 * that the sentence stands on its own (a name for 두 사람, a date for 이날), shown in brackets;
 * `newsdesk`: newsdesk's own words (attribution, templates filled from the event).
 */
export interface TextRun {
  text: string;
  by: 'source' | 'inserted' | 'newsdesk';
}

/** A sentence of the post model: raw runs (never Markdown) and the documents it stands on. */
export interface ModelSentence {
  runs: TextRun[];
  /** Document ids; the sentence gets one footnote listing them all. */
  sources: string[];
  /** The source spans the sentence was taken from or filled from. */
  mentions: Mention[];
  llm?: boolean;
}

export interface SourceEntry {
  document: string;
  name: string;
  title: string | null;
  date: string | null;
  url: string | null;
}

export type PostBlock =
  | { kind: 'paragraph'; sentences: ModelSentence[] }
  | { kind: 'list'; items: ModelSentence[] }
  | { kind: 'dated'; items: { when: string; sentence: ModelSentence }[] }
  | { kind: 'table'; head: string[]; rows: { cells: string[]; sources: string[] }[] }
  | { kind: 'sources'; entries: SourceEntry[] }
  | { kind: 'heading'; text: string };

export interface PostSection {
  /** null for the lead, which has no heading. */
  heading: string | null;
  blocks: PostBlock[];
}

/** The post as data: front matter values and sections of blocks of sentences with their citations. */
export interface PostModel {
  title: string;
  date: string;
  /** No source gave a date: `date` is the run's, and the post is held back from publishing. */
  draft: boolean;
  tags: string[];
  category: string;
  author: string | null;
  description: string | null;
  /** The front matter preset the post is rendered for (jekyll, jekyll-minimal-mistakes, hugo). */
  preset: string;
  sections: PostSection[];
  /** Every cited document with what a reader needs to find it. */
  sources: SourceEntry[];
}

export interface WrittenCluster extends AnalyzedCluster {
  post: Post;
  /** The write options the post was written under, as a key (no part of the digest JSON): a later run
   *  reuses an unchanged cluster's analysis and post only under the same options. */
  writtenWith?: string;
}

/** Written clusters as a run hands them on: an array, or a list kept out of memory and read again on each
 *  pass (cli/cluster-spool.ts: a 100k-document digest holds more written clusters than a heap should). */
export interface WrittenClusters extends Iterable<WrittenCluster> {
  readonly length: number;
  /** The inferred dates of all the clusters by document, when kept aside as they came (a spool on disk: not read twice). */
  readonly inferredDates?: Map<string, InferredDate>;
  /** The clusters in order, those in `ids` by their id alone (a spool on disk need not read them back). */
  orIds?(ids: ReadonlySet<string>): Iterable<WrittenCluster | string>;
}

/** What the passes after a run need of every document, kept in memory when the documents are not (cli/document-spool.ts). */
export type DocumentHead = Pick<NewsDoc, 'id' | 'contentHash' | 'kind' | 'messages'>;

/** Documents as a run hands them on: an array, or a list kept out of memory and read again on each pass
 *  (cli/document-spool.ts), which gives their heads without reading them back and each by id. */
export interface DocumentList extends Iterable<NewsDoc> {
  readonly length: number;
  heads?(): readonly DocumentHead[];
  get?(id: string): NewsDoc | undefined;
}

/** Everything one run made: the input of the digest JSON and of the store. */
export interface DigestResult<C extends WrittenClusters = WrittenCluster[], D extends DocumentList = NewsDoc[]> {
  documents: D;
  clusters: C;
  /** Per-file problems (ingest and extract errors), for the end-of-run report. */
  messages: Message[];
}
