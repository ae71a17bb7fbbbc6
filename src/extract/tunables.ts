// Thresholds of the extract stage, in one place. Each has a one-line reason.
// Patterns live in noise-rules.ts (line noise), outlets.ts (outlet table) and derivative.ts (cues).

/** A title line is a headline: Korean headlines run to ~60 characters, English / Vietnamese ones to ~150. */
export const TITLE_MAX_CHARS = 150;

/** Deck (subtitle) lines under a title are short phrases; longer lines are the lead paragraph. */
export const SUBTITLE_MAX_CHARS = 60;

/** Decks rarely exceed eight lines; more short lines in a row are body text or a list. */
export const SUBTITLE_MAX_LINES = 10;

/** Cross-heads are short phrases between paragraphs; anything longer is prose. */
export const HEADING_MAX_CHARS = 45;

/** Section labels are one or two words (IT일반, 경제, 정치일반, IT/과학). */
export const SECTION_MAX_CHARS = 12;

/** Deck lines are a Korean newspaper convention: only read them when the text is mostly Hangul. */
export const DECK_MIN_HANGUL_RATIO = 0.3;

/** Captions are one or two sentences; a longer line ending in a credit is a body paragraph. */
export const CAPTION_MAX_CHARS = 400;

/** Copyright / notice lines are short; a long line that mentions 무단전재 is prose about it. */
export const NOTICE_MAX_CHARS = 160;

/** Reporter and credit lines are a name, a title and an address at most. */
export const CREDIT_MAX_CHARS = 80;

/** Related / most-read lists: an item longer than this, or a full sentence, ends the list. */
export const LIST_ITEM_MAX_CHARS = 90;

/** Related / most-read lists: stop after this many items so a wrong header cannot eat an article. */
export const LIST_MAX_ITEMS = 30;

/** Board listings without a header: this many row-shaped lines in a row make a listing. */
export const BOARD_MIN_ROWS = 3;

/** The scraper's duplicated blocks: compare blocks of up to this many lines. */
export const DUPLICATE_MAX_BLOCK = 40;

/** A derivative (blog/commentary) needs at least this many points from derivative.ts cues. */
export const DERIVATIVE_MIN_SCORE = 3;

/** Section labels outlets print above the title. Labels ending in 일반 (IT일반, 정치일반) also count. */
export const SECTION_LABELS = new Set([
  '정치', '경제', '사회', '국제', '세계', '문화', '생활', '스포츠', '연예', '산업', '금융', '증권', '부동산', '과학', 'IT',
  'IT/과학', 'IT·과학', '생활/문화', '생활·문화', '오피니언', '사설', '칼럼', '북한', '국회/정당', '행정', '국방/외교',
  '노동', '교육', '환경', '건강', '의료', '자동차', '날씨', '지역', '전국', '인물', '기업', '재계', '유통', '모바일',
  '인터넷/SNS', '통신/뉴미디어', '보안/해킹', '컴퓨터', '게임', '게임/리뷰', '반도체', '테크', '비즈니스', '글로벌',
  '글로벌 경제', '국제경제', '경제정책', '산업/재계', '중기/벤처', '취업/직장인', '증권/금융', '엔터', '방송', '영화', '음악',
  '사건사고', '법원/검찰', '여성/복지', '라이프', '여행', '미디어', 'AI', '인공지능',
]);
/** Section labels built from a topic and 일반 (IT일반, 경제일반). */
export const SECTION_PATTERN = /^[가-힣A-Za-z/·]{1,8}일반$/;

/** Aliases a Markdown front matter may resolve: a real one uses none; an alias bomb ("billion laughs")
 *  needs thousands, each multiplying the size of the parsed data. */
export const YAML_MAX_ALIASES = 50;

/** Markdown-ness is judged from this much of a text: a Markdown file shows its marks early, and the
 *  whole of a multi-megabyte text was scanned for them (the scan grew ~20× per 10× there). */
export const MARKDOWN_SNIFF_CHARS = 100_000;

/** Inline Markdown is stripped from a longer line in pieces of about this size, cut at a space: a line
 *  that long is no one's prose, and one replace over hundreds of thousands of marks grew super-linearly. */
export const INLINE_PIECE_CHARS = 10_000;
