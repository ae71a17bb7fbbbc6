// The workbench as a Hono app: pages, the JSON API and the assets, behind the access-token, CSRF,
// body-size and security-header guards. No I/O of its own beyond the store (via Workbench) and export.
import { Hono, type Context } from 'hono';
import type { BlankEnv } from 'hono/types';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { clusterJson, documentJson, DIGEST_VERSION } from '../write/digest-json.js';
import { ConfigError, StoreUnavailableError } from '../messages.js';
import { page } from './layout.js';
import { html } from './html.js';
import { STYLESHEET } from './style.js';
import { CLIENT_SCRIPT } from './client.js';
import { Workbench } from './workbench.js';
import type { StoredCluster } from '../store/index.js';
import { StampedCache } from './cache.js';
import { listEvents, type EventFilters } from './events/query.js';
import { eventsPage } from './events/page.js';
import { eventView } from './event/view.js';
import { eventPage } from './event/page.js';
import { editorPage, regeneratePage } from './post/page.js';
import { renderPreview } from './post/markdown.js';
import { exportPost } from './post/export.js';
import { Jobs, type SourceInput } from './sources/jobs.js';
import { jobList, jobPage, sourcesPage } from './sources/page.js';
import { OPENAPI } from './api/openapi.js';
import { SECURITY_HEADERS, accessToken, csrfToken, newSecret } from './security/guard.js';
import { MAX_REQUEST_BYTES, MAX_SOURCES_PER_REQUEST, MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_FILES, STORE_RETRY_AFTER_S } from './tunables.js';

export interface AppOptions {
  /** Required for every request when set (`--token`). */
  token?: string;
  /** The CSRF token; a fresh one per server unless a test pins it. */
  csrfSecret?: string;
}

/** Notices a redirect may name; the page shows the fixed text, never text from the URL. */
const NOTICES: Record<string, string> = {
  restored: '줄을 본문으로 되돌렸습니다. 메시지가 남았고, 글을 다시 생성하면 반영됩니다.',
  'already-restored': '이미 본문으로 되돌린 줄입니다.',
  saved: '새 판으로 저장했습니다.',
  accepted: '다시 생성한 글을 새 판으로 저장했습니다. 이전 판은 그대로 남아 있습니다.',
};

const utf8 = new TextEncoder();

/** A form field as text; browsers send a textarea's line breaks as CRLF, the posts use LF. */
const field = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : '');

