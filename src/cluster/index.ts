// cluster: NewsDocs → event clusters (near-duplicates first, then incremental TF-IDF event clustering).
// The batch entry point counts document frequencies over the whole batch, adds reports before
// derivatives (so a derivative never seeds an event its reports would then join), and reports
// members in input order. Watch mode keeps one EventClusterer and feeds it each poll's new documents
// through `addBatch`, so earlier clusters keep their members and ids.
import type { Cluster, NewsDoc } from '../types.js';
import { message } from '../messages.js';
import { EventClusterer } from './clusterer.js';
import { CLUSTER_TUNABLES, type ClusterTunables } from './tunables.js';

export { EventClusterer } from './clusterer.js';
export { keepIdentity, type EarlierCluster, type Identity } from './identity.js';
export { CLUSTER_TUNABLES, type ClusterTunables } from './tunables.js';

export function clusterDocuments(docs: NewsDoc[], tunables: ClusterTunables = CLUSTER_TUNABLES): Cluster[] {
  const clusterer = new EventClusterer({ prepared: docs, tunables });
  addBatch(clusterer, docs);
  clusterer.refine(docs);
  const position = new Map(docs.map((d, i) => [d.id, i]));
  const byInput = (a: string, b: string) => position.get(a)! - position.get(b)!;
  return clusterer
    .clusters()
    .map((c) => ({ ...c, members: [...c.members].sort(byInput), duplicates: c.duplicates.map((g) => [...g].sort(byInput)) }))
    .sort((a, b) => byInput(a.members[0], b.members[0]));
}

const WITHOUT_REPORTS = 'derivative-without-reports';

/**
 * Adds documents to a running clusterer: reports first, then derivatives. Afterwards every derivative
 * in `known` (all documents the caller holds) that still has no report cluster carries a
 * `derivative-without-reports` message, and one that has since found its reports no longer does.
 */
export function addBatch(clusterer: EventClusterer, docs: NewsDoc[], known: Iterable<NewsDoc> = docs): void {
  for (const d of docs) if (d.kind !== 'derivative') clusterer.add(d);
  for (const d of docs) if (d.kind === 'derivative') clusterer.add(d);
  const pending = new Set(clusterer.pendingDerivatives());
  for (const d of known) {
    if (d.kind !== 'derivative') continue;
    const noted = d.messages.some((m) => m.stage === 'cluster' && m.rule === WITHOUT_REPORTS);
    if (pending.has(d.id) && !noted) {
      d.messages.push(message('cluster', WITHOUT_REPORTS,
        'no report in this run covers the event this derivative is about: it stands as its own cluster', { source: d.source }, 'info'));
    } else if (!pending.has(d.id) && noted) {
      d.messages = d.messages.filter((m) => !(m.stage === 'cluster' && m.rule === WITHOUT_REPORTS));
    }
  }
}
