// Types for write.mjs, so the TypeScript tests can use it.
import type { AnalyzedCluster, NewsDoc } from '../../src/types.js';

export function fixtureUrl(name: string): URL;
export function loadFixture(name: string): { docs: Map<string, NewsDoc>; cluster: AnalyzedCluster; members: NewsDoc[] };
