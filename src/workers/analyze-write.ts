// One cluster → its analysis and post, under the cluster's CPU-time budget (budget.ts). Runs on the main
// thread for small runs, else in an analysis pool worker (analyze-worker.ts) that gets only the cluster's
// members; the queue's jobs call analyzeStep and writeStep.
import type { AnalyzedCluster, Cluster, Message, NewsDoc, Stage, WrittenCluster } from '../types.js';
import { analyzeCluster } from '../analyze/index.js';
import { takeAhead, type LineTokens } from '../analyze/token-cache.js';
import { tooShortForPost, writeCluster, type WriteOptions } from '../write/index.js';
import { ConfigError, internalError, message } from '../messages.js';
import { OverBudget, withBudget } from './budget.js';
import type { Outcome } from './pool.js';
import { ANALYZE_WALL_FACTOR, ANALYZE_WATCHDOG_GRACE_MS } from './tunables.js';

/** A cluster for a pool worker: its members' documents only. */
export interface AnalyzeTask {
  cluster: Cluster;
  docs: NewsDoc[];
  options: WriteOptions;
  budgetMs: number;
  debug?: boolean;
  /** The members' lines tokenized by earlier runs (token-cache.ts); `keepTokens`: bring them back with this run's added. */
  tokens?: LineTokens;
  keepTokens?: boolean;
}

/** How an analysis pool worker starts: `tokenizer` false when the run has no text ko-dic reads (built lazily then);
 *  `ahead`: lines of the run's new documents to tokenize before it is ready (ANALYZE_WARM_TOKENIZE_BUDGET_MS). */
export interface AnalyzeWorkerData {
  tokenizer: boolean;
  ahead?: string[];
}

/** The written cluster (its post named alone: the run names posts in cluster order), and the messages on the way. */
export interface AnalyzeResult {
  written: WrittenCluster | null;
  messages: Message[];
  /** A ConfigError met in the worker (the tokenizer cannot load): the run stops with it, as in process. */
  configError?: string;
  /** The task's tokens with the lines tokenized now added, when it asked for them. */
  tokens?: LineTokens;
}

/** The pool worker's handler: analyzeAndWrite with no names taken; the members' lines the worker tokenized
 *  ahead (`ahead`) are taken as made (and brought back with the task's tokens, to be kept). */
export function analyzeTask({ cluster, docs, options, budgetMs, debug, tokens = new Map(), keepTokens }: AnalyzeTask, ahead: LineTokens = new Map()): AnalyzeResult {
  const messages: Message[] = [];
  takeAhead(docs, ahead, tokens);
  try {
    const written = analyzeAndWrite(cluster, new Map(docs.map((d) => [d.id, d])), options, new Set(), messages, budgetMs, debug, tokens);
    return { written, messages, tokens: keepTokens ? tokens : undefined };
  } catch (e) {
    if (e instanceof ConfigError) return { written: null, messages, configError: e.message };
    throw e;
  }
}

/**
 * analyze → write for one cluster, under the cluster's CPU-time budget; a failure or a blown budget
 * becomes a message naming the cluster, and the run goes on without its post.
 */
export function analyzeAndWrite(
  cluster: Cluster, byId: Map<string, NewsDoc>, options: WriteOptions, taken: Set<string>, messages: Message[], budgetMs: number, debug?: boolean,
  tokens?: LineTokens,
): WrittenCluster | null {
  if (tooShort(cluster, byId, messages)) return null;
  return guarded(cluster, byId, 'analyze', budgetMs, messages, debug, (step) => {
    const analyzed = analyzeCluster(cluster, byId, tokens);
    step('write');
    return writeCluster(analyzed, datedMembers(analyzed, byId), options, taken);
  });
}

/** The analyse step alone (a queue job): null, with a message, when the cluster gets no post. */
export function analyzeStep(cluster: Cluster, byId: Map<string, NewsDoc>, messages: Message[], budgetMs: number, debug?: boolean): AnalyzedCluster | null {
  if (tooShort(cluster, byId, messages)) return null;
  return guarded(cluster, byId, 'analyze', budgetMs, messages, debug, () => analyzeCluster(cluster, byId));
}

