// The SQLite backend (better-sqlite3): one file, WAL mode, migrations, a trigram FTS index.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Message, NewsDoc, WeakDateSource, WrittenCluster } from '../../types.js';
import { ConfigError } from '../../messages.js';
import type {
  ChangeCounts, DocumentFilter, RunCounts, RunRecord, SearchHit, Store, StoredCluster, StoredDocument, StoredMetadata,
  StoredPost,
} from '../store.js';
import { BUSY_TIMEOUT_MS, DEFAULT_SEARCH_LIMIT, MEMORY_DB, SNIPPET_CONTEXT_CHARS, TRIGRAM_MIN_CHARS } from '../tunables.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import { SqliteHttpCache } from './http-cache.js';
import type { HttpCache } from '../../ingest/web/index.js';

/** The columns that make up a document's content; first_seen_run/updated_run are bookkeeping. */
const DOCUMENT_COLUMNS = [
  'id', 'source', 'key', 'content_hash', 'format', 'encoding', 'kind', 'outlet', 'title', 'published_at',
  'body', 'metadata', 'captions', 'removed', 'messages',
] as const;
type DocumentRow = Record<(typeof DOCUMENT_COLUMNS)[number], string | null>;

const CLUSTER_COLUMNS = ['id', 'members', 'analysis', 'post_path', 'post'] as const;
type ClusterRow = Record<(typeof CLUSTER_COLUMNS)[number], string | null>;

const zeroCounts = (): ChangeCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

function documentRow(d: NewsDoc): DocumentRow {
  const metadata: StoredMetadata = {
    aggregator: d.aggregator, subtitles: d.subtitles, section: d.section, reporter: d.reporter, email: d.email,
    url: d.url, publishedAtInferred: d.publishedAtInferred ?? false, ...(d.dateSource ? { dateSource: d.dateSource } : {}), frontMatter: d.frontMatter,
    headings: d.headings, evidence: d.evidence, sentences: d.sentences,
  };
  return {
    id: d.id, source: d.source, key: d.key, content_hash: d.contentHash, format: d.format, encoding: d.encoding,
    kind: d.kind, outlet: d.outlet, title: d.title, published_at: d.publishedAt, body: d.body,
    metadata: JSON.stringify(metadata), captions: JSON.stringify(d.captions), removed: JSON.stringify(d.removed),
    messages: JSON.stringify(d.messages),
  };
}

function clusterRow(c: WrittenCluster): ClusterRow {
  const analysis = {
    duplicates: c.duplicates, event: c.event ?? null, entities: c.entities, numbers: c.numbers, quotes: c.quotes, timeline: c.timeline,
    findings: c.findings, summary: c.summary, inferredDates: c.inferredDates, messages: c.messages,
  };
  const post = c.post ? JSON.stringify({ markdown: c.post.markdown, model: c.post.model, sentences: c.post.sentences, writtenWith: c.writtenWith }) : null;
  return { id: c.id, members: JSON.stringify(c.members), analysis: JSON.stringify(analysis), post_path: c.post?.path ?? null, post };
}

const sameRow = <T extends Record<string, unknown>>(a: T, b: T, columns: readonly (keyof T)[]) =>
  columns.every((k) => a[k] === b[k]);

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
  for (const m of migrations.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.description, new Date().toISOString());
    }).immediate();
  }
}

/** A LIKE pattern that matches `term` literally anywhere. */
const likeAnywhere = (term: string) => `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
/** An FTS5 phrase that matches `term` literally (no operators). */
const ftsPhrase = (term: string) => `"${term.replace(/"/g, '""')}"`;

function snippetAround(body: string, at: number, length: number): string {
  const from = Math.max(0, at - SNIPPET_CONTEXT_CHARS);
  const to = Math.min(body.length, at + length + SNIPPET_CONTEXT_CHARS);
  return `${from > 0 ? '…' : ''}${body.slice(from, to).replace(/\s+/g, ' ')}${to < body.length ? '…' : ''}`;
}

