// cluster: NewsDocs → event clusters (near-duplicates first, then incremental TF-IDF event clustering).
// The batch entry point counts document frequencies over the whole batch, adds reports before
// derivatives (so a derivative never seeds an event its reports would then join), and reports
// members in input order.
import type { Cluster, NewsDoc } from '../types.js';
import { message } from '../messages.js';
import { EventClusterer } from './clusterer.js';
import { CLUSTER_TUNABLES, type ClusterTunables } from './tunables.js';

export { EventClusterer } from './clusterer.js';
export { CLUSTER_TUNABLES, type ClusterTunables } from './tunables.js';

export function clusterDocuments(docs: NewsDoc[], tunables: ClusterTunables = CLUSTER_TUNABLES): Cluster[] {
  const clusterer = new EventClusterer({ prepared: docs, tunables });
  for (const d of docs) if (d.kind !== 'derivative') clusterer.add(d);
  for (const d of docs) if (d.kind === 'derivative') clusterer.add(d);

  const pending = new Set(clusterer.pendingDerivatives());
  for (const d of docs) {
    if (pending.has(d.id)) {
      d.messages.push(message('cluster', 'derivative-without-reports',
        'no report in this run covers the event this derivative is about: it stands as its own cluster', { source: d.source }, 'info'));
    }
  }
  const position = new Map(docs.map((d, i) => [d.id, i]));
  const byInput = (a: string, b: string) => position.get(a)! - position.get(b)!;
  return clusterer
    .clusters()
    .map((c) => ({ ...c, members: [...c.members].sort(byInput), duplicates: c.duplicates.map((g) => [...g].sort(byInput)) }))
    .sort((a, b) => byInput(a.members[0], b.members[0]));
}
