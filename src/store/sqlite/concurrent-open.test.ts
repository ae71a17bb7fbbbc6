// Several processes opening one new SQLite file at the same moment (two digests started together, a
// worker per core): each must find the schema applied exactly once, not fail on "table already exists".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

const storeModule = fileURLToPath(new URL('../index.js', import.meta.url));
const PROCESSES = 6;

/** Starts a process that waits for `startAt` (so all open together), opens the store and closes it. */
function opener(db: string, startAt: number): Promise<{ code: number | null; stderr: string }> {
  const script = `
    const { openStore } = await import(${JSON.stringify(storeModule)});
    while (Date.now() < ${startAt}) {}
    const store = await openStore(${JSON.stringify(db)});
    await store.close();`;
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stderr }));
  });
}

test(`${PROCESSES} processes opening one new SQLite file at once migrate it once, none fails`, { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-open-race-'));
  try {
    for (let round = 0; round < 3; round++) {
      const db = join(dir, `nd-${round}.db`);
      // Far enough ahead that every process has loaded its modules before the moment comes.
      const startAt = Date.now() + 3000;
      const results = await Promise.all(Array.from({ length: PROCESSES }, () => opener(db, startAt)));
      for (const r of results) assert.equal(r.code, 0, r.stderr);
      const check = new Database(db, { readonly: true });
      const versions = check.prepare('SELECT version FROM schema_version ORDER BY version').pluck().all();
      check.close();
      assert.deepEqual(versions, MIGRATIONS.map((m) => m.version));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
