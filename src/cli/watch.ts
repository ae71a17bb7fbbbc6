// `newsdesk watch SOURCES --every 10m`: poll feeds (conditional GETs, so an unchanged feed costs one
// 304), ingest the articles not seen before, add them to the running event clusterer (earlier clusters
// keep their members and ids; nothing is re-clustered), and rewrite only the posts that changed.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import type { DecodeOptions } from '../ingest/index.js';
import type { Message, NewsDoc, WrittenCluster } from '../types.js';
import { digestClusters, readDocuments } from '../pipeline.js';
import { EventClusterer, addBatch } from '../cluster/index.js';
import type { WriteOptions } from '../write/post.js';
import { DEFAULT_DB_PATH, MEMORY_DB, persistRun } from '../store/index.js';
import { ConfigError, formatMessage, problems as problemsOf } from '../messages.js';
import { Fetcher, type FetcherOptions } from '../ingest/web/fetcher.js';
import { collectWeb, newSeenState } from '../ingest/web/collect.js';
import { sleep } from '../ingest/web/host-queue.js';
import type { HttpCache } from '../store/sqlite/http-cache.js';
import { listInputs, readRaw } from '../ingest/index.js';
import { INPUT_ARG_OPTIONS, WEB_USAGE, fetcherOptionsFrom, openHttpCache, parseDuration, splitSources } from './sources.js';
import { decodeOptionsFrom, writeDigestJson } from './output.js';
import { writeFileAtomic } from './atomic-file.js';

/** Polling more often than this hammers publishers for little gain; the CLI refuses it. */
export const MIN_CLI_INTERVAL_MS = 10_000;
export const DEFAULT_INTERVAL = '10m';

export interface WatchOptions {
  /** Web sources (feeds, sitemaps, article URLs) polled every time. */
  urls: string[];
  /** Files read once at the start, clustered together with what the web brings. */
  paths?: string[];
  everyMs: number;
  /** Stop after this many polls (tests, cron-style `--once`); unlimited when absent. */
  maxPolls?: number;
  fetcher: FetcherOptions;
  cache: HttpCache;
  /** Folder for posts; null writes none. */
  outDir: string | null;
  jsonPath?: string;
  /** Store to persist each poll that brought something new; MEMORY_DB or absent keeps nothing. */
  dbPath?: string;
  write?: Partial<WriteOptions>;
  decode?: DecodeOptions;
  signal?: AbortSignal;
  onPoll?: (report: PollReport) => void;
}

export interface PollReport {
  poll: number;
  /** Ids of documents first seen in this poll. */
  newDocuments: string[];
  /** Post paths written (new or changed) in this poll. */
  writtenPosts: string[];
  clusters: WrittenCluster[];
  /** Warnings and errors of this poll (failed sources and the like). */
  problems: Message[];
}

export interface WatchSummary {
  polls: number;
  documents: NewsDoc[];
  stoppedBy: 'max-polls' | 'signal';
}

