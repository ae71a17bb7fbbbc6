// The orchestrator: one run for every entry point (digest, add, watch; the web workbench and queue
// workers call the same `run`). Its steps, named once and in order:
//   read → extract → persist documents → cluster → analyze → write → polish (optional) → persist clusters
// The store is the working set: documents are stored as they are read (in batched transactions, so a
// run killed later keeps them and the next run does not store them again), and the digest works on
// what the store holds, not only on what this run read. `add` stops after storing documents.
// Stages stay pure; the only I/O here is through the store handed in. Outputs (posts, JSON) are the
// caller's: it calls `finish` once they are in place, so a run is recorded finished only then.
import { setImmediate as giveWay } from 'node:timers/promises';
import type {
  Cluster, DigestResult, DocumentList, Message, NewsDoc, RawFile, Stage, WrittenCluster, WrittenClusters,
} from './types.js';
import type { DecodeOptions } from './ingest/index.js';
import { Precounted, clusterDocuments, keepIdentity, placeIncrementally, type Identity, type SeedCluster } from './cluster/index.js';
import { decodeTokens, documentLines, encodeTokens, tokenKey, tokenKeyPrefix, type LineTokens } from './analyze/token-cache.js';
import { featuresKeyPrefix } from './cluster/stored-features.js';
import { DEFAULT_WRITE_OPTIONS, type WriteOptions } from './write/index.js';
import { uniqueName } from './write/slug.js';
import { ConfigError, internalError, message, problems } from './messages.js';
import { WorkerPool, type Outcome } from './workers/pool.js';
import type { ReadResult, ReadTask, ReadWorkerData } from './workers/read-document.js';
import {
  ANALYZE_ALL_IN_FLIGHT_UP_TO, ANALYZE_IN_FLIGHT, ANALYZE_IN_PROCESS_CHARS, ANALYZE_YIELD_EVERY, ANALYZE_ONE_WORKER_ABOVE_DOCS, ANALYZE_POOL_SIZE, ANALYZE_WARM_MAX_DOCS, ANALYZE_WARM_STORE_DOCS, CLUSTER_TIME_BUDGET_MS, CLUSTER_TIME_PER_MEMBER_MS,
  DOC_TIME_BUDGET_MS, DOC_WALL_LIMIT_MS, POOL_SIZE, WORKER_HEAP_MB,
} from './workers/tunables.js';
import {
  analyzeAndWrite, analyzeFailure, analyzeWatchdog, type AnalyzeResult, type AnalyzeTask, type AnalyzeWorkerData,
} from './workers/analyze-write.js';
import { readsWithKoDic } from './analyze/morph.js';
import { kstDay } from './dates.js';
import { sha256 } from './ids.js';
import { KeptFeatures } from './kept-features.js';
import { ReadBack, SpooledDocument } from './spooled-document.js';
import { compactHeap } from './workers/compact-heap.js';
import {
  countMessages, toNewsDoc, writtenOf, MEMORY_DB, type ChangeCounts, type DocumentFilter, type Store, type StoredClusterHead, type StoredDocument,
} from './store/index.js';

export const STEPS = ['read', 'extract', 'persist-documents', 'cluster', 'analyze', 'write', 'polish', 'persist-clusters'] as const;
export type Step = (typeof STEPS)[number];

export type Progress = (stage: Stage, done: number, total: number, label?: string) => void;

/** New material for a run: raw files and pages (files are read lazily), and the problems met listing them. */
export interface Inputs {
  raws: Iterable<RawFile>;
  total: number;
  messages: Message[];
}

/** Documents stored per transaction while reading: small enough to lose little to a kill, large enough to be cheap. */
export const PERSIST_BATCH = 50;
/** Documents whose new tokens are kept per transaction: bounds the encoded tokens held in memory (~10 kB a document). */
export const TOKEN_SAVE_BATCH = 500;
/** Documents a run with a document sink holds whole through clustering; the rest it holds by their heads, their text read
 *  back from the sink when clustering asks (spooled-document.ts): 100k whole ones were ≈470 MB of a run's peak, while a
 *  run this small (as large as ANALYZE_WARM_MAX_DOCS, whose check reads the new documents' text) reads nothing back. */
export const DOCS_HELD_WHOLE = 20_000;

/** Where a run puts its written clusters, in cluster order, as each is made: an array by default. */
export interface ClusterSink extends WrittenClusters {
  push(cluster: WrittenCluster): unknown;
  /** Takes a cluster the run reused as it is stored, by its head (a spool on disk reads the rest only if a pass needs it);
   *  without it, the run reads reused clusters whole and pushes them. */
  pushStored?(head: StoredClusterHead): unknown;
}

