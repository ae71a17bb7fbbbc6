// cluster: NewsDocs → event clusters (near-duplicates first, then incremental TF-IDF event clustering).
// The batch entry point counts document frequencies over the whole batch, adds reports before
// derivatives (so a derivative never seeds an event its reports would then join), and reports
// members in input order. An open EventClusterer can be fed batch after batch through `addBatch`, so
// earlier clusters keep their members and ids. Documents are never changed: why a document was placed
// as it was comes back as messages (run output).
import type { Cluster, Message, NewsDoc } from '../types.js';
import { message } from '../messages.js';
import { EventClusterer } from './clusterer.js';
import { CLUSTER_TUNABLES, type ClusterTunables } from './tunables.js';
import type { Precounted } from './precounted.js';

export { EventClusterer } from './clusterer.js';
export { placeIncrementally, type SeedCluster } from './incremental.js';
export { keepIdentity, type EarlierCluster, type Identity } from './identity.js';
export { CLUSTER_TUNABLES, type ClusterTunables } from './tunables.js';
export { Precounted, docFeatures, type DocFeatures } from './precounted.js';

/** Clusters a closed batch; `messages`, when given, receives why documents were placed as they were; `precounted`:
 *  features the read workers made of some of the documents (precounted.ts). */
export function clusterDocuments(docs: NewsDoc[], tunables: ClusterTunables = CLUSTER_TUNABLES, messages?: Message[], precounted?: Precounted): Cluster[] {
  const clusterer = new EventClusterer({ prepared: docs, tunables, precounted });
  const waiting = addBatch(clusterer, docs);
  clusterer.refine(docs);
  // A loop, not push(...list): a spread of over about 120k messages (one per blog post of a large batch) overflows the stack.
  if (messages) for (const m of [clusterer.messages, waiting].flat()) messages.push(m);
  return inInputOrder(clusterer.clusters(), docs);
}

/** Clusters with their members (and near-duplicate groups) in input order, in order of their first member. */
export function inInputOrder(clusters: Cluster[], docs: NewsDoc[]): Cluster[] {
  const position = new Map(docs.map((d, i) => [d.id, i]));
  const byInput = (a: string, b: string) => position.get(a)! - position.get(b)!;
  return clusters
    .map((c) => ({ ...c, members: [...c.members].sort(byInput), duplicates: c.duplicates.map((g) => [...g].sort(byInput)) }))
    .sort((a, b) => byInput(a.members[0], b.members[0]));
}

const WITHOUT_REPORTS = 'derivative-without-reports';

/**
 * Adds documents to a running clusterer: reports first, then derivatives. Returns a
 * `derivative-without-reports` message for every derivative in `known` (all documents the caller
 * holds) that still has no report cluster.
 */
export function addBatch(clusterer: EventClusterer, docs: NewsDoc[], known: Iterable<NewsDoc> = docs): Message[] {
  for (const d of docs) if (d.kind !== 'derivative') clusterer.add(d);
  for (const d of docs) if (d.kind === 'derivative') clusterer.add(d);
  const pending = new Set(clusterer.pendingDerivatives());
  return [...known].filter((d) => d.kind === 'derivative' && pending.has(d.id)).map((d) => message('cluster', WITHOUT_REPORTS,
    'no report in this run covers the event this derivative is about: it stands as its own cluster', { source: d.source }, 'info'));
}
