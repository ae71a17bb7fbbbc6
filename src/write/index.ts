// write: an analysed cluster → its key sentences and its post. The LLM polish (async) lives in llm/.
import type { AnalyzedCluster, NewsDoc, WrittenCluster } from '../types.js';
import { selectKeySentences } from './key-sentences.js';
import { eventStatements, writePost, type WriteOptions } from './post.js';
import { POST } from './tunables.js';

export { DEFAULT_WRITE_OPTIONS, type WriteOptions } from './post.js';
export { checkPreset, PRESETS, type PresetName } from './front-matter.js';
export { digestJsonChunks, DIGEST_VERSION, JSON_FRAME, PIECE_FORMAT, clusterPiece, documentPiece, documentStamp, inferredDates, messagePiece } from './digest-json.js';
export { polishClusters, type ChatFn } from './llm/polish.js';
export { openAiChat, type ChatSettings } from './llm/client.js';
export { sourceName } from './citations.js';

/** True when a cluster's documents hold too little text for any post (POST.minClusterChars): the run
 *  skips analysing it and says so, instead of writing a post with nothing in it. */
export function tooShortForPost(members: readonly NewsDoc[]): boolean {
  let chars = 0;
  for (const d of members) chars += d.body.replace(/\s+/g, '').length + (d.title ?? '').replace(/\s+/g, '').length;
  return chars < POST.minClusterChars;
}

export function writeCluster(
  cluster: AnalyzedCluster,
  docs: Map<string, NewsDoc>,
  options: WriteOptions,
  taken: Set<string>,
): WrittenCluster {
  const members = cluster.members.map((id) => docs.get(id)).filter((d): d is NewsDoc => !!d);
  const summary = cluster.summary.length ? cluster.summary : selectKeySentences(members, {
    count: options.summarySentences, quotes: cluster.quotes, sameFact: eventStatements(cluster),
  });
  const withSummary = { ...cluster, summary };
  const { post, messages } = writePost(withSummary, docs, options, taken);
  return { ...withSummary, messages: [...cluster.messages, ...messages], post };
}