/** The polling loop, without any process concerns (signals, exit codes): the CLI and the tests drive it. */
export async function runWatch(o: WatchOptions): Promise<WatchSummary> {
  const fetcher = new Fetcher({ ...o.fetcher, cache: o.cache, signal: o.signal });
  const seen = newSeenState();
  const documents = new Map<string, NewsDoc>();
  const written = new Map<string, string>(); // post path → markdown last written
  // Created at the first poll, with that poll's documents counted up front (a batch with exact IDF);
  // later polls stream into it. `open` keeps terms no other document shares yet: a later one may.
  let clusterer: EventClusterer | null = null;
  let poll = 0;
  try {
    if (o.paths?.length) {
      const listing = listInputs(o.paths);
      const read = await readDocuments(listing.files.map((f) => readRaw(f, o.decode)), listing.files.length, { decode: o.decode });
      for (const d of read.documents) documents.set(d.id, d);
    }
    for (;;) {
      if (o.signal?.aborted) return { polls: poll, documents: [...documents.values()], stoppedBy: 'signal' };
      poll++;
      const started = Date.now();
      const web = await collectWeb(o.urls, fetcher, { seen });
      const read = await readDocuments(web.raws, web.raws.length, { decode: o.decode });
      const fresh = read.documents.filter((d) => !documents.has(d.id));
      for (const d of read.documents) documents.set(d.id, d);
      const problems = problemsOf([...web.messages, ...read.messages]);
      let clusters: WrittenCluster[] = [];
      const writtenPosts: string[] = [];
      if (fresh.length || poll === 1) {
        const all = [...documents.values()];
        if (!clusterer) {
          clusterer = new EventClusterer({ prepared: all, open: true });
          addBatch(clusterer, all);
        } else addBatch(clusterer, fresh, all);
        clusters = digestClusters(clusterer.clusters(), all, { write: o.write }, problems);
        const result = { documents: all, clusters, messages: problems };
        if (o.outDir) {
          for (const c of clusters) {
            if (written.get(c.post.path) === c.post.markdown) continue;
            writeFileAtomic(join(o.outDir, c.post.path), c.post.markdown);
            written.set(c.post.path, c.post.markdown);
            writtenPosts.push(c.post.path);
          }
        }
        if (o.jsonPath) writeDigestJson(o.jsonPath, result);
        if (o.dbPath && o.dbPath !== MEMORY_DB && fresh.length) persistRun(o.dbPath, result, ['watch', ...o.urls]);
      }
      o.onPoll?.({ poll, newDocuments: fresh.map((d) => d.id), writtenPosts, clusters, problems });
      if (o.maxPolls !== undefined && poll >= o.maxPolls) return { polls: poll, documents: [...documents.values()], stoppedBy: 'max-polls' };
      await sleep(o.everyMs - (Date.now() - started), o.signal);
    }
  } finally {
    await fetcher.close();
  }
}

export const WATCH_USAGE = `newsdesk watch SOURCE... [--every 10m] [--once | --max-polls N] [--out DIR] [--json FILE] [--db FILE]

  Polls feeds, sitemaps and article URLs; each poll ingests articles not seen before, updates the
  event clusters and rewrites the posts that changed. Ctrl-C stops after the current step.
  --every D         time between polls: 30s, 10m, 1h (default: ${DEFAULT_INTERVAL}, at least 10s)
  --once            poll once and exit (for cron)
  --max-polls N     stop after N polls
  --out DIR         posts folder (default: _posts); --no-posts writes none
  --json FILE       rewrite the digest JSON after every poll that changed something
  --db FILE         SQLite store: HTTP validators and documents (default: ./${DEFAULT_DB_PATH})
  --max-file-mb N   refuse pages larger than N MB (default: 10)
  --quiet           only problems on stderr
${WEB_USAGE}
`;

export async function watchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      every: { type: 'string', default: DEFAULT_INTERVAL },
      once: { type: 'boolean', default: false },
      'max-polls': { type: 'string' },
      out: { type: 'string', default: '_posts' },
      'no-posts': { type: 'boolean', default: false },
      json: { type: 'string' },
      ...INPUT_ARG_OPTIONS,
    },
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
  if (!split.urls.length) throw new ConfigError(`watch needs at least one http(s) feed, sitemap or article URL\n\n${WATCH_USAGE}`);

  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    if (++interrupts > 1) process.exit(130);
    process.stderr.write('\nstopping after the current step (Ctrl-C again to quit at once)…\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  const http = openHttpCache(values.db!);
  const fetcherOptions = fetcherOptionsFrom(values);
  try {
    const summary = await runWatch({
      urls: split.urls,
      paths: split.paths,
      everyMs,
      maxPolls,
      fetcher: fetcherOptions,
      cache: http.cache,
      outDir: values['no-posts'] ? null : values.out!,
      jsonPath: values.json,
      dbPath: values.db,
      decode: decodeOptionsFrom(fetcherOptions),
      signal: controller.signal,
      onPoll: (r) => {
        for (const m of r.problems) process.stderr.write(`  ${formatMessage(m)}\n`);
        if (!values.quiet) {
          process.stderr.write(
            `poll ${r.poll} (${new Date().toISOString()}): ${r.newDocuments.length} new article(s), ` +
              `${r.clusters.length ? `${r.clusters.length} cluster(s), ` : ''}${r.writtenPosts.length} post(s) written\n`,
          );
        }
      },
    });
    process.stdout.write(`watched ${summary.polls} poll(s); ${summary.documents.length} document(s) in all\n`);
    return 0;
  } finally {
    http.close();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}
