// Test support: digests a folder of fixture pages (fixtures/write/<case>/) through the whole
// pipeline, as `newsdesk digest FOLDER --db :memory:` would. Plain JS beside its types
// (digest.d.mts); it uses the built pipeline, so run `tsc -p .` first (every test run does).
import { fileURLToPath } from 'node:url';
import { listInputs, readRaw } from '../../dist/ingest/read-files.js';
import { run } from '../../dist/pipeline.js';
import { openStore } from '../../dist/store/index.js';

export async function digestFolder(name, runDate = '2026-01-01') {
  const dir = fileURLToPath(new URL(`../../fixtures/write/${name}/`, import.meta.url));
  const { files } = listInputs([dir]);
  const store = await openStore(':memory:');
  try {
    return await run({
      store, args: ['test'], write: { runDate },
      inputs: { raws: files.map((f) => readRaw(f)), total: files.length, messages: [] },
    });
  } finally {
    await store.close();
  }
}
