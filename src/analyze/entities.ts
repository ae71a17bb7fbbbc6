// PLACEHOLDER: filled by the Analysis issue.
import type { NewsDoc, Entity } from '../types.js';

export function findEntities(_docs: NewsDoc[]): Entity[] {
  return [];
}
