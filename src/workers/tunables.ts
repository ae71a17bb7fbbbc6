// Budgets for work done in worker threads: one document must never hang or exhaust a run.
import { availableParallelism } from 'node:os';

/** Workers in the extraction pool: one per core (the main thread mostly waits while they work). */
export const POOL_SIZE = Math.max(1, availableParallelism());

/**
 * CPU time (the worker thread's own) one document may take to decode and extract; ordinary pages take
 * well under 100 ms. CPU, not wall time: on the shared 2-core machine at load 16–18 a worker thread got a
 * fifth of a core (a task of 2.0 s of CPU took 8.5–11.2 s of wall time), so a wall budget stopped large
 * but ordinary documents at random. Where no thread clock is readable (not Linux) it is wall time.
 */
export const DOC_TIME_BUDGET_MS = 10_000;

/** Wall time one document may take all the same: a worker starved or blocked (not using its CPU budget) is
 *  still stopped; three times the CPU budget leaves room for a machine shared three ways. */
export const DOC_WALL_LIMIT_MS = 3 * DOC_TIME_BUDGET_MS;

/** Heap one worker may use; a page that needs more is stopped, not the whole run (the cap on RSS is 1.5 GB). */
export const WORKER_HEAP_MB = 384;

/**
 * Body characters kept for analysis per document; a longer body is cut at a paragraph with a warning.
 * The longest features run to ~30k characters, and analysis (ko-dic tokenizing) costs ~0.1 ms per
 * character even when linear: 100k bounds one document's analysis at seconds, 1M would be minutes.
 */
export const MAX_DOC_CHARS = 100_000;

/** Text and Markdown characters extraction reads; the rest of a longer file is cut first. Four times
 *  MAX_DOC_CHARS, so page noise the cleaner removes never starves the body. */
export const MAX_EXTRACT_CHARS = 4 * MAX_DOC_CHARS;

/**
 * CPU time the analysis and writing of one cluster may take, and the extra allowed per further member.
 * An ordinary article takes well under 0.5 s and a body at MAX_DOC_CHARS about 10 s; a cluster past its
 * budget is left out of the posts with an error message, and the run goes on.
 */
export const CLUSTER_TIME_BUDGET_MS = 10_000;
export const CLUSTER_TIME_PER_MEMBER_MS = 2_000;

/** Workers in the analysis pool: one per core (the main thread only hands out clusters and names posts). */
export const ANALYZE_POOL_SIZE = POOL_SIZE;
/**
 * Documents in a run above which the analysis pool has one worker, not one per core: the main thread holds
 * every document (≈4.6 kB each of small news, more with the run's other state) and each worker ≈400 MB with
 * ko-dic, so two workers took runs past the 1.5 GB cap (2.25 GB at 30k small articles, 1.7 GB at 100k).
 * The same size as ANALYZE_WARM_MAX_DOCS: such runs take minutes, and one worker at most doubles their analysis.
 */
export const ANALYZE_ONE_WORKER_ABOVE_DOCS = 20_000;
/**
 * Clusters handed to the analysis pool ahead of the one whose outcome is awaited (outcomes come back in
 * cluster order). At two per worker a worker stood idle behind a long cluster: replaying vims-dev's measured
 * cluster times, the analysis took 5.7% longer than with no limit; at four per worker, as long as with none.
 */
export const ANALYZE_IN_FLIGHT = 4 * ANALYZE_POOL_SIZE;
/**
 * Clusters to analyse up to which all are handed to the pool at once, not ANALYZE_IN_FLIGHT at a time: a
 * re-digest's changed clusters come last, after ≈1.5 s of stored clusters handed on (100 new articles into 10k:
 * 18 of 1,644), and with eight in flight the worker stood idle behind them; so few clusters hold little memory.
 */
export const ANALYZE_ALL_IN_FLIGHT_UP_TO = 32;
/**
 * Stored clusters handed on between two turns of the event loop while the analysis pool works: a worker that
 * finishes a cluster gets the next only on such a turn (when each took ≈0.8 ms, a line written to the spool, it
 * waited ≈13 ms at most; a cluster spool now takes a reused cluster by its head, far quicker).
 */
export const ANALYZE_YIELD_EVERY = 16;
/**
 * Body and title characters to analyse below which a run analyses on the main thread (as it does when
 * only one cluster needs analysing): each pool worker loads the modules and builds its own tokenizer
 * (≈0.5 s of CPU, ≈300 MB) before its first cluster, and analysis costs ≈6 µs a character (vims-dev), so
 * below ≈0.6 s of analysis a second core saves less than the workers cost (examples/, the seeds, one new
 * article in `watch`: measured +0.7 s CPU and +220 MB on examples/).
 */
export const ANALYZE_IN_PROCESS_CHARS = 100_000;
/**
 * Documents to cluster above which the analysis workers start after clustering, not during it: their
 * tokenizers (≈300 MB each) would add to clustering's own peak (term counts), and at that size clustering
 * takes minutes, so the ≈1.5 s of start-up the overlap hides is nothing.
 */
export const ANALYZE_WARM_MAX_DOCS = 20_000;
/**
 * Documents to cluster from which a run whose new documents need ko-dic but are too few for the pool
 * (ANALYZE_IN_PROCESS_CHARS) still starts one analysis worker before clustering: reading and clustering 2k
 * stored documents takes about as long as the tokenizer's ≈1.2–1.7 s start-up, which the worker then spends on
 * the second core instead of this thread after clustering (100 new articles into 10k: ≈2.8 s on the main thread).
 */
export const ANALYZE_WARM_STORE_DOCS = 2_000;
/**
 * CPU time that one warm worker (ANALYZE_WARM_STORE_DOCS) may spend, before it says it is ready, tokenizing the
 * new documents that lack cached tokens: it would sit idle while this thread clusters, and their clusters'
 * analysis, on the run's critical path after clustering, then finds the tokens made (100 new articles into 10k:
 * ≈0.7 s). As much as one cluster's budget: the new text is below ANALYZE_IN_PROCESS_CHARS, so it is ≈0.6 s,
 * and a hostile page is cut off here and tokenized again by its cluster under that cluster's budget.
 */
export const ANALYZE_WARM_TOKENIZE_BUDGET_MS = CLUSTER_TIME_BUDGET_MS;
/**
 * The analysis pool's watchdog (watchdog.ts, as the read pool's), per cluster: the worker thread's CPU
 * time past the cluster's budget by this grace. The budget itself is checked at checkpoints inside the
 * worker (budget.ts, on the same thread clock), which stop a cluster and keep the worker and its
 * tokenizer; the watchdog only stops code that never reaches a checkpoint, and the grace covers the gap
 * between checkpoints and a tokenizer built lazily, off the cluster's budget (≈1.5 s of CPU).
 */
export const ANALYZE_WATCHDOG_GRACE_MS = 10_000;
/** The wall-time backstop for a cluster's worker starved or blocked rather than busy: this many times its
 *  CPU watchdog (four, as the wall-clock watchdog it replaces gave, for a machine shared with other work). */
export const ANALYZE_WALL_FACTOR = 4;
