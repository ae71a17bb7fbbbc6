// Every knob of the event analysis (src/analyze/event.ts), each with the reason it has its value.

/**
 * Acts a news event is named by, as the noun the sources use, with the words that tell it in a
 * sentence (the noun itself and its verb forms). Order breaks ties: the more specific act first.
 */
export const ACTS: { act: string; words: RegExp; nouns?: [RegExp, string][] }[] = [
  { act: '회동', words: /회동|회담|면담|만났|만나|만남|미팅/u },
  { act: '인수', words: /인수|합병/u },
  // A product shown before it is sold is 공개: the event takes the noun most reports use.
  { act: '출시', words: /출시|선보[였이]|공개/u, nouns: [[/선보[였이]|공개/u, '공개']] },
  { act: '발표', words: /발표/u },
  { act: '계약', words: /계약|체결|협약|수주/u },
  { act: '투자', words: /투자/u },
  { act: '착공', words: /착공/u },
  { act: '건설', words: /건설|짓는|짓기로|짓겠/u },
  { act: '개발', words: /개발/u },
];

/** A participant of the main event is named in act sentences (or the headline) of more than this share of the reports. */
export const PARTICIPANT_SHARE = 0.5;

/** At most this many main participants: a title names three or four people, not a crowd. */
export const MAX_PARTICIPANTS = 4;

/** Places an event happens at: a building or site word ends the phrase before 에서. */
export const PLACE_AT = /((?:[가-힣A-Za-z]+ )?[가-힣A-Za-z]*(?:사옥|본사|호텔|청사|회관|센터|공항|백악관|캠퍼스|공장|대사관|본관|컨벤션|전시장|연구소|타워|빌딩|청와대|관저))에서/gu;

/** How long the act lasted, as written: 두 시간가량, 약 2시간, 40분간. */
export const DURATION = /(?:약\s?)?(?:\d+|한|두|세|네|다섯)\s?시간(?:\s?\d+분)?(?:가량|여|쯤|동안|에 걸친)?|(?:약\s?)?\d+분(?:간|가량|여)/u;

/** Words that place a quote after the act (회동을 마치고, 만난 뒤): the quote then tells the outcome. */
export const AFTER_ACT = /(마치고|마친\s?(뒤|후)|끝난\s?(뒤|후)|끝내고|만난\s?(뒤|후)|나오면서)/u;

/** The side event's act when its sentence names none of ACTS' nouns: a meeting told with a verb. */
export const SIDE_ACT = '만남';

/** A side event belongs to the same trip when it falls within this many days of the main event. */
export const SIDE_EVENT_DAYS = 3;

/** Timeline clauses (src/analyze/timeline.ts). */
export const TIMELINE = {
  /** Longest clause, in words, that is still one event; a longer one is background, not a timeline item. */
  maxWords: 24,
  /** A clause of at most this many words ending on 은/는 is a subject alone (올트먼 CEO는), no act. */
  bareSubjectWords: 2,
  /** A subject further into the sentence than this is inside a modifier, not the sentence's. */
  subjectWithin: 12,
  /** Dated sentences looked back over for the event a later sentence continues (발표회는 … 이어졌다): it
   *  continues a recent one; unbounded, every sentence re-read all before it (quadratic on a long text). */
  continuesWithin: 20,
  /** Characters of a sentence's start its subject and topic are read from (subjectWithin words fit many
   *  times over); the whole sentence, once per date in it, was quadratic on a sentence of thousands of dates. */
  headChars: 1_000,
  /** Items of the same day an event is compared with for a merge (the most recent): a cluster tells a day in
   *  a few dozen items; unbounded, a text of thousands of same-day dates compared every pair (quadratic). */
  mergeCandidates: 200,
  /** Titles that follow a name (올트먼 CEO): the subject is the two words. */
  titles: /^(CEO|회장|대표|사장|부회장|장관|의원|대통령|총리|위원장|최고경영자)$/u,
  /** Connectives that only join the clause to the sentence before; a timeline item stands alone. */
  connective: /^(특히|또|또한|한편|이어|앞서|이후|그런데|그러나|하지만)[,\s]+/u,
  /** Openers that point at an earlier sentence: the clause cannot stand alone in a timeline. */
  refersBack: /^(?:(?:두|세|네) (?:사람|회사|기업|곳)|그|그녀|그들|이들|양측|양사|(?:이|그|해당) \S+?)(?:은|는|이|가|도|의)\s|^(?:이|그|해당) (?:회장|대표|사장|프로젝트|회사|기업|제품)/u,
  /** Bound nouns after a verb's modifier form (받은 이후, 만난 뒤): the word before them is no subject. */
  boundNoun: /^(?:이후|후|뒤|직후|다음|때|것|만큼|가운데|중|데|무렵|즈음|자리)(?:[에의로,]|$)/u,
  /** A clause about why or how it looks (…한 배경에는 …이 작용했다, …하는 모양새다): background or commentary, no act. */
  background: /(?:^|\s)(?:배경|이유|까닭)(?:에는|은|는|으로는)\s|(?:작용했|풀이된|관측된|분석된|모양새|배경이|때문이|전망이|것으로 보인)다$/u,
  /** Acts that need an object (발표했다): without one, the clause takes the topic of the sentence before. */
  transitiveAct: /(발표|공개|출시|체결|인수)(했다|하였다|됐다)$/u,
} as const;

/** After a participant's name in the act's sentences: the one who acts (대한전자가, 두 회사와) … */
export const AGENT_PARTICLE = /^(?:이|가|은|는|와|과)(?:\s|$)/u;
/** … or the one the act is done to (딥웨이브를, 딥웨이브의 지분). */
export const OBJECT_PARTICLE = /^(?:을|를|의)(?:\s|$)/u;
/** The thing an act is done to, as written right before its verb: `1.2GW 해상풍력 단지를 짓기로` (at most three words). */
export const OBJECT_PHRASE = /((?:[^\s,'"‘’“”]+ ){0,2}[^\s,'"‘’“”]+?)(?:을|를) (?=짓|건설|인수|출시|공개|선보|체결|개발|착공|조성|세우)/u;
/** Words with a particle of their own (부안 해역에 …) or a bare measure word (규모) at the front of that phrase are not the object. */
export const LEADING_MODIFIER = /^(?:\S+(?:에|에서|으로|로|와|과|의|은|는|이|가|도) |(?:규모|수준|약|총) )+/u;

/**
 * The tense of a non-meeting act, read from the morphemes right after its word (src/analyze/event.ts):
 * a noun that follows it says the act is only agreed or planned (인수를 추진, 인수에 합의) or finished
 * (인수를 마무리); the words after an adnominal 할 say it is planned (인수할 계획이다).
 */
export const TENSE = {
  plannedNouns: /^(추진|검토|합의|협의|결정|계획|예정|방침|착수)$/u,
  doneNouns: /^(마무리|완료|완수|성사)$/u,
  plannedAfterAdnominal: /^\s*(계획|예정|방침|전망)/u,
  /** Morphemes read after the act word before giving up: a predicate ends within a few. */
  window: 6,
} as const;
