#!/usr/bin/env node
// The command line: picks the command, and turns what can go wrong at the edge into exit statuses
// (0 done; 1 nothing usable; 2 usage or configuration error) and one-line messages, never stack traces.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../messages.js';
import { printable } from '../printable.js';
import { DEFAULT_DB_PATH } from '../store/index.js';

const USAGE = `newsdesk — turns raw news pages into a clean, verified digest and sourced blog posts

Usage:
  newsdesk digest [PATH|URL...] [--json FILE|-] [--out DIR]   add sources, then digest the store into posts
  newsdesk add SOURCE...                   only read sources into the store
  newsdesk watch SOURCE... [--every 10m]   poll feeds; update the store, clusters and posts
  newsdesk search WORD...                  find stored documents by title and body
  newsdesk doctor                          the store's health, schema version, counts, newest errors
  newsdesk serve [--port 4321]             the web workbench on http://127.0.0.1:4321/
  newsdesk worker --queue redis://…        run queued jobs (add, digest, watch take --queue too)
  newsdesk COMMAND --help                  that command's options
  newsdesk --version

  Every command keeps its documents in the store (--db FILE or postgres://…; default $NEWSDESK_DB, else ./${DEFAULT_DB_PATH}).
  Exit status: 0 done; 1 nothing usable; 2 usage or configuration error.
`;

type Command = (argv: string[]) => Promise<number> | number;

/** Each command's module, loaded when that command runs: one command's modules (the web server's, the queue's) cost
 *  every other command their load time otherwise (`digest --help` loaded ~900 modules in ~1.1 s of CPU). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  digest: async () => (await import('./digest.js')).digestCommand,
  add: async () => (await import('./add.js')).addCommand,
  watch: async () => (await import('./watch.js')).watchCommand,
  search: async () => (await import('./search.js')).searchCommand,
  serve: async () => (await import('../server/serve.js')).serveCommand,
  doctor: async () => (await import('./doctor.js')).doctorCommand,
  worker: async () => (await import('./worker.js')).workerCommand,
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`newsdesk ${version()}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) throw new ConfigError(`unknown command "${command}"; the commands are ${Object.keys(COMMANDS).join(', ')} (newsdesk --help)`);
  return (await load())(rest);
}

// A reader that stops early (`| head`) closes the pipe: the command ends quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`newsdesk: ${printable(e.message, { multiline: true })}\n`);
    process.exitCode = 2;
  },
);
