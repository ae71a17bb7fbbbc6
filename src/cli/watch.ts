// `newsdesk watch SOURCES --every 10m`: poll feeds (conditional GETs, so an unchanged feed costs one
// 304) and run the one pipeline on each poll that brought something new: its articles go into the
// store, the store is digested as `digest` would, and only the posts that changed are rewritten.
// Clusters keep their ids and post files from poll to poll by the same identity rule as digest runs.
import type { Message, WrittenCluster } from '../types.js';
import { finish, run, type Inputs } from '../pipeline.js';
import type { WriteOptions } from '../write/index.js';
import type { DecodeOptions } from '../ingest/index.js';
import { DEFAULT_DB_PATH, MEMORY_DB, isFileStore, openStore, type Store } from '../store/index.js';
import { ConfigError, StoreUnavailableError, formatMessage, message, problems as problemsOf } from '../messages.js';
import { Fetcher, collectWeb, newSeenState, sleep, type FetcherOptions, type HttpCache, type SeenState } from '../ingest/web/index.js';
import { listInputs, readRaw } from '../ingest/index.js';
import { INPUT_ARG_OPTIONS, QUEUE_USAGE, WEB_USAGE, fetcherOptionsFrom, parseDuration, splitSources } from './sources.js';
import { checkOutputPath, decodeOptionsFrom, writeDigestJson } from './output.js';
import { writePosts } from './posts.js';
import { count, parseCommand } from './args.js';
import { queueUrlFrom } from '../queue/connection.js';
import { QueueClient } from '../queue/jobs.js';
import { enqueueFetch } from '../queue/enqueue.js';
import { enqueueSources } from './enqueue.js';

/** Polling more often than this hammers publishers for little gain; the CLI refuses it. */
export const MIN_CLI_INTERVAL_MS = 10_000;
export const DEFAULT_INTERVAL = '10m';

export interface WatchOptions {
  /** Web sources (feeds, sitemaps, article URLs) polled every time. */
  urls: string[];
  /** Files read once, with the first poll. */
  paths?: string[];
  everyMs: number;
  /** Stop after this many polls (tests, cron-style `--once`); unlimited when absent. */
  maxPolls?: number;
  fetcher: FetcherOptions;
  cache: HttpCache;
  /** The store the polls add to and digest; an in-memory one when absent. */
  store?: Store;
  /** Folder for posts; null writes none. */
  outDir: string | null;
  jsonPath?: string;
  write?: Partial<WriteOptions>;
  decode?: DecodeOptions;
  signal?: AbortSignal;
  onPoll?: (report: PollReport) => void;
}

export interface PollReport {
  poll: number;
  /** Ids of documents first seen (or changed) in this poll. */
  newDocuments: string[];
  /** Post paths written (new or changed) in this poll. */
  writtenPosts: string[];
  clusters: WrittenCluster[];
  /** Warnings and errors of this poll (failed sources and the like). */
  problems: Message[];
}

export interface WatchSummary {
  polls: number;
  /** Documents in the store at the end. */
  documents: number;
  stoppedBy: 'max-polls' | 'signal';
}

