// analyze: a cluster and its documents → entities, numbers, quotes, timeline, findings.
// One module per concern; this file only wires them in order.
import type { AnalyzedCluster, Cluster, Message, NewsDoc } from '../types.js';
import { findEntities } from './entities.js';
import { findQuotes } from './quotes.js';
import { findNumbers } from './numbers.js';
import { buildTimeline, inferDocumentDates } from './timeline.js';
import { compareSources } from './findings.js';
import { findEvent } from './event.js';
import { checkBudget } from '../workers/budget.js';
import type { LineTokens } from './token-cache.js';

/** `tokens`: the members' lines already tokenized (a re-digest's cache, see token-cache.ts); the lines
 *  tokenized now are added to it, for the caller to keep. */
export function analyzeCluster(cluster: Cluster, docs: Map<string, NewsDoc>, tokens?: LineTokens): AnalyzedCluster {
  const members = cluster.members.map((id) => docs.get(id)).filter((d): d is NewsDoc => !!d);
  const messages: Message[] = [];
  // checkBudget: the caller's time budget (pipeline) is checked between steps and at every tokenized line.
  const entities = findEntities(members, messages, tokens);
  checkBudget('analyze/entities');
  const quotes = findQuotes(members, entities, messages);
  checkBudget('analyze/quotes');
  const numbers = findNumbers(members);
  checkBudget('analyze/numbers');
  const timeline = buildTimeline(members, entities);
  checkBudget('analyze/timeline');
  const findings = compareSources(members, { entities, numbers, quotes, timeline });
  checkBudget('analyze/findings');
  const event = findEvent(members, { entities, quotes, timeline });
  const inferredDates = [...inferDocumentDates(members)].map(([document, g]) => ({ document, publishedAt: g.publishedAt, evidence: g.evidence }));
  return { ...cluster, event, entities, numbers, quotes, timeline, findings, summary: [], inferredDates, messages };
}
