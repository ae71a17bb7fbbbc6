// Every threshold and size the cluster stage uses, each with the reason for its value.
// Measured with `npm run eval:cluster` (vims-dev B-cubed, Korean false-merge check) and `npm run bench:cluster`.

const DEFAULTS = {
  // --- features (text → weighted terms) -----------------------------------------------------
  /** Character n-gram sizes inside Hangul/Han/Kana words: 2-grams are shared by unrelated Korean stories by chance; 3-5 separate same-event from same-topic pairs best. */
  ngramSizes: [3, 4, 5],
  /** Word bigrams for space-separated scripts: Vietnamese syllables and English names need pairs to be specific. */
  wordBigrams: true,
  /** A title term counts this many times: the headline names the event more reliably than body prose (1.5 ties 2 on vims-dev and separates unrelated Korean stories a little better). */
  titleWeight: 1.5,
  /** Without an extracted title, the first body line stands in when it is at least this long (shorter is a menu/section label). */
  fallbackTitleMinChars: 10,
  /** ...and at most this long (longer is a paragraph, not a headline). */
  fallbackTitleMaxChars: 160,
  /** A text is English when at least this share of its letters are plain Latin (Vietnamese marks most syllables; a Korean text with a few English names stays far below). */
  englishMinShare: 0.97,
  /** English function and reporting words: every English story has them, so they say nothing about the event (the five unrelated wire stories that merged shared mostly these). */
  englishStopwords: [
    'a', 'an', 'the', 'and', 'or', 'but', 'if', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'as', 'into', 'about',
    'after', 'before', 'over', 'under', 'than', 'between', 'through', 'during', 'amid', 'since', 'until', 'up', 'down', 'out', 'off',
    'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could',
    'may', 'might', 'should', 'must', 'shall', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'their', 'they', 'them',
    'he', 'his', 'him', 'she', 'her', 'we', 'our', 'us', 'you', 'your', 'i', 'who', 'whom', 'which', 'what', 'when', 'where', 'while',
    'how', 'why', 'not', 'no', 'also', 'so', 'such', 'more', 'most', 'other', 'some', 'any', 'all', 'each', 'both', 'only', 'just',
    'very', 'said', 'says', 'say', 'saying', 'told', 'according', 'percent', 'pct', 'year', 'years', 'month', 'months', 'week',
    'day', 'days', 'last', 'next', 'first', 'new', 'one', 'two', 'three', 's', 't', 'mr', 'ms', 'monday', 'tuesday', 'wednesday',
    'thursday', 'friday', 'saturday', 'sunday', 'earlier', 'later', 'compared', 'data', 'showed', 'officials', 'official',
  ] as readonly string[],
  /** Documents with fewer distinct terms than this cannot be placed reliably; they stay alone with a message. */
  minTerms: 5,
  /** Cap on stored terms per document when document frequencies are not known up front (watch mode): bounds memory. */
  maxStoredTerms: 400,
  /** A batch's term counts (and then its report vectors) are kept between its passes (frequencies → add → refine) up to this
   *  many MB, 12 bytes a term (≈50 MB at 10k Korean articles): making them again was half of the stage's CPU. Past it they are
   *  made again, to the same result, so memory stays bounded at 100k. */
  keptTermsMb: 128,

  // --- candidates (inverted index) --------------------------------------------------------------
  /** A document looks up candidate clusters through its this-many heaviest terms (its "signature" terms). */
  probeTerms: 30,
  /** Each term's posting keeps only this many most recent clusters: news events are local in time, and it keeps lookups O(1). */
  postingCap: 100,
  /** Terms in more than this share of the documents seen are too common to suggest candidates... */
  maxProbeDfShare: 0.2,
  /** ...unless they are in at most this many: in a small batch every shared term is cheap to follow. */
  minProbeDfCap: 50,
  /** Exact similarity is computed for at most this many best-scored candidates: the true event ranked in the top 5 on vims-dev (10 ties there, but loses 0.02 F1 on the 50k bench). */
  maxCandidates: 20,

  // --- decisions --------------------------------------------------------------------------------
  /** A report joins a cluster when its mean cosine with the members (average link) reaches this (tuned on vims-dev). */
  joinThreshold: 0.15,
  /** Derivatives (blog posts, rewrites) paraphrase and add commentary, so they join on a looser similarity. */
  derivativeJoinThreshold: 0.1,
  /** After a batch, a report moves to another cluster only when its mean cosine there beats its own cluster's by this much (no flip-flops on near ties). */
  reassignMargin: 0.02,
  /** refine regroups a cluster of up to this many reports by exact average link (O(n²) similarities, O(n³) merging) and splits off
   *  groups that fit one another but not the rest: a report that joined on a passage or two it shares with an unrelated event
   *  draws its own event's later reports after it. Larger clusters are left as they are, which bounds the work per cluster. */
  splitMaxReports: 64,
  /** ...splitting where groups' mean similarity stays below this (at most joinThreshold, which would never have joined them). */
  splitBelow: 0.15,
  /** Documents more than this many days from a cluster's date range are a different event, however similar. */
  maxDayGap: 7,
  /** A run whose new documents are at most this share of all it digests places them into the earlier clusters as they stand
   *  (cluster/incremental.ts) instead of clustering everything again: a few new documents cannot reshape the store's events,
   *  and the full pass costs the whole store. Past it (and on --recluster) the full pass runs, with refine. */
  incrementalMaxShare: 0.05,

  // --- near-duplicates (one-permutation MinHash + LSH) ----------------------------------------
  /** Shingle = this many consecutive letters/digits (spaces and punctuation removed): robust to re-spacing by aggregators. */
  shingleChars: 5,
  /** MinHash bins (one-permutation hashing): 128 gives a Jaccard estimate within about ±0.09. */
  minhashBins: 128,
  /** LSH bands × rows = bins; 32×4 catches pairs from Jaccard ≈ 0.42 up, so 0.7 copies are almost never missed. */
  lshBands: 32,
  /** Estimated Jaccard of shingle sets at or above this makes two documents syndicated copies of each other. */
  duplicateJaccard: 0.7,
  /** Below this many shingles a text is too short to call a copy (one-line briefs share whole sentences by chance). */
  minShingles: 40,
  /** Each LSH bucket keeps at most this many most recent documents: a huge bucket is boilerplate, not a copy. */
  bucketCap: 50,
};

export type ClusterTunables = Readonly<typeof DEFAULTS>;
/** The defaults; tests and tools pass a modified copy (`{ ...CLUSTER_TUNABLES, maxDayGap: 3 }`) instead of editing these. */
export const CLUSTER_TUNABLES: ClusterTunables = Object.freeze(DEFAULTS);
