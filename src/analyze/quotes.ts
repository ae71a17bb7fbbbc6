// PLACEHOLDER: filled by the Analysis issue.
import type { Entity, NewsDoc, Quote } from '../types.js';

export function findQuotes(_docs: NewsDoc[], _entities: Entity[]): Quote[] {
  return [];
}
