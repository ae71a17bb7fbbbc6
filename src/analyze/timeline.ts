// PLACEHOLDER: filled by the Analysis issue.
import type { NewsDoc, TimelineEvent } from '../types.js';

export function buildTimeline(_docs: NewsDoc[]): TimelineEvent[] {
  return [];
}
