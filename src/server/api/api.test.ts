// The JSON API tested against its own OpenAPI description: every described path is called, every
// response is validated against the schema the document gives for its status, and the document
// describes exactly the /api routes the server answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { OPENAPI } from './openapi.js';
import { createApp } from '../app.js';
import { startTestWorkbench, type TestWorkbench } from '../fixture-server.js';

let w: TestWorkbench;
before(async () => (w = await startTestWorkbench(['walk', 'other'])));
after(() => w.dispose());

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'openapi.json', components: OPENAPI.components }, 'openapi.json');
const called = new Set<string>();

/** Calls the API and checks the response against the description of `template` + method + status. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bodies are checked against the schema, not typed
async function call(template: keyof typeof OPENAPI.paths, path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(w.url + path, init);
  const method = (init.method ?? 'GET').toLowerCase() as 'get';
  const operation = (OPENAPI.paths[template] as Record<string, { responses: Record<number, { content: { 'application/json': { schema: object } } }> }>)[method];
  assert.ok(operation, `${method} ${template} is described`);
  const described = operation.responses[response.status];
  assert.ok(described, `${method} ${template} may answer ${response.status}`);
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  const body = await response.json();
  const schema = JSON.parse(JSON.stringify(described.content['application/json'].schema).replaceAll('"#/components', '"openapi.json#/components'));
  const valid = ajv.validate(schema, body);
  assert.ok(valid, `${method} ${path} ${response.status}: ${ajv.errorsText(ajv.errors)}`);
  called.add(`${method} ${template}`);
  return { status: response.status, body };
}

test('every GET answers in the shape its description gives (the digest JSON shapes)', async () => {
  await call('/api/openapi.json', '/api/openapi.json');
  const { body: list } = await call('/api/clusters', '/api/clusters');
  assert.equal(list.clusters.length, 2);
  const id = list.clusters[0].id;
  const { body: one } = await call('/api/clusters/{id}', `/api/clusters/${id}`);
  assert.equal(one.cluster.id, id);
  assert.deepEqual(one.documents.map((d: { id: string }) => d.id).sort(), [...one.cluster.members].sort());
  assert.match(one.cluster.post.markdown, /^---\n/);
  assert.equal((await call('/api/clusters/{id}', '/api/clusters/nope')).status, 404);
  const { body: doc } = await call('/api/documents/{id}', `/api/documents/${one.documents[0].id}`);
  assert.equal(doc.body, one.documents[0].body);
  assert.equal((await call('/api/documents/{id}', '/api/documents/nope')).status, 404);
  const { body: found } = await call('/api/search', `/api/search?q=${encodeURIComponent('도서관')}`);
  assert.equal(found.hits.length, 2);
  assert.ok(found.hits.every((h: { snippet: string }) => h.snippet.includes('도서관')));
  assert.equal((await call('/api/search', '/api/search?q=')).status, 400);
  assert.equal((await call('/api/jobs/{id}', '/api/jobs/999')).status, 404);
});

test('POST /api/sources needs the CSRF token, then adds a pasted article and reports the job', async () => {
  const body = JSON.stringify({ texts: ['사회\n청솔시 도서관 개관 앞당겨\n청솔시가 어린이 도서관 개관을 내년 2월로 앞당긴다고 5일 밝혔다.\n'] });
  const headers = { 'content-type': 'application/json' };
  assert.equal((await call('/api/sources', '/api/sources', { method: 'POST', headers, body })).status, 403);
  const { body: session } = await call('/api/session', '/api/session');
  const started = await call('/api/sources', '/api/sources', { method: 'POST', headers: { ...headers, 'x-csrf-token': session.csrfToken }, body });
  assert.equal(started.status, 202);
  assert.equal((await call('/api/sources', '/api/sources', { method: 'POST', headers: { ...headers, 'x-csrf-token': session.csrfToken }, body: '{}' })).status, 400);
  let job;
  for (let i = 0; i < 600; i++) {
    job = (await call('/api/jobs/{id}', started.body.status)).body;
    if (job.finished) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(job.finished, 'the job finishes');
  assert.deepEqual(job.sources.map((s: { state: string }) => s.state), ['done']);
  assert.equal(job.result.documents, 1);
  const { body: found } = await call('/api/search', `/api/search?q=${encodeURIComponent('앞당긴다')}`);
  assert.equal(found.hits.length, 1, 'the pasted article is in the store');
});

test('the description covers exactly the API routes, and each was exercised above', () => {
  const described = Object.entries(OPENAPI.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
  for (const d of described) assert.ok(called.has(d), `${d} was called`);
  const served = createApp(w.bench).app.routes
    .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
    .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  assert.deepEqual([...new Set(served)].sort(), described.sort());
});
