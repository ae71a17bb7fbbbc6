// Test helper: loads a write fixture (`fixtures/write/<case>/input.json`: documents + one analysed cluster).
import { readFileSync } from 'node:fs';
import type { AnalyzedCluster, NewsDoc } from '../types.js';

export const fixtureUrl = (name: string) => new URL(`../../fixtures/write/${name}/`, import.meta.url);

export function loadFixture(name: string): { docs: Map<string, NewsDoc>; cluster: AnalyzedCluster; members: NewsDoc[] } {
  const { documents, cluster } = JSON.parse(readFileSync(new URL('input.json', fixtureUrl(name)), 'utf8')) as {
    documents: NewsDoc[];
    cluster: AnalyzedCluster;
  };
  // Fixtures written before analysis reported inferred dates have none.
  return { docs: new Map(documents.map((d) => [d.id, d])), cluster: { ...cluster, inferredDates: cluster.inferredDates ?? [] }, members: documents };
}
