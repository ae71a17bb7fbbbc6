// HTTP validator cache: per URL the ETag / Last-Modified and the body they validate, as the store's
// http_cache table in PostgreSQL (the same roles as sqlite/http-cache.ts).
import type { CachedResponse, HttpCache } from '../../ingest/web/http-cache.js';
import { cachedResponse, type HttpCacheRow } from '../rows.js';

export class PgHttpCache implements HttpCache {
  /** `rows`: the store's query, which turns a server that does not answer into StoreUnavailableError (as every store call). */
  constructor(private readonly rows: (sql: string, params: unknown[]) => Promise<HttpCacheRow[]>) {}

  async get(url: string): Promise<CachedResponse | undefined> {
    const [r] = await this.rows('SELECT * FROM http_cache WHERE url = $1', [url]);
    return r && cachedResponse(r);
  }

  async put(e: CachedResponse): Promise<void> {
    await this.rows(
      `INSERT INTO http_cache (url, etag, last_modified, content_type, body, fetched_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
         content_type = excluded.content_type, body = excluded.body, fetched_at = excluded.fetched_at`,
      [e.url, e.etag, e.lastModified, e.contentType, Buffer.from(e.body), e.fetchedAt],
    );
  }

  async touch(url: string, fetchedAt: string): Promise<void> {
    await this.rows('UPDATE http_cache SET fetched_at = $1 WHERE url = $2', [fetchedAt, url]);
  }
}
