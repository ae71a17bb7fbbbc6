// Every threshold and pattern of the HTML extractor, in one place, each with the reason it exists.

/** Elements that never carry article text; dropped before anything else looks at the page.
 * (Not <form>: ASP.NET pages wrap the whole page in one.) */
export const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio',
  'button', 'select', 'textarea', 'input', 'nav', 'footer', 'aside', 'dialog', 'link', 'meta',
]);
/** ARIA roles of page chrome; elements with them are dropped like DROP_TAGS (and so are [hidden] ones). */
export const DROP_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);

/** Class/id words that mark navigation, promotion and other blocks around the story (as in Readability's list, plus news
 * furniture). Not "paywall": sites wrap the story itself in it. */
export const JUNK_NAME =
  /(?:^|[-_\s])(?:nav|navbar|menu|gnb|lnb|breadcrumbs?|sidebar|side-bar|widget|share|sharing|social|sns|comments?|reply|replies|disqus|related?|relation|recommend(?:ed|ation)?s?|rank(?:ing)?|hot-?news|best-?news|reaction|kakao|scrap|popular|most-?read|trending|newsletter|subscribe|subscription|signup|sign-up|promo|promotion|sponsor(?:ed)?|advert(?:isement)?|ads?|ad-?(?:slot|unit|wrap|container|area|box)|banner|outbrain|taboola|dable|cookie|consent|modal|popup|tags?|tag-?list|keywords?|author-?(?:bio|info|box)|bio|byline-?social|copyright|footer|masthead|site-?header|toolbar|pagination|pager|skip|print-?only|visually-?hidden|sr-only|screen-?reader|jump|more-?stories|read-?more|read-?next|up-?next|next-?article|prev-?article|newsroom-?links?|rel-?news|tts|font-?size|reporter-?(?:sns|list-?more))(?:$|[-_\s\d])/i;

/** Class/id words that mean "this is the story"; they veto a JUNK_NAME match on the same element. */
export const KEEP_NAME = /(?:^|[-_\s])(?:article-?body|story-?body|post-?body|entry-?content|post-?content|article-?content|article-?text|main-?content|content-?body|news-?body|articlebody|body-?text)(?:$|[-_\s])/i;

/** Elements a junk name may not remove: they hold the page itself. */
export const PROTECTED_TAGS = new Set(['html', 'body', 'main', 'article']);

/** Junk words that also name layout wrappers ("content-with-sidebar", "footer-wrap" around everything). */
export const LAYOUT_NAME = /(?:^|[-_\s])(?:sidebar|side-bar|widget|footer|banner|menu|nav|masthead|modal)(?:$|[-_\s\d])/i;

/** A layout-named element holding more than this share of the page's <p> text is a wrapper, not furniture. */
export const WRAPPER_PROSE_SHARE = 0.4;

/** A junk-named element containing one of these is a layout wrapper around the story, not furniture. */
export const STORY_INSIDE = [
  'h1', 'article', 'main', '[itemprop="articleBody"]', '#article-view-content-div',
  '[class*="entry-content"]', '[class*="post-body"]', '[class*="article-body"]', '[class*="article_body"]',
  '[class*="story-body"]', '[class*="articleBody"]', '[class*="article-content"]', '[id*="articleBody"]', '[id*="article_body"]',
].join(',');

/** Selectors that usually wrap the article body across CMSes (WordPress, Arc, ndsoft, schema.org microdata)
 * and the smaller Korean outlets' in-house templates. */
export const GENERIC_BODY_SELECTORS = [
  '[itemprop="articleBody"]',
  '#article-view-content-div', '#articleBody', '#article_body', '#articleContent', '#news_body_area', '#newsContent',
  '.article_txt', '.news_body', '.view_con', '.article_view',
  '.article-body', '.article__body', '.articleBody', '.article-content', '.article_body',
  '.story-body', '.story-content', '.StoryBodyCompanionColumn',
  '.entry-content', '.post-content', '.post-body', '.td-post-content',
];

/** A generic body match nested in a larger one is preferred when it holds at least this share of the larger's text. */
export const GENERIC_NESTED_SHARE = 0.6;

/** Caption containers; their text goes to `captions`, never into the running text. */
export const CAPTION_SELECTORS = ['figcaption', '.caption', '.wp-caption-text', '.img-caption', '.photo-caption', '.image-caption', '[class*="caption"]'].join(',');

/** Tags that end a paragraph when the text walk meets them. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'figure', 'hr', 'address', 'center', 'br',
]);

/** Tags whose text becomes a heading line (kept in the text as its own paragraph, listed in `headings`). */
export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Tags whose text counts as a paragraph for density scoring (not <li>: teaser lists would outvote the story). */
export const SCORE_TAGS = new Set(['p', 'pre', 'td', 'blockquote', 'h2', 'h3']);

/** Paragraph text shorter than this carries no density score (buttons, labels). */
export const MIN_SCORED_PARAGRAPH = 25;

/** Share of a candidate's score that flows to its grandparent and further ancestors (Readability uses 1/2, 1/3 …). */
export const ANCESTOR_DECAY = [1, 0.5, 1 / 3, 0.25];

/** A sibling of the best container joins it when it scores at least this share of the winner (split story bodies). */
export const SIBLING_SHARE = 0.2;

/** Blocks whose link text is more than this share of their text are link lists, not prose. */
export const MAX_BLOCK_LINK_DENSITY = 0.5;

/** Blocks of at most this many characters are dropped when they are mostly link (a lone "Read more" link). */
export const SHORT_BLOCK = 120;

/** A whole candidate above this link density is navigation. */
export const MAX_CANDIDATE_LINK_DENSITY = 0.35;

