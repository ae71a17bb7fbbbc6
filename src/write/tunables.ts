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
  /** Only this many characters of a sentence are scored (n-grams, quote test): news sentences are far shorter,
   *  and a page with no sentence ends (a hostile input) would otherwise cost n-gram work on the whole page. */
  maxScoredChars: 2_000,
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
  /** How many to pick: about a quarter of the distinct sentences (hand-picked summaries of Korean news take 20–25%). */
  ratio: 0.25,
  /** Even short articles make a point in several sentences (gold picks at least 3, often 4). */
  min: 4,
  /** Beyond this a summary stops being one. */
  max: 8,
  /** Candidates per document, from its start: ranking compares every pair, and news puts its point first (articles run 10–60 sentences). */
  maxPerDocument: 80,
} as const;

/** Post layout. */
export const POST = {
  /** Characters (spaces aside) a cluster's documents must hold between them to get a post: fewer is not one
   *  news sentence (a file of "짧은 글 3번"), and analysing 20,000 such files would only write 20,000 empty posts. */
  minClusterChars: 20,
  /** A "sentence" longer than this is not told in a post (an unsplit page: no sentence end, or a quote never
   *  closed); news sentences are far shorter (the longest of vims-dev: 1,397), and every rule of the writer
   *  that reads a sentence whole would otherwise work on the whole page. */
  maxSentenceChars: 2_000,
  /** Entities listed under 주요 인물·기업. */
  maxEntities: 8,
  /** Entities turned into tags. */
  maxTags: 6,
  /** Characters a tag needs: a one-character name is a surname alone (김모씨 → 김), which no reader searches a blog for. */
  minTagChars: 2,
  /** Rows in the figures table. */
  maxFigures: 12,
  /** Characters of context shown beside a figure, each side. */
  figureContext: 28,
  /** Bullets under 핵심 요약: more than five is no longer a summary. */
  maxSummary: 5,
  /** Characters of source prose under 무슨 일이 있었나: with lead, summary, quotes, timeline and differences the main text of a 4–5 source post stays within 2,000–3,000 (seeds: 2,8xx). */
  narrativeChars: 700,
  /** Sentences taken from one report in a row: beyond this one outlet's article would be retold. */
  maxParagraphSentences: 3,
  /** Shorter sentences are asides and fragments (사진=연합뉴스). */
  minProseChars: 20,
  /** Guests a side event names before "등". */
  maxSideGuests: 2,
  /** Source sentences told under one side event. */
  maxSideSentences: 3,
  /** A sentence telling that a meeting took place: two of them naming the same guest of a side event restate one fact. */
  meetingTold: /만났다|만나\s|회동했다|면담했다|회담했다|미팅을 (?:진행했|가졌)다|만남을 가졌다/u,
  /** A sentence that comments or explains rather than reports (…하는 모양새다, …로 관측된다, …한 배경이다): no fact of the event, so neither a 핵심 요약 bullet nor 무슨 일이 있었나 prose. */
  commentary: /(?:모양새|관측|전망|분석|풀이|평가|해석|배경|때문|셈|분위기|양상|형국|관측이 나온)(?:이다|된다|다|이 나온다)[.”"’']*\s*$|것으로 (?:보인|풀이된|관측된|분석된|예상된|전망된)다[.”"’']*\s*$/u,
  /** Utterances under 발언. */
  maxQuotes: 5,
  /** The act told from a template (who met whom, when, where): symmetric, so no wording can misstate who did what. */
  templateAct: '회동',
  /** Timeline items: about ten keeps it a timeline. */
  maxTimeline: 10,
  /** A summary bullet this alike (character-bigram Dice) to the lead or an earlier bullet retells it. */
  sameFactDice: 0.5,
  /** Place words that name no place alone: a title says whose (한솔항만 본사서, not 본사서). */
  genericPlace: /^(?:본사|사옥|본관|청사|센터|호텔|공장|연구소|캠퍼스|빌딩|타워)$/u,
  /** Titles longer than this are cut at a word boundary. */
  maxTitle: 80,
} as const;

/** Sentences that point back at the sentence before them (src/write/context.ts). */
export const CONTEXT = {
  /** How many sentences back a reference may point: further back, a reader would not follow it either. */
  lookBack: 3,
  /** Connectives that only add or order (특히, 또한, 이어): the fact stands without them, so they go. */
  stripOpeners: /^(?:특히|또한|또|아울러|이어서|이어|이후|이와 함께|이와 관련해|한편|실제로|더불어|뿐만 아니라|이 밖에|이밖에|앞서)\s*,?\s+/u,
  /** Connectives that argue from the sentence before (그러나, 이에 따라): without it the claim is wrong. */
  dropOpeners: /^(?:이에|이에 따라|그러나|하지만|반면|다만|그런데|따라서|결국|이러한|이런|이처럼|이 때문에|그래서|그럼에도|이 과정에서|이를|이번 기회에)[\s,]/u,
  /** A sentence that gives the reason for what the one before said (…한 배경이다, …때문이다): no claim of its own. */
  explainsBefore: /(?:배경|이유|까닭|때문)이다[.”"’']*\s*$/u,
  /** A sentence dating itself: 앞서 may go. */
  ownDate: /지난해|지난달|\d+년|\d+월|\d+일|이날|전날|당일/u,
  groupOpener: /^(?:(두|세|네) (?:사람|회사|기업|곳|정상)|이들|양측|양사|양국|그들)(?:은|는|이|가|도|의)\s/u,
  pronoun: /^(그|그녀)(는|가|의|도)\s/u,
  /** After a name: an optional title, then a subject or topic marker (최하늘 회장은, 강 대표가, 올트먼 CEO는). */
  subjectAfterName: /^(?:\s?(?:회장|대표|사장|부회장|장관|의원|CEO|최고경영자|총리|대통령|위원장|교수|[가-힣A-Za-z]+ (?:회장|대표|사장|CEO)))?(?:은|는|이|가)(?:\s|$)/u,
  /** A word that is a subject or topic: a sentence with none leans on the one before it for what it is about. */
  subjectWord: /[가-힣A-Za-z0-9)](?:은|는|이|가|도|께서)$/u,
  /** A sentence opening on its own subject, a name or a surname with a title (한 대표는, 박영수 대표가, 회사 측은). */
  ownSubject: /^\s*[가-힣A-Za-z]+(?: (?:회장|대표|사장|부회장|장관|의원|CEO|최고경영자|총리|대통령|위원장|교수|조합장|측|관계자))?(?:은|는|이|가) /u,
  demonstrative: /^(이|그|해당|이번|같은) (회장|대표|사장|장관|의원|CEO|프로젝트|회사|기업|제품|모델)(?=(?:은|는|이|가|도|의|에는|에서|에|을|를|과|와|으로|로)?\s)/u,
  /** A name the sentences before give in quotes ('누리온'), or a `X 프로젝트`: what 해당 제품 or 이 프로젝트 points at when no entity is known. */
  quotedName: /['‘]([^'’\s][^'’]{0,20}?)['’]/u,
  projectName: /([가-힣A-Za-z0-9]{2,} 프로젝트)/u,
  personTitles: ['회장', '대표', '사장', '장관', '의원', 'CEO'] as string[],
  thingTypes: { 프로젝트: ['project'], 제품: ['product'], 모델: ['product'], 회사: ['organization'], 기업: ['organization'] } as Record<string, string[]>,
  /** Relative days, with the day some outlets add in brackets (전날(3일)). */
  relativeDay: /(이날|전날|다음날|이튿날|당일|같은 날|그날)(?:\((\d{1,2})일\))?/gu,
  dayShift: { 전날: -1, 다음날: 1, 이튿날: 1 } as Record<string, number>,
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

/** An elision or a deck-line marker (…, ◇, ▶): the line is a headline cut short, not a sentence a reader can take whole. */
export const ELIDED = /…|\.{3}|^[◇◆▶▷■□●○※]/u;

/** A prose sentence ends a sentence: a final mark or 다 (a quote may close after it); headlines and captions do not. */
export const POST_SENTENCE_END = /(?:[.!?。]|다)[”"’'」』)]*\s*$/u;

/** Short forms of a person (src/write/naming.ts). */
export const NAMING = {
  /** Titles that name one office: sources write 올트먼 CEO where the role says 최고경영자. */
  sameTitle: {
    최고경영자: ['최고경영자', 'CEO'],
    CEO: ['CEO', '최고경영자'],
  } as Record<string, string[]>,
} as const;
