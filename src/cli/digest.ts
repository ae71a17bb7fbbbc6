// `newsdesk digest [PATH|URL…]`: adds the sources to the store, then digests what the store holds
// (all of it by default; --only-new, --since, --source-pattern narrow it) into posts and a digest JSON.
import { MEMORY_DB, isFileStore, openStore } from '../store/index.js';
import { ConfigError } from '../messages.js';
import type { DocumentList, Message, WrittenCluster, WrittenClusters } from '../types.js';
import { finish, run, type RunResult } from '../pipeline.js';
import { kstDay } from '../dates.js';
import { createProgress } from './progress.js';
import { loadConfig, resolveLlm, writeOptionsFrom } from './config.js';
import { openAiChat, polishClusters } from '../write/index.js';
import { INPUT_ARG_OPTIONS, QUEUE_USAGE, WEB_USAGE, fetcherOptionsFrom, gatherInputs, listOptionsFrom, parseDuration } from './sources.js';
import { printable } from '../printable.js';
import { STDOUT, checkOutputPath, decodeOptionsFrom, printProblems, writeDigestJson } from './output.js';
import { writePosts, type PostsWritten } from './posts.js';
import { count, parseCommand } from './args.js';
import { DEFAULT_DB_PATH } from '../store/index.js';
import { ClusterSpool } from './cluster-spool.js';
import { DocumentSpool } from './document-spool.js';
import { queueUrlFrom } from '../queue/connection.js';

export const DIGEST_USAGE = `newsdesk digest [PATH|URL...] [--json FILE|-] [--out DIR] [--db FILE] [options]

  Adds the sources given (if any) to the store, then digests what the store holds into one post per
  event and a digest JSON. With no PATH it digests the store as it is: documents added on different
  days (digest or add) join the same events, and each event keeps its post file across runs.

  PATH              a file or a folder (read recursively): .txt, .md, .html/.htm, optionally .gz
  --json FILE       write the digest JSON (the whole analysis) to FILE; "-" writes it to stdout
                    (progress and the summary then go to stderr)
  --out DIR         write one Markdown post per event cluster to DIR (default: _posts). A post is
                    rewritten in place when its event grows; a post you edited is never overwritten
                    (the new version goes beside it as NAME.new.md); the post of an event that no
                    longer exists is removed
  --no-posts        do not write posts
  --only-new        digest only the documents this run added or changed (default: all stored ones)
  --recluster       cluster every document again; by default a run that adds few documents to a store
                    (at most 5% of those digested) places them into the stored events as they stand
  --since D         digest only documents dated within D (2d, 12h) or since a date (2025-02-01)
  --source-pattern T  digest only documents whose source contains T (a folder, a host)
  --db FILE|URL     the store, a SQLite file or postgres://HOST/DB (default: $NEWSDESK_DB, else ./${DEFAULT_DB_PATH}; ":memory:" keeps nothing, so only this
                    run's sources are digested)
  --category NAME   category in each post's front matter (default: news)
  --preset NAME     front matter style: jekyll, jekyll-minimal-mistakes, hugo (default: jekyll)
  --author NAME     author in each post's front matter
  --config FILE     settings file (default: newsdesk.config.json/.yaml in the current folder)
  --llm             reword the posts with an OpenAI-compatible LLM; a guard keeps only sentences
                    whose figures, names and quotes are in the sources (NEWSDESK_LLM_BASE_URL,
                    NEWSDESK_LLM_MODEL, NEWSDESK_LLM_API_KEY, or OPENAI_*; see docs/WRITER.md)
  --max-file-mb N   refuse inputs larger than N MB (default: 10)
  --max-files N     refuse to start on more than N input files (default: 100000)
  --quiet           no progress on stderr
  -h, --help        this help
${QUEUE_USAGE}
                    (the workers store the clusters and posts; \`newsdesk serve\` shows them)
${WEB_USAGE}

  Exit status: 0 done; 1 nothing usable (no document to digest); 2 usage or configuration error.
`;

const DIGEST_OPTIONS = {
  json: { type: 'string' },
  out: { type: 'string', default: '_posts' },
  'no-posts': { type: 'boolean', default: false },
  'only-new': { type: 'boolean', default: false },
  recluster: { type: 'boolean', default: false },
  since: { type: 'string' },
  'source-pattern': { type: 'string' },
  category: { type: 'string' },
  preset: { type: 'string' },
  author: { type: 'string' },
  config: { type: 'string' },
  llm: { type: 'boolean', default: false },
  ...INPUT_ARG_OPTIONS,
} as const;

/** `--since 2d` → the KST day two days back; `--since 2025-02-01` as given. */
function sinceFrom(text: string, now: Date): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return text;
  return kstDay(new Date(now.getTime() - parseDuration(text, '--since')));
}

