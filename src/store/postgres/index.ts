// The PostgreSQL backend (pg): a database server several newsdesk processes share. Migrations run on
// open under an advisory lock (many workers may start at once); writes that may race (documents) are
// single upserts, so two processes saving the same document neither fail nor duplicate it.
import pg from 'pg';
import type { Message, NewsDoc, WrittenCluster } from '../../types.js';
import { ConfigError, StoreUnavailableError } from '../../messages.js';
import type {
  CachePrefixes, ChangeCounts, DocumentFilter, JsonPiece, JsonPieceKind, Restoration, Revision, RevisionOrigin, RunCounts, RunRecord, SearchHit, Store, StoredCluster, StoredClusterHead,
  StoredDocument, StoredPost, StoreHealth,
} from '../store.js';
import { DEFAULT_SEARCH_LIMIT, HEALTH_ERRORS, PG_POOL_SIZE, PG_WRITE_ATTEMPTS } from '../tunables.js';
import {
  CLUSTER_COLUMNS, CLUSTER_HEAD_SELECT, DOCUMENT_COLUMNS, clusterRow, fromClusterHeadRow, documentRow, fromClusterRow, fromDocumentRow, fromPostRow, fromRestorationRow,
  fromRevisionRow, fromRunRow, fromSourceErrorRow, newestErrorPerSource, sameRow, searchHit, searchTerms, zeroCounts, type ClusterRow,
} from '../rows.js';
import { PG_MIGRATIONS, type Migration } from './migrations.js';
import { PgHttpCache } from './http-cache.js';
import { bigrams, documentGrams } from './grams.js';
import type { HttpCache } from '../../ingest/web/index.js';

import { START_POSTGRES } from './location.js';

export { START_POSTGRES, isPostgresUrl } from './location.js';

/** The address without its password (for messages and `doctor`), and the schema it names (?schema=NAME). */
function parseLocation(url: string): { connectionString: string; shown: string; schema: string | null } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError(`--db ${url} is not a valid postgres:// address; write it as postgres://USER@HOST:5432/DATABASE`);
  }
  const schema = u.searchParams.get('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new ConfigError(`schema=${schema} in --db is not a plain lower-case name (letters, digits, _); pick another`);
  }
  u.searchParams.delete('schema');
  const connectionString = u.href;
  if (u.password) u.password = '***';
  return { connectionString, shown: u.href.replace(/\?$/, '') + (schema ? `?schema=${schema}` : ''), schema };
}

/** Turns connection failures into what the user can do about them; anything else is a real bug and rethrown. */
function explain(e: unknown, shown: string): never {
  const code = (e as { code?: string }).code ?? '';
  const why = (e as Error).message;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === '57P03') {
    throw new StoreUnavailableError(`PostgreSQL at ${shown} is not answering (${why})`, `start it (on a development machine: ${START_POSTGRES}) or pass another --db`);
  }
  // The server ended the connection (a restart or an administrator): the work of that transaction was not kept.
  if (code === '57P01' || code === '57P02' || code === 'ECONNRESET' || /^Connection terminated/.test(why)) {
    throw new StoreUnavailableError(`PostgreSQL at ${shown} closed the connection (${why}); nothing of that write was kept`, 'run the command again once the server is back');
  }
  if (code === '3D000') throw new ConfigError(`${shown}: ${why}; create it (createdb) or pass another --db`);
  if (code === '28P01' || code === '28000') throw new ConfigError(`${shown}: ${why}; check the user and password in --db`);
  throw e;
}

