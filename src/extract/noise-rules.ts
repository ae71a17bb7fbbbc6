// Every noise rule of the Korean text cleaner, named, with a one-line reason, in one place.
// clean.ts applies them; a line a rule takes out goes to NewsDoc.removed with the rule's name, except
// captions (kept apart in NewsDoc.captions) and metadata lines (read into metadata, then removed).
// Patterns are compiled once, here. They match a trimmed line whose whitespace (incl. NBSP) is folded.
import { CREDIT_MAX_CHARS, NOTICE_MAX_CHARS } from './tunables.js';

/** Rule names, used as Removal.rule and Message.rule. */
export const RULE = {
  skipMenu: 'skip-menu',
  imagePlaceholder: 'image-placeholder',
  dateline: 'dateline',
  byline: 'byline',
  reporterLine: 'reporter-line',
  emailLine: 'email-line',
  copyrightLine: 'copyright-line',
  commentBox: 'comment-box',
  categoryNotice: 'category-notice',
  promoLine: 'promo-line',
  tipLine: 'tip-line',
  broadcastSignoff: 'broadcast-signoff',
  staffCredit: 'staff-credit',
  scriptCue: 'script-cue',
  hashtagRow: 'hashtag-row',
  endMark: 'end-mark',
  editorNote: 'editor-note',
  englishByline: 'english-byline',
  wireDateline: 'wire-dateline',
  recommendation: 'recommendation-widget',
  shareToolbar: 'share-toolbar',
  outletCredit: 'outlet-credit',
  boardListing: 'board-listing',
  relatedList: 'related-list',
  duplicateBlock: 'duplicate-block',
  caption: 'caption',
} as const;

export interface LineRule {
  name: string;
  reason: string;
  patterns: RegExp[];
  /** Lines longer than this are prose that merely mentions the words; the rule does not fire. */
  maxChars: number;
}

const REPORTER_TITLE = '(?:기자|특파원|선임기자|전문기자|객원기자|인턴기자|수습기자|통신원|논설위원|편집위원|에디터)';
const PERSON = '[가-힣]{2,4}(?:\\s*[·,]\\s*[가-힣]{2,4})*';
const EMAIL_SRC = '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+';
/**
 * EMAIL_SRC for searching anywhere in a text (EMAIL, EMAIL_ALL): an address starts where a run of its
 * characters starts. Without the lookbehind every position of a long run of word characters with no `@`
 * (a 1 MB line of `aaaa…`) re-read the run to its end: 1.4 ms at 1 kB, 1.1 s at 30 kB. The leftmost
 * match began at the start of its run anyway; EMAIL_SRC itself stays as it is inside anchored patterns.
 */
const EMAIL_SEARCH = `(?<![\\w.+-])${EMAIL_SRC}`;

export const EMAIL = new RegExp(EMAIL_SEARCH);