export function createApp(bench: Workbench, options: AppOptions = {}) {
  const secret = options.csrfSecret ?? newSecret();
  const jobs = new Jobs(bench);
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });
  app.use('*', accessToken(options.token));
  app.use('*', bodyLimit({ maxSize: MAX_REQUEST_BYTES, onError: (c) => c.json({ error: `request larger than ${MAX_REQUEST_BYTES / 1024 / 1024} MB` }, 413) }));
  app.use('*', csrf());
  app.use('*', csrfToken(secret));
  app.onError((e, c) => {
    if (e instanceof HTTPException) return e.getResponse();
    // The store not answering (PostgreSQL restarting) is the server's trouble, for a while: 503 and when to try again.
    if (e instanceof StoreUnavailableError) {
      c.header('retry-after', String(STORE_RETRY_AFTER_S));
      if (!c.req.header('accept')?.includes('text/html')) return c.json({ error: e.message }, 503);
      return render(c, '저장소 응답 없음', html`<h1>저장소가 응답하지 않습니다</h1><p>${e.problem}.</p><p>서버가 다시 시작되는 중일 수 있습니다. ${STORE_RETRY_AFTER_S}초쯤 뒤에 <a href="">다시 시도</a>하세요.</p>`, 503);
    }
    if (e instanceof ConfigError) return c.json({ error: e.message }, 400);
    throw e;
  });

  const render = (c: Context, title: string, body: ReturnType<typeof html>, status: 200 | 400 | 404 | 503 = 200) =>
    c.html(page({ title, csrf: secret, body }), status);
  const notFound = (c: Context, what: string) => render(c, '없음', html`<h1>${what}을(를) 찾을 수 없습니다</h1><p><a href="/">사건 목록</a></p>`, 404);
  const notice = (c: Context) => NOTICES[c.req.query('notice') ?? ''] ?? null;

  app.get('/assets/workbench.css', (c) => c.body(STYLESHEET, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }));
  app.get('/assets/workbench.js', (c) => c.body(CLIENT_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }));

  // ---- pages
  app.get('/', async (c) => {
    const f: EventFilters = {
      q: c.req.query('q'), outlet: c.req.query('outlet') || undefined, date: c.req.query('date') || undefined,
      entity: c.req.query('entity') || undefined, page: Number(c.req.query('page') ?? 1) || 1,
    };
    return render(c, '사건 목록', eventsPage(await listEvents(bench, f), f));
  });

  // Built once per cluster run and kept until the store changes (a restored line, a new run): a
  // 50-source event takes far longer to assemble than to send.
  // Kept encoded, so a hit costs no re-encoding of half a megabyte either.
  const eventPages = new StampedCache<Uint8Array<ArrayBuffer>>();
  app.get('/events/:id', async (c) => {
    const cluster = await bench.cluster(c.req.param('id'));
    if (!cluster) return notFound(c, '사건');
    const shown = notice(c);
    return c.body(await eventPages.get(await bench.stamp(), `${cluster.id}@${cluster.run}|${shown ?? ''}`, async () => {
      const docs = await bench.members(cluster);
      const removed = new Map(await Promise.all(cluster.members.map(async (id) => {
        const stored = await bench.stored(id);
        const restorations = await bench.store.restorations(id);
        return [id, { list: stored?.removed ?? [], restored: new Set(restorations.map((r) => r.removal)) }] as const;
      })));
      const restoredStarts = new Map([...docs.values()].map((d) => [d.id, new Set(d.messages.filter((m) => m.rule === 'restored-line').map((m) => m.place.span!.start))]));
      const view = eventView(cluster, docs, restoredStarts);
      const post = (await bench.generatedPost(cluster)).post;
      return utf8.encode(page({ title: view.title, csrf: secret, body: eventPage({ cluster, view, docs, removed, postSentences: post.sentences ?? [], csrf: secret, notice: shown }) }));
    }), 200, { 'content-type': 'text/html; charset=UTF-8' });
  });

  app.post('/documents/:id/restore', async (c) => {
    const id = c.req.param('id');
    const removal = Number(field((await c.req.parseBody()).removal));
    const doc = await bench.stored(id);
    if (!doc || !Number.isInteger(removal) || !doc.removed[removal]) return notFound(c, '걸러낸 줄');
    const done = await bench.restoreLine(id, removal);
    const cluster = (await bench.clusters()).find((x) => x.members.includes(id));
    return c.redirect(cluster ? `/events/${cluster.id}?notice=${done ? 'restored' : 'already-restored'}#sources` : '/', 303);
  });

  const editor = async (c: Context, clusterId: string, markdown: string | null, notes: string | null = null) => {
    const cluster = await bench.cluster(clusterId);
    if (!cluster) return notFound(c, '사건');
    const current = await bench.currentPost(cluster);
    const revisions = await bench.store.revisions(cluster.id);
    const asked = Number(c.req.query('rev'));
    const shown = revisions.find((r) => r.number === asked) ?? current;
    const view = eventView(cluster, await bench.members(cluster), new Map());
    return render(c, `글 편집: ${view.title}`, editorPage({
      cluster: cluster.id, title: view.title, markdown: markdown ?? shown.markdown, revisions, shown: shown.number,
      exportName: await exportName(cluster), postsDir: bench.options.postsDir, csrf: secret, notice: notes ?? notice(c),
    }));
  };
  const exportName = async (cluster: StoredCluster) => cluster.postPath ?? (await bench.generatedPost(cluster)).post.path;

  app.get('/events/:id/post', (c) => editor(c, c.req.param('id'), null));

  app.post('/events/:id/post/preview', async (c) => {
    const markdown = field((await c.req.parseBody()).markdown);
    if (c.req.header('accept')?.includes('fragment')) return c.html(renderPreview(markdown).value);
    return editor(c, c.req.param('id'), markdown, '미리보기를 새로 그렸습니다 (아직 저장하지 않음).');
  });

  /** Saving an edit and accepting a regenerated post both keep the form's Markdown as a new revision. */
  const saveRevision = (kind: 'edited' | 'regenerated', notice: string) => async (c: Context<BlankEnv, '/events/:id/post'>) => {
    const cluster = await bench.cluster(c.req.param('id'));
    if (!cluster) return notFound(c, '사건');
    await bench.store.saveRevision(cluster.id, field((await c.req.parseBody()).markdown), kind);
    return c.redirect(`/events/${cluster.id}/post?notice=${notice}`, 303);
  };
  app.post('/events/:id/post', saveRevision('edited', 'saved'));

  app.post('/events/:id/post/regenerate', async (c) => {
    const cluster = await bench.cluster(c.req.param('id'));
    if (!cluster) return notFound(c, '사건');
    const current = await bench.currentPost(cluster);
    const regenerated = (await bench.regenerate(cluster)).post.markdown;
    const title = eventView(cluster, await bench.members(cluster), new Map()).title;
    return render(c, `다시 생성: ${title}`, regeneratePage({ cluster: cluster.id, title, current, regenerated, csrf: secret }));
  });

  app.post('/events/:id/post/accept', saveRevision('regenerated', 'accepted'));

  app.post('/events/:id/post/export', async (c) => {
    const cluster = await bench.cluster(c.req.param('id'));
    if (!cluster) return notFound(c, '사건');
    const written = exportPost(bench.options.postsDir, await exportName(cluster), (await bench.currentPost(cluster)).markdown);
    return editor(c, cluster.id, null, `내보냈습니다: ${written}`);
  });

  app.get('/sources', (c) => render(c, '소스 추가', sourcesPage(secret)));

  app.post('/sources', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
    const texts = list(body.text).map(field).flatMap((t) => t.split(/^-{4,}\s*$/m)).map((t) => t.trim()).filter(Boolean);
    const urls = list(body.urls).map(field).flatMap((t) => t.split(/\s+/)).filter(Boolean);
    const files = list(body.files).filter((f): f is File => f instanceof File && f.size > 0);
    const inputs = await sourceInputs(texts, urls, files);
    if (typeof inputs === 'string') return render(c, '소스 추가', sourcesPage(secret, inputs), 400);
    return c.redirect(`/sources/jobs/${jobs.start(inputs).state.id}`, 303);
  });

  app.get('/sources/jobs/:id', (c) => {
    const job = jobs.get(c.req.param('id'));
    if (!job) return notFound(c, '작업');
    return render(c, '소스 추가 진행', jobPage(job.state));
  });

  app.get('/sources/jobs/:id/events', (c) => {
    const job = jobs.get(c.req.param('id'));
    if (!job) return c.json({ error: 'no such job' }, 404);
    return streamSSE(c, async (stream) => {
      const send = () => stream.writeSSE({ event: job.state.finished ? 'finished' : 'progress', data: jobList(job.state).value });
      const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
      const listener = () => void send();
      job.on('update', listener);
      await send();
      if (!job.state.finished) await Promise.race([job.done, closed]);
      job.off('update', listener);
      if (job.state.finished) await send();
    });
  });

  // ---- JSON API
  const clusterOut = async (cluster: StoredCluster) => {
    const written = await bench.generatedPost(cluster);
    return { ...clusterJson(written), post: { path: written.post.path, markdown: (await bench.currentPost(cluster)).markdown } };
  };
  app.get('/api/session', (c) => c.json({ csrfToken: secret }));
  app.get('/api/openapi.json', (c) => c.json(OPENAPI));
  app.get('/api/clusters', async (c) => c.json({ version: DIGEST_VERSION, clusters: await Promise.all((await bench.clusters()).map(clusterOut)) }));
  app.get('/api/clusters/:id', async (c) => {
    const cluster = await bench.cluster(c.req.param('id'));
    if (!cluster) return c.json({ error: 'no such cluster' }, 404);
    return c.json({ version: DIGEST_VERSION, cluster: await clusterOut(cluster), documents: [...(await bench.members(cluster)).values()].map((d) => documentJson(d)) });
  });
  app.get('/api/documents/:id', async (c) => {
    const doc = await bench.document(c.req.param('id'));
    return doc ? c.json(documentJson(doc)) : c.json({ error: 'no such document' }, 404);
  });
  app.get('/api/search', async (c) => {
    const q = c.req.query('q') ?? '';
    if (!q.trim()) return c.json({ error: 'give q=WORDS' }, 400);
    const limit = Number(c.req.query('limit')) || undefined;
    return c.json({ query: q, hits: await bench.store.search(q, limit) });
  });
  app.post('/api/sources', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { texts?: unknown; urls?: unknown } | null;
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !!x.trim()) : []);
    const inputs = await sourceInputs(strings(body?.texts), strings(body?.urls), []);
    if (typeof inputs === 'string') return c.json({ error: inputs }, 400);
    const job = jobs.start(inputs);
    return c.json({ job: job.state, status: `/api/jobs/${job.state.id}`, events: `/sources/jobs/${job.state.id}/events` }, 202);
  });
  app.get('/api/jobs/:id', (c) => {
    const job = jobs.get(c.req.param('id'));
    return job ? c.json(job.state) : c.json({ error: 'no such job' }, 404);
  });

  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: 'no such route' }, 404) : notFound(c, '쪽')));
  return { app, jobs, csrfSecret: secret };
}

