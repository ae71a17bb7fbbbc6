// `newsdesk add SOURCES…`: fetch (or read) sources and keep their documents in the store, without
// clustering or writing posts; a later `digest` (with or without PATHs) builds on them.
import { DEFAULT_DB_PATH, isFileStore, openStore } from '../store/index.js';
import { ConfigError } from '../messages.js';
import { finish, run } from '../pipeline.js';
import { createProgress } from './progress.js';
import { INPUT_ARG_OPTIONS, QUEUE_USAGE, WEB_USAGE, fetcherOptionsFrom, gatherInputs, listOptionsFrom } from './sources.js';
import { queueUrlFrom } from '../queue/connection.js';
import { enqueueSources } from './enqueue.js';
import { checkOutputPath, decodeOptionsFrom, printProblems } from './output.js';
import { count, parseCommand } from './args.js';

export const ADD_USAGE = `newsdesk add SOURCE... [--db FILE] [--sources FILE]

  Fetches (or reads) the sources and stores their documents; nothing is clustered or written.
  \`newsdesk digest\` (no PATH needed) then digests everything the store holds.
  SOURCE            a file, a folder, or an http(s) URL of an article, feed or sitemap
  --db FILE|URL     the store: a SQLite file, or postgres://HOST/DB for PostgreSQL (default: $NEWSDESK_DB, else ./${DEFAULT_DB_PATH})
  --max-file-mb N   refuse pages larger than N MB (default: 10)
  --max-files N     refuse to start on more than N input files (default: 100000)
  --quiet           no progress on stderr
${QUEUE_USAGE}
${WEB_USAGE}

  Exit status: 0 done; 1 nothing usable was read; 2 usage or configuration error.
`;

export async function addCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('add', argv, INPUT_ARG_OPTIONS);
  if (values.help) {
    process.stdout.write(ADD_USAGE);
    return 0;
  }
  if (!positionals.length && !values.sources?.length) throw new ConfigError(`add needs at least one SOURCE (newsdesk add --help)`);
  if (isFileStore(values.db!)) checkOutputPath('--db', values.db!, 'file');
  const queue = queueUrlFrom(values.queue);
  if (queue) {
    const fetcherOptions = fetcherOptionsFrom(values);
    const q = await enqueueSources(queue, positionals, values.sources ?? [], { list: listOptionsFrom(values), maxFileBytes: fetcherOptions.maxBodyBytes, decode: decodeOptionsFrom(fetcherOptions) });
    printProblems(q.messages);
    process.stdout.write(`queued ${count(q.files, 'file')} and ${count(q.urls, 'URL')} for the workers on ${queue}\n`);
    return q.files + q.urls ? 0 : 1;
  }
  const startedAt = new Date();
  const progress = createProgress(process.stderr, values.quiet);
  const fetcherOptions = fetcherOptionsFrom(values);
  const inputs = await gatherInputs(positionals, values.sources ?? [], fetcherOptions, values.db!, (n, total, label) =>
    progress.update('ingest', n, total, label), listOptionsFrom(values),
  );
  const store = await openStore(values.db!);
  try {
    const result = await run({
      store, args: ['add', ...argv], startedAt, inputs, digest: false,
      decode: decodeOptionsFrom(fetcherOptions), progress: progress.update, debug: values.debug,
    });
    progress.done();
    await finish(store, result);
    printProblems(result.messages);
    const d = result.counts.documents;
    process.stdout.write(
      `added ${count(result.read, 'document')} to ${store.location} (run ${result.runId}: ${d.inserted} new, ${d.updated} changed, ${d.unchanged} already stored)\n`,
    );
    return result.read ? 0 : 1;
  } finally {
    await store.close();
  }
}
