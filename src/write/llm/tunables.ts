// Knobs of the LLM polish and its guard, each with its reason.

export const GUARD = {
  /** Digits with magnitude words and a unit: the forms Korean news writes amounts in. */
  figure: /\d[\d,.]*(?:\s*[조억만천])*(?:\s*(?:달러|유로|엔|위안|원|%|퍼센트|배|명|개|건|대|곳|년|개월|월|일|시간|분|MW|GW|GB|TB|nm))?/gu,
  /** Double, single and corner quotation marks, straight or curly. */
  quote: /[“"]([^”"]+)[”"]|[‘']([^’']+)[’']|「([^」]+)」/gu,
  /** Shorter quoted bits are scare quotes ('AI 동맹'), not somebody's words. */
  minQuoteChars: 8,
  /** A Hangul name right before a title or office is a person the sentence names. */
  titledName: /([가-힣]{2,4})\s*(?=(?:회장|부회장|대표|사장|의장|장관|차관|대통령|총리|시장|지사|의원|교수|연구원|이사|최고경영자|위원장|원장|청장|국장|CEO)(?![가-힣]))/gu,
  /** A rewording may grow a little (particles, connectives), not double. */
  maxGrowth: 1.6,
  slackChars: 20,
} as const;

export const LLM = {
  /** Low temperature: we want rewording, not invention. */
  temperature: 0.2,
  /** One retry covers a dropped connection; more would hide a misconfigured endpoint. */
  maxRetries: 1,
  /** Sentences per request: small enough for a 4k-context local model. */
  batchSize: 24,
} as const;