/** The write step alone (a queue job), with names taken from `taken` as analyzeAndWrite takes them. */
export function writeStep(
  analyzed: AnalyzedCluster, byId: Map<string, NewsDoc>, options: WriteOptions, taken: Set<string>, messages: Message[], budgetMs: number, debug?: boolean,
): WrittenCluster | null {
  return guarded(analyzed, byId, 'write', budgetMs, messages, debug, () => writeCluster(analyzed, datedMembers(analyzed, byId), options, taken));
}

export const clusterPlace = (cluster: Cluster, byId: Map<string, NewsDoc>) =>
  ({ source: `cluster ${cluster.id} (${cluster.members.map((id) => byId.get(id)?.source ?? id).join(', ')})` });

function tooShort(cluster: Cluster, byId: Map<string, NewsDoc>, messages: Message[]): boolean {
  const members = cluster.members.map((id) => byId.get(id)).filter((d): d is NewsDoc => !!d);
  if (!tooShortForPost(members)) return false;
  messages.push(message('write', 'too-short', 'its documents hold less than one news sentence of text; no post is written for it', clusterPlace(cluster, byId), 'warning'));
  return true;
}

/** Runs `work` under the CPU-time budget; a failure or a blown budget becomes a message naming the cluster. */
function guarded<T>(
  cluster: Cluster, byId: Map<string, NewsDoc>, first: Stage, budgetMs: number, messages: Message[], debug: boolean | undefined,
  work: (step: (s: Stage) => void) => T,
): T | null {
  let stage = first;
  try {
    return withBudget(budgetMs, () => work((s) => (stage = s)));
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const place = clusterPlace(cluster, byId);
    if (e instanceof OverBudget) {
      const reason = `analysing and writing this cluster went ${e.message}; ` +
        'it has no post this run (CLUSTER_TIME_BUDGET_MS and CLUSTER_TIME_PER_MEMBER_MS); the run went on';
      messages.push(message(stage, 'over-budget', reason, place, 'error'));
    } else messages.push(internalError(stage, e instanceof Error ? e : new Error(String(e)), place, debug));
    return null;
  }
}

/**
 * The analysis pool's watchdog for a cluster of this CPU budget (tunables.ts): the worker thread's CPU
 * time, `graceMs` past the budget its checkpoints keep, and a wall-time backstop ANALYZE_WALL_FACTOR
 * times that.
 */
export function analyzeWatchdog(task: { budgetMs: number }, graceMs = ANALYZE_WATCHDOG_GRACE_MS): { budgetMs: number; wallLimitMs: number } {
  const budgetMs = task.budgetMs + graceMs;
  return { budgetMs, wallLimitMs: budgetMs * ANALYZE_WALL_FACTOR };
}

/** A cluster whose pool worker was stopped (watchdog, memory) or died, as a message naming the cluster. */
export function analyzeFailure(
  outcome: Extract<Outcome<unknown>, { ok: false }>, cluster: Cluster, byId: Map<string, NewsDoc>, budgetMs: number, debug?: boolean,
): Message {
  const place = clusterPlace(cluster, byId);
  if (outcome.failure === 'crash') return internalError('analyze', { message: outcome.error, stack: outcome.stack }, place, debug);
  const went = outcome.failure === 'budget'
    ? `went ${outcome.error} without reaching a checkpoint of its CPU budget of ${budgetMs / 1000} s ` +
      '(the watchdog: ANALYZE_WATCHDOG_GRACE_MS of CPU time past the budget, ANALYZE_WALL_FACTOR times that of wall time), and its worker was stopped'
    : 'needed more memory than its worker has';
  return message('analyze', 'over-budget', `analysing and writing this cluster ${went}; it has no post this run; the run went on`, place, 'error');
}

/** The writer's view of the members: undated ones carry the date the analysis inferred (copies; documents never change). */
export function datedMembers(cluster: AnalyzedCluster, byId: Map<string, NewsDoc>): Map<string, NewsDoc> {
  if (!cluster.inferredDates.length) return byId;
  const view = new Map(byId);
  for (const g of cluster.inferredDates) {
    const d = byId.get(g.document);
    if (d) view.set(d.id, { ...d, publishedAt: g.publishedAt, publishedAtInferred: true, dateSource: undefined, evidence: { ...d.evidence, publishedAt: `inferred from ${g.evidence}` } });
  }
  return view;
}
