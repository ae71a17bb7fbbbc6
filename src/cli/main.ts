#!/usr/bin/env node
// The command line: parses arguments, reads files at the edge, runs the pipeline, writes outputs.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { runDigest } from '../pipeline.js';
import { persistRun } from '../store/index.js';
import { ConfigError } from '../messages.js';
import { printable } from '../printable.js';
import { createProgress } from './progress.js';
import { loadConfig, resolveLlm, writeOptionsFrom } from './config.js';
import { openAiChat } from '../write/llm/client.js';
import { polishClusters } from '../write/llm/polish.js';
import { INPUT_ARG_OPTIONS, WEB_USAGE, fetcherOptionsFrom, gatherInputs, listOptionsFrom } from './sources.js';
import { addCommand } from './add.js';
import { watchCommand } from './watch.js';
import { searchCommand } from './search.js';
import { serveCommand } from '../server/serve.js';
import { decodeOptionsFrom, printProblems, writeDigestJson } from './output.js';
import { writeFileAtomic } from './atomic-file.js';

const USAGE = `newsdesk — turns raw news pages into a clean, verified digest and sourced blog posts

Usage:
  newsdesk digest PATH... [--json FILE] [--out DIR] [--db FILE]
  newsdesk add SOURCE... [--db FILE]            only fetch/read sources into the store (add --help)
  newsdesk watch SOURCE... [--every 10m]        poll feeds; update clusters and posts (watch --help)
  newsdesk search WORD... [--db FILE]           find stored documents by title and body (search --help)
  newsdesk serve [--db FILE] [--port 4321]      the web workbench on http://127.0.0.1:4321/ (serve --help)

  PATH              a file or a folder (read recursively): .txt, .md, .html/.htm, optionally .gz
  --json FILE       write the digest JSON (the whole analysis) to FILE
  --out DIR         write one Markdown post per event cluster to DIR (default: _posts)
  --no-posts        do not write posts
  --db FILE         SQLite store (default: ./newsdesk.db; ":memory:" keeps nothing)
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
  --debug           show the stack trace of an internal error
  -h, --help        this help
${WEB_USAGE}
`;

function fail(text: string, code = 2): never {
  process.stderr.write(`newsdesk: ${printable(text, { multiline: true })}\n`);
  process.exit(code);
}

async function digest(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'string' },
      out: { type: 'string', default: '_posts' },
      'no-posts': { type: 'boolean', default: false },
      category: { type: 'string' },
      preset: { type: 'string' },
      author: { type: 'string' },
      config: { type: 'string' },
      llm: { type: 'boolean', default: false },
      ...INPUT_ARG_OPTIONS,
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!positionals.length && !values.sources?.length) fail(`digest needs at least one PATH (a file or folder)\n\n${USAGE}`);
  const maxMb = values['max-file-mb'];
  if (maxMb !== undefined && !(Number(maxMb) > 0)) fail(`--max-file-mb takes a positive number of megabytes, not "${values['max-file-mb']}"`);

  const startedAt = new Date();
  const { config } = loadConfig({ file: values.config });
  const writeOptions = writeOptionsFrom(config, values);
  const llm = values.llm ? resolveLlm(config) : null;
  const progress = createProgress(process.stderr, values.quiet);
  const fetcherOptions = fetcherOptionsFrom(values);
  const listing = await gatherInputs(positionals, values.sources ?? [], fetcherOptions, values.db!, (n, total, label) =>
    progress.update('ingest', n, total, label), listOptionsFrom(values),
  );
  const result = await runDigest(listing.raws, listing.total, {
    decode: decodeOptionsFrom(fetcherOptions),
    write: writeOptions,
    progress: progress.update,
    debug: values.debug,
  });
  progress.done();
  result.messages = [...listing.messages, ...result.messages]; // no spread into a call: 150k messages overflow the stack
  if (llm) await polishClusters(result.clusters, new Map(result.documents.map((d) => [d.id, d])), openAiChat(llm), result.messages);

  const stored = persistRun(values.db!, result, argv, startedAt);
  const written: string[] = [];
  if (values.json) {
    writeDigestJson(values.json, result);
    written.push(`digest JSON: ${values.json}`);
  }
  if (!values['no-posts'] && result.clusters.length) {
    for (const c of result.clusters) writeFileAtomic(join(values.out!, c.post.path), c.post.markdown);
    written.push(`posts: ${result.clusters.length} in ${values.out!.replace(/\/+$/, "")}/`);
  }

  printProblems(result.messages);
  const reports = result.documents.filter((d) => d.kind === 'report').length;
  process.stdout.write(
    `read ${result.documents.length} of ${listing.total} file(s) (${reports} reports, ` +
      `${result.documents.length - reports} derivatives) into ${result.clusters.length} event cluster(s)\n`,
  );
  if (stored.runId !== null) {
    const d = stored.documents;
    process.stdout.write(`store: ${values.db} (run ${stored.runId}: ${d.inserted} new, ${d.updated} updated, ${d.unchanged} unchanged document(s))\n`);
  }
  for (const w of written) process.stdout.write(`${printable(w)}\n`);
  if (!result.documents.length) fail('nothing usable was read', 1);
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (command === 'digest') return digest(rest);
  if (command === 'add') return void (process.exitCode = await addCommand(rest));
  if (command === 'watch') return void (process.exitCode = await watchCommand(rest));
  if (command === 'search') return void (process.exitCode = searchCommand(rest));
  if (command === 'serve') return void (process.exitCode = await serveCommand(rest));
  fail(`unknown command "${command}"\n\n${USAGE}`);
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof ConfigError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) fail((e as Error).message);
  // A bug outside any one document or cluster: one line, the stack only when asked for.
  if (process.argv.includes('--debug')) fail(`internal error: ${(e as Error).stack ?? e}`, 1);
  fail(`internal error: ${(e as Error).message ?? e} (run again with --debug for the stack trace)`, 1);
});
