// Test support: loads a write fixture (`fixtures/write/<case>/input.json`: documents + one analysed
// cluster). Plain JS beside its types (write.d.mts), so it stays out of src/ and dist/.
import { readFileSync } from 'node:fs';

export const fixtureUrl = (name) => new URL(`../../fixtures/write/${name}/`, import.meta.url);

export function loadFixture(name) {
  const { documents, cluster } = JSON.parse(readFileSync(new URL('input.json', fixtureUrl(name)), 'utf8'));
  // Fixtures written before analysis reported inferred dates have none.
  return { docs: new Map(documents.map((d) => [d.id, d])), cluster: { ...cluster, inferredDates: cluster.inferredDates ?? [] }, members: documents };
}