export async function digestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('digest', argv, DIGEST_OPTIONS);
  if (values.help) {
    process.stdout.write(DIGEST_USAGE);
    return 0;
  }
  const maxMb = values['max-file-mb'];
  if (maxMb !== undefined && !(Number(maxMb) > 0)) throw new ConfigError(`--max-file-mb takes a positive number of megabytes, not "${maxMb}"`);
  const queue = queueUrlFrom(values.queue);
  if (queue) {
    const fetcherOptions = fetcherOptionsFrom(values);
    const { enqueueSources } = await import('./enqueue.js'); // the queue's modules (BullMQ, ioredis) only for a queued digest
    const q = await enqueueSources(queue, positionals, values.sources ?? [], { list: listOptionsFrom(values), maxFileBytes: fetcherOptions.maxBodyBytes, decode: decodeOptionsFrom(fetcherOptions), cluster: true });
    printProblems(q.messages);
    process.stdout.write(`queued ${q.files} files, ${q.urls} URLs and a clustering of the store for the workers on ${queue}\n`);
    return 0;
  }
  const startedAt = new Date();
  const since = values.since === undefined ? undefined : sinceFrom(values.since, startedAt);
  // Where outputs go is checked before anything is written, the store included.
  const posts = values['no-posts'] ? null : values.out!;
  if (posts) checkOutputPath('--out', posts, 'dir');
  if (values.json && values.json !== STDOUT) checkOutputPath('--json', values.json, 'file');
  if (isFileStore(values.db!)) checkOutputPath('--db', values.db!, 'file');
  // With the JSON on stdout, the summary goes to stderr so that stdout stays one JSON document.
  const say = values.json === STDOUT ? process.stderr : process.stdout;

  const { config } = loadConfig({ file: values.config });
  const writeOptions = writeOptionsFrom(config, values);
  const llm = values.llm ? resolveLlm(config) : null;
  const progress = createProgress(process.stderr, values.quiet);
  const fetcherOptions = fetcherOptionsFrom(values);
  const inputs = positionals.length || values.sources?.length
    ? await gatherInputs(positionals, values.sources ?? [], fetcherOptions, values.db!, (n, total, label) => progress.update('ingest', n, total, label), listOptionsFrom(values))
    : undefined;

  const store = await openStore(values.db!);
  // The written clusters wait on disk for the store, the JSON and the posts (the LLM rewords them in memory).
  const spool = llm ? null : new ClusterSpool();
  // The documents too, once clustered (the LLM's polish reads them in memory).
  const documents = llm ? undefined : new DocumentSpool();
  try {
    const result = await run({
      store, args: ['digest', ...argv], startedAt, inputs,
      select: { onlyNew: values['only-new'], since, sourcePattern: values['source-pattern'] },
      recluster: values.recluster,
      decode: decodeOptionsFrom(fetcherOptions),
      write: writeOptions,
      progress: progress.update,
      debug: values.debug,
      polish: llm ? (clusters, docs, messages) => polishClusters(clusters, docs, openAiChat(llm), messages) : undefined,
      clusters: spool ?? ([] as WrittenCluster[]),
      documents,
    });
    progress.done();
    // A store that keeps nothing (:memory:) keeps no pieces either.
    if (values.json) await writeDigestJson(values.json, result, store.location === MEMORY_DB ? undefined : { store, reused: new Set(result.reused) });
    const written = posts && (result.clusters.length || result.gone.length) ? await writePosts(store, result.runId, posts, result.clusters, result.gone.map((c) => c.id)) : null;
    if (written) result.messages.push(...written.messages);
    await finish(store, result);

    // Kept aside by the spool as the clusters came (not read back for them).
    const clusterMessages: Message[] = spool?.messages ?? [];
    if (!spool) for (const c of result.clusters) for (const m of c.messages) clusterMessages.push(m);
    printProblems([...result.messages, ...clusterMessages]);
    say.write(printable(summary(result, inputs ? { total: inputs.total } : null), { multiline: true }));
    if (values.db !== MEMORY_DB) say.write(`store: ${store.location} (run ${result.runId})\n`);
    if (values.json && values.json !== STDOUT) say.write(`digest JSON: ${printable(values.json)}\n`);
    if (written && posts) say.write(printable(postLines(written, posts), { multiline: true }));
    if (!result.documents.length) {
      process.stderr.write(inputs ? 'newsdesk: nothing usable was read\n' : `newsdesk: the store ${values.db} holds no document to digest; give a PATH\n`);
      return 1;
    }
    return 0;
  } finally {
    spool?.close();
    documents?.close();
    await store.close();
  }
}

/** `read 5 of 5 inputs (3 new, 2 already stored)` and `digested 5 documents (…) into 1 event cluster`; the documents'
 *  kinds from their heads when the documents are spooled (not read back). */
function summary(r: RunResult<WrittenClusters, DocumentList>, inputs: { total: number } | null): string {
  const lines: string[] = [];
  if (inputs) {
    const d = r.counts.documents;
    const parts = [d.inserted && `${d.inserted} new`, d.updated && `${d.updated} changed`, d.unchanged && `${d.unchanged} already stored`].filter(Boolean);
    lines.push(`read ${r.read} of ${count(inputs.total, 'input')}${parts.length ? ` (${parts.join(', ')})` : ''}`);
  }
  let reports = 0;
  for (const d of r.documents.heads?.() ?? r.documents) if (d.kind === 'report') reports++;
  const derivatives = r.documents.length - reports;
  lines.push(`digested ${count(r.documents.length, 'document')} (${count(reports, 'report')}, ${count(derivatives, 'derivative')}) into ${count(r.clusters.length, 'event cluster')}`);
  return lines.map((l) => l + '\n').join('');
}

function postLines(w: PostsWritten, dir: string): string {
  const folder = `${dir.replace(/\/+$/, '')}/`;
  const lines = [`posts: ${count(w.written.length, 'written', 'written')} in ${folder}`];
  if (w.beside.length) lines.push(`posts edited by hand kept; new versions beside them: ${w.beside.join(', ')}`);
  if (w.removed.length) lines.push(`removed ${count(w.removed.length, 'post')} of events that no longer exist: ${w.removed.join(', ')}`);
  return lines.map((l) => l + '\n').join('');
}