// Broadcast and wire copy: what the script and the wire desk leave around the story.
/** A broadcaster's name as its reporters say it on air: KBS, MBN, JTBC, 채널A, TV조선, 연합뉴스TV (optionally 뉴스 / a region). */
const BROADCASTER = '(?:[A-Z][A-Za-z0-9]{1,5}|채널A|TV조선|연합뉴스\\s*TV)(?:\\s*뉴스)?';
const BRACKETED_EMAIL = `[\\[(<]\\s*${EMAIL_SRC}\\s*[\\])>]`;
/** `MBN뉴스 홍길동입니다. [x@mbn.co.kr]`, `지금까지 KBS 뉴스 홍길동이었습니다.`: broadcaster (1) and reporter (2). */
export const SIGNOFF_SPOKEN = new RegExp(
  `^(?:지금까지\\s*)?(${BROADCASTER})\\s*([가-힣]{2,4}?)\\s*(?:기자\\s*)?(?:입니다|이었습니다|였습니다)\\.?\\s*(?:${BRACKETED_EMAIL})?$`,
);
/** `YTN 홍길동 (x@ytn.co.kr)`: the written form, broadcaster (1), reporter (2) and the address. */
export const SIGNOFF_WRITTEN = new RegExp(`^(${BROADCASTER})\\s+([가-힣]{2,4})\\s*${BRACKETED_EMAIL}$`);
/** Production roles credited at the end of a broadcast script. */
const STAFF_ROLE = '(?:영상\\s*(?:취재|편집|촬영|구성|디자인)|촬영(?:\\s*기자)?|카메라|그래픽|CG|편집|작가|구성|연출|디자인|자료\\s*조사|취재\\s*지원|PD|VJ|리포터|내레이션|인턴)';
/** Staff titles after (or before) a name: 홍길동 PD, PD 홍길동, 홍길동 작가. */
const STAFF_TITLE = '(?:PD|VJ|작가|촬영\\s*기자|영상\\s*기자|카메라\\s*기자)';
/** A wire end mark: (끝), <끝>, /끝/, -끝-, (END). */
const END_MARK = '(?:[(<\\[]\\s*(?:끝|END)\\s*[)>\\]]|/\\s*끝\\s*/|-\\s*끝\\s*-)';
/** An end mark closing the last paragraph (`… 밝혔다. (끝)`): cut from the line, listed as removed. */
export const END_MARK_TAIL = new RegExp(`(?<=[.!?"'”’다])\\s*${END_MARK}$`, 'i');
/** Wire desk tags in front of a headline: (LEAD), (2nd LD), (3rd LD, ATTN: …), (URGENT), (CORRECTED). */
const WIRE_TAG = "\\(\\s*(?:LEAD|URGENT|CORRECTED|REPEAT|\\d+(?:st|nd|rd|th)\\s*LD)\\b[^)]{0,80}\\)";
/** Wire desk tags at the start of a title; metadata.ts cuts them. */
export const TITLE_WIRE_TAGS = new RegExp(`^(?:${WIRE_TAG}\\s*)+`, 'i');
/** One name in an English byline: capitalised words (Kim Eun-jung, LEE SU-MIN, Jane O'Neil). */
const EN_NAME = "[A-Z][A-Za-z'’.-]*(?:\\s+[A-Z][A-Za-z'’.-]*){0,3}";
/** `By Kim Eun-jung`, `By Kim Eun-jung and Park Ji-won`, `BY LEE SU-MIN [x@…]`, `By Jane Doe, Staff reporter`:
 *  the names (1); a short role after a comma or bar, and an address, may follow. */
export const ENGLISH_BYLINE = new RegExp(
  `^(?:By|BY)\\s+(${EN_NAME}(?:(?:\\s*[,&]|\\s+and)\\s+${EN_NAME})*?)(?:\\s*[,|•]\\s*[A-Za-z][A-Za-z .'-]{0,40})?\\s*(?:${BRACKETED_EMAIL}|${EMAIL_SRC})?$`,
);
/** `SEOUL, April 19 (Yonhap) -- ` opening the first paragraph of English wire copy: place (1), month (2),
 *  day (3) and wire (4); the month and day may be missing (`SEOUL (Yonhap) -- `). */
