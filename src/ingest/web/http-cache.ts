// What the fetcher needs of an HTTP validator cache (ETag / Last-Modified and the body they validate);
// the store keeps one beside its tables (store/sqlite/http-cache.ts, store/postgres/http-cache.ts).

export interface CachedResponse {
  /** The URL as requested (one hop; redirects have their own rows). */
  url: string;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  body: Uint8Array;
  /** ISO time of the last 200 or 304. */
  fetchedAt: string;
}

export interface HttpCache {
  get(url: string): Promise<CachedResponse | undefined>;
  put(entry: CachedResponse): Promise<void>;
  /** Marks a 304: the stored body is still current. */
  touch(url: string, fetchedAt: string): Promise<void>;
}

/** For `--db :memory:` runs and tests: lives as long as the process. */
export class MemoryHttpCache implements HttpCache {
  private rows = new Map<string, CachedResponse>();
  async get(url: string) {
    return this.rows.get(url);
  }
  async put(entry: CachedResponse) {
    this.rows.set(entry.url, { ...entry });
  }
  async touch(url: string, fetchedAt: string) {
    const row = this.rows.get(url);
    if (row) row.fetchedAt = fetchedAt;
  }
}
