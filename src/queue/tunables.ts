// Every queue setting in one place, each with the reason it has its value.

/** Prefix of every Redis key newsdesk's queues and politeness use, so one Redis can serve other apps too. */
export const KEY_PREFIX = 'newsdesk';

/** Times a job is tried before it counts as failed: a kill -9 or a Redis restart costs one try each. */
export const JOB_ATTEMPTS = 8;

/** First wait before a failed job is tried again (doubling each time): a restarting Redis or store is back within seconds. */
export const RETRY_BASE_MS = 1_000;

/** How long a kind's queue rests when the store does not answer, before its job is tried again (the wait spends no
 *  try): short next to an outage, long enough that workers do not hammer a server that is starting up. */
export const STORE_WAIT_MS = 5_000;

/** How long a worker's hold on a job lasts without renewal: a killed worker's job is taken over after
 *  at most this long. Analysis runs on the worker's main thread and blocks renewals while it works; one
 *  cluster's analysis has a CPU budget of 10 s (+2 s per further member), so 30 s covers ordinary ones.
 *  A longer one looks stalled and is run again elsewhere: wasted work, not wrong work (same job id). */
export const LOCK_MS = 30_000;

/** The same for the cluster job, which clusters the whole store in one go on the main thread. */
export const CLUSTER_LOCK_MS = 90_000;

/** How often a worker looks for jobs whose worker died (stalled). */
export const STALLED_CHECK_MS = 10_000;

/** Fetch jobs one worker runs at once: they mostly wait on the network (the per-host limit is separate). */
export const FETCH_CONCURRENCY = 8;

/** Completed jobs kept (their results, for a retried cluster job to read): a day's worth, then Redis forgets them. */
export const KEEP_COMPLETED_S = 24 * 60 * 60;

/** How often a waiting cluster job looks at its analyse and write jobs; small next to a cluster's analysis. */
export const POLL_MS = 100;

/** Delay before a cluster job starts, so documents stored in a burst are clustered in one go, not one by one. */
export const CLUSTER_DEBOUNCE_MS = 1_000;

/** A cluster job reads and clusters the whole store, so its cost grows with the store: the next one waits
 *  this many times as long as the last one took (and at least CLUSTER_DEBOUNCE_MS). Clustering then takes
 *  at most a quarter of the time however large the store, where a fixed delay made a long batch quadratic
 *  (bench:scale: 2.4 documents/s with 3,500 stored, one worker). */
export const CLUSTER_COST_FACTOR = 3;

/** The longest a clustering waits to start: new documents reach their posts within about this long. */
export const CLUSTER_DELAY_MAX_MS = 60_000;

/** How long a fetcher holds a host's slot at most: the fetcher's own total timeout (30 s) and a margin.
 *  A worker killed mid-request frees the host after this, not never. */
export const HOST_LEASE_MS = 40_000;

/** How often a fetcher asks again for a busy host's slot. */
export const HOST_POLL_MS = 25;

/** robots.txt kept in Redis this long (the fetcher's own ROBOTS_TTL_MS: a day). */
export const ROBOTS_TTL_S = 24 * 60 * 60;

/** Failed jobs `newsdesk doctor` lists: the latest few say what is wrong; the count says how much. */
export const LAST_FAILURES_SHOWN = 5;
