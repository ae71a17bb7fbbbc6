// `newsdesk serve`: opens the store, builds the app and listens (loopback unless told otherwise).
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { DEFAULT_DB_PATH, defaultStoreLocation, openStore } from '../store/index.js';
import { ConfigError } from '../messages.js';
import { loadConfig, writeOptionsFrom } from '../cli/config.js';
import { fetcherOptionsFrom, WEB_ARG_OPTIONS } from '../cli/sources.js';
import { parseCommand } from '../cli/args.js';
import { queueUrlFrom } from '../queue/connection.js';
import { Workbench, type WorkbenchOptions } from './workbench.js';
import { createApp } from './app.js';
import { checkExposure } from './security/guard.js';
import { DEFAULT_HOST, DEFAULT_PORT } from './tunables.js';

export interface ServeOptions extends WorkbenchOptions {
  db: string;
  port: number;
  host: string;
  token?: string;
  csrfSecret?: string;
}

export interface RunningServer {
  url: string;
  bench: Workbench;
  close(): Promise<void>;
}

/** Starts the workbench; port 0 picks a free port (tests). */
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  checkExposure(o.host, o.token);
  const store = await openStore(o.db);
  const bench = new Workbench(store, o);
  const { app } = createApp(bench, { token: o.token, csrfSecret: o.csrfSecret });
  let server: ServerType;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, resolve);
    server.once('error', reject);
  });
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    bench,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve(store.close()));
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    }),
  };
}

export const SERVE_USAGE = `newsdesk serve [--db FILE] [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--token SECRET] [--out DIR]

  The web workbench: events side by side per outlet, the post editor, adding sources, a JSON API
  (/api/openapi.json describes it).
  --db FILE|URL    the store to work on: a SQLite file or postgres://HOST/DB (default: $NEWSDESK_DB, else ./${DEFAULT_DB_PATH})
  --port N         port to listen on (default: ${DEFAULT_PORT})
  --host H         address to listen on (default: ${DEFAULT_HOST}, this machine only); any other
                   address needs --token
  --token SECRET   require this token (open /?token=SECRET once, or send Authorization: Bearer SECRET)
  --out DIR        the _posts folder posts are exported to (default: _posts)
  --config FILE    settings file for the writer (default: newsdesk.config.json/.yaml here)
  --preset NAME, --category NAME, --author NAME   front matter, as for digest
  --queue URL      sources added on the page become jobs for \`newsdesk worker\`s on this Redis queue
                   (or NEWSDESK_QUEUE); the pages keep answering from the store while workers run or not
`;

export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('serve', argv, {
    db: { type: 'string', default: defaultStoreLocation() },
    port: { type: 'string', default: String(DEFAULT_PORT) },
    host: { type: 'string', default: DEFAULT_HOST },
    token: { type: 'string' },
    out: { type: 'string', default: '_posts' },
    config: { type: 'string' },
    preset: { type: 'string' },
    category: { type: 'string' },
    author: { type: 'string' },
    queue: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
    ...WEB_ARG_OPTIONS,
  });
  if (positionals.length) throw new ConfigError(`serve takes no PATH (add sources from the page, or with newsdesk add): "${positionals[0]}" (see newsdesk serve --help)`);
  if (values.help) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port takes a port number (0–65535), not "${values.port}"`);
  const { config } = loadConfig({ file: values.config });
  const running = await startServer({
    db: values.db!, port, host: values.host!, token: values.token, postsDir: values.out!,
    write: writeOptionsFrom(config, values), fetcher: fetcherOptionsFrom(values), queue: queueUrlFrom(values.queue),
  });
  process.stdout.write(`newsdesk workbench: ${running.url}/  (store: ${running.bench.store.location}; posts export to ${values.out}/)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void running.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
