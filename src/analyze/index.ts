// analyze: a cluster and its documents → entities, numbers, quotes, timeline, findings, key sentences.
// Thin for now: the Analysis issue fills these; every field is present so later stages can rely on it.
import type { AnalyzedCluster, Cluster, NewsDoc } from '../types.js';

export function analyzeCluster(cluster: Cluster, _docs: Map<string, NewsDoc>): AnalyzedCluster {
  return { ...cluster, entities: [], numbers: [], quotes: [], timeline: [], findings: [], summary: [], messages: [] };
}