async function migrate(client: pg.PoolClient, shown: string, migrations: Migration[], schema: string | null) {
  await client.query('BEGIN');
  try {
    // One migrator per schema at a time: the others wait here, then find nothing left to do.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('newsdesk-migrate:' || coalesce($1, current_schema())))", [schema]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at text NOT NULL)');
    const current = Number((await client.query('SELECT coalesce(max(version), 0) AS v FROM schema_version')).rows[0].v);
    const known = migrations.at(-1)?.version ?? 0;
    if (current > known) {
      throw new ConfigError(`${shown} has schema version ${current}, newer than this newsdesk knows (${known}); update newsdesk or pass another --db`);
    }
    for (const m of migrations.filter((m) => m.version > current)) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, $3)', [m.version, m.description, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}

const DOC_INSERT_COLUMNS = [...DOCUMENT_COLUMNS, 'grams'] as const;

/** deadlock_detected, serialization_failure, and unique_violation: an upsert's ON CONFLICT arbitrates one
 *  unique index only, so a concurrent insert of the same document can still trip the other (documents.id).
 *  Each means the transaction lost a race and may simply run again (it then finds the row stored). */
const RETRY_CODES = new Set(['40P01', '40001', '23505']);

/** Consecutive runs of documents with no key twice (one upsert statement may touch a row only once),
 *  so a key repeated in a batch is saved after its first copy, as one-by-one saving would. */
function distinctKeyBatches(docs: NewsDoc[]): NewsDoc[][] {
  const batches: NewsDoc[][] = [];
  let keys = new Set<string>();
  for (const d of docs) {
    if (!batches.length || keys.has(d.key)) {
      batches.push([]);
      keys = new Set();
    }
    batches.at(-1)!.push(d);
    keys.add(d.key);
  }
  return batches;
}

export class PgStore implements Store {
  readonly kind = 'postgres' as const;
  private constructor(private readonly pool: pg.Pool, readonly location: string, private readonly knownVersion: number) {}

  /** Connects, creates the schema named by ?schema= when missing, and migrates. */
  static async open(url: string, migrations: Migration[] = PG_MIGRATIONS): Promise<PgStore> {
    const { connectionString, shown, schema } = parseLocation(url);
    const pool = new pg.Pool({
      connectionString, max: PG_POOL_SIZE,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // A connection the server dropped (a restart) is an event, not a crash: the pool replaces it. The pool
    // listens on idle connections only; one checked out (between a transaction's queries) needs its own
    // listener for its whole life, or its 'error' event ends the process. The query in flight rejects.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    try {
      const client = await pool.connect();
      try {
        await migrate(client, shown, migrations, schema);
      } finally {
        client.release();
      }
    } catch (e) {
      await pool.end();
      explain(e, shown);
    }
    return new PgStore(pool, shown, migrations.at(-1)?.version ?? 0);
  }

  /**
   * Runs `work` in one transaction on one connection; the change stamp moves just before it commits.
   * Two writers saving the same documents in other orders may deadlock: PostgreSQL then aborts one,
   * and that one runs again (its work is all inside the transaction, so nothing half-done stays).
   */
  private async write<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect().catch((e) => explain(e, this.location));
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query("SELECT nextval('changes')");
        await client.query('COMMIT');
        return result;
      } catch (e) {
        // A connection the server dropped (a restart) goes back broken, so the pool makes a new one.
        await client.query('ROLLBACK').catch((rollback) => (broken = rollback));
        const code = (e as { code?: string }).code ?? '';
        if (!(RETRY_CODES.has(code) && attempt < PG_WRITE_ATTEMPTS)) explain(e, this.location);
      } finally {
        client.release(broken);
      }
    }
  }

  private async rows<R = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return (await this.pool.query(sql, params)).rows as R[];
    } catch (e) {
      explain(e, this.location);
    }
  }

  httpCache(): HttpCache {
    return new PgHttpCache((sql, params) => this.rows(sql, params));
  }

  async beginRun(args: string[], startedAt: Date = new Date()): Promise<number> {
    return this.write(async (c) => (await c.query('INSERT INTO runs (started_at, args) VALUES ($1, $2) RETURNING id', [startedAt.toISOString(), JSON.stringify(args)])).rows[0].id);
  }

  async saveDocuments(run: number, docs: NewsDoc[]): Promise<ChangeCounts> {
    // One statement per batch of distinct keys: an insert, or (same key) an update only when a content
    // column differs. xmax = 0 tells a fresh row from an updated one; a row not returned was the same.
    const columns = DOC_INSERT_COLUMNS.join(', ');
    const sql = `INSERT INTO documents (${columns}, first_seen_run, updated_run)
      SELECT ${DOCUMENT_COLUMNS.map((c) => `e.x ->> '${c}'`).join(', ')}, ARRAY(SELECT jsonb_array_elements_text(e.x -> 'grams')), $2, $2
        FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(x, n)
        ORDER BY e.n
      ON CONFLICT (key) DO UPDATE SET ${DOC_INSERT_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_run = excluded.updated_run
      WHERE (${DOCUMENT_COLUMNS.map((c) => `documents.${c}`).join(', ')}) IS DISTINCT FROM (${DOCUMENT_COLUMNS.map((c) => `excluded.${c}`).join(', ')})
      RETURNING (xmax = 0) AS inserted, id`;
    return this.write(async (c) => {
      const counts = zeroCounts();
      for (const batch of distinctKeyBatches(docs)) {
        const rows = batch.map((d) => ({ ...documentRow(d), grams: documentGrams(d.title, d.body) }));
        const { rows: changed } = await c.query(sql, [JSON.stringify(rows), run]);
        const inserted = changed.filter((r) => r.inserted).length;
        const updated = changed.filter((r) => !r.inserted).map((r) => r.id);
        if (updated.length) await c.query("DELETE FROM json_pieces WHERE kind = 'document' AND id = ANY($1)", [updated]);
        counts.inserted += inserted;
        counts.updated += changed.length - inserted;
        counts.unchanged += batch.length - changed.length;
      }
      return counts;
    });
  }

  async hasDocument(key: string, contentHash: string): Promise<boolean> {
    return (await this.rows('SELECT 1 FROM documents WHERE key = $1 AND content_hash = $2', [key, contentHash])).length > 0;
  }

  async saveClusters(run: number, written: Iterable<WrittenCluster | string>, gone: string[] = []): Promise<ChangeCounts> {
    return this.write(async (c) => {
      const counts = zeroCounts();
      let position = -1;
      for (const w of written) {
        position++;
        const row = typeof w === 'string' ? null : clusterRow(w);
        const { rows: [old] } = row
          ? await c.query<ClusterRow>(`SELECT ${CLUSTER_COLUMNS.join(', ')} FROM clusters WHERE id = $1 AND gone_run IS NULL`, [row.id])
          : { rows: [] };
        if (!row || (old && sameRow(old, row, CLUSTER_COLUMNS))) counts.unchanged++;
        else {
          await c.query(
            `INSERT INTO clusters (id, run, members, analysis, post_path, post, head, post_checksum) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (id) DO UPDATE SET run = excluded.run, members = excluded.members, analysis = excluded.analysis,
               post_path = excluded.post_path, post = excluded.post, head = excluded.head, post_checksum = excluded.post_checksum, gone_run = NULL`,
            [row.id, run, row.members, row.analysis, row.post_path, row.post, row.head, row.post_checksum],
          );
          await c.query("DELETE FROM json_pieces WHERE kind = 'cluster' AND id = $1", [row.id]);
          counts[old ? 'updated' : 'inserted']++;
        }
        await c.query(
          'INSERT INTO run_clusters (run, cluster, position) VALUES ($1, $2, $3) ON CONFLICT (run, cluster) DO UPDATE SET position = excluded.position',
          [run, typeof w === 'string' ? w : w.id, position],
        );
      }
      if (gone.length) {
        await c.query('UPDATE clusters SET gone_run = $1 WHERE id = ANY($2) AND gone_run IS NULL', [run, gone]);
        await c.query("DELETE FROM json_pieces WHERE kind = 'cluster' AND id = ANY($1)", [gone]);
      }
      return counts;
    });
  }

  async finishRun(run: number, counts: RunCounts, errors: Message[] = []): Promise<void> {
    const at = new Date().toISOString();
    await this.write(async (c) => {
      await c.query('UPDATE runs SET finished_at = $1, counts = $2 WHERE id = $3', [at, JSON.stringify(counts), run]);
      for (const m of newestErrorPerSource(errors)) {
        await c.query(
          `INSERT INTO source_errors (source, run, stage, rule, reason, at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (source) DO UPDATE SET run = excluded.run, stage = excluded.stage, rule = excluded.rule, reason = excluded.reason, at = excluded.at`,
          [m.place.source, run, m.stage, m.rule, m.reason, at],
        );
      }
    });
  }

  async health(): Promise<StoreHealth> {
    const count = async (sql: string) => Number((await this.rows<{ n: string }>(sql))[0].n);
    const [version] = await this.rows<{ server_version: string }>('SHOW server_version');
    const [last] = await this.rows('SELECT * FROM runs ORDER BY id DESC LIMIT 1');
    return {
      kind: this.kind,
      location: this.location,
      check: `ok (PostgreSQL ${version.server_version})`,
      schemaVersion: await count('SELECT max(version) AS n FROM schema_version'),
      knownVersion: this.knownVersion,
      counts: {
        documents: await count('SELECT count(*) AS n FROM documents'),
        currentClusters: await count('SELECT count(*) AS n FROM clusters WHERE gone_run IS NULL'),
        runs: await count('SELECT count(*) AS n FROM runs'),
        unfinishedRuns: await count('SELECT count(*) AS n FROM runs WHERE finished_at IS NULL'),
        posts: await count('SELECT count(*) AS n FROM posts'),
      },
      lastRun: last ? fromRunRow(last) : null,
      lastErrors: (await this.rows('SELECT * FROM source_errors ORDER BY at DESC, source LIMIT $1', [HEALTH_ERRORS])).map(fromSourceErrorRow),
    };
  }

  async posts(outDir: string): Promise<StoredPost[]> {
    return (await this.rows('SELECT out_dir, path, cluster, checksum, run FROM posts WHERE out_dir = $1 ORDER BY path', [outDir])).map(fromPostRow);
  }

  async savePost(p: StoredPost): Promise<void> {
    await this.write((c) => c.query(
      `INSERT INTO posts (out_dir, path, cluster, checksum, run) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (out_dir, path) DO UPDATE SET cluster = excluded.cluster, checksum = excluded.checksum, run = excluded.run`,
      [p.outDir, p.path, p.cluster, p.checksum, p.run],
    ));
  }

  async forgetPost(outDir: string, path: string): Promise<void> {
    await this.write((c) => c.query('DELETE FROM posts WHERE out_dir = $1 AND path = $2', [outDir, path]));
  }

  async document(id: string): Promise<StoredDocument | null> {
    const [row] = await this.rows('SELECT * FROM documents WHERE id = $1', [id]);
    return row ? fromDocumentRow(row) : null;
  }

  async documents(filter: DocumentFilter = {}): Promise<StoredDocument[]> {
    const out: StoredDocument[] = [];
    await this.eachDocument(filter, (d) => out.push(d));
    return out;
  }

  /** The rows come in one answer (no cursor); each document is made from its row only as it is handed on. */
  async eachDocument(filter: DocumentFilter, visit: (d: StoredDocument) => void): Promise<void> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.since) {
      params.push(filter.since);
      where.push(`coalesce(d.published_at, (SELECT started_at FROM runs WHERE id = d.updated_run)) >= $${params.length}`);
    }
    if (filter.sourcePattern) {
      // ILIKE: SQLite's LIKE ignores ASCII case, and both backends answer alike.
      params.push(`%${filter.sourcePattern.replace(/[\\%_]/g, (ch) => '\\' + ch)}%`);
      where.push(`d.source ILIKE $${params.length}`);
    }
    if (filter.run !== undefined) {
      params.push(filter.run);
      where.push(`d.updated_run = $${params.length}`);
    }
    const sql = `SELECT d.* FROM documents d ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.seq`;
    for (const row of await this.rows(sql, params)) visit(fromDocumentRow(row));
  }

  async tokens(keys: string[]): Promise<Map<string, string>> {
    return this.cached<string>('token_cache', 'tokens', keys);
  }

  async saveTokens(rows: [key: string, tokens: string][]): Promise<void> {
    await this.keepCached('token_cache', 'tokens', 'text', rows.map((r) => r[0]), rows.map((r) => r[1]));
  }

  async features(keys: string[]): Promise<Map<string, Uint8Array>> {
    return this.cached<Uint8Array>('feature_cache', 'features', keys);
  }

  async saveFeatures(rows: [key: string, features: Uint8Array][]): Promise<void> {
    const values = rows.map((r) => Buffer.from(r[1].buffer, r[1].byteOffset, r[1].byteLength));
    await this.keepCached('feature_cache', 'features', 'bytea', rows.map((r) => r[0]), values);
  }

  async pruneCaches(keep: CachePrefixes): Promise<CachePrefixes<number>> {
    const prune = (table: string, prefix: string) =>
      this.write(async (c) => (await c.query(`DELETE FROM ${table} WHERE NOT starts_with(key, $1)`, [prefix])).rowCount ?? 0);
    return { tokens: await prune('token_cache', keep.tokens), features: await prune('feature_cache', keep.features) };
  }

  /** A cache table's values (token_cache, feature_cache: a key and one value) of the keys that have one. */
  private async cached<T>(table: string, column: string, keys: string[]): Promise<Map<string, T>> {
    const rows = await this.rows<{ key: string; value: T }>(`SELECT key, ${column} AS value FROM ${table} WHERE key = ANY($1)`, [keys]);
    return new Map(rows.map((r) => [r.key, r.value]));
  }

  /** Keeps rows of a cache table; a key already kept keeps its row (the same key means the same value). */
  private async keepCached(table: string, column: string, type: 'text' | 'bytea', keys: string[], values: unknown[]): Promise<void> {
    if (!keys.length) return;
    await this.write((c) => c.query(
      `INSERT INTO ${table} (key, ${column}) SELECT * FROM unnest($1::text[], $2::${type}[]) ON CONFLICT (key) DO NOTHING`,
      [keys, values],
    ));
  }

  async jsonPieces(kind: JsonPieceKind, ids: string[], stampsOnly = false): Promise<Map<string, JsonPiece>> {
    const rows = await this.rows<{ id: string; stamp: string; json?: Uint8Array }>(
      `SELECT id, stamp${stampsOnly ? '' : ', json'} FROM json_pieces WHERE kind = $1 AND id = ANY($2)`, [kind, ids]);
    return new Map(rows.map((r) => [r.id, stampsOnly ? { stamp: r.stamp } : { stamp: r.stamp, json: r.json }]));
  }

  async saveJsonPieces(kind: JsonPieceKind, pieces: ({ id: string } & Required<JsonPiece>)[]): Promise<void> {
    if (!pieces.length) return;
    await this.write((c) => c.query(
      `INSERT INTO json_pieces (kind, id, stamp, json) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bytea[])
       ON CONFLICT (kind, id) DO UPDATE SET stamp = excluded.stamp, json = excluded.json`,
      [kind, pieces.map((p) => p.id), pieces.map((p) => p.stamp), pieces.map((p) => Buffer.from(p.json.buffer, p.json.byteOffset, p.json.byteLength))],
    ));
  }

  async clusters(run?: number): Promise<StoredCluster[]> {
    const rows = run === undefined
      ? await this.rows('SELECT * FROM clusters ORDER BY run, id')
      : await this.rows('SELECT c.* FROM run_clusters r JOIN clusters c ON c.id = r.cluster WHERE r.run = $1 ORDER BY r.position', [run]);
    return rows.map(fromClusterRow);
  }

  async clusterHeads(): Promise<StoredClusterHead[]> {
    return (await this.rows(`SELECT ${CLUSTER_HEAD_SELECT} FROM clusters WHERE gone_run IS NULL ORDER BY run, id`)).map(fromClusterHeadRow);
  }

  async clustersById(ids: string[]): Promise<StoredCluster[]> {
    return (await this.rows('SELECT * FROM clusters WHERE id = ANY($1)', [ids])).map(fromClusterRow);
  }

  async runs(): Promise<RunRecord[]> {
    return (await this.rows('SELECT * FROM runs ORDER BY id')).map(fromRunRow);
  }

  async search(query: string, limit = DEFAULT_SEARCH_LIMIT): Promise<SearchHit[]> {
    const terms = searchTerms(query, limit);
    // The GIN index narrows to rows holding every bigram of every term; strpos confirms each term.
    const grams = [...new Set(terms.flatMap((t) => bigrams(t)))];
    const params: unknown[] = [];
    const where: string[] = [];
    if (grams.length) {
      params.push(grams);
      where.push(`d.grams @> $${params.length}::text[]`);
    }
    for (const t of terms) {
      params.push(t.toLowerCase());
      where.push(`(strpos(lower(coalesce(d.title, '')), $${params.length}) > 0 OR strpos(lower(d.body), $${params.length}) > 0)`);
    }
    params.push(Math.floor(limit));
    const rows = await this.rows<Record<string, string | null>>(
      `SELECT d.id, d.source, d.title, d.outlet, d.published_at, d.body,
         d.metadata::jsonb ->> 'aggregator' AS aggregator, d.metadata::jsonb ->> 'url' AS url,
         d.metadata::jsonb ->> 'dateSource' AS date_source FROM documents d
       WHERE ${where.join(' AND ')} ORDER BY d.published_at DESC NULLS LAST, d.seq LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => searchHit(r, terms[0]));
  }

  async revisions(cluster: string): Promise<Revision[]> {
    return (await this.rows('SELECT * FROM post_revisions WHERE cluster = $1 ORDER BY number', [cluster])).map(fromRevisionRow);
  }

  async saveRevision(cluster: string, markdown: string, origin: RevisionOrigin, at = new Date()): Promise<Revision> {
    const savedAt = at.toISOString();
    return this.write(async (c) => {
      // Two servers saving at once: the lock makes the second wait and take the next number.
      await c.query("SELECT pg_advisory_xact_lock(hashtext('newsdesk-revision:' || $1))", [cluster]);
      const { rows: [r] } = await c.query(
        `INSERT INTO post_revisions (cluster, number, markdown, origin, saved_at)
         SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4 FROM post_revisions WHERE cluster = $1 RETURNING number`,
        [cluster, markdown, origin, savedAt],
      );
      return { cluster, number: r.number as number, markdown, origin, savedAt };
    });
  }

  async restorations(document: string): Promise<Restoration[]> {
    return (await this.rows('SELECT * FROM restorations WHERE document = $1 ORDER BY restored_at, removal', [document])).map(fromRestorationRow);
  }

  async restore(document: string, removal: number, text: string, at = new Date()): Promise<boolean> {
    return this.write(async (c) => (await c.query(
      'INSERT INTO restorations (document, removal, text, restored_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [document, removal, text, at.toISOString()],
    )).rowCount! > 0);
  }

  async changeStamp(): Promise<string> {
    const [r] = await this.rows<{ last_value: string; is_called: boolean }>('SELECT last_value, is_called FROM changes');
    return `${r.last_value}:${r.is_called}`;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