/** The inputs of an add-sources request, or the reason it is refused (caps, bad URLs, nothing given). */
async function sourceInputs(texts: string[], urls: string[], files: File[]): Promise<SourceInput[] | string> {
  if (files.length > MAX_UPLOAD_FILES) return `한 번에 파일 ${MAX_UPLOAD_FILES}개까지 올릴 수 있습니다 (${files.length}개 받음)`;
  const big = files.find((f) => f.size > MAX_UPLOAD_FILE_BYTES);
  if (big) return `${big.name}: 파일 하나는 ${MAX_UPLOAD_FILE_BYTES / 1024 / 1024}MB까지입니다`;
  if (texts.length + urls.length + files.length > MAX_SOURCES_PER_REQUEST) return `한 번에 소스 ${MAX_SOURCES_PER_REQUEST}개까지 추가할 수 있습니다`;
  const bad = urls.find((u) => !/^https?:\/\//i.test(u));
  if (bad) return `http(s) 주소만 받습니다: ${bad}`;
  const inputs: SourceInput[] = [
    ...texts.map((text, i) => ({ kind: 'text' as const, label: `붙여넣기 ${i + 1}`, text })),
    ...(await Promise.all(files.map(async (f) => ({ kind: 'file' as const, label: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))),
    ...urls.map((u) => ({ kind: 'url' as const, label: u })),
  ];
  return inputs.length ? inputs : '붙여넣은 글, 파일, URL 중 하나는 있어야 합니다';
}

