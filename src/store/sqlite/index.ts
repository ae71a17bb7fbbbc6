// The SQLite backend (better-sqlite3): one file, WAL mode, migrations, a trigram FTS index.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Message, NewsDoc, WrittenCluster } from '../../types.js';
import { ConfigError } from '../../messages.js';
import type {
  CachePrefixes, ChangeCounts, DocumentFilter, JsonPiece, JsonPieceKind, Restoration, Revision, RevisionOrigin, RunCounts, RunRecord, SearchHit, Store, StoredCluster,
  StoredClusterHead, StoredDocument, StoredPost, StoreHealth,
} from '../store.js';
import { BUSY_TIMEOUT_MS, DEFAULT_SEARCH_LIMIT, OPEN_BUSY_TIMEOUT_MS, OPEN_RETRY_MS, HEALTH_ERRORS, MEMORY_DB, TRIGRAM_MIN_CHARS } from '../tunables.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import {
  CLUSTER_COLUMNS, CLUSTER_HEAD_SELECT, DOCUMENT_COLUMNS, clusterRow, fromClusterHeadRow, postChecksum, documentRow, fromClusterRow, fromDocumentRow, fromPostRow, fromRestorationRow,
  fromRevisionRow, fromRunRow, fromSourceErrorRow, newestErrorPerSource, sameRow, searchHit, searchTerms, zeroCounts, type ClusterRow,
  type DocumentRow,
} from '../rows.js';
import { SqliteHttpCache } from './http-cache.js';
import type { HttpCache } from '../../ingest/web/index.js';

/** Turns SQLite's codes into what the user can do about them; anything else is a real bug and rethrown. */
function explain(e: unknown, location: string): never {
  const code = (e as { code?: string }).code ?? '';
  const why = (e as Error).message;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    throw new ConfigError(`${location} is not a newsdesk database (${why}); pass another --db FILE or move that file away`);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) {
    throw new ConfigError(`cannot write the store ${location} (${why}); check the folder's permissions or pass --db FILE elsewhere`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    throw new ConfigError(`the store ${location} is locked by another newsdesk process (${why}); wait for it to finish or pass another --db FILE`);
  }
  if (code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR')) {
    throw new ConfigError(`cannot write the store ${location} (${why}); free disk space or pass --db FILE on another disk`);
  }
  throw e;
}

function migrate(db: Database.Database, location: string, migrations: Migration[]) {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const current = (db.prepare('SELECT max(version) FROM schema_version').pluck().get() as number | null) ?? 0;
  const known = migrations.at(-1)?.version ?? 0;
  if (current > known) {
    throw new ConfigError(
      `${location} has schema version ${current}, newer than this newsdesk knows (${known}); update newsdesk or pass another --db FILE`,
    );
  }
  const record = db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)');
  const applied = db.prepare('SELECT 1 FROM schema_version WHERE version = ?').pluck();
  for (const m of migrations.filter((m) => m.version > current)) {
    db.transaction(() => {
      // Another process opening the same new file may have applied it while this one waited for the lock.
      if (applied.get(m.version)) return;
      db.exec(m.sql);
      record.run(m.version, m.description, new Date().toISOString());
    }).immediate();
  }
}

/** The SQL function (on each connection) that gives a post column's checksum, for migration 9. */
const POST_CHECKSUM_SQL = 'newsdesk_post_checksum';

/** A LIKE pattern that matches `term` literally anywhere. */
const likeAnywhere = (term: string) => `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
/** An FTS5 phrase that matches `term` literally (no operators). */
const ftsPhrase = (term: string) => `"${term.replace(/"/g, '""')}"`;

export class SqliteStore implements Store {
  /** The handle: only this folder uses it (the rest of newsdesk goes through the Store interface). */
  private readonly db: Database.Database;
  readonly location: string;
  readonly kind = 'sqlite' as const;
  private readonly stampQueries;

  private readonly knownVersion: number;
  /** In memory only: documents changed since the search index was last made (see the constructor). */
  private searchIndexStale = false;

