// write: an analysed cluster → its key sentences and its post. The LLM polish (async) lives in llm/.
import type { AnalyzedCluster, NewsDoc, WrittenCluster } from '../types.js';
import { selectKeySentences } from './key-sentences.js';
import { eventStatements, writePost, type WriteOptions } from './post.js';

export { DEFAULT_WRITE_OPTIONS, type WriteOptions } from './post.js';
export { checkPreset, PRESETS, type PresetName } from './front-matter.js';
export { digestJsonChunks, DIGEST_VERSION } from './digest-json.js';
export { polishClusters, type ChatFn } from './llm/polish.js';
export { openAiChat, type ChatSettings } from './llm/client.js';
export { sourceName } from './citations.js';

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
