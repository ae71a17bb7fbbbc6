// Types for cluster.mjs, so the TypeScript tests and benches can use it.
import type { NewsDoc } from '../../src/types.js';

export interface Fixture {
  docs: NewsDoc[];
  /** Document id → file name without .txt */
  name: Map<string, string>;
  byName: Map<string, NewsDoc>;
  expected: Record<string, unknown>;
}

export function loadFixture(name: string): Fixture;
export function makeDoc(source: string, body: string, meta?: { title?: string; date?: string; kind?: string }): NewsDoc;