export class SqliteStore implements Store {
  /** The underlying handle, for edge modules that keep their own tables in the same file (e.g. an HTTP cache). */
  readonly db: Database.Database;
  readonly location: string;

  constructor(location: string, migrations: Migration[] = MIGRATIONS) {
    this.location = location;
    const memory = location === MEMORY_DB;
    try {
      if (!memory) mkdirSync(dirname(resolve(location)), { recursive: true });
      this.db = new Database(location);
    } catch (e) {
      explain(e, location);
    }
    try {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // WAL lets the web UI read while a run writes; an in-memory database has no journal file.
      if (!memory) this.db.pragma('journal_mode = WAL');
      this.db.pragma('foreign_keys = ON');
      migrate(this.db, location, migrations);
    } catch (e) {
      this.db.close();
      explain(e, location);
    }
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

  beginRun(args: string[], startedAt: Date = new Date()): number {
    return this.write(() => Number(
      this.db.prepare('INSERT INTO runs (started_at, args) VALUES (?, ?)').run(startedAt.toISOString(), JSON.stringify(args)).lastInsertRowid,
    ));
  }

  saveDocuments(run: number, docs: NewsDoc[]): ChangeCounts {
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
          documents.updated++;
        }
      }
    });
    return documents;
  }

  hasDocument(key: string, contentHash: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM documents WHERE key = ? AND content_hash = ?').get(key, contentHash);
  }

  saveClusters(run: number, written: WrittenCluster[], gone: string[] = []): ChangeCounts {
    const db = this.db;
    const clusters = zeroCounts();
    const findCluster = db.prepare<[string], ClusterRow>(`SELECT ${CLUSTER_COLUMNS.join(', ')} FROM clusters WHERE id = ? AND gone_run IS NULL`);
    const upsertCluster = db.prepare(
      `INSERT INTO clusters (id, run, members, analysis, post_path, post) VALUES (@id, @run, @members, @analysis, @post_path, @post)
       ON CONFLICT(id) DO UPDATE SET run = excluded.run, members = excluded.members, analysis = excluded.analysis,
         post_path = excluded.post_path, post = excluded.post, gone_run = NULL`,
    );
    const link = db.prepare('INSERT OR REPLACE INTO run_clusters (run, cluster, position) VALUES (?, ?, ?)');
    const markGone = db.prepare('UPDATE clusters SET gone_run = ? WHERE id = ? AND gone_run IS NULL');
    this.write(() => {
      written.forEach((c, position) => {
        const row = clusterRow(c);
        const old = findCluster.get(c.id);
        if (old && sameRow(old, row, CLUSTER_COLUMNS)) clusters.unchanged++;
        else {
          upsertCluster.run({ ...row, run });
          clusters[old ? 'updated' : 'inserted']++;
        }
        link.run(run, c.id, position);
      });
      for (const id of gone) markGone.run(run, id);
    });
    return clusters;
  }

  finishRun(run: number, counts: RunCounts): void {
    this.write(() => this.db.prepare('UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?').run(new Date().toISOString(), JSON.stringify(counts), run));
  }

  posts(outDir: string): StoredPost[] {
    return (this.db.prepare('SELECT out_dir, path, cluster, checksum, run FROM posts WHERE out_dir = ? ORDER BY path').all(outDir) as Record<string, unknown>[])
      .map((r) => ({ outDir: r.out_dir as string, path: r.path as string, cluster: r.cluster as string, checksum: r.checksum as string, run: r.run as number }));
  }

  savePost(p: StoredPost): void {
    this.write(() => this.db.prepare(
      `INSERT INTO posts (out_dir, path, cluster, checksum, run) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(out_dir, path) DO UPDATE SET cluster = excluded.cluster, checksum = excluded.checksum, run = excluded.run`,
    ).run(p.outDir, p.path, p.cluster, p.checksum, p.run));
  }

  forgetPost(outDir: string, path: string): void {
    this.write(() => this.db.prepare('DELETE FROM posts WHERE out_dir = ? AND path = ?').run(outDir, path));
  }

  document(id: string): StoredDocument | null {
    const row = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return row ? fromDocumentRow(row) : null;
  }

  documents(filter: DocumentFilter = {}): StoredDocument[] {
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
    return (this.db.prepare(sql).all(...params) as Record<string, unknown>[]).map(fromDocumentRow);
  }

  clusters(run?: number): StoredCluster[] {
    const rows =
      run === undefined
        ? this.db.prepare('SELECT * FROM clusters ORDER BY run, id').all()
        : this.db
            .prepare('SELECT c.* FROM run_clusters r JOIN clusters c ON c.id = r.cluster WHERE r.run = ? ORDER BY r.position')
            .all(run);
    return (rows as Record<string, unknown>[]).map((r) => {
      const { writtenWith, ...post } = r.post ? JSON.parse(r.post as string) : { writtenWith: null };
      return {
        id: r.id as string,
        run: r.run as number,
        members: JSON.parse(r.members as string),
        analysis: JSON.parse(r.analysis as string),
        postPath: (r.post_path as string | null) ?? null,
        post: r.post && r.post_path ? { path: r.post_path as string, ...post } : null,
        writtenWith: writtenWith ?? null,
        goneRun: (r.gone_run as number | null) ?? null,
      };
    });
  }

  runs(): RunRecord[] {
    return (this.db.prepare('SELECT * FROM runs ORDER BY id').all() as Record<string, unknown>[]).map((r) => ({
      id: r.id as number,
      startedAt: r.started_at as string,
      finishedAt: (r.finished_at as string | null) ?? null,
      args: JSON.parse(r.args as string),
      counts: JSON.parse(r.counts as string),
    }));
  }

  search(query: string, limit = DEFAULT_SEARCH_LIMIT): SearchHit[] {
    const terms = query.trim().split(/\s+/u).filter(Boolean);
    if (!terms.length) throw new ConfigError('search needs at least one word, e.g. search("반도체")');
    if (!(limit > 0)) throw new ConfigError(`search limit must be a positive number, not ${limit}`);
    // Terms of three or more characters use the trigram index; shorter ones can only be scanned.
    const long = terms.filter((t) => [...t].length >= TRIGRAM_MIN_CHARS);
    const short = terms.filter((t) => [...t].length < TRIGRAM_MIN_CHARS);
    const where: string[] = [];
    const params: unknown[] = [];
    if (long.length) {
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
    const first = terms[0];
    return rows.map((r) => {
      const body = r.body ?? '';
      const at = body.indexOf(first);
      return {
        id: r.id!,
        source: r.source!,
        title: r.title,
        outlet: r.outlet,
        aggregator: r.aggregator,
        url: r.url,
        publishedAt: r.published_at,
        dateSource: (r.date_source as WeakDateSource | null) ?? null,
        match: at >= 0 ? { start: at, end: at + first.length } : null,
        snippet: snippetAround(body, Math.max(0, at), at >= 0 ? first.length : 0),
      };
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function fromDocumentRow(r: Record<string, unknown>): StoredDocument {
  return {
    id: r.id as string,
    source: r.source as string,
    key: r.key as string,
    contentHash: r.content_hash as string,
    format: r.format as StoredDocument['format'],
    encoding: r.encoding as string,
    kind: r.kind as StoredDocument['kind'],
    outlet: (r.outlet as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    publishedAt: (r.published_at as string | null) ?? null,
    body: r.body as string,
    metadata: JSON.parse(r.metadata as string),
    captions: JSON.parse(r.captions as string),
    removed: JSON.parse(r.removed as string),
    messages: JSON.parse(r.messages as string),
    firstSeenRun: r.first_seen_run as number,
    updatedRun: r.updated_run as number,
  };
}