export const WIRE_DATELINE = /^([A-Z][A-Z .'-]{1,30}),?\s+(?:([A-Z][a-z]{2,8})\.?\s+(\d{1,2})\s+)?\(([A-Z][A-Za-z .&-]{1,30})\)\s*(?:--|—|–)\s*/;

/**
 * Line rules, tried in order on every line. Captions, outlet credits, bylines and the block rules
 * below need more than a pattern and are applied by clean.ts.
 */
export const LINE_RULES: readonly LineRule[] = [
  {
    name: RULE.skipMenu,
    reason: 'accessibility links of the page chrome (메뉴 건너뛰기, 본문 바로가기), not article text',
    patterns: [
      /^(?:(?:주\s*|상단\s*|하단\s*|전체\s*)?(?:메뉴|본문|내용|검색)\s*(?:으로\s*)?(?:건너\s*뛰기|바로\s*가기)\s*)+$/,
      /^(?:skip to (?:main )?content|skip navigation|skip to main)$/i,
      /^(?:전체\s*)?메뉴\s*(?:열기|닫기)$/,
    ],
    maxChars: 40,
  },
  {
    name: RULE.imagePlaceholder,
    reason: 'image slots the scraper left behind (empty Markdown images, "click to enlarge")',
    patterns: [
      /^!\[[^\]]*\]\([^)]*\)\s*\|?$/,
      /이미지를\s*클릭하시면.*(?:크게|원본)/,
      /^<?\s*(?:사진|이미지|그래픽)\s*(?:확대|보기|크게\s*보기|원본\s*보기)?\s*>?\s*\|?$/,
      /^\|?\s*\|$/,
    ],
    maxChars: 80,
  },
  {
    name: RULE.dateline,
    reason: 'input / update time stamps (입력, 수정, 기사입력); read as publishedAt',
    patterns: [
      /^[\[(]?\s*(?:기사\s*)?(?:입력|수정|등록|승인|발행|게재|업데이트|최종\s*수정|송고|작성)\s*(?:일시|시간|일자|일)?\s*[:：]?\s*[\[(]?\s*\d{4}\s*[.\-/년]/,
      /^\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}\.?(?:\s*(?:오전|오후)?\s*\d{1,2}:\d{2}(?::\d{2})?)?$/,
    ],
    maxChars: 100,
  },
  {
    name: RULE.reporterLine,
    reason: 'the reporter sign-off (홍길동 기자 hong@x.co.kr); read as reporter and e-mail',
    patterns: [
      new RegExp(`^[/▶]?\\s*(?:(?:글|글·사진|정리|취재)\\s*=\\s*)?(?:\\S{2,12}\\s+){0,2}${PERSON}\\s*${REPORTER_TITLE}\\s*[(<\\[]?\\s*(?:${EMAIL_SRC})?\\s*[)>\\]]?$`),
      new RegExp(`^[\\[【]\\s*[^\\]】=]{1,20}?\\s*=\\s*${PERSON}\\s*${REPORTER_TITLE}\\s*[\\]】]$`),
    ],
    maxChars: CREDIT_MAX_CHARS,
  },
  {
    name: RULE.emailLine,
    reason: 'a bare e-mail address is contact data, not text; read as the e-mail',
    patterns: [new RegExp(`^[(<\\[]?\\s*${EMAIL_SRC}\\s*[)>\\]]?$`)],
    maxChars: CREDIT_MAX_CHARS,
  },
  {
    name: RULE.broadcastSignoff,
    reason: 'the broadcast reporter\'s sign-off (MBN뉴스 홍길동입니다. [x@mbn.co.kr], YTN 홍길동 (x@ytn.co.kr)); read as outlet, reporter and e-mail',
    patterns: [SIGNOFF_SPOKEN, SIGNOFF_WRITTEN],
    maxChars: CREDIT_MAX_CHARS,
  },
  {
    name: RULE.staffCredit,
    reason: 'broadcast script credits (영상취재 : …, 영상편집:…, 그래픽 : …, 홍길동 PD (x@yna.co.kr)): production staff, not text',
    patterns: [
      new RegExp(`^(?:[\\[(]?\\s*${STAFF_ROLE}\\s*[:：=]\\s*[^:：=/|]{1,40}?\\s*[\\])]?\\s*(?:[/|,·]\\s*|\\s(?=${STAFF_ROLE})|$))+$`),
      new RegExp(`^(?:${PERSON}\\s*${STAFF_TITLE}|${STAFF_TITLE}\\s*${PERSON})\\s*(?:[(<\\[]\\s*${EMAIL_SRC}\\s*[)>\\]])?$`),
    ],
    maxChars: CREDIT_MAX_CHARS + 40,
  },
  {
    name: RULE.scriptCue,
    reason: 'broadcast script cues ([앵커], [기자], <앵커 멘트>) mark who speaks next; they are not text',
    patterns: [/^[\[<]\s*(?:앵커|기자|리포트|앵커\s*멘트|기자\s*멘트|앵커\s*리포트|클로징)\s*[\]>]$/],
    maxChars: 12,
  },
  {
    name: RULE.hashtagRow,
    reason: 'a row of hashtags (#전세사기 #금융위) is the page\'s tag list, not a sentence',
    patterns: [/^(?:#[^\s#]{1,30}\s*)+$/],
    maxChars: 300,
  },
  {
    name: RULE.endMark,
    reason: 'wire end marks ((끝), (END), /끝/) close the copy; they are not text',
    patterns: [new RegExp(`^${END_MARK}$`, 'i')],
    maxChars: 12,
  },
  {
    name: RULE.editorNote,
    reason: 'wire editor\'s notes ((ATTN: ADDS …), (LEAD), (2nd LD)) speak to editors, not readers',
    patterns: [/^\(\s*(?:ATTN|EDS?|EDITORS?'?\s*NOTE|CORRECTS?|ADDS|UPDATES|REPEAT)\b[^)]*\)$/i, new RegExp(`^(?:${WIRE_TAG}\\s*)+$`, 'i')],
    maxChars: 200,
  },
  {
    name: RULE.englishByline,
    reason: 'an English byline (By Kim Eun-jung, BY LEE SU-MIN [x@joongang.co.kr]); read as reporter',
    patterns: [ENGLISH_BYLINE],
    maxChars: CREDIT_MAX_CHARS,
  },
  {
    name: RULE.copyrightLine,
    reason: 'copyright and reuse notices (ⓒ, 무단전재 및 재배포 금지, AI학습 이용 금지); outlet read from them',
    patterns: [/(?:ⓒ|©|\(c\)\s|copyright|무단\s*전재|무단\s*복제|재\s*배포\s*금지|AI\s*학습\s*(?:및\s*)?(?:활용|이용)?\s*금지|all rights reserved|저작권자\s*[ⓒ©(]|<저작권자)/i],
    maxChars: NOTICE_MAX_CHARS,
  },
  {
    name: RULE.commentBox,
    reason: 'the comment widget (댓글, [ 300자 이내 / 현재: 0자 ], 현재 총 0개의 댓글)',
    patterns: [
      /^댓글(?:\s*\d+\s*개?)?(?:\s*(?:쓰기|보기|달기|작성|더보기))?$/,
      /^\[?\s*\d+\s*자\s*이내\s*\/\s*현재\s*[:：]?\s*\d+\s*자\s*\]?$/,
      /현재\s*총\s*\d+\s*개의\s*댓글/,
      /^(?:첫\s*(?:번째\s*)?)?댓글을\s*(?:남겨|작성|입력|달아)/,
      /^(?:로그인|회원)\s*(?:후|하시면|만)\s*.*(?:댓글|이용)/,
      /^(?:등록|취소|비밀번호|이름|내용)\s*(?:등록|취소)?$/,
    ],
    maxChars: 60,
  },
  {
    name: RULE.categoryNotice,
    reason: 'the portal notice that the outlet chose the category (이 기사의 카테고리는 언론사의 분류를 따릅니다)',
    patterns: [/카테고리는\s*언론사/, /언론사(?:가|는)\s.*카테고리/, /카테고리로\s*분류할\s*수/],
    maxChars: 80,
  },
  {
    name: RULE.tipLine,
    reason: 'where to send tips (제보는 카카오톡 …, 기사문의 및 제보 : 카톡/라인 …, YTN\'s [카카오톡]/[전화]/[메일] rows)',
    patterns: [
      /^\[?(?:기사\s*)?제보\]?\s*(?:하기)?\s*(?:[:：].*)?$/,
      /(?:카카오톡|카톡|메일|전화)\s*[:：]?\s*.{0,30}\s*(?:제보|문의)/,
      // 제보는 카카오톡 okjebo, 기사 제보: 이메일 …, 기사문의 및 제보 : 카톡/라인 jebo
      /^[\[(■※]?\s*(?:기사\s*)?(?:문의|제보)(?:는|하기|\s*및\s*(?:기사\s*)?(?:문의|제보))?\s*[\])]?\s*[:：]?\s*(?:카카오톡|카톡|라인|이메일|메일|전화|문자|홈페이지|☎|\d{2,4}-)/,
      // the broadcasters' tip appeals and their channel rows
      /제보를\s*기다립니다|제보가\s*뉴스가\s*됩니다/,
      /^\[\s*(?:카카오톡|카톡|전화|메일|이메일|문자)\s*\]\s*\S/,
    ],
    maxChars: NOTICE_MAX_CHARS,
  },
  {
    name: RULE.promoLine,
    reason: 'subscribe / tip-off / app promotions appended by the outlet (▶ 구독하세요, 기사 제보)',
    patterns: [
      /^[▶☞▷►]\s*.*(?:구독|바로\s*가기|제보|클릭|다운로드|이벤트|채널\s*추가|앱\s|무료|신청|보러\s*가기|확인하세요)/,
      /에서\s*.{1,20}(?:을|를)\s*(?:구독|팔로우)\s*하세요/,
      // follow-the-reporter and subscribe buttons: 홍길동 기자 구독, 기자 구독+, 이데일리 구독하기
      new RegExp(`^(?:${PERSON}\\s*)?${REPORTER_TITLE}\\s*(?:구독|팔로우)(?:하기)?\\s*[+＋]?$`),
      // (a bare 구독 needs its button mark: 유료 구독 may be a cross-head of an article on subscriptions)
      /^(?:[가-힣A-Za-z0-9·]{1,12}\s*)?(?:뉴스\s*|채널\s*)?(?:(?:구독|팔로우)\s*하기\s*[+＋>]?|구독\s*[+＋>])$/,
      // portal-edition promos: 네이버 메인에서 OO 받아보기, 네이버 뉴스에서 채널 구독하기
      /^(?:네이버|다음)\s*(?:메인|홈|뉴스\s*스탠드|뉴스)(?:에서|에)\s.*(?:구독|설정|추가|만나\s*보세요|받아\s*보세요|받아\s*보기|바로\s*가기|보기)(?:\s*하기|\s*하세요)?\s*[!+＋>]?$/,
    ],
    maxChars: 100,
  },
];

/** Words of share / print toolbars; a line made only of these (and counts) is a toolbar. */
export const TOOLBAR_WORDS = new Set([
  '공유', '공유하기', '기사공유', '페이스북', '트위터', '카카오톡', '카카오스토리', '네이버밴드', '밴드', '링크복사',
  'url복사', '복사', '인쇄', '인쇄하기', '스크랩', '글자크기', '글씨크기', '글자', '크기', '가', '좋아요', '싫어요', '추천',
  '기사저장', '저장', '북마크', '닫기', '구독', '구독하기', 'facebook', 'twitter', 'x', 'kakao', 'sns', '보내기',
  '기사보내기', '메일', '이메일', '프린트', '확대', '축소', '|', '/', '·',
]);
export const TOOLBAR_REASON = 'share / print / font-size toolbar of the page chrome';
/** Toolbar lines need at least this many tool words, so a lone word like 추천 in prose is safe. */
export const TOOLBAR_MIN_WORDS = 2;

// ---------------------------------------------------------------------------------------------
// captions: kept apart in NewsDoc.captions, not deleted

const WIRE = '(?:연합뉴스|뉴스1|뉴시스|News1|NEWSIS|Yonhap)';
/** The credit proper: 사진=…, [연합뉴스 자료사진], /뉴시스, (회사 제공), AFP=연합뉴스, 게티이미지뱅크. */
const PHOTO_CREDIT =
  '(?:' +
  '[(\\[]?\\s*(?:사진|자료|그래픽|영상|출처|사진\\s*제공|자료\\s*제공)\\s*[=:]\\s*[^=()\\[\\]]{1,40}[)\\]]?' +
  `|[(\\[]?\\s*(?:[A-Za-z가-힣]{2,8}\\s*=\\s*)?${WIRE}(?:\\s*(?:DB|자료\\s*사진|제공|사진|포토))?\\s*[)\\]]?` +
  '|(?:AP|AFP|EPA|UPI|로이터|신화|교도|게티이미지(?:뱅크|코리아)?|셔터스톡)(?:\\s*=\\s*[가-힣]{2,6}|\\s*뉴시스|\\s*연합뉴스)?' +
  '|[(\\[]?\\s*[가-힣A-Za-z0-9·&]{2,20}\\s*(?:제공|자료\\s*사진)\\s*[)\\]]?' +
  ')';
/** Who took it, after the credit: `© News1 홍길동 기자`, `홍길동 기자`, a photographer's e-mail. */
const PHOTOGRAPHER = `(?:\\s*[©ⓒ]\\s*[A-Za-z0-9가-힣]{2,12})?(?:\\s*${PERSON}\\s*(?:기자|특파원))?(?:\\s*${EMAIL_SRC})?`;
/** Wire photos put the shooting date before the credit: `2026.4.7/뉴스1`, `2026.3.12 [연합뉴스 자료사진]`. */
const PHOTO_DATE = '\\d{4}\\.\\s?\\d{1,2}\\.\\s?\\d{1,2}\\.?';

/** A photo credit at the end of a line, after the caption sentence (…있다. 뉴스1 / …AFP=연합뉴스 /
 *  …있다. 2026.4.7/뉴스1 © News1 홍길동 기자 / …있다. 2026.3.12 photo@yna.co.kr). */
export const CAPTION_CREDIT_END = new RegExp(
  '(?:[.!?)\\]”"’다]\\s*|^)' +
    `(?:${PHOTO_DATE}\\s*(?:/?\\s*${PHOTO_CREDIT}${PHOTOGRAPHER}|\\s*${PERSON}\\s*(?:기자|특파원)(?:\\s*${EMAIL_SRC})?|\\s*${EMAIL_SRC})` +
    `|/?\\s*${PHOTO_CREDIT}${PHOTOGRAPHER})` +
    '\\s*$',
);
/** A caption whose credit follows at least this much caption text is read before the line rules: its
 *  credit may carry ©, which would otherwise make it a copyright line. */
export const CAPTION_TEXT_MIN_CHARS = 12;
/** Caption markers at the start of a line (▲ 사진 설명, [사진=…], 사진=…). */
export const CAPTION_START = /^(?:▲|△\s*사진|\[\s*사진\s*=|\(\s*사진\s*=|사진\s*=|<\s*사진\s*>)/;
export const CAPTION_REASON = 'photo captions end in a photo credit; kept apart as captions, not body prose';

// ---------------------------------------------------------------------------------------------
// metadata lines and prefixes

/**
 * `[마이데일리 = 홍길동 기자] 본문…`, `[이데일리 홍길동 기자]`, `[아시아경제 세종=홍길동 기자]`,
 * `[스포츠서울 | 홍길동 기자 hong@…]`: outlet (group 1) and reporter (group 2), then the body continues on
 * the line. Group 1 may end in a place (세종); clean.ts reads the outlet from its words.
 */
export const BYLINE_BRACKET = new RegExp(
  `^[\\[【]\\s*([^\\]】=|/]{1,20}?)(?:\\s*[=|/]\\s*|\\s+)(${PERSON})\\s*${REPORTER_TITLE}\\s*(${EMAIL_SRC})?[^\\]】]{0,12}[\\]】]\\s*`,
);
/** Bracket tags that open a paragraph but name no outlet ([속보 …], [단독 …]): never a byline. */
export const NOT_BYLINE_TAGS = new Set(['속보', '단독', '종합', '인터뷰', '기고', '포토', '르포', '사설', '칼럼', '영상', '카드뉴스', '팩트체크', '해설', '분석', '기획', '특집', '시론']);
/** `[파이낸셜뉴스] 본문…`: an outlet name alone in brackets before the first paragraph (only outlets from
 *  the table count: other bracket tags such as [단독] or [속보] are part of the text). */
export const BYLINE_OUTLET_ONLY = /^[\[【]\s*([^\]】\s][^\]】]{0,15}?)\s*[\]】]\s*/;
/** `(서울=연합뉴스) 홍길동 기자 = 본문…` / `【서울=뉴시스】홍길동 기자 =`: place, outlet, reporter. */
export const BYLINE_DATELINE = new RegExp(
  `^[(\\[【]\\s*([가-힣A-Za-z]{1,10})\\s*=\\s*([가-힣A-Za-z0-9]{2,12})\\s*[)\\]】]\\s*(?:(${PERSON})\\s*${REPORTER_TITLE}\\s*=?\\s*)?`,
);
/** Places before `=` that are not datelines (they start captions: (사진=…)). */
export const NOT_DATELINE_PLACES = new Set(['사진', '자료', '그래픽', '영상', '출처', '제공']);
/** `[엔터미디어=필자의 칼럼명] 본문…`: a column byline; the outlet is read, the line stays in the body. */
export const BYLINE_COLUMN = /^[\[【]\s*([^\]】=]{2,20}?)\s*=\s*[^\]】]{1,40}[\]】]/;
/** `홍길동 기자 = 본문…`. */
export const BYLINE_REPORTER_PREFIX = new RegExp(`^(${PERSON})\\s*${REPORTER_TITLE}\\s*=\\s*`);
export const BYLINE_REASON = 'byline prefix of the first paragraph ([매체 = 홍길동 기자]); read as outlet and reporter';

/** Reads reporter and e-mail out of a reporter line. */
export const REPORTER_IN_LINE = new RegExp(`(?:^|[\\s=/▶])(${PERSON})\\s*${REPORTER_TITLE}(?=$|[\\s(<\\[\\]])`);
export const EMAIL_ALL = new RegExp(EMAIL_SEARCH, 'g');

/** Copyright holder: `ⓒ 매일경제 & mk.co.kr`, `ⓒ마이데일리(www.…)`, `저작권자 ⓒ 중앙일보`. */
export const COPYRIGHT_HOLDER = /(?:ⓒ|©|\(c\)|copyright)\s*(?:\d{4}\s*)?([가-힣A-Za-z0-9][가-힣A-Za-z0-9 .]{0,20}?)(?=\s*(?:[&(,\[\]<>|/]|무단|all|$|\.\s|\.$))/i;
/**
 * A domain in running text. It starts where a label starts (the lookbehind) and has at most 10 labels of
 * at most 63 characters (DNS allows 63): unbounded, every position of a long run of letters, or of
 * `a.a.a.…`, re-read the run to its end (quadratic: 0.8 ms at 1 kB, 0.8 s at 30 kB).
 */
export const DOMAIN_IN_TEXT = /(?<![a-z0-9-])(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9-]{1,63}\.){1,10}(?:co\.kr|or\.kr|kr|com|net|org))\b/gi;
/** A line that is only an outlet name (optionally bracketed): the outlet credit. */
export const CREDIT_LINE = /^[\[(<【]?\s*(?:ⓒ\s*)?([^\s\[\]()<>【】].{0,24}?)\s*[\]\)>】]?$/;
export const CREDIT_REASON = 'a line that is only an outlet name is the outlet credit, metadata not body';

export const DATELINE_KIND = /(?:입력|등록|송고|발행|게재|작성|승인)|(수정|업데이트)/;

// ---------------------------------------------------------------------------------------------
// block rules

export const BOARD_HEADER = /^번호\s+제목\s+(?:글쓴이|작성자|글쓴이)\s+(?:날짜|작성일|등록일)(?:\s+조회(?:수)?)?(?:\s+추천(?:수)?)?$/;
/** `47241 <title> <site> 2025.02.05`: a board row; group 1 is the site that posted it. */
export const BOARD_ROW = /^\d{2,}\s+.+?\s+(\S+)\s+(?:\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}\.?|\d{1,2}:\d{2})(?:\s+\d+){0,2}$/;
export const BOARD_REASON = "an aggregator board's listing of other stories (번호 제목 글쓴이 날짜), not this article";

/** When a most-read list was counted (이 시각, 실시간, 주간, 1시간 …), or the section it ranks. */
const LIST_WHEN = '(?:(?:이\\s*시각|지금|오늘(?:의)?|실시간|주간|일간|월간|이번\\s*주|최근|\\d{1,2}\\s*시간|가장|섹션별|분야별|전체)\\s*)*';
const LIST_SECTION = '(?:[가-힣A-Za-z/·]{1,8}\\s*)?';
const LIST_KINDS = [
  '관련\\s*(?:기사|뉴스)(?:\\s*더\\s*보기)?',
  `${LIST_SECTION}${LIST_WHEN}많이\\s*(?:본|읽은|찾은|공유한|공유된|댓글\\s*단)\\s*(?:뉴스|기사)`,
  `${LIST_SECTION}${LIST_WHEN}인기\\s*(?:기사|뉴스|검색어|콘텐츠)`,
  '실시간\\s*인기',
  `${LIST_WHEN}(?:추천|주요|최신|헤드라인|랭킹|포토)\\s*(?:뉴스|기사)`,
  '이\\s*기자의\\s*(?:다른|최신)\\s*기사',
  '함께\\s*(?:보면\\s*좋은|읽으면\\s*좋은)\\s*(?:기사|뉴스)',
  '핫\\s*이슈',
  '[가-힣]{1,8}\\s*랭킹',
];
/** Headers of related / most-read lists; the short headline lines under them go with them. */
export const LIST_HEADER = new RegExp(
  `^[\\[<【]?\\s*(?:${LIST_KINDS.join('|')})\\s*[\\]>】]?\\s*(?:[>›▶+]|더\\s*보기)?$`,
);
/** A ranked list item `1 헤드라인`, `01. 헤드라인`, `① 헤드라인`; group 1 or 2 is its rank. Under a list
 *  header, items ranked 1, 2, 3 … in turn are headlines even when they end like a sentence. */
export const LIST_NUMBERED_ITEM = /^(?:(\d{1,2})(?:[.)]\s*|\s+)|([①-⑳])\s*)\S/;
/** Headers of recommendation widgets (당신이 관심 있을 만한 이슈, 이 기사와 함께 본 뉴스, AI 추천 뉴스, You may also like);
 *  the headlines under them go with them, as under a related list. */
export const RECOMMEND_HEADER = new RegExp(
  '^[\\[<【]?\\s*(?:' +
    [
      '당신이\\s*(?:관심\\s*(?:있을|가질)|좋아할|놓친)\\s*만한\\s*(?:이슈|뉴스|기사|콘텐츠|소식)',
      '(?:이\\s*기사와\\s*)?함께\\s*(?:많이\\s*)?(?:본|읽은|볼\\s*만한|읽을\\s*만한)\\s*(?:뉴스|기사|콘텐츠)',
      '(?:AI|맞춤(?:형)?|당신을\\s*위한|나를\\s*위한|오늘의)\\s*추천(?:\\s*(?:뉴스|기사|콘텐츠))?',
      '놓치면\\s*안\\s*될\\s*(?:뉴스|기사|이슈)',
      '(?:you|we think you)\\s*(?:may|might|will)\\s*(?:also\\s*)?(?:like|enjoy)',
      'recommended\\s*(?:for\\s*you|stories|articles|reading)',
    ].join('|') +
    ')\\s*[\\]>】]?\\s*(?:[>›▶+]|더\\s*보기)?$',
  'i',
);
export const LIST_REASON = 'related / most-read lists link other stories; they are page chrome';

export const DUPLICATE_REASON = 'the scraper printed the same block twice in a row; the first copy is kept';

/** Prose ends with a full stop (or a Korean ending and ?/!); headlines, decks and cross-heads do not. */
export const PROSE_END = /(?:[.。]|[다요죠까니]\s*[?!])["”’'」)\]]*$/;
/** A Korean sentence ending (다. 요. 죠. 니다. 까?): never a headline. */
export const KOREAN_SENTENCE_END = /(?:[다요죠]\s*\.|까\s*\?)["”’'」)\]]*$/;