/** The polling loop, without any process concerns (signals, exit codes): the CLI and the tests drive it. */
export async function runWatch(o: WatchOptions): Promise<WatchSummary> {
  const fetcher = new Fetcher({ ...o.fetcher, cache: o.cache, signal: o.signal });
  const store = o.store ?? await openStore(MEMORY_DB);
  let seen = newSeenState();
  let poll = 0;
  /** The last poll lost to a store that did not answer: the next digests even if it brings nothing new, as that poll
   *  may have stored documents and not clustered them. */
  let lost = false;
  /** The files given are read by the first poll that is not lost. */
  let pathsRead = false;
  const stop = async (stoppedBy: WatchSummary['stoppedBy']) => ({ polls: poll, documents: (await store.documents()).length, stoppedBy });
  try {
    for (;;) {
      if (o.signal?.aborted) return await stop('signal');
      poll++;
      const started = Date.now();
      const before: SeenState = { keys: new Set(seen.keys), hashes: new Set(seen.hashes) };
      try {
        await onePoll();
        lost = false;
      } catch (e) {
        // A store that does not answer (a restart, an outage) loses this poll, not the watch: what it fetched counts as
        // unseen again, so the next poll, once the store is back, fetches and stores it.
        if (!(e instanceof StoreUnavailableError)) throw e;
        seen = before;
        lost = true;
        const reason = `${e.problem}; this poll is dropped and the next one, in ${Math.round(o.everyMs / 1000)} s, fetches its articles again`;
        o.onPoll?.({ poll, newDocuments: [], writtenPosts: [], clusters: [], problems: [message('store', 'unavailable', reason, { source: 'store' }, 'error')] });
      }
      if (o.maxPolls !== undefined && poll >= o.maxPolls) return await stop('max-polls');
      await sleep(o.everyMs - (Date.now() - started), o.signal);
    }
  } finally {
    await fetcher.close();
    if (!o.store) await store.close();
  }

  async function onePoll(): Promise<void> {
    const web = await collectWeb(o.urls, fetcher, { seen });
    const files = !pathsRead && o.paths?.length ? listInputs(o.paths) : null;
    const inputs: Inputs = {
      raws: [...(files?.files.map((f) => readRaw(f, o.decode)) ?? []), ...web.raws],
      total: (files?.files.length ?? 0) + web.raws.length,
      messages: [...(files?.messages ?? []), ...web.messages],
    };
    // The first poll always digests (what the store already holds, too); later ones when something is new, or the poll
    // before was lost.
    const result = await run({
      store, args: ['watch', ...o.urls], inputs, digest: poll === 1 || lost ? true : 'if-new', decode: o.decode, write: o.write,
    });
    const writtenPosts: string[] = [];
    if (o.outDir && result.clusters.length + result.gone.length) {
      const w = await writePosts(store, result.runId, o.outDir, result.clusters, result.gone.map((c) => c.id));
      result.messages.push(...w.messages);
      writtenPosts.push(...w.written, ...w.beside);
    }
    if (o.jsonPath && result.clusters.length) await writeDigestJson(o.jsonPath, result);
    await finish(store, result);
    pathsRead = true;
    o.onPoll?.({ poll, newDocuments: result.fresh, writtenPosts, clusters: result.clusters, problems: problemsOf([...result.messages, ...result.clusters.flatMap((c) => c.messages)]) });
  }
}

export const WATCH_USAGE = `newsdesk watch SOURCE... [--every 10m] [--once | --max-polls N] [--out DIR] [--json FILE] [--db FILE]

  Polls feeds, sitemaps and article URLs; each poll ingests articles not seen before, updates the
  event clusters and rewrites the posts that changed. Ctrl-C stops after the current step.
  A poll the store does not answer (PostgreSQL restarting) is said and dropped; the next poll fetches
  its articles again.
  --every D         time between polls: 30s, 10m, 1h (default: ${DEFAULT_INTERVAL}, at least 10s)
  --once            poll once and exit (for cron)
  --max-polls N     stop after N polls
  --out DIR         posts folder (default: _posts); --no-posts writes none
  --json FILE       rewrite the digest JSON after every poll that changed something
  --db FILE|URL     the store (documents, clusters, posts written, HTTP validators): a SQLite file or postgres://HOST/DB (default: $NEWSDESK_DB, else ./${DEFAULT_DB_PATH})
  --max-file-mb N   refuse pages larger than N MB (default: 10)
  --quiet           only problems on stderr
${QUEUE_USAGE}
                    (each poll queues the sources; the workers fetch, store, cluster and write)
${WEB_USAGE}
`;

