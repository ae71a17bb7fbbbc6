// PLACEHOLDER: filled by the Analysis issue.
import type { NewsDoc, NumberMention } from '../types.js';

export function findNumbers(_docs: NewsDoc[]): NumberMention[] {
  return [];
}
