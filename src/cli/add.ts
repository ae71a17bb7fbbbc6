// `newsdesk add SOURCES…`: fetch (or read) sources and keep their documents in the store, without
// clustering or writing posts; a later digest or watch builds on them.
import { parseArgs } from 'node:util';
import { readDocuments } from '../pipeline.js';
import { persistRun, DEFAULT_DB_PATH } from '../store/index.js';
import { ConfigError, problems } from '../messages.js';
import { createProgress } from './progress.js';
import { INPUT_ARG_OPTIONS, WEB_USAGE, fetcherOptionsFrom, gatherInputs, listOptionsFrom } from './sources.js';
import { decodeOptionsFrom, printProblems } from './output.js';

export const ADD_USAGE = `newsdesk add SOURCE... [--db FILE] [--sources FILE]

  Fetches (or reads) the sources and stores their documents; nothing is clustered or written.
  SOURCE            a file, a folder, or an http(s) URL of an article, feed or sitemap
  --db FILE         SQLite store (default: ./${DEFAULT_DB_PATH})
  --max-file-mb N   refuse pages larger than N MB (default: 10)
  --max-files N     refuse to start on more than N input files (default: 100000)
  --quiet           no progress on stderr
  --debug           show the stack trace of an internal error
${WEB_USAGE}
`;

export async function addCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: INPUT_ARG_OPTIONS,
  });
  if (values.help) {
    process.stdout.write(ADD_USAGE);
    return 0;
  }
  if (!positionals.length && !values.sources?.length) throw new ConfigError(`add needs at least one SOURCE\n\n${ADD_USAGE}`);
  const startedAt = new Date();
  const progress = createProgress(process.stderr, values.quiet);
  const fetcherOptions = fetcherOptionsFrom(values);
  const inputs = await gatherInputs(positionals, values.sources ?? [], fetcherOptions, values.db!, (n, total, label) =>
    progress.update('ingest', n, total, label), listOptionsFrom(values),
  );
  const read = await readDocuments(inputs.raws, inputs.total, { decode: decodeOptionsFrom(fetcherOptions), progress: progress.update, debug: values.debug });
  progress.done();
  const { documents } = read;
  // The same shape as a digest's result, without clusters: run messages, then the documents' problems.
  const messages = [...inputs.messages, ...read.messages, ...problems(documents.flatMap((d) => d.messages))];
  const stored = persistRun(values.db!, { documents, clusters: [], messages }, ['add', ...argv], startedAt);
  printProblems(messages);
  const d = stored.documents;
  process.stdout.write(
    `added ${documents.length} document(s) to ${values.db}` +
      (stored.runId !== null ? ` (run ${stored.runId}: ${d.inserted} new, ${d.updated} updated, ${d.unchanged} unchanged)` : '') +
      '\n',
  );
  return documents.length ? 0 : 1;
}
