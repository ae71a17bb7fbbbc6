// The workbench's view of the store: the current events, their documents with the lines a person
// restored put back, post revisions, and the runs it starts (through run.ts only).
import type { NewsDoc, WrittenCluster } from '../types.js';
import { toNewsDoc, type Restoration, type Store, type StoredCluster, type StoredDocument } from '../store/index.js';
import type { WriteOptions } from '../write/post.js';
import type { FetcherOptions } from '../ingest/web/fetcher.js';
import { message } from '../messages.js';
import { rerunCluster, writeStoredCluster } from './run.js';
import { StampedCache } from './cache.js';

export interface WorkbenchOptions {
  /** The `_posts` folder exports go to (and never outside of). */
  postsDir: string;
  write: Partial<WriteOptions>;
  fetcher: FetcherOptions;
  /** Events per page of the list (EVENTS_PER_PAGE unless a test wants more pages). */
  eventsPerPage?: number;
  /** A queue (redis://…): added sources become jobs for `newsdesk worker`s instead of being read here. */
  queue?: string;
}

/** A document's body with the restored lines appended as paragraphs of their own, each with a message. */
export function applyRestorations(doc: NewsDoc, restorations: Restoration[]): NewsDoc {
  if (!restorations.length) return doc;
  let body = doc.body;
  const sentences = [...doc.sentences];
  const messages = [...doc.messages];
  let paragraph = sentences.reduce((max, s) => Math.max(max, s.paragraph), -1);
  for (const r of restorations) {
    const start = body ? body.length + 2 : 0;
    body = body ? `${body}\n\n${r.text}` : r.text;
    const span = { start, end: start + r.text.length };
    sentences.push({ ...span, text: r.text, paragraph: ++paragraph });
    const rule = doc.removed[r.removal]?.rule ?? 'unknown';
    messages.push(message('server', 'restored-line', `a person put this line back into the body (extract had removed it by rule ${rule})`, { source: doc.source, span }, 'info'));
  }
  const gone = new Set(restorations.map((r) => r.removal));
  return { ...doc, body, sentences, messages, removed: doc.removed.filter((_, i) => !gone.has(i)) };
}

export class Workbench {
  private readonly current = new StampedCache<StoredCluster[]>(1);

  constructor(readonly store: Store, readonly options: WorkbenchOptions) {}

  /** Changes whenever the store does (this server's writes or another process's run). */
  stamp(): Promise<string> {
    return this.store.changeStamp();
  }

  /** The events of the latest run that formed any (an `add` forms none and leaves them as they were). */
  async clusters(): Promise<StoredCluster[]> {
    return this.current.get(await this.stamp(), 'clusters', async () => {
      const run = (await this.store.runs()).reverse().find((r) => {
        const c = r.counts.clusters;
        return c && c.inserted + c.updated + c.unchanged > 0;
      });
      return run ? this.store.clusters(run.id) : [];
    });
  }

  async cluster(id: string): Promise<StoredCluster | null> {
    return (await this.clusters()).find((c) => c.id === id) ?? null;
  }

  stored(id: string): Promise<StoredDocument | null> {
    return this.store.document(id);
  }

  async document(id: string): Promise<NewsDoc | null> {
    const d = await this.store.document(id);
    return d ? this.view(toNewsDoc(d)) : null;
  }

  /** A stored document as the workbench shows it: restorations applied (the view of a workbench run). */
  readonly view = async (doc: NewsDoc): Promise<NewsDoc> => applyRestorations(doc, await this.store.restorations(doc.id));

  async members(cluster: StoredCluster): Promise<Map<string, NewsDoc>> {
    const docs = (await Promise.all(cluster.members.map((id) => this.document(id)))).filter((d): d is NewsDoc => !!d);
    return new Map(docs.map((d) => [d.id, d]));
  }

  /** Puts removed line `removal` of a document back into its body; false when it was already back. */
  async restoreLine(documentId: string, removal: number): Promise<boolean> {
    const d = await this.store.document(documentId);
    const line = d?.removed[removal];
    if (!line) return false;
    return this.store.restore(documentId, removal, line.text);
  }

  /** The cluster with its post as the run that made it wrote it. */
  async generatedPost(cluster: StoredCluster): Promise<WrittenCluster> {
    // The members are read only when the stored cluster has no post of its own (a store from before schema 3).
    return writeStoredCluster(cluster, cluster.post ? new Map() : await this.members(cluster), this.options.write);
  }

  /**
   * The post's current text: the latest saved revision, or (saved as revision 1) the post as a run over
   * the cluster's documents writes it now, so that regenerating with nothing changed shows no diff.
   */
  async currentPost(cluster: StoredCluster) {
    return (await this.store.revisions(cluster.id)).at(-1) ?? this.store.saveRevision(cluster.id, (await this.regenerate(cluster)).post.markdown, 'generated');
  }

  /** The cluster analysed and written again over its documents as they are now (restorations included). */
  async regenerate(cluster: StoredCluster): Promise<WrittenCluster> {
    return rerunCluster(cluster, await this.members(cluster), this.options.write);
  }
}
