// PLACEHOLDER: filled by the Analysis issue.
import type { Entity, Finding, NewsDoc, NumberMention, Quote, TimelineEvent } from '../types.js';

export interface Facts {
  entities: Entity[];
  numbers: NumberMention[];
  quotes: Quote[];
  timeline: TimelineEvent[];
}

export function compareSources(_docs: NewsDoc[], _facts: Facts): Finding[] {
  return [];
}
