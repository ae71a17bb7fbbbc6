// Written clusters kept on disk, not in memory: a digest of 100k documents makes about 15 kB of written
// clusters per document (1.5 GB of heap), and each is needed only by a few passes after the run (the
// store, the digest JSON, the posts, the problem list). The run appends each cluster as one JSON line as
// it is written (many lines a write); every pass reads them again, one cluster at a time. JSON is what each
// output makes of a cluster anyway (the store's rows, the digest JSON), so a cluster read back gives the same outputs.
// A cluster the run reused as stored is not written at all: the spool keeps its head (store.ts: StoredClusterHead),
// and its line is read from the store only when a pass needs the whole cluster (load). A re-digest reuses most
// clusters, and most passes need none of them whole: the store keeps them, and their JSON pieces and posts are in place.
// The few things later passes need of every cluster (ids, inferred dates, messages, post checksums) are kept aside
// as they come.
import { tmpdir } from 'node:os';
import type { InferredDate, Message, WrittenCluster, WrittenClusters } from '../types.js';
import { inferredDates } from '../write/digest-json.js';
import { sha256 } from '../ids.js';
import { ConfigError } from '../messages.js';
import { writtenOf, type Store, type StoredClusterHead } from '../store/index.js';
import type { KnownPost } from './posts.js';
import { SpoolFile } from './spool-file.js';

export class ClusterSpool implements WrittenClusters {
  private readonly file: SpoolFile;
  /** Byte offset and length of each cluster's line, in cluster order; offset -1 for a stored cluster not loaded. */
  private readonly places: number[] = [];
  /** The stored clusters (taken by their head) not loaded yet, by their index. */
  private readonly unloaded = new Map<number, StoredClusterHead>();

  constructor(parent = tmpdir()) {
    this.file = new SpoolFile(parent, 'newsdesk-clusters-');
  }

  get length(): number {
    return this.ids.length;
  }

  /** The clusters' inferred dates, kept as they come: the digest JSON needs them before the clusters. */
  readonly inferredDates = new Map<string, InferredDate>();
  /** The clusters' messages, kept as they come (the problem list after the run needs nothing else of them). */
  readonly messages: Message[] = [];
  /** The clusters' ids, in order: a pass that needs only the id of some is spared parsing them. */
  private readonly ids: string[] = [];
  /** Each cluster's post path and the sha256 of its text, in order: the posts pass reads back only the clusters
   *  whose post file differs (cli/posts.ts). */
  readonly posts: KnownPost[] = [];

  push(cluster: WrittenCluster): number {
    inferredDates([cluster], this.inferredDates);
    this.keep(cluster.id, cluster.messages, { id: cluster.id, path: cluster.post.path, checksum: sha256(cluster.post.markdown) });
    const line = JSON.stringify(cluster);
    this.places.push(this.file.append(line), 2 * line.length);
    return this.ids.length;
  }

  /** A cluster the run took as stored, by its head: its line is read from the store if a pass needs it (load). */
  pushStored(head: StoredClusterHead): number {
    if (!head.postPath || head.postChecksum === null) throw new Error(`cluster ${head.id} keeps no post: it cannot be taken as stored`);
    inferredDates([head], this.inferredDates);
    this.keep(head.id, head.messages, { id: head.id, path: head.postPath, checksum: head.postChecksum });
    this.unloaded.set(this.ids.length - 1, head);
    this.places.push(-1, 0);
    return this.ids.length;
  }

  /** Reads from the store those of `ids` taken as stored (pushStored) and not read yet, so every pass can read them.
   *  The store must still hold the version the run took (another run may have written it since). */
  async load(store: Pick<Store, 'clustersById'>, ids: Iterable<string>): Promise<void> {
    const wanted = new Set(ids);
    const at = new Map<string, number>();
    for (const [i, head] of this.unloaded) if (wanted.has(head.id)) at.set(head.id, i);
    if (!at.size) return;
    for (const c of await store.clustersById([...at.keys()])) {
      const i = at.get(c.id)!;
      if (c.run !== this.unloaded.get(i)!.run) continue;
      const line = JSON.stringify(writtenOf(c));
      this.places[2 * i] = this.file.append(line);
      this.places[2 * i + 1] = 2 * line.length;
      this.unloaded.delete(i);
      at.delete(c.id);
    }
    const [changed] = at.keys();
    if (changed) throw new ConfigError(`another run wrote event cluster ${changed} while this digest wrote its outputs; run the digest again`);
  }

  [Symbol.iterator](): Iterator<WrittenCluster> {
    return this.read(() => false) as Iterator<WrittenCluster>;
  }

  /** The clusters in order, those in `ids` by their id alone (not read back). */
  orIds(ids: ReadonlySet<string>): Iterable<WrittenCluster | string> {
    return { [Symbol.iterator]: () => this.read((i) => ids.has(this.ids[i])) };
  }

  private keep(id: string, messages: Message[], post: KnownPost): void {
    for (const m of messages) this.messages.push(m);
    this.ids.push(id);
    this.posts.push(post);
  }

  private *read(idOnly: (index: number) => boolean): Generator<WrittenCluster | string> {
    for (let i = 0; i < this.ids.length; i++) {
      if (idOnly(i)) {
        yield this.ids[i];
        continue;
      }
      if (this.unloaded.has(i)) throw new Error(`cluster spool: stored cluster ${this.ids[i]} was not loaded before a pass read it`);
      yield this.at(i);
    }
  }

  private at(i: number): WrittenCluster {
    return JSON.parse(this.file.read(this.places[2 * i], this.places[2 * i + 1], `cluster ${i}`)) as WrittenCluster;
  }

  /** Lets the file go (its space returns once it is closed); call once every pass is done. */
  close(): void {
    this.file.close();
  }
}
