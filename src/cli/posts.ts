// Post files, kept in step with the clusters across runs. The store remembers every post newsdesk
// wrote into a folder with the checksum of what it wrote, so a run can tell its own files from files
// the user edited:
//   - a cluster's post is written, or rewritten in place when it changed;
//   - a post the user edited (its checksum differs from what newsdesk wrote) is never overwritten:
//     the new version goes beside it as `….new.md`, with a message;
//   - the post of a cluster that is gone is removed, with a message naming it (an edited one stays).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Message, WrittenCluster } from '../types.js';
import { message } from '../messages.js';
import { sha256 } from '../ids.js';
import type { ClustersInStore, Store } from '../store/index.js';
import { AtomicFile, FLUSHED_TOGETHER } from './atomic-file.js';
import { chunksOf } from './chunks.js';

export interface PostsWritten {
  /** Paths (relative to the folder) written or rewritten. */
  written: string[];
  /** `….new.md` files written beside posts the user edited. */
  beside: string[];
  removed: string[];
  messages: Message[];
}

const besidePath = (path: string) => path.replace(/\.md$/, '') + '.new.md';

/** A cluster's post as known without the cluster: its path and the sha256 of its text. */
export interface KnownPost {
  id: string;
  path: string;
  checksum: string;
}

/** Clusters whose posts are known without reading them back (cluster-spool.ts), which can be passed by id. */
export interface KnownPosts extends ClustersInStore {
  posts: readonly KnownPost[];
  orIds(ids: ReadonlySet<string>): Iterable<WrittenCluster | string>;
}

export async function writePosts(store: Store, run: number, outDir: string, clusters: Iterable<WrittenCluster> | KnownPosts, gone: string[]): Promise<PostsWritten> {
  const dir = resolve(outDir);
  const record = new Map((await store.posts(dir)).map((p) => [p.path, p]));
  const out: PostsWritten = { written: [], beside: [], removed: [], messages: [] };
  /** The file is as newsdesk last wrote it (or absent): it may be replaced. */
  const ours = (path: string, text: string | null) => text === null || record.get(path)?.checksum === sha256(text);
  const read = (path: string) => (existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : null);

  // A post whose file holds its very text needs nothing (but a record, if missing): with the posts known, such
  // clusters come by id, not read back (most of a re-digest's). A `.new.md` path is left to the chunks below,
  // as an earlier post's version beside may have written it.
  const same = new Map<string, KnownPost>();
  if ('posts' in clusters) {
    for (const p of clusters.posts) {
      if (p.path.endsWith('.new.md') || !existsSync(join(dir, p.path))) continue;
      if (sha256(readFileSync(join(dir, p.path))) === p.checksum) same.set(p.id, p);
    }
  }
  if ('posts' in clusters) await clusters.load?.(store, clusters.posts.filter((p) => !same.has(p.id)).map((p) => p.id));
  const items = 'posts' in clusters ? clusters.orIds(new Set(same.keys())) : clusters;

  // Posts go in chunks: a chunk's files are written and flushed to disk together (FLUSHED_TOGETHER), then
  // put in place and recorded one by one, in cluster order. Each post has its own path, so what a post
  // needs is decided from the folder as it was before its chunk changed it, as it would be one by one.
  for (const some of chunksOf(items, FLUSHED_TOGETHER)) {
    const written: WrittenCluster[] = [];
    for (const c of some) {
      if (typeof c !== 'string') written.push(c);
      else {
        const { path, checksum } = same.get(c)!;
        if (!record.has(path)) await store.savePost({ outDir: dir, path, cluster: c, checksum, run });
      }
    }
    const chunk = written.map((c) => {
      const now = read(c.post.path);
      const to = now === c.post.markdown ? null : ours(c.post.path, now) ? c.post.path : besidePath(c.post.path);
      return { c, now, to, file: null as AtomicFile | null };
    });
    try {
      for (const p of chunk) {
        if (!p.to) continue;
        p.file = new AtomicFile(join(dir, p.to));
        p.file.write(p.c.post.markdown);
      }
      // Settled, not raced: a file is closed (abort) only once its flush is over.
      const flushed = await Promise.allSettled(chunk.map((p) => p.file?.flush()));
      for (const f of flushed) if (f.status === 'rejected') throw f.reason;
      for (const { c, now, to, file } of chunk) {
        const path = c.post.path;
        if (!to) {
          if (!record.has(path)) await store.savePost({ outDir: dir, path, cluster: c.id, checksum: sha256(now!), run });
        } else if (to === path) {
          file!.commit();
          await store.savePost({ outDir: dir, path, cluster: c.id, checksum: sha256(c.post.markdown), run });
          out.written.push(path);
        } else {
          file!.commit();
          out.beside.push(to);
          out.messages.push(message('write', 'post-edited',
            `${path} was edited by hand, so it is kept as it is; the new version is ${to}`, { source: join(outDir, path) }));
        }
      }
    } catch (e) {
      for (const p of chunk) p.file?.abort(); // those not put in place yet: their targets keep what they held
      throw e;
    }
  }
  const goneIds = new Set(gone);
  for (const p of record.values()) {
    if (!goneIds.has(p.cluster)) continue;
    const now = read(p.path);
    if (now !== null && !ours(p.path, now)) {
      out.messages.push(message('write', 'stale-post-edited',
        `${p.path} belongs to an event cluster that no longer exists, but was edited by hand, so it is kept`, { source: join(outDir, p.path) }));
    } else {
      if (now !== null) rmSync(join(dir, p.path));
      out.removed.push(p.path);
      out.messages.push(message('write', 'stale-post-removed',
        `removed ${p.path}: its event cluster no longer exists (its documents now belong to other clusters)`, { source: join(outDir, p.path) }, 'info'));
    }
    await store.forgetPost(dir, p.path);
  }
  return out;
}
