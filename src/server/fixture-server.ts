// For the workbench tests: a real store file made by a real pipeline run over fixture folders, and a
// real server on 127.0.0.1 (port chosen by the system) over it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listInputs, readRaw } from '../ingest/index.js';
import { finish, run } from '../pipeline.js';
import { openStore } from '../store/index.js';
import { startServer, type RunningServer } from './serve.js';

export const fixtureDir = (name: string) => fileURLToPath(new URL(`../../fixtures/server/${name}`, import.meta.url));

export interface TestWorkbench extends RunningServer {
  dir: string;
  postsDir: string;
  csrf: string;
  /** Closes the server and removes the temporary folder. */
  dispose(): Promise<void>;
}

/** Digests the named fixture folders into a fresh store and serves it. */
export async function startTestWorkbench(fixtures: string[] = ['walk', 'hostile'], options: { token?: string; eventsPerPage?: number; queue?: string } = {}): Promise<TestWorkbench> {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-serve-'));
  const db = join(dir, 'newsdesk.db');
  const listing = listInputs(fixtures.map(fixtureDir));
  const store = await openStore(db);
  try {
    await finish(store, await run({ store, args: ['test'], inputs: { raws: listing.files.map((f) => readRaw(f)), total: listing.files.length, messages: [] } }));
  } finally {
    await store.close();
  }
  const csrf = 'test-csrf-token';
  const postsDir = join(dir, '_posts');
  const running = await startServer({ db, port: 0, host: '127.0.0.1', postsDir, write: {}, fetcher: { perHostDelayMs: 0, maxRetries: 0 }, csrfSecret: csrf, ...options });
  return {
    ...running, dir, postsDir, csrf,
    dispose: async () => {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A form POST as the workbench's own pages send it (same origin, CSRF token). */
/** The id of the first event the events page lists (for a query, when given). */
export async function firstEventId(w: TestWorkbench, query = ''): Promise<string> {
  const page = await (await fetch(w.url + '/' + (query ? '?q=' + encodeURIComponent(query) : ''))).text();
  return page.match(/href="\/events\/([^"]+)"/)![1];
}

export function postForm(w: TestWorkbench, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(w.url + path, {
    method: 'POST', redirect: 'manual',
    headers: { origin: w.url, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ _csrf: w.csrf, ...fields }),
  });
}
