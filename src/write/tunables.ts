// Every knob of the write stage, each with the reason it has the value it has.

/** Key-sentence selection (LexRank over char n-gram TF-IDF, priors, MMR). */
export const KEY_SENTENCES = {
  /** Character n-gram sizes: Korean words inflect, so 2–3-grams match stems across endings. */
  ngramSizes: [2, 3] as const,
  /** Sentences shorter than this (whitespace removed) rarely carry a news point: fragments, asides, bylines. */
  minChars: 25,
  /** Floor used when too few sentences pass minChars (short single-document clusters still get a summary). */
  fallbackMinChars: 8,
  /** Very long "sentences" are usually unsplit paragraphs; they are still allowed but not favoured. */
  longChars: 220,
  /** LexRank damping: the usual PageRank value. */
  damping: 0.85,
  /** Edges below this cosine are noise between unrelated sentences (LexRank's threshold variant). */
  edgeThreshold: 0.08,
  /** Cosine at or above which two sentences from different documents are one sentence (syndication, light edits). */
  duplicateCosine: 0.72,
  /** Weights of the final score: news puts the point first, titles name the event, centrality finds the core. */
  weights: { centrality: 0.2, position: 0.45, title: 0.5, support: 0.25, quote: 0.15 },
  /** Position prior decays as 1/(1 + index/positionScale): the first paragraphs matter most. */
  positionScale: 5,
  /** MMR trade-off between relevance and novelty (merging near-duplicates already removes most repetition). */
  mmrLambda: 0.75,
  /** Two sentences quoting the same utterance (per the analysis) are one statement above this cosine. */
  sameUtteranceCosine: 0.3,
  /** How many to pick: about a quarter of the distinct sentences (hand-picked summaries of Korean news take 20–25%). */
  ratio: 0.25,
  /** Even short articles make a point in several sentences (gold picks at least 3, often 4). */
  min: 4,
  /** Beyond this a summary stops being one. */
  max: 8,
} as const;

/** Post layout. */
export const POST = {
  /** Entities listed under 주요 인물·기업. */
  maxEntities: 8,
  /** Entities turned into tags. */
  maxTags: 6,
  /** Rows in the figures table. */
  maxFigures: 12,
  /** Characters of context shown beside a figure, each side. */
  figureContext: 28,
  /** Sentences in the timeline narrative. */
  maxNarrative: 8,
  /** Titles longer than this are cut at a word boundary. */
  maxTitle: 80,
} as const;

/** Title prefixes and marks that sell rather than name an event. */
export const CLICKBAIT_PATTERNS: RegExp[] = [
  /^\s*[[(【<](?:단독|속보|종합|포토|영상|르포|인터뷰|긴급|특징주|\d+보)[\])】>]\s*/u,
  /\s*[[(【](?:종합|\d+보)[\])】]\s*$/u,
  /[!?]{2,}/gu,
  /[…]+$/u,
];

/** Words that mark a headline-like line (cross-head, title) when it also lacks sentence-final punctuation. */
export const SENTENCE_END = /(?:[.!?。]|[.!?]?[”"’'」』)])\s*$/u;
