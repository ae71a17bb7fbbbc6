// `newsdesk search WORDS`: finds stored documents (from earlier digest/add/watch runs) by title and body.
import { existsSync } from 'node:fs';
import { DEFAULT_DB_PATH, MEMORY_DB, defaultStoreLocation, isFileStore, openStore } from '../store/index.js';
import { ConfigError } from '../messages.js';
import { printable } from '../printable.js';
import { sourceName } from '../write/index.js';
import type { WeakDateSource } from '../types.js';
import { count, parseCommand } from './args.js';

export const SEARCH_USAGE = `newsdesk search WORD... [--db FILE] [--limit N] [--json]

  Finds documents in the store whose title or body contain every word (Korean works: 삼성 투자).
  --db FILE|URL     the store to search, a SQLite file or postgres://HOST/DB (default: $NEWSDESK_DB, else ./${DEFAULT_DB_PATH})
  --limit N         at most N hits (default: 20)
  --json            one JSON object per hit, for scripts
`;

/** A date that dates the copy, not the article, is shown as such. */
const WEAK_DATE_LABEL: Record<WeakDateSource, string> = { 'http-last-modified': 'Last-Modified', 'file-mtime': 'file time' };

export async function searchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('search', argv, {
    db: { type: 'string', default: defaultStoreLocation() },
    limit: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(SEARCH_USAGE);
    return 0;
  }
  const limit = Number(values.limit);
  if (!positionals.length) throw new ConfigError('search needs at least one WORD (newsdesk search --help)');
  if (!Number.isInteger(limit) || limit < 1) throw new ConfigError(`--limit takes a whole number of hits, not "${values.limit}"`);
  if (values.db === MEMORY_DB || (isFileStore(values.db!) && !existsSync(values.db!))) {
    throw new ConfigError(`no store at ${values.db}: run \`newsdesk digest PATH --db ${values.db}\` first, or pass --db FILE`);
  }
  const store = await openStore(values.db!);
  try {
    const hits = await store.search(positionals.join(' '), limit);
    hits.forEach((h, i) => {
      if (values.json) process.stdout.write(JSON.stringify(h) + '\n');
      else {
        // Named as posts name their sources: outlet, re-posting site, domain, or "기사 N" (N: the hit's place).
        const head = [sourceName(h, i + 1), h.publishedAt && `${h.publishedAt.slice(0, 10)}${h.dateSource ? ` (${WEAK_DATE_LABEL[h.dateSource]})` : ''}`, h.title ?? h.source]
          .filter(Boolean).join(' · ');
        process.stdout.write(`${printable(head)}\n  ${printable(h.snippet)}\n  ${printable(h.source)}\n`);
      }
    });
    if (!values.json) process.stderr.write(`${count(hits.length, 'hit')}\n`);
    return hits.length ? 0 : 1;
  } finally {
    await store.close();
  }
}
