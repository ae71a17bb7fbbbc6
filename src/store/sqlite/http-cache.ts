// HTTP validator cache: per URL the ETag / Last-Modified and the body they validate, so a
// conditional GET that comes back 304 reuses the stored bytes. Lives in the store's SQLite file;
// the interface and the in-memory variant sit with their consumer, ingest/web/http-cache.ts.
import type { Database } from 'better-sqlite3';
import type { CachedResponse, HttpCache } from '../../ingest/web/http-cache.js';
import { cachedResponse, type HttpCacheRow } from '../rows.js';

/** The cache as the store's http_cache table (created by migration 4). */
export class SqliteHttpCache implements HttpCache {
  private readonly select;
  private readonly upsert;
  private readonly update;

  constructor(db: Database) {
    this.select = db.prepare<[string], HttpCacheRow>('SELECT * FROM http_cache WHERE url = ?');
    this.upsert = db.prepare(
      `INSERT INTO http_cache (url, etag, last_modified, content_type, body, fetched_at)
       VALUES (@url, @etag, @lastModified, @contentType, @body, @fetchedAt)
       ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
         content_type = excluded.content_type, body = excluded.body, fetched_at = excluded.fetched_at`,
    );
    this.update = db.prepare('UPDATE http_cache SET fetched_at = ? WHERE url = ?');
  }

  async get(url: string): Promise<CachedResponse | undefined> {
    const r = this.select.get(url);
    return r && cachedResponse(r);
  }

  async put(e: CachedResponse) {
    this.upsert.run({ ...e, body: Buffer.from(e.body) });
  }

  async touch(url: string, fetchedAt: string) {
    this.update.run(fetchedAt, url);
  }
}