/** Where a run puts the documents it digested once they are clustered, when not in an array: analysis reads
 *  each cluster's members back by id (cli/document-spool.ts keeps them on disk). */
export interface DocumentSink extends DocumentList {
  push(doc: NewsDoc): unknown;
  get(id: string): NewsDoc | undefined;
}

export interface RunRequest<C extends ClusterSink = WrittenCluster[], D extends DocumentList = NewsDoc[]> {
  store: Store;
  /** What started the run (the command line), kept with the run. */
  args: string[];
  startedAt?: Date;
  inputs?: Inputs;
  /** false: stop once the documents are stored (`add`); 'if-new': digest only when this run stored something. */
  digest?: boolean | 'if-new';
  /** Which stored documents the digest works on (all by default); `onlyNew`: those this run stored or changed. */
  select?: Omit<DocumentFilter, 'run'> & { onlyNew?: boolean };
  /** Cluster every document again (with refine), even when the new ones are few enough to be placed into the
   *  earlier clusters as they stand (cluster/incremental.ts). */
  recluster?: boolean;
  decode?: DecodeOptions;
  write?: Partial<WriteOptions>;
  progress?: Progress;
  /** The optional polish step (the LLM rewording): changes posts in place, reports into `messages`. */
  polish?: (clusters: WrittenCluster[], docs: Map<string, NewsDoc>, messages: Message[]) => Promise<void>;
  /** Internal errors carry their stack trace. */
  debug?: boolean;
  /** CPU time analysing and writing one cluster may take (CLUSTER_TIME_BUDGET_MS + CLUSTER_TIME_PER_MEMBER_MS
   *  per further member by default); tests give a cluster none to see one run over. */
  clusterBudgetMs?: (cluster: Cluster) => number;
  /** Where clusters are analysed and written: by default in the analysis pool when the text to analyse passes
   *  ANALYZE_IN_PROCESS_CHARS, else on this thread (tests choose). */
  analyzeIn?: 'pool' | 'process';
  /** How the caller sees each stored document (the workbench: with the lines a person restored); as stored by default. */
  view?: (doc: NewsDoc) => NewsDoc | Promise<NewsDoc>;
  /** Where the written clusters go (a new array by default); `polish` needs them in an array. */
  clusters?: C;
  /** Where the digested documents go once clustered (kept in an array by default); `polish` needs them in memory. */
  documents?: D & DocumentSink;
}

