// `newsdesk doctor`: what state the store is in (backend, its own check, schema version, counts, the
// newest error per source). A problem found is reported, not thrown: exit 1 says something is wrong.
import { existsSync } from 'node:fs';
import { ConfigError } from '../messages.js';
import { printable } from '../printable.js';
import { DEFAULT_DB_PATH, MEMORY_DB, defaultStoreLocation, isFileStore, openStore, type StoreHealth } from '../store/index.js';
import { parseCommand } from './args.js';
import { queueUrlFrom } from '../queue/connection.js';
import { healthLines, queueHealth, type QueueHealth } from '../queue/health.js';

export const DOCTOR_USAGE = `newsdesk doctor [--db FILE|URL] [--queue URL] [--json]

  Reports the store: its kind and address, its own check, schema version, counts, the last run and
  the newest error of each source (feed, page, file). Exit status 1 when something is wrong.
  --db FILE|URL     the store, a SQLite file or postgres://HOST/DB (default: $NEWSDESK_DB, else ./${DEFAULT_DB_PATH})
  --queue URL       also the job queue (default: $NEWSDESK_QUEUE, if set): depth per job kind, how far
                    clustering has caught up, failed jobs and the latest failures
  --json            the report as one JSON object, for scripts and monitoring
`;

export interface DoctorReport {
  ok: boolean;
  store: StoreHealth | { location: string; error: string };
  /** With a queue configured: its depth and failures (src/queue/health.ts). */
  queue?: QueueHealth;
}

/** The store's part of the report; never throws for a store that is down, missing or refused. */
export async function storeReport(location: string): Promise<DoctorReport> {
  if (location === MEMORY_DB) throw new ConfigError('doctor needs a store that keeps something: pass --db FILE or --db postgres://…');
  if (isFileStore(location) && !existsSync(location)) {
    return { ok: false, store: { location, error: `no store at ${location}: run \`newsdesk add\` or \`newsdesk digest\` with --db ${location} first` } };
  }
  let store;
  try {
    store = await openStore(location);
  } catch (e) {
    if (e instanceof ConfigError) return { ok: false, store: { location, error: e.message } };
    throw e;
  }
  try {
    const health = await store.health();
    return { ok: health.check.startsWith('ok') && health.schemaVersion === health.knownVersion, store: health };
  } finally {
    await store.close();
  }
}

/** The report for a person, one fact per line. */
export function storeLines(report: DoctorReport): string[] {
  const s = report.store;
  if ('error' in s) return [`store: ${s.location}`, `  NOT OK: ${s.error}`];
  const c = s.counts;
  const last = s.lastRun
    ? `run ${s.lastRun.id} started ${s.lastRun.startedAt}, ${s.lastRun.finishedAt ? `finished ${s.lastRun.finishedAt}` : 'not finished'}`
    : 'none yet';
  return [
    `store: ${s.kind} ${s.location}`,
    `  check: ${s.check}`,
    `  schema: version ${s.schemaVersion}${s.schemaVersion === s.knownVersion ? ' (current)' : ` (this newsdesk knows ${s.knownVersion})`}`,
    `  documents ${c.documents}, current clusters ${c.currentClusters}, posts ${c.posts}, runs ${c.runs} (${c.unfinishedRuns} not finished)`,
    `  last run: ${last}`,
    s.lastErrors.length ? `  newest error per source (${s.lastErrors.length}):` : '  no source has an error recorded',
    ...s.lastErrors.map((e) => `    ${printable(e.source)} (run ${e.run}, ${e.at}): ${e.stage}/${e.rule} ${printable(e.reason)}`),
  ];
}

export async function doctorCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand('doctor', argv, {
    db: { type: 'string', default: defaultStoreLocation() },
    json: { type: 'boolean', default: false },
    queue: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(DOCTOR_USAGE);
    return 0;
  }
  const report = await storeReport(values.db!);
  const queue = queueUrlFrom(values.queue);
  if (queue) {
    report.queue = await queueHealth(queue);
    // Failed jobs are reported, not a fault of the queue itself; an unreachable Redis is.
    report.ok &&= report.queue.reachable;
  }
  const lines = [...storeLines(report), ...(report.queue ? healthLines(report.queue) : [])];
  process.stdout.write(values.json ? JSON.stringify(report) + '\n' : lines.join('\n') + '\n');
  return report.ok ? 0 : 1;
}