  constructor(location: string, migrations: Migration[] = MIGRATIONS) {
    this.location = location;
    this.knownVersion = migrations.at(-1)?.version ?? 0;
    const memory = location === MEMORY_DB;
    try {
      if (!memory) mkdirSync(dirname(resolve(location)), { recursive: true });
      this.db = new Database(location);
    } catch (e) {
      explain(e, location);
    }
    for (const until = Date.now() + OPEN_BUSY_TIMEOUT_MS; ;) {
      try {
        this.db.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`);
        // WAL lets the web UI read while a run writes; an in-memory database has no journal file.
        if (!memory) this.db.pragma('journal_mode = WAL');
        this.db.pragma('foreign_keys = ON');
        // Migration 9 makes the checksums of stored posts as the store makes them when it saves a cluster (rows.ts).
        this.db.function(POST_CHECKSUM_SQL, { deterministic: true }, (post: unknown) => (typeof post === 'string' ? postChecksum(post) : null));
        migrate(this.db, location, migrations);
        this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        break;
      } catch (e) {
        // Some lock races between processes opening one new file (the switch to WAL, a read turned into a
        // write) get SQLITE_BUSY at once, without the busy timeout: every step is idempotent, so try again.
        if (String((e as { code?: string }).code).startsWith('SQLITE_BUSY') && Date.now() < until) {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, OPEN_RETRY_MS);
          continue;
        }
        this.db.close();
        explain(e, location);
      }
    }
    if (memory) {
      // No other connection ever reads an in-memory store, and a digest into one never searches it: its trigram index
      // is made when a search first needs it (indexing bodies as they were stored was ~85% of storing them, on the
      // main thread while the read workers waited on it).
      this.db.exec('DROP TRIGGER documents_fts_insert; DROP TRIGGER documents_fts_update; DROP TRIGGER documents_fts_delete');
      this.searchIndexStale = true;
    }
    // data_version moves with other connections' commits, total_changes() with this connection's own writes.
    this.stampQueries = [this.db.prepare('PRAGMA data_version').pluck(), this.db.prepare('SELECT total_changes()').pluck()];
  }

  httpCache(): HttpCache {
    return new SqliteHttpCache(this.db);
  }

  /** Runs `work` in one IMMEDIATE transaction (the write lock up front, so concurrent runs queue, not fail). */
  private write<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (e) {
      explain(e, this.location);
    }
  }

  async beginRun(args: string[], startedAt: Date = new Date()): Promise<number> {
    return this.write(() => Number(
      this.db.prepare('INSERT INTO runs (started_at, args) VALUES (?, ?)').run(startedAt.toISOString(), JSON.stringify(args)).lastInsertRowid,
    ));
  }

  async saveDocuments(run: number, docs: NewsDoc[]): Promise<ChangeCounts> {
    const db = this.db;
    const documents = zeroCounts();
    const findDoc = db.prepare<[string], DocumentRow>(`SELECT ${DOCUMENT_COLUMNS.join(', ')} FROM documents WHERE key = ?`);
    const insertDoc = db.prepare(
      `INSERT INTO documents (${DOCUMENT_COLUMNS.join(', ')}, first_seen_run, updated_run)
       VALUES (${DOCUMENT_COLUMNS.map((c) => '@' + c).join(', ')}, @run, @run)`,
    );
    // Same key, new content (or a newer extractor): the old version is replaced in place.
    const updateDoc = db.prepare(
      `UPDATE documents SET ${DOCUMENT_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_run = @run WHERE key = @key`,
    );
    const dropPiece = db.prepare("DELETE FROM json_pieces WHERE kind = 'document' AND id = ?");
    if (this.location === MEMORY_DB) this.searchIndexStale = true;
    this.write(() => {
      for (const d of docs) {
        const row = documentRow(d);
        const old = findDoc.get(d.key);
        if (!old) {
          insertDoc.run({ ...row, run });
          documents.inserted++;
        } else if (sameRow(old, row, DOCUMENT_COLUMNS)) {
          documents.unchanged++;
        } else {
          updateDoc.run({ ...row, run });
          dropPiece.run(d.id);
          documents.updated++;
        }
      }
    });
    return documents;
  }

  async hasDocument(key: string, contentHash: string): Promise<boolean> {
    return !!this.db.prepare('SELECT 1 FROM documents WHERE key = ? AND content_hash = ?').get(key, contentHash);
  }

  async saveClusters(run: number, written: Iterable<WrittenCluster | string>, gone: string[] = []): Promise<ChangeCounts> {
    const db = this.db;
    const clusters = zeroCounts();
    const findCluster = db.prepare<[string], ClusterRow>(`SELECT ${CLUSTER_COLUMNS.join(', ')} FROM clusters WHERE id = ? AND gone_run IS NULL`);
    const upsertCluster = db.prepare(
      `INSERT INTO clusters (id, run, members, analysis, post_path, post, head, post_checksum)
       VALUES (@id, @run, @members, @analysis, @post_path, @post, @head, @post_checksum)
       ON CONFLICT(id) DO UPDATE SET run = excluded.run, members = excluded.members, analysis = excluded.analysis,
         post_path = excluded.post_path, post = excluded.post, head = excluded.head, post_checksum = excluded.post_checksum, gone_run = NULL`,
    );
    const link = db.prepare('INSERT OR REPLACE INTO run_clusters (run, cluster, position) VALUES (?, ?, ?)');
    const markGone = db.prepare('UPDATE clusters SET gone_run = ? WHERE id = ? AND gone_run IS NULL');
    const dropPiece = db.prepare("DELETE FROM json_pieces WHERE kind = 'cluster' AND id = ?");
    this.write(() => {
      let position = 0;
      for (const c of written) {
        if (typeof c === 'string') {
          clusters.unchanged++;
          link.run(run, c, position++);
          continue;
        }
        const row = clusterRow(c);
        const old = findCluster.get(c.id);
        if (old && sameRow(old, row, CLUSTER_COLUMNS)) clusters.unchanged++;
        else {
          upsertCluster.run({ ...row, run });
          dropPiece.run(c.id);
          clusters[old ? 'updated' : 'inserted']++;
        }
        link.run(run, c.id, position++);
      }
      for (const id of gone) {
        markGone.run(run, id);
        dropPiece.run(id);
      }
    });
    return clusters;
  }

  async finishRun(run: number, counts: RunCounts, errors: Message[] = []): Promise<void> {
    const at = new Date().toISOString();
    const keep = this.db.prepare(
      `INSERT INTO source_errors (source, run, stage, rule, reason, at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(source) DO UPDATE SET run = excluded.run, stage = excluded.stage, rule = excluded.rule, reason = excluded.reason, at = excluded.at`,
    );
    this.write(() => {
      this.db.prepare('UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?').run(at, JSON.stringify(counts), run);
      for (const m of newestErrorPerSource(errors)) keep.run(m.place.source, run, m.stage, m.rule, m.reason, at);
    });
  }

  async health(): Promise<StoreHealth> {
    const count = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    const problems = this.db.prepare('PRAGMA quick_check(5)').pluck().all() as string[];
    const last = this.db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT 1').get() as Record<string, unknown> | undefined;
    return {
      kind: this.kind,
      location: this.location,
      check: problems.join('; '),
      schemaVersion: count('SELECT max(version) FROM schema_version'),
      knownVersion: this.knownVersion,
      counts: {
        documents: count('SELECT count(*) FROM documents'),
        currentClusters: count('SELECT count(*) FROM clusters WHERE gone_run IS NULL'),
        runs: count('SELECT count(*) FROM runs'),
        unfinishedRuns: count('SELECT count(*) FROM runs WHERE finished_at IS NULL'),
        posts: count('SELECT count(*) FROM posts'),
      },
      lastRun: last ? fromRunRow(last) : null,
      lastErrors: (this.db.prepare('SELECT * FROM source_errors ORDER BY at DESC, source LIMIT ?').all(HEALTH_ERRORS) as Record<string, unknown>[]).map(fromSourceErrorRow),
    };
  }

  async posts(outDir: string): Promise<StoredPost[]> {
    return (this.db.prepare('SELECT out_dir, path, cluster, checksum, run FROM posts WHERE out_dir = ? ORDER BY path').all(outDir) as Record<string, unknown>[])
      .map(fromPostRow);
  }

  async savePost(p: StoredPost): Promise<void> {
    this.write(() => this.db.prepare(
      `INSERT INTO posts (out_dir, path, cluster, checksum, run) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(out_dir, path) DO UPDATE SET cluster = excluded.cluster, checksum = excluded.checksum, run = excluded.run`,
    ).run(p.outDir, p.path, p.cluster, p.checksum, p.run));
  }

  async forgetPost(outDir: string, path: string): Promise<void> {
    this.write(() => this.db.prepare('DELETE FROM posts WHERE out_dir = ? AND path = ?').run(outDir, path));
  }

  async document(id: string): Promise<StoredDocument | null> {
    const row = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return row ? fromDocumentRow(row) : null;
  }

  async documents(filter: DocumentFilter = {}): Promise<StoredDocument[]> {
    const out: StoredDocument[] = [];
    await this.eachDocument(filter, (d) => out.push(d));
    return out;
  }

  async eachDocument(filter: DocumentFilter, visit: (d: StoredDocument) => void): Promise<void> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.since) {
      // An undated document counts from when it was stored.
      where.push('coalesce(d.published_at, (SELECT started_at FROM runs WHERE id = d.updated_run)) >= ?');
      params.push(filter.since);
    }
    if (filter.sourcePattern) {
      where.push("d.source LIKE ? ESCAPE '\\'");
      params.push(likeAnywhere(filter.sourcePattern));
    }
    if (filter.run !== undefined) {
      where.push('d.updated_run = ?');
      params.push(filter.run);
    }
    const sql = `SELECT d.* FROM documents d ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.seq`;
    // Row by row: the raw rows (with their JSON text) of a large store are never all held at once.
    for (const row of this.db.prepare(sql).iterate(...params)) visit(fromDocumentRow(row as Record<string, unknown>));
  }

  async tokens(keys: string[]): Promise<Map<string, string>> {
    return this.cached<string>('token_cache', 'tokens', keys);
  }

  async saveTokens(rows: [key: string, tokens: string][]): Promise<void> {
    this.keepCached('token_cache', 'tokens', rows);
  }

  async features(keys: string[]): Promise<Map<string, Uint8Array>> {
    return this.cached<Uint8Array>('feature_cache', 'features', keys);
  }

  async saveFeatures(rows: [key: string, features: Uint8Array][]): Promise<void> {
    this.keepCached('feature_cache', 'features', rows);
  }

  async pruneCaches(keep: CachePrefixes): Promise<CachePrefixes<number>> {
    // The keys outside the prefix (which ends with ':') as two ranges of the primary key (by bytes: ';' follows ':'),
    // so the rows under it are not read.
    const prune = (table: string, prefix: string) =>
      this.write(() => this.db.prepare(`DELETE FROM ${table} WHERE key < ? OR key >= ?`).run(prefix, `${prefix.slice(0, -1)};`).changes);
    return { tokens: prune('token_cache', keep.tokens), features: prune('feature_cache', keep.features) };
  }

  /** A cache table's values (token_cache, feature_cache: a key and one value) of the keys that have one. */
  private cached<T>(table: string, column: string, keys: string[]): Map<string, T> {
    const rows = this.db.prepare(`SELECT key, ${column} AS value FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(keys)) as { key: string; value: T }[];
    return new Map(rows.map((r) => [r.key, r.value]));
  }

  /** Keeps rows of a cache table; a key already kept keeps its row (the same key means the same value). */
  private keepCached(table: string, column: string, rows: [key: string, value: string | Uint8Array][]): void {
    const insert = this.db.prepare(`INSERT INTO ${table} (key, ${column}) VALUES (?, ?) ON CONFLICT(key) DO NOTHING`);
    this.write(() => {
      for (const [key, value] of rows) insert.run(key, value);
    });
  }

  async jsonPieces(kind: JsonPieceKind, ids: string[], stampsOnly = false): Promise<Map<string, JsonPiece>> {
    const rows = this.db.prepare(`SELECT id, stamp${stampsOnly ? '' : ', json'} FROM json_pieces WHERE kind = ? AND id IN (SELECT value FROM json_each(?))`)
      .all(kind, JSON.stringify(ids)) as { id: string; stamp: string; json?: Uint8Array }[];
    return new Map(rows.map((r) => [r.id, stampsOnly ? { stamp: r.stamp } : { stamp: r.stamp, json: r.json }]));
  }

  async saveJsonPieces(kind: JsonPieceKind, pieces: ({ id: string } & Required<JsonPiece>)[]): Promise<void> {
    const upsert = this.db.prepare('INSERT INTO json_pieces (kind, id, stamp, json) VALUES (?, ?, ?, ?) ON CONFLICT(kind, id) DO UPDATE SET stamp = excluded.stamp, json = excluded.json');
    this.write(() => {
      for (const p of pieces) upsert.run(kind, p.id, p.stamp, p.json);
    });
  }

  async clusters(run?: number): Promise<StoredCluster[]> {
    const rows =
      run === undefined
        ? this.db.prepare('SELECT * FROM clusters ORDER BY run, id').all()
        : this.db
            .prepare('SELECT c.* FROM run_clusters r JOIN clusters c ON c.id = r.cluster WHERE r.run = ? ORDER BY r.position')
            .all(run);
    return (rows as Record<string, unknown>[]).map(fromClusterRow);
  }

  async clusterHeads(): Promise<StoredClusterHead[]> {
    return (this.db.prepare(`SELECT ${CLUSTER_HEAD_SELECT} FROM clusters WHERE gone_run IS NULL ORDER BY run, id`).all() as Record<string, unknown>[])
      .map(fromClusterHeadRow);
  }

  async clustersById(ids: string[]): Promise<StoredCluster[]> {
    return (this.db.prepare('SELECT * FROM clusters WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Record<string, unknown>[])
      .map(fromClusterRow);
  }

  async runs(): Promise<RunRecord[]> {
    return (this.db.prepare('SELECT * FROM runs ORDER BY id').all() as Record<string, unknown>[]).map(fromRunRow);
  }

  async search(query: string, limit = DEFAULT_SEARCH_LIMIT): Promise<SearchHit[]> {
    const terms = searchTerms(query, limit);
    // Terms of three or more characters use the trigram index; shorter ones can only be scanned.
    const long = terms.filter((t) => [...t].length >= TRIGRAM_MIN_CHARS);
    const short = terms.filter((t) => [...t].length < TRIGRAM_MIN_CHARS);
    const where: string[] = [];
    const params: unknown[] = [];
    if (long.length) {
      if (this.searchIndexStale) {
        this.db.prepare("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')").run();
        this.searchIndexStale = false;
      }
      where.push('d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)');
      params.push(long.map(ftsPhrase).join(' AND '));
    }
    for (const t of short) {
      where.push("(coalesce(d.title, '') LIKE ? ESCAPE '\\' OR d.body LIKE ? ESCAPE '\\')");
      params.push(likeAnywhere(t), likeAnywhere(t));
    }
    const rows = this.db
      .prepare(
        `SELECT d.id, d.source, d.title, d.outlet, d.published_at, d.body,
           json_extract(d.metadata, '$.aggregator') AS aggregator, json_extract(d.metadata, '$.url') AS url,
           json_extract(d.metadata, '$.dateSource') AS date_source FROM documents d
         WHERE ${where.join(' AND ')} ORDER BY d.published_at DESC NULLS LAST, d.seq LIMIT ?`,
      )
      .all(...params, Math.floor(limit)) as Record<string, string | null>[];
    return rows.map((r) => searchHit(r, terms[0]));
  }

  async revisions(cluster: string): Promise<Revision[]> {
    return (this.db.prepare('SELECT * FROM post_revisions WHERE cluster = ? ORDER BY number').all(cluster) as Record<string, unknown>[])
      .map(fromRevisionRow);
  }

  async saveRevision(cluster: string, markdown: string, origin: RevisionOrigin, at = new Date()): Promise<Revision> {
    return this.write(() => {
      const number = ((this.db.prepare('SELECT max(number) FROM post_revisions WHERE cluster = ?').pluck().get(cluster) as number | null) ?? 0) + 1;
      const savedAt = at.toISOString();
      this.db.prepare('INSERT INTO post_revisions (cluster, number, markdown, origin, saved_at) VALUES (?, ?, ?, ?, ?)')
        .run(cluster, number, markdown, origin, savedAt);
      return { cluster, number, markdown, origin, savedAt };
    });
  }

  async restorations(document: string): Promise<Restoration[]> {
    return (this.db.prepare('SELECT * FROM restorations WHERE document = ? ORDER BY restored_at, removal').all(document) as Record<string, unknown>[])
      .map(fromRestorationRow);
  }

  async restore(document: string, removal: number, text: string, at = new Date()): Promise<boolean> {
    return this.write(() => this.db.prepare('INSERT OR IGNORE INTO restorations (document, removal, text, restored_at) VALUES (?, ?, ?, ?)')
      .run(document, removal, text, at.toISOString()).changes > 0);
  }

  async changeStamp(): Promise<string> {
    return this.stampQueries.map((q) => q.get()).join(':');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
