// cluster: NewsDocs → event clusters. PLACEHOLDER until the cluster stage lands: one cluster per document.
import type { Cluster, NewsDoc } from '../types.js';
import { shortId } from '../ids.js';

export function clusterDocuments(docs: NewsDoc[]): Cluster[] {
  return docs.map((d) => ({ id: shortId('c', d.id), members: [d.id], duplicates: [] }));
}
