// Incremental placement: when a run brings few new documents to a store that was clustered before, the
// earlier clusters are taken as they stand (EventClusterer.seed) and only the new documents are placed,
// by the clusterer's own join rule (`add`). A full pass re-judges every document (and `refine` may move
// an old one), which costs the whole store's clustering to place a handful. Frequencies are still counted
// over every document, so the new ones are weighed as a full pass would weigh them. The full pass runs
// instead when anything but new documents changed (a document's text, the set of documents digested),
// when the new documents are many (t.incrementalMaxShare), or when the caller asks (`--recluster`).
import type { Cluster, Message, NewsDoc } from '../types.js';
import { EventClusterer } from './clusterer.js';
import { addBatch, inInputOrder } from './index.js';
import { CLUSTER_TUNABLES, type ClusterTunables } from './tunables.js';
import type { Precounted } from './precounted.js';

export interface SeedCluster {
  id: string;
  members: string[];
  duplicates: string[][];
}

/**
 * The clusters of `docs` with `earlier` kept and the `fresh` documents placed into them, in
 * clusterDocuments' order (members and clusters by input position); null when the full pass must run.
 * `precounted`: features the read workers made of some documents, as clusterDocuments takes them.
 */
export function placeIncrementally(
  docs: NewsDoc[], earlier: SeedCluster[], fresh: Set<string>, t: ClusterTunables = CLUSTER_TUNABLES, messages?: Message[],
  precounted?: Precounted,
): Cluster[] | null {
  if (fresh.size > t.incrementalMaxShare * docs.length) return null;
  const byId = new Map(docs.map((d) => [d.id, d]));
  // Every document not new is in exactly one earlier cluster, and every earlier member is digested now, unchanged.
  const seeded = new Set<string>();
  for (const c of earlier) {
    for (const m of c.members) {
      if (!byId.has(m) || fresh.has(m) || seeded.has(m)) return null;
      seeded.add(m);
    }
  }
  if (seeded.size + fresh.size !== docs.length) return null;

  const clusterer = new EventClusterer({ prepared: docs, tunables: t, precounted });
  // In the order a full pass would have made them (of their first member): postings list the newest clusters first.
  const position = new Map(docs.map((d, i) => [d.id, i]));
  const first = (c: SeedCluster) => c.members.reduce((min, m) => Math.min(min, position.get(m)!), Infinity);
  const clusters = earlier.map((c) => ({ ...c, first: first(c), docs: c.members.map((m) => byId.get(m)!) })).sort((a, b) => a.first - b.first);
  // A cluster of derivatives alone waits for reports: its members are placed again, as a full pass would.
  const waits = (c: { docs: NewsDoc[] }) => c.docs.every((d) => d.kind === 'derivative');
  const placed = clusters.filter(waits).flatMap((c) => c.docs);
  for (const d of docs) if (fresh.has(d.id)) placed.push(d);
  clusterer.expect(placed); // before seeding: only what these documents can reach is weighed and indexed
  for (const c of clusters) if (!waits(c)) clusterer.seed(c.id, c.docs, c.duplicates);
  const waiting = addBatch(clusterer, placed, docs);
  if (messages) for (const m of [clusterer.messages, waiting].flat()) messages.push(m);
  return inInputOrder(clusterer.clusters(), docs);
}
