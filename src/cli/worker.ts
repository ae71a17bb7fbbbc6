// `newsdesk worker`: runs queue jobs (fetch, extract, cluster, analyse, write) until stopped. Start as
// many as you like, on as many machines as you like, with the same --queue and --db.
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_DB_PATH, defaultStoreLocation, openStore, type Store } from '../store/index.js';
import { ConfigError, StoreUnavailableError } from '../messages.js';
import { queueUrlFrom } from '../queue/connection.js';
import { startWorker, type RunningWorker, type WorkerOptions } from '../queue/worker.js';
import { STORE_WAIT_MS } from '../queue/tunables.js';
import { loadConfig, writeOptionsFrom } from './config.js';
import { WEB_ARG_OPTIONS, fetcherOptionsFrom } from './sources.js';
import { parseCommand } from './args.js';
import { printable } from '../printable.js';

export const WORKER_USAGE = `newsdesk worker --queue redis://HOST:6379 [--db STORE] [options]

  Takes jobs from the queue that \`add\`, \`digest\`, \`watch\` and \`serve\` fill when they are given
  --queue (or NEWSDESK_QUEUE), and runs them: fetch (politely: the per-host limits are kept in Redis,
  for all workers together), extract and store, cluster (one worker at a time), analyse and write.
  Runs until Ctrl-C or SIGTERM, finishing the jobs in hand. Started while the store does not answer
  (PostgreSQL restarting), it says so and waits for it.

  --queue URL       the Redis queue (default: NEWSDESK_QUEUE)
  --db FILE|URL     the store every worker shares: postgres://HOST/DB for workers on several machines,
                    a SQLite file for workers on one (default: $NEWSDESK_DB, else ./${DEFAULT_DB_PATH})
  --config FILE, --preset NAME, --category NAME, --author NAME   how posts are written (as digest)
  --quiet           no line per job
  -h, --help        this help
  --per-host N, --delay D, --timeout D, --retries N, --allow-host H   fetching (as add)
`;

const WORKER_OPTIONS = {
  queue: { type: 'string' },
  db: { type: 'string' },
  config: { type: 'string' },
  preset: { type: 'string' },
  category: { type: 'string' },
  author: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  ...WEB_ARG_OPTIONS,
} as const;

export async function workerCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand('worker', argv, WORKER_OPTIONS);
  if (values.help) {
    process.stdout.write(WORKER_USAGE);
    return 0;
  }
  const queue = queueUrlFrom(values.queue);
  if (!queue) throw new ConfigError('worker needs a queue: --queue redis://127.0.0.1:6379 (or NEWSDESK_QUEUE)');
  const db = values.db ?? defaultStoreLocation();
  const { config } = loadConfig({ file: values.config });
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  const started = await startWhenStoreAnswers(db, stop.signal, {
    queue, write: writeOptionsFrom(config, values), fetcher: fetcherOptionsFrom(values),
    log: values.quiet ? undefined : (kind, job, outcome, detail) =>
      process.stdout.write(printable(`${new Date().toISOString()} ${kind} ${job.id} ${outcome}${detail ? `: ${detail}` : ''}`) + '\n'),
    onError: (kind, e) => process.stderr.write(printable(`${new Date().toISOString()} ${kind} worker: ${e.message} (retrying)`) + '\n'),
  });
  if (!started) return 0;
  process.stdout.write(`worker ${process.pid} on ${queue}, store ${db}\n`);
  if (!stop.signal.aborted) await new Promise((resolve) => stop.signal.addEventListener('abort', resolve, { once: true }));
  await started.worker.close();
  await started.store.close();
  return 0;
}

/** Opens the store and starts the worker; while the store does not answer (a worker started as its database restarts,
 *  or before it), says so and tries again every STORE_WAIT_MS, as a running worker does with its jobs. Null: stopped
 *  while waiting. Any other error (a wrong password, a bad schema) stops the worker as it stops a command. */
async function startWhenStoreAnswers(db: string, stopped: AbortSignal, options: Omit<WorkerOptions, 'store'>): Promise<{ store: Store; worker: RunningWorker } | null> {
  while (!stopped.aborted) {
    let store: Store | undefined;
    try {
      store = await openStore(db);
      return { store, worker: await startWorker({ ...options, store }) };
    } catch (e) {
      await store?.close().catch(() => {});
      if (!(e instanceof StoreUnavailableError)) throw e;
      process.stderr.write(printable(`${new Date().toISOString()} worker: ${e.message}; the worker tries again in ${STORE_WAIT_MS / 1000} s (Ctrl-C stops it)`) + '\n');
      await sleep(STORE_WAIT_MS, undefined, { signal: stopped }).catch(() => {});
    }
  }
  return null;
}