/** An outlet body selector with less text than this hit a stub (an empty template slot), not the story. */
export const MIN_RULE_CHARS = 60;
/** A generic body selector must hold at least a short story to be trusted without a density check. */
export const MIN_SELECTOR_CHARS = 400;

/** How many closing paragraphs are searched for the reporter's e-mail when no byline element has one. */
export const TAIL_BLOCKS = 2;

/** Pages with less text than this skip Readability (its 100-character threshold) and keep their cleaned text. */
export const MIN_READABILITY_PAGE = 300;

/** A DOM candidate is trusted without Readability when it has this much text ... */
export const CONFIDENT_CHARS = 600;
/** ... and at least this many paragraphs. */
export const CONFIDENT_PARAGRAPHS = 3;

/** JSON-LD articleBody shorter than this is a teaser, not the story. */
export const JSONLD_MIN_CHARS = 200;
/** JSON-LD body shorter than this share of the DOM candidate is a teaser (teasers run 10–30% of a story). */
export const JSONLD_MIN_SHARE = 0.4;
/** A DOM paragraph belongs to the JSON-LD story when this share of its words occur there. */
export const JSONLD_PARAGRAPH_OVERLAP = 0.6;
/** Use DOM paragraphs (which keep the breaks) when they cover this share of the JSON-LD words. */
export const JSONLD_COVERAGE = 0.9;

/** Whole-line boilerplate that survives inside article containers (English and Korean). Not copyright
 * notices or bylines: those lines go on to the one line cleaner (../noise-rules.ts), which reads the outlet
 * and the reporter from them. */
export const BOILERPLATE_LINES: RegExp[] = [
  /^(?:advertisement|advertising|sponsored|story continues below(?: advertisement)?|continue reading(?: below)?|read more|read next|related(?: articles?| stories| coverage)?|see also|more from [\w .]+|recommended|share this( article| story)?|share|tweet|email|print|comments?|click here|sign up|subscribe|loading\.{0,3}|image|photo|video|caption|close|skip (?:to content|ad)|don't miss|trending|top stories)[.:!]?$/i,
  /^(?:광고|기사\s*공유|공유하기|좋아요|댓글|관련\s*기사|관련\s*뉴스|많이\s*본\s*뉴스|추천\s*기사|이\s*시각\s*(?:주요|인기)\s*뉴스|구독|구독하기|기사\s*원문|원문\s*보기|글자\s*크기|인쇄|스크랩|닫기|더보기)$/,
  /^(?=.{0,220}$)(?=.*\b(?:newsletters?|inbox|email alerts|news alerts)\b)(?=.*\b(?:sign up|subscribe|get|delivered|deliver)\b).*/i,
  /^(?:advert|this slideshow requires javascript\.?|like this (?:story|article)\? share it.*|breaking news emails)$/i,
];

/** Before the first paragraph of at least this weight, headline repeats, datelines and bylines are page furniture. */
export const LEAD_PROSE = 120;
/** A dateline is short; longer lines mentioning a date are prose. */
export const DATELINE_MAX = 80;
/** Dateline shapes Date cannot read: "Nov 18, 2019 at 9:24 pm ET • 2 min read", "Updated 5:27 am CST, Wednesday, …". */
export const DATELINE = /^(?:(?:updated|published|posted)\b.{0,60}\d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}(?:,? (?:at )?\d{1,2}:\d{2}\s*[ap]\.?m\.?.*)?)$/i;
/** Headings that open a block of other stories; from one of these on, the rest is not the story.
 * (Not "read also"-style lines: those point at one story from inside the text, which goes on.) */
export const TAIL_SECTION = /^(?:our latest stories|latest stories|more stories(?: like this(?: one)?)?|more from [\w .'-]{1,40}|related (?:stories|articles|coverage|content|posts|reading)|you (?:may|might) also (?:like|enjoy)|recommended(?: for you| stories| reading)?|explore further|most (?:popular|read)|trending(?: now)?|você pode gostar\.*|관련\s*기사|관련\s*뉴스|많이\s*본\s*(?:뉴스|기사)|추천\s*기사|이\s*시각\s*(?:주요|인기)\s*뉴스)$/i;
/** Only in the second half of the text: a "related" heading near the top may be the story's own cross-head. */
export const TAIL_SECTION_AFTER = 0.5;

/** Texts up to this length with only these characters are separators or counters ("1 / 8", "···"). */
export const JUNK_SHORT_LINE = /^[\s\d\/|·•…\-–—:.,()[\]]{0,12}$/;

// --- articles inside scripts (state-blobs.ts) ----------------------------------------------------
/** State blobs larger than this are not read (a 10 MB page cap already applies; this bounds the JSON parse). */
export const STATE_BLOB_MAX_CHARS = 3_000_000;
/** Fields that hold the article body in Arc XP, Next.js and Nuxt page state (string, or a list of text elements). */
export const STATE_BODY_KEYS = ['content_elements', 'articleBody', 'body', 'bodyHtml', 'body_html', 'content', 'contentHtml', 'html', 'text', 'paragraphs'] as const;
/** Headline fields next to the body (Arc: headlines.basic). */
export const STATE_TITLE_KEYS = ['headlines.basic', 'headline', 'title'] as const;
/** Publication time fields next to the body. */
export const STATE_DATE_KEYS = ['first_publish_date', 'display_date', 'datePublished', 'publishedAt', 'published_at', 'publishDate', 'regDate', 'createdAt', 'date'] as const;
/** Author fields next to the body (Arc: credits.by[0].name). */
export const STATE_AUTHOR_KEYS = ['credits.by', 'author', 'authors', 'byline', 'reporterName', 'writer'] as const;
/** The script's article replaces the DOM text when the DOM candidate holds less than this share of it: the DOM held the chrome. */
export const STATE_DOM_SHARE = 0.5;