export async function watchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('watch', argv, {
    every: { type: 'string', default: DEFAULT_INTERVAL },
    once: { type: 'boolean', default: false },
    'max-polls': { type: 'string' },
    out: { type: 'string', default: '_posts' },
    'no-posts': { type: 'boolean', default: false },
    json: { type: 'string' },
    ...INPUT_ARG_OPTIONS,
  });
  if (values.help) {
    process.stdout.write(WATCH_USAGE);
    return 0;
  }
  const everyMs = parseDuration(values.every!, '--every');
  if (everyMs < MIN_CLI_INTERVAL_MS) throw new ConfigError(`--every ${values.every} is too often; poll at most every ${MIN_CLI_INTERVAL_MS / 1000}s`);
  const maxPolls = values.once ? 1 : values['max-polls'] === undefined ? undefined : Number(values['max-polls']);
  if (maxPolls !== undefined && !(Number.isInteger(maxPolls) && maxPolls >= 1)) {
    throw new ConfigError(`--max-polls takes a whole number ≥ 1, not "${values['max-polls']}"`);
  }
  const split = splitSources(positionals, values.sources ?? []);
  for (const m of split.messages) process.stderr.write(`${formatMessage(m)}\n`);
  if (!split.urls.length) throw new ConfigError('watch needs at least one http(s) feed, sitemap or article URL (newsdesk watch --help)');
  const outDir = values['no-posts'] ? null : values.out!;
  if (outDir) checkOutputPath('--out', outDir, 'dir');
  if (values.json) checkOutputPath('--json', values.json, 'file');
  if (isFileStore(values.db!)) checkOutputPath('--db', values.db!, 'file');

  const queue = queueUrlFrom(values.queue);
  if (queue) return watchQueued(queue, split.urls, split.paths, everyMs, maxPolls, values.quiet!);

  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    if (++interrupts > 1) process.exit(130);
    process.stderr.write('\nstopping after the current step (Ctrl-C again to quit at once)…\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  const store = await openStore(values.db!);
  const fetcherOptions = fetcherOptionsFrom(values);
  try {
    const summary = await runWatch({
      urls: split.urls,
      paths: split.paths,
      everyMs,
      maxPolls,
      fetcher: fetcherOptions,
      cache: store.httpCache(),
      outDir,
      jsonPath: values.json,
      store,
      decode: decodeOptionsFrom(fetcherOptions),
      signal: controller.signal,
      onPoll: (r) => {
        for (const m of r.problems) process.stderr.write(`  ${formatMessage(m)}\n`);
        if (!values.quiet) {
          process.stderr.write(
            `poll ${r.poll} (${new Date().toISOString()}): ${count(r.newDocuments.length, 'new article')}, ` +
              `${r.clusters.length ? `${count(r.clusters.length, 'cluster')}, ` : ''}${count(r.writtenPosts.length, 'post')} written\n`,
          );
        }
      },
    });
    process.stdout.write(`watched ${count(summary.polls, 'poll')}; ${count(summary.documents, 'document')} in the store\n`);
    return 0;
  } finally {
    await store.close();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

/** watch with a queue: every poll queues the sources as fetch jobs (files once); the workers do the rest. */
async function watchQueued(queue: string, urls: string[], paths: string[], everyMs: number, maxPolls: number | undefined, quiet: boolean): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (paths.length) await enqueueSources(queue, paths, [], {});
  const client = new QueueClient(queue);
  let poll = 0;
  try {
    while (!controller.signal.aborted && (maxPolls === undefined || poll < maxPolls)) {
      const started = Date.now();
      poll++;
      // One job per source per poll: a retried enqueue within the poll adds nothing.
      const round = Math.floor(started / everyMs);
      for (const url of urls) await enqueueFetch(client.queues, url, round);
      if (!quiet) process.stderr.write(`poll ${poll} (${new Date(started).toISOString()}): ${count(urls.length, 'source')} queued on ${queue}\n`);
      if (maxPolls !== undefined && poll >= maxPolls) break;
      await sleep(everyMs - (Date.now() - started), controller.signal);
    }
    process.stdout.write(`watched ${count(poll, 'poll')}; the workers on ${queue} fetch and store\n`);
    return 0;
  } finally {
    await client.close();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
