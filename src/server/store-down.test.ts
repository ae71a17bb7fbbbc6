// The workbench over a PostgreSQL store that stops answering (a restart): pages say so with 503 and Retry-After,
// in Korean for a browser and as JSON for the API, and work again once the store is back, without a restart.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './serve.js';
import { STORE_RETRY_AFTER_S } from './tunables.js';
import { dropPgTestSchemas, pgTestRelay } from '../store/postgres/test-db.js';

after(dropPgTestSchemas);

test('a store that stops answering gives 503 with Retry-After, a page in Korean or JSON, until it is back', async () => {
  const relay = await pgTestRelay();
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-store-down-'));
  const server = await startServer({ db: relay.location, port: 0, host: '127.0.0.1', postsDir: join(dir, '_posts'), write: {}, fetcher: {}, csrfSecret: 'test-csrf-token' });
  const get = (path: string, accept: string) => fetch(server.url + path, { headers: { accept } });
  try {
    assert.equal((await get('/', 'text/html')).status, 200);
    await relay.cut();
    const page = await get('/', 'text/html,application/xhtml+xml');
    assert.equal(page.status, 503);
    assert.equal(page.headers.get('retry-after'), String(STORE_RETRY_AFTER_S));
    const text = await page.text();
    assert.match(text, /<h1>저장소가 응답하지 않습니다<\/h1>/);
    assert.match(text, /PostgreSQL at .* (is not answering|closed the connection)/);
    const api = await get('/api/clusters', 'application/json');
    assert.equal(api.status, 503);
    assert.match((await api.json() as { error: string }).error, /PostgreSQL at .* (is not answering|closed the connection)/);
    await relay.restore();
    assert.equal((await get('/', 'text/html')).status, 200, 'the same server answers again once the store is back');
  } finally {
    await server.close();
    await relay.cut();
    rmSync(dir, { recursive: true, force: true });
  }
});
