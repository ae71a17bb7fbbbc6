// Tunables for the timeline (timeline.ts) and cross-source findings (findings.ts). Each
// threshold is named here with a one-line reason. The amount tables are in src/text/tunables-amount.ts.

// ------------------------------------------------------------------------------------------------
// dates and timeline

/** Words that mark a sentence about the future; a year mentioned there is not a date the article was written in. */
export const FUTURE_MARKERS = /전망|예정|계획|목표|까지|할 것|될 것|오는/;


/** Two timeline items on the same `when` merge when their phrases share this much (character-bigram Dice). */
export const MERGE_SIMILARITY = 0.25;

// ------------------------------------------------------------------------------------------------
// findings

/** Two readings of one amount agree when they differ by at most this fraction. */
export const SAME_VALUE_TOLERANCE = 0.005;

/** A stated ratio is "consistent" with the computed one within this fraction; beyond, "approximate". */
export const RATIO_TOLERANCE = 0.1;

/** Won amounts within this fraction outside the range of conversions count as another conversion. */
export const CONVERSION_SLACK = 0.03;

/** Characters either side of a figure read as its topic words. */
export const TOPIC_WINDOW = 30;

/** A topic word ties two figures together only if it occurs in at most this many sentences of the cluster. */
export const RARE_TOPIC_MAX_SENTENCES = 3;

/** Two different figures are "the same quantity" only if they share this many rare topic words (사법 + 리스크). */
export const MIN_SHARED_RARE_TOPICS = 2;

/** A single shared topic word this long that only the two figures' sentences use ties them (기업가치). */
export const UNIQUE_TOPIC_MIN_CHARS = 3;

/** Particles and copulas left standing alone after a figure (7500억원 안팎으로 → 으로); never a topic. */
export const BARE_ENDINGS = new Set(['으로', '이다', '이며', '이고', '에서', '에게', '까지', '부터', '으로는', '이라', '이었다', '였다', '에는', '보다', '으로써', '이라는', '라는']);

/** Words too generic to tie two figures together. */
export const TOPIC_STOPWORDS = new Set([
  '지난', '향후', '최근', '이날', '전날', '올해', '지난해', '이번', '규모', '수준', '정도', '가량', '이상', '이하',
  '회장', '사장', '대표', 'CEO', '기자', '관계자', '것으로', '위해', '통해', '대한', '관련', '함께', '따르면', '있다', '했다',
  '약', '총', '최대', '최소', '무려', '불과', '그는', '이는', '이들', '등', '및', '또', '더', '수',
]);

/** Most coverage-gap findings listed per cluster, biggest first (the rest is noise for a reader). */
export const MAX_COVERAGE_GAPS = 6;