const READ_WORKER = new URL(`./workers/read-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
const ANALYZE_WORKER = new URL(`./workers/analyze-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export interface RunResult<C extends WrittenClusters = WrittenCluster[], D extends DocumentList = NewsDoc[]> extends DigestResult<C, D> {
  runId: number;
  /** Inputs read this run; of those, the ones extracted (the rest were stored with the same bytes before), and
   *  the documents stored or changed by it. */
  read: number;
  extracted: number;
  fresh: string[];
  counts: { documents: ChangeCounts; clusters: ChangeCounts };
  /** Earlier clusters that match nothing any more: their posts go. */
  gone: StoredClusterHead[];
  /** Ids of the clusters taken as stored because nothing they were made from changed (not analysed again). */
  reused: string[];
  /** How documents were clustered: the earlier clusters kept and only the new documents placed (cluster/incremental.ts),
   *  or every document clustered again; null when the run stopped before clustering. */
  clustered: 'incremental' | 'full' | null;
  /** Documents of the clusters analysed whose tokens came from the store, and those tokenized this run. */
  tokens: { cached: number; tokenized: number };
}

/** One run, every step in order. Throws only ConfigError (and programmer errors); content problems are messages. */
export async function run<C extends ClusterSink = WrittenCluster[], D extends DocumentList = NewsDoc[]>(req: RunRequest<C, D>): Promise<RunResult<C, D>> {
  const { store } = req;
  const clusters = req.clusters ?? ([] as WrittenCluster[] as unknown as C);
  const startedAt = req.startedAt ?? new Date();
  const runId = await store.beginRun(req.args, startedAt);
  const messages: Message[] = [...(req.inputs?.messages ?? [])];
  const precounted = new Precounted();
  const kept = new KeptFeatures(store);
  const { read, extracted, fresh, documents: docCounts } = await readAndStore(req, runId, messages, precounted, kept);
  const counts = { documents: docCounts, clusters: { inserted: 0, updated: 0, unchanged: 0 } };
  if (req.digest === false || (req.digest === 'if-new' && !fresh.length)) {
    return { runId, read, extracted, fresh, documents: [] as NewsDoc[] as unknown as D, clusters, messages, counts, gone: [], reused: [], clustered: null, tokens: { cached: 0, tokenized: 0 } };
  }

  const { onlyNew, ...filter } = req.select ?? {};
  const chosen = onlyNew ? { ...filter, run: runId } : filter;
  const sink = req.polish ? undefined : req.documents;
  // Without a view, the documents go into the sink as the store hands them on (with a view, once clustered).
  const loaded = sink && !req.view ? await spoolDocuments(store, chosen, sink) : await wholeDocuments(store, chosen, req.view);
  let stored: DocumentRun[] | null = loaded.stored;
  let documents: NewsDoc[] | null = loaded.documents;
  const earlier = await store.clusterHeads();
  // Why documents were placed as they were: said for the documents this run brought (earlier runs said the rest).
  const placed: Message[] = [];
  const freshIds = new Set(fresh);
  // The analysis workers load and build their tokenizers while this thread clusters, when the documents are few
  // enough that the tokenizers' memory may sit on top of clustering's, and either this run's new documents alone
  // hold text enough for the pool (the clusters they change are analysed again), or they need ko-dic and the
  // store is large: one worker then builds it while this thread clusters the store, instead of this thread after.
  const koDic = loaded.koDic;
  const tokens = new KeptTokens(store);
  const warmSize = req.analyzeIn === 'process' ? 0 : freshWarmPoolSize(documents, freshIds);
  // One warm worker (few new documents, a large store) also tokenizes the new documents' lines the store has no
  // tokens for, before it is ready: it would wait for clustering anyway (two would each tokenize them all).
  const warm = warmSize ? openAnalyzePool(warmSize, koDic, warmSize === 1 ? await freshLines(tokens, documents, freshIds) : undefined).warm() : null;
  let identity: Identity<Cluster>, plan: WritingPlan, incremental: Cluster[] | null;
  // The documents by id: from memory, or from the sink once they are in it (after clustering).
  let byId: Map<string, NewsDoc> | null = idMap(documents);
  const count = documents.length;
  const lookup = (id: string) => (byId ? byId.get(id) : sink!.get(id));
  let freshMessages: Message[][] = [];
  try {
    // The read workers' features are of documents as read, not as a view shows them; those of the stored documents
    // this run did not read come from the store.
    const features = req.view ? undefined : precounted;
    if (features) await kept.load(documents, features);
    incremental = req.recluster ? null : placeIncrementally(documents, earlier.map(seedOf), freshIds, undefined, placed, features);
    identity = keepIdentity(incremental ?? clusterDocuments(documents, undefined, placed, features), earlier, new Set(documents.map((d) => d.id)));
    precounted.clear();
    const freshSources = new Set(ofFresh(documents, freshIds, (d) => d.source));
    for (const m of placed) if (freshSources.has(m.place.source ?? '')) messages.push(m); // no spread: one message per document can pass 120k
    req.progress?.('cluster', identity.clusters.length, identity.clusters.length);

    const writeOptions = { ...DEFAULT_WRITE_OPTIONS, runDate: kstDay(startedAt), ...req.write };
    // Not reused when the caller shows documents otherwise than stored (view) or rewords posts (polish).
    plan = planWriting(identity, earlier, stored, writeOptions, !(req.view || req.polish), req.clusterBudgetMs);
    if (!clusters.pushStored) await readReused(store, plan);
    // The messages of documents read now (the lists themselves), taken before the documents may leave memory.
    freshMessages = ofFresh(documents, freshIds, (d) => d.messages);
    if (sink) {
      // Emptied, not only dropped: the suspended run's frame may still hold the arrays (an await's result).
      if (!loaded.spooled) pushAll(sink, documents);
      documents.length = 0;
      stored.length = 0;
      byId.clear();
      documents = stored = byId = null;
    }
    await analyzeAndWriteAll(plan, lookup, writeOptions, messages, req, warm, tokens, clusters, koDic, count);
    await tokens.flush();
  } finally {
    await warm?.close(); // closed already unless something above threw
  }
  if (req.polish) {
    if (!Array.isArray(clusters)) throw new Error('polish rewords posts in place: the run needs its clusters in an array');
    await req.polish(clusters, byId!, messages);
  }

  // Clusters taken as stored are saved by their id: the store keeps their rows as they are.
  const reused = new Set(plan.reused);
  counts.clusters = await store.saveClusters(runId, clusters.orIds?.(reused) ?? Array.from(clusters, (c) => (reused.has(c.id) ? c.id : c)), identity.gone);
  await pruneStaleCaches(store, messages);
  return {
    runId, read, extracted, fresh, counts, clusters,
    documents: (sink ?? documents) as unknown as D,
    // The problems of documents read now; earlier runs reported those of the others.
    messages: [...messages, ...problems(freshMessages.flat())],
    gone: earlier.filter((c) => identity.gone.includes(c.id)),
    reused: plan.reused,
    clustered: incremental ? 'incremental' : 'full',
    tokens: tokens.counts,
  };
}

/**
 * analyze → write for the clusters of a plan, in cluster order: in the analysis pool (one worker per core,
 * each with its own tokenizer, kept for the whole run; a job carries its members only) when there is text
 * enough to pay for the workers' start-up, else on this thread. Post names are given here, in cluster order.
 */
async function analyzeAndWriteAll(
  plan: WritingPlan, lookup: (id: string) => NewsDoc | undefined, options: WriteOptions, messages: Message[], req: RunRequest<ClusterSink, DocumentList>,
  warm: WorkerPool<AnalyzeTask, AnalyzeResult> | null, tokens: KeptTokens, clusters: ClusterSink, koDic: boolean, documents: number,
): Promise<void> {
  const done = (i: number, written: WrittenCluster | StoredClusterHead | null) => {
    req.progress?.('analyze', i + 1, plan.steps.length);
    if (written) pushPlaced(clusters, written, plan);
  };
  const todo = plan.steps.filter((s) => !s.kept);
  const members = (c: Cluster) => c.members.map(lookup).filter((d): d is NewsDoc => !!d);
  // A cluster's own documents by id: all that analysing and writing it reads (a pool job carries no more).
  const byIdOf = (docs: NewsDoc[]) => new Map(docs.map((d) => [d.id, d]));
  // A warm pool (its tokenizers built during clustering) takes any work there is.
  const inPool = req.analyzeIn ? req.analyzeIn === 'pool'
    : (!!warm && todo.length > 0) || (todo.length > 1 && textReaches(todo, members, ANALYZE_IN_PROCESS_CHARS));
  if (!inPool) {
    await warm?.close(); // before the budget's clock (the process's CPU time) starts on this thread
    for (const [i, { cluster, kept, budgetMs }] of plan.steps.entries()) {
      let written: WrittenCluster | StoredClusterHead | null = kept;
      if (!written) {
        const docs = members(cluster);
        const cache = await tokens.of(docs);
        written = analyzeAndWrite(cluster, byIdOf(docs), options, plan.taken, messages, budgetMs, req.debug, cache.tokens);
        await tokens.keep(cache);
      }
      done(i, written);
    }
    return;
  }
  // What clustering a large run left on the heap goes back before the worker's tokenizer comes on top of it.
  if (!warm && documents > ANALYZE_WARM_MAX_DOCS) compactHeap();
  const pool = warm ?? openAnalyzePool(analyzePoolSize(documents), koDic);
  // Each job takes its members' cached tokens along, and brings back the tokens it made when the store keeps them.
  // Those of the jobs in flight, oldest first (outcomes come back in that order), so each is let go once its job is back.
  const caches: Awaited<ReturnType<KeptTokens['of']>>[] = [];
  const tasks = (async function* () {
    for (const { cluster, budgetMs } of todo) {
      const docs = members(cluster);
      const cache = await tokens.of(docs);
      caches.push(cache);
      yield { cluster, docs, options, budgetMs, debug: req.debug, tokens: cache.tokens, keepTokens: tokens.keeps && cache.missing.length > 0 };
    }
  })();
  const outcomes = pool.map(tasks, todo.length <= ANALYZE_ALL_IN_FLIGHT_UP_TO ? todo.length : ANALYZE_IN_FLIGHT);
  // Asked for now, not once the loop below reaches the first cluster to analyse: the workers start on the clusters
  // in flight while this thread hands on the stored clusters before them (a re-digest: ≈1.5 s, its changed clusters last).
  // Handing on stored clusters never waits, so the loop gives way every ANALYZE_YIELD_EVERY of them, for the
  // pool to hand its workers their next cluster as they finish one (it does so only when this thread is free).
  let first = todo.length ? outcomes.next() : null;
  first?.catch(() => undefined); // awaited below; a failure before then is the loop's, not an unhandled rejection
  let handed = 0;
  try {
    for (const [i, { cluster, kept, budgetMs }] of plan.steps.entries()) {
      if (kept) {
        done(i, kept);
        if (++handed % ANALYZE_YIELD_EVERY === 0) await giveWay();
        continue;
      }
      const outcome = (await (first ?? outcomes.next())).value as Outcome<AnalyzeResult>;
      first = null;
      const cache = caches.shift()!;
      if (outcome.ok && outcome.value.tokens) await tokens.keep({ tokens: outcome.value.tokens, missing: cache.missing });
      done(i, fromPool(outcome, cluster, budgetMs, outcome.ok ? new Map() : byIdOf(members(cluster)), plan.taken, messages, req.debug));
    }
  } finally {
    await outcomes.return(undefined);
    await pool.close();
  }
}

// Helpers that take every document and hand back no array of documents: a temporary made in run() itself (a
// filtered list, the pairs for a Map, a for-of iterator) stays in its suspended frame after use and would keep
// every document alive once the run has put them in its sink (10k documents: heap snapshot, all 10,054 held).
const idMap = (docs: NewsDoc[]) => new Map(docs.map((d) => [d.id, d]));
function ofFresh<T>(docs: NewsDoc[], fresh: ReadonlySet<string>, of: (d: NewsDoc) => T): T[] {
  const out: T[] = [];
  for (const d of docs) if (fresh.has(d.id)) out.push(of(d));
  return out;
}
function pushAll(sink: DocumentSink, docs: NewsDoc[]): void {
  for (const d of docs) sink.push(d);
}

/** Of a stored document, what planning the run's writing reads (planWriting). */
export type DocumentRun = Pick<StoredDocument, 'id' | 'updatedRun'>;

/** The documents `filter` chooses, as stored (or as `view` shows them), all in memory; whether any has text ko-dic reads. */
async function wholeDocuments(store: Store, filter: DocumentFilter, view: RunRequest['view']) {
  const stored = await store.documents(filter);
  const documents = await Promise.all(stored.map((d) => (view ? view(toNewsDoc(d)) : toNewsDoc(d))));
  return { stored, documents, koDic: documents.some(readByKoDic), spooled: false };
}

/** The documents `filter` chooses, each put into `sink` as the store hands it on: the first DOCS_HELD_WHOLE held whole,
 *  the rest by their heads (spooled-document.ts); whether any has text ko-dic reads. */
async function spoolDocuments(store: Store, filter: DocumentFilter, sink: DocumentSink) {
  const stored: DocumentRun[] = [];
  const documents: NewsDoc[] = [];
  const readBack = new ReadBack(sink);
  let koDic = false;
  await store.eachDocument(filter, (d) => {
    const doc = toNewsDoc(d);
    sink.push(doc);
    stored.push({ id: d.id, updatedRun: d.updatedRun });
    koDic ||= readByKoDic(doc);
    documents.push(documents.length < DOCS_HELD_WHOLE ? doc : new SpooledDocument(doc, readBack));
  });
  return { stored, documents, koDic, spooled: true };
}

/** An earlier cluster as incremental placement takes it. */
const seedOf = (c: StoredClusterHead): SeedCluster => ({ id: c.id, members: c.members, duplicates: c.duplicates });

/** warmPoolSize of the new documents among `documents`: their list is made and dropped here, never held in run()'s frame. */
function freshWarmPoolSize(documents: NewsDoc[], freshIds: ReadonlySet<string>): number {
  return warmPoolSize(documents, ofFresh(documents, freshIds, (d) => d));
}

/** The lines of the new documents among `documents` that the store has no tokens for (their list made and dropped here). */
function freshLines(tokens: KeptTokens, documents: NewsDoc[], freshIds: ReadonlySet<string>): Promise<string[]> {
  return tokens.uncachedLines(ofFresh(documents, freshIds, (d) => d));
}

/** Analysis workers to start before clustering `documents` of which `fresh` are new this run (0: none; see run). */
export function warmPoolSize(documents: NewsDoc[], fresh: NewsDoc[]): number {
  if (documents.length > ANALYZE_WARM_MAX_DOCS) return 0;
  if (textOf(fresh) >= ANALYZE_IN_PROCESS_CHARS) return analyzePoolSize(documents.length);
  return documents.length >= ANALYZE_WARM_STORE_DOCS && fresh.some(readByKoDic) ? 1 : 0;
}

/** Whether the clusters' members hold `chars` characters of text at least (read only until they do: documents may be on disk). */
function textReaches(steps: { cluster: Cluster }[], members: (c: Cluster) => NewsDoc[], chars: number): boolean {
  let seen = 0;
  for (const { cluster } of steps) if ((seen += textOf(members(cluster))) >= chars) return true;
  return false;
}

/** Body and title characters of some documents: what analysing them costs, roughly. */
function textOf(docs: NewsDoc[]): number {
  let chars = 0;
  for (const d of docs) chars += d.body.length + (d.title?.length ?? 0);
  return chars;
}

/** A pool worker's outcome as analyzeAndWrite's in process: its messages, and its post named in cluster order. */
function fromPool(
  outcome: Outcome<AnalyzeResult>, cluster: Cluster, budgetMs: number, byId: Map<string, NewsDoc>, taken: Set<string>, messages: Message[], debug?: boolean,
): WrittenCluster | null {
  if (!outcome.ok) {
    messages.push(analyzeFailure(outcome, cluster, byId, budgetMs, debug));
    return null;
  }
  const { written, messages: said, configError } = outcome.value;
  if (configError) throw new ConfigError(configError);
  messages.push(...said);
  // The worker named the post alone; names are handed out here, in cluster order, as a run in process does.
  if (written) written.post.path = uniqueName(written.post.path.replace(/\.md$/, ''), taken) + '.md';
  return written;
}

/** The worker threads that analyse and write clusters; the watchdog (CPU time, as the read pool's) backs the CPU budget each checks itself.
 *  `tokenizer`: whether they build ko-dic up front (the run has text it reads), else only if a cluster needs it;
 *  `ahead`: lines each tokenizes before it is ready (analyze-worker.ts). */
function openAnalyzePool(size: number, tokenizer: boolean, ahead?: string[]): WorkerPool<AnalyzeTask, AnalyzeResult> {
  const workerData: AnalyzeWorkerData = { tokenizer, ahead };
  return new WorkerPool<AnalyzeTask, AnalyzeResult>(ANALYZE_WORKER, { size, ...analyzeWatchdog({ budgetMs: 0 }), limitsOf: (task) => analyzeWatchdog(task), workerData });
}

/** Workers for a run over `documents` documents: one per core, one above ANALYZE_ONE_WORKER_ABOVE_DOCS (memory). */
const analyzePoolSize = (documents: number): number => (documents > ANALYZE_ONE_WORKER_ABOVE_DOCS ? 1 : ANALYZE_POOL_SIZE);

/** Whether a document has text ko-dic has words for (Hangul, Han): a run with none needs no tokenizer built up front. */
const readByKoDic = (d: NewsDoc): boolean => readsWithKoDic(d.body) || (!!d.title && readsWithKoDic(d.title));

/** What the analyse and write steps of a run have to do: per cluster, the head of its stored result when nothing
 *  it was made from changed (kept), else its CPU budget; and the post names already taken. */
export interface WritingPlan {
  steps: { cluster: Cluster; kept: StoredClusterHead | null; budgetMs: number }[];
  reused: string[];
  /** The reused clusters whole, by id, once readReused has read them (for a sink that cannot take them by their head). */
  stored?: Map<string, WrittenCluster>;
  writtenWith: string;
  /** Post file names (without .md) taken: continuing clusters keep theirs; new ones get the next free name. */
  taken: Set<string>;
  keptPaths: Map<string, string>;
}

/** Plans analyse → write for the clusters of a run (in process, or as queue jobs: queue/cluster-job.ts). */
export function planWriting(
  identity: Identity<Cluster>, earlier: StoredClusterHead[], stored: DocumentRun[], writeOptions: WriteOptions, reuseAllowed: boolean,
  clusterBudgetMs?: (cluster: Cluster) => number,
): WritingPlan {
  // A cluster that continues keeps its post file; new clusters must not take those names.
  const keptPaths = new Map(earlier.filter((c) => identity.kept.has(c.id) && c.postPath).map((c) => [c.id, c.postPath!]));
  const taken = new Set([...keptPaths.values()].map((p) => p.replace(/\.md$/, '')));
  const writtenWith = writeOptionsKey(writeOptions);
  // A cluster whose documents and options are as they were is taken as stored, not analysed again.
  const reuse = reuseAllowed ? unchangedClusters(earlier, stored, writeOptions, writtenWith) : null;
  const reused: string[] = [];
  const steps = identity.clusters.map((cluster) => {
    const kept = reuse?.(cluster) ?? null;
    if (kept) reused.push(kept.id);
    const budgetMs = clusterBudgetMs?.(cluster) ?? CLUSTER_TIME_BUDGET_MS + CLUSTER_TIME_PER_MEMBER_MS * (cluster.members.length - 1);
    return { cluster, kept, budgetMs };
  });
  return { steps, reused, writtenWith, taken, keptPaths };
}

/** Reads the plan's reused clusters whole from the store (plan.stored), for a sink that takes only whole clusters. */
export async function readReused(store: Pick<Store, 'clustersById'>, plan: WritingPlan): Promise<Map<string, WrittenCluster>> {
  const heads = new Map(plan.steps.flatMap((s) => (s.kept ? [[s.kept.id, s.kept] as const] : [])));
  plan.stored = new Map();
  for (const c of await store.clustersById(plan.reused)) {
    if (c.run === heads.get(c.id)?.run) plan.stored.set(c.id, placePost(writtenOf(c), plan));
  }
  for (const id of plan.reused) {
    if (!plan.stored.has(id)) throw new ConfigError(`another run wrote event cluster ${id} while this one planned; run again`);
  }
  return plan.stored;
}

/** Puts a cluster of the plan into the sink: written now (placed), or reused (by its head, or whole: readReused). */
export function pushPlaced(sink: ClusterSink, done: WrittenCluster | StoredClusterHead, plan: WritingPlan): void {
  if ('post' in done) sink.push(placePost(done, plan));
  else if (sink.pushStored) sink.pushStored(done);
  else sink.push(plan.stored!.get(done.id)!);
}

/** A written cluster with the write options it was written under and its lasting post path. */
export function placePost(written: WrittenCluster, plan: WritingPlan): WrittenCluster {
  written.writtenWith = plan.writtenWith;
  const path = plan.keptPaths.get(written.id);
  return path ? { ...written, post: { ...written.post, path } } : written;
}

/** The write options as a key, the run's day aside (it matters only to a draft post; see unchangedClusters). */
function writeOptionsKey(options: WriteOptions): string {
  const { runDate: _day, ...rest } = options;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The stored cluster for a cluster of this run when nothing it was made from changed: the same id,
 * members in the same order and the same duplicates; no member stored or changed after the run that
 * wrote it; its post kept (schema 3) under the same write options (and, for a draft, the same day).
 * Analysis and writing are functions of exactly these, so the stored result is what they would make.
 */
function unchangedClusters(earlier: StoredClusterHead[], stored: DocumentRun[], options: WriteOptions, writtenWith: string) {
  const byId = new Map(earlier.map((c) => [c.id, c]));
  const updatedRun = new Map(stored.map((d) => [d.id, d.updatedRun]));
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (cluster: Cluster): StoredClusterHead | null => {
    const e = byId.get(cluster.id);
    if (!e?.hasPost || e.writtenWith !== writtenWith || (e.draftDate !== null && e.draftDate !== options.runDate)) return null;
    if (!same(e.members, cluster.members) || !same(e.duplicates, cluster.duplicates)) return null;
    if (cluster.members.some((id) => (updatedRun.get(id) ?? Infinity) > e.run)) return null;
    return e;
  };
}

/**
 * The token cache of a run (analyze/token-cache.ts): before a cluster is analysed, its members' tokens
 * stored by earlier runs; after, the tokens of the members that had none, saved in batches. A store that
 * keeps nothing (`:memory:`) is not asked.
 */
export class KeptTokens {
  readonly counts = { cached: 0, tokenized: 0 };
  private pending: [string, string][] = [];
  /** Whether the store keeps tokens (not `:memory:`). */
  readonly keeps: boolean;
  constructor(private readonly store: Store) {
    this.keeps = store.location !== MEMORY_DB;
  }

  /** The cached tokens of `members`, and the members (lines and key) that have none yet. */
  async of(members: NewsDoc[]): Promise<{ tokens: LineTokens; missing: { lines: string[]; key: string }[] }> {
    const { docs, stored } = await this.lookUp(members);
    const tokens: LineTokens = new Map();
    const missing = docs.filter(({ lines, key }) => {
      const encoded = stored.get(key);
      return encoded === undefined || !decodeTokens(lines, encoded, tokens);
    });
    this.counts.cached += docs.length - missing.length;
    this.counts.tokenized += missing.length;
    return { tokens, missing };
  }

  /** The distinct lines of `members` that have no tokens in the store. */
  async uncachedLines(members: NewsDoc[]): Promise<string[]> {
    const { docs, stored } = await this.lookUp(members);
    const lines = new Set<string>();
    for (const d of docs) if (!stored.has(d.key)) for (const line of d.lines) lines.add(line);
    return [...lines];
  }

  /** The lines and key of each of `members`, and the encoded tokens the store holds under those keys. */
  private async lookUp(members: NewsDoc[]) {
    const docs = members.map((d) => {
      const lines = documentLines(d);
      return { lines, key: tokenKey(lines) };
    });
    const stored = this.keeps ? await this.store.tokens([...new Set(docs.map((d) => d.key))]) : new Map<string, string>();
    return { docs, stored };
  }

  /** Keeps the tokens analysis made for the members that had none (all their lines tokenized: a cluster over budget may not). */
  async keep({ tokens, missing }: { tokens: LineTokens; missing: { lines: string[]; key: string }[] }): Promise<void> {
    if (!this.keeps) return;
    for (const { lines, key } of missing) {
      const encoded = encodeTokens(lines, tokens);
      if (encoded !== null) this.pending.push([key, encoded]);
    }
    if (this.pending.length >= TOKEN_SAVE_BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.pending.length) return;
    await this.store.saveTokens(this.pending);
    this.pending = [];
  }
}

/** Drops the cached tokens and features an older newsdesk made (another analyser or feature code: never read again),
 *  which a long-lived store would otherwise keep a copy of per upgrade; says how many went. */
export async function pruneStaleCaches(store: Store, messages: Message[]): Promise<void> {
  if (store.location === MEMORY_DB) return;
  const gone = await store.pruneCaches({ tokens: tokenKeyPrefix(), features: featuresKeyPrefix() });
  if (gone.tokens + gone.features === 0) return;
  messages.push(message('store', 'stale-cache', `removed ${gone.tokens} cached token and ${gone.features} cached feature rows made by another version of newsdesk`, { source: store.location }, 'info'));
}

/** Records the run finished: call once its outputs (posts, JSON) are in place. */
export async function finish(store: Store, result: RunResult<WrittenClusters, DocumentList>): Promise<void> {
  await store.finishRun(result.runId, { ...result.counts, messages: countMessages(result) }, result.messages.filter((m) => m.severity === 'error'));
}

/**
 * read → extract (in the worker pool, each document under a time and memory budget) → persist
 * documents, in batches as they come back; a document already stored with the same content is not
 * stored again and does not count as new.
 */
async function readAndStore(req: RunRequest<ClusterSink, DocumentList>, runId: number, messages: Message[], precounted: Precounted, kept: KeptFeatures) {
  const documents = { inserted: 0, updated: 0, unchanged: 0 };
  const fresh: string[] = [];
  let batch: NewsDoc[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const c = await req.store.saveDocuments(runId, batch);
    documents.inserted += c.inserted;
    documents.updated += c.updated;
    documents.unchanged += c.unchanged;
    fresh.push(...batch.map((d) => d.id));
    batch = [];
    await kept.flush();
  };
  // Features are made for a store that keeps them even by `add`: the next digest reads them back (kept-features.ts).
  const pool = openReadPool(POOL_SIZE, { features: req.digest !== false || kept.keeps });
  const sources: string[] = []; // of the tasks in flight, oldest first (outcomes arrive in that order)
  const raws = req.inputs?.raws ?? [];
  let read = 0;
  let done = 0;
  let extracted = 0;
  const tasks = (async function* () {
    for (const raw of raws) {
      // Stored with these very bytes by an earlier run (perhaps one that was killed): not extracted again.
      if (!raw.error && raw.bytes.length && await req.store.hasDocument(raw.key, sha256(raw.bytes))) {
        read++;
        documents.unchanged++;
        req.progress?.('extract', ++done, req.inputs!.total, raw.source);
        continue;
      }
      extracted++;
      sources.push(raw.source);
      yield { raw, decode: req.decode };
    }
  })();
  try {
    for await (const outcome of pool.map(tasks)) {
      const source = sources.shift()!;
      if (outcome.ok) {
        messages.push(...outcome.value.messages);
        const doc = outcome.value.doc;
        if (doc) {
          read++;
          if (outcome.value.features) {
            if (req.digest !== false) precounted.keep(doc.id, outcome.value.features);
            kept.add(outcome.value.features);
          }
          if (await req.store.hasDocument(doc.key, doc.contentHash)) documents.unchanged++;
          else batch.push(doc);
          if (batch.length >= PERSIST_BATCH) await flush();
        }
      } else messages.push(readFailure(outcome, source, req.debug));
      req.progress?.('extract', ++done, req.inputs!.total, source);
    }
  } finally {
    await pool.close();
  }
  await flush();
  await kept.flush(); // features of documents read again and found stored unchanged, when the store lacked them
  return { read, extracted, fresh, documents };
}

/** The worker threads that read documents, each under the per-document time and memory budget. */
export function openReadPool(size: number, workerData: ReadWorkerData = {}): WorkerPool<ReadTask, ReadResult> {
  return new WorkerPool<ReadTask, ReadResult>(READ_WORKER, { size, budgetMs: DOC_TIME_BUDGET_MS, wallLimitMs: DOC_WALL_LIMIT_MS, heapMb: WORKER_HEAP_MB, transfer: handOver, workerData });
}

/** A large file's bytes go to the worker without a copy, when they own their whole buffer (nothing else shares it). */
function handOver({ raw }: ReadTask): ArrayBuffer[] {
  const b = raw.bytes;
  return b.byteLength > 1 << 20 && b.byteOffset === 0 && b.buffer instanceof ArrayBuffer && b.buffer.byteLength === b.byteLength ? [b.buffer] : [];
}

export function readFailure(outcome: Extract<Outcome<ReadResult>, { ok: false }>, source: string, debug?: boolean): Message {
  if (outcome.failure === 'crash') return internalError('extract', { message: outcome.error, stack: outcome.stack }, { source }, debug);
  const budget = outcome.failure === 'budget'
    ? `went ${outcome.error} (the per-document time budget: DOC_TIME_BUDGET_MS of CPU time, DOC_WALL_LIMIT_MS of wall time)`
    : `needed more than ${WORKER_HEAP_MB} MB of memory (the per-document memory budget, WORKER_HEAP_MB)`;
  return message('extract', 'over-budget', `reading this file ${budget}; it was left out and the run went on`, { source }, 'error');
}

export { analyzeStep, datedMembers, writeStep } from './workers/analyze-write.js';
