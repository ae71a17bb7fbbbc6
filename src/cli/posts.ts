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
import type { Store } from '../store/index.js';
import { writeFileAtomic } from './atomic-file.js';

export interface PostsWritten {
  /** Paths (relative to the folder) written or rewritten. */
  written: string[];
  /** `….new.md` files written beside posts the user edited. */
  beside: string[];
  removed: string[];
  messages: Message[];
}

const besidePath = (path: string) => path.replace(/\.md$/, '') + '.new.md';

export async function writePosts(store: Store, run: number, outDir: string, clusters: Iterable<WrittenCluster>, gone: string[]): Promise<PostsWritten> {
  const dir = resolve(outDir);
  const record = new Map((await store.posts(dir)).map((p) => [p.path, p]));
  const out: PostsWritten = { written: [], beside: [], removed: [], messages: [] };
  /** The file is as newsdesk last wrote it (or absent): it may be replaced. */
  const ours = (path: string, text: string | null) => text === null || record.get(path)?.checksum === sha256(text);
  const read = (path: string) => (existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : null);

  for (const c of clusters) {
    const path = c.post.path;
    const now = read(path);
    if (now === c.post.markdown) {
      if (!record.has(path)) await store.savePost({ outDir: dir, path, cluster: c.id, checksum: sha256(now), run });
      continue;
    }
    if (ours(path, now)) {
      writeFileAtomic(join(dir, path), c.post.markdown);
      await store.savePost({ outDir: dir, path, cluster: c.id, checksum: sha256(c.post.markdown), run });
      out.written.push(path);
    } else {
      writeFileAtomic(join(dir, besidePath(path)), c.post.markdown);
      out.beside.push(besidePath(path));
      out.messages.push(message('write', 'post-edited',
        `${path} was edited by hand, so it is kept as it is; the new version is ${besidePath(path)}`, { source: join(outDir, path) }));
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
