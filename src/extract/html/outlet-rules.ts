// Per-outlet markup rules for the major Korean news sites and portals, one row per outlet.
// A rule names where the story body sits and what inside it is furniture; it is tried first and,
// when its body selector finds enough text, the page needs no generic guessing (and no Readability).
// Selectors are written from each site's article template; several per field cover redesigns.

export interface OutletRule {
  id: string;
  /** Outlet name as readers know it. */
  name: string;
  /** Host names (a page on a subdomain matches too). */
  hosts: string[];
  /** Story body containers, best first; the first that exists is used. */
  body: string[];
  /** Furniture inside the body: ads, related links, reporter cards, copyright lines. */
  junk?: string[];
  /** Caption elements (kept out of the text, reported as captions). */
  caption?: string[];
  /** Elements holding the reporter name. */
  byline?: string[];
  /** Elements holding the publication time (attribute data-date-time / datetime / content, else text). */
  date?: string[];
  /** Deck / subtitle lines. */
  subtitle?: string[];
  /** The article's own headline, where the page's <title> and og:title may be the site's. */
  title?: string[];
  /** Portals: where the original publisher is named (press logo: its alt text; copyright line: its holder). */
  publisher?: string[];
  /** Why the rule exists: what is special about the site. */
  reason: string;
}

export const OUTLET_RULES: OutletRule[] = [
  // wire services
  {
    id: 'yonhap', name: '연합뉴스', hosts: ['yna.co.kr', 'yonhapnews.co.kr'],
    body: ['article.story-news', 'div.story-news', '#articleWrap .article'],
    junk: ['.txt-copyright', '.adrs', '.related-zone', '.link-news', '.writer-zone', '.keyword-zone', '.banner-0', '.aside-box', 'p.txt-copy'],
    caption: ['.desc-con', '.img-con .desc', 'figcaption'],
    byline: ['#newsWriterCarousel01 .tit-name', '.writer-zone .tit-name', '.tit-name'],
    date: ['p.update-time', '.update-time'],
    reason: 'Wire copy sits in article.story-news; photo descriptions and the reporter carousel live inside it',
  },
  {
    id: 'news1', name: '뉴스1', hosts: ['news1.kr'],
    body: ['#articleBodyContent', '#articles_detail', '.detail'],
    junk: ['.article-ad', '.ads-article', '.related', '.byline-ad', '.reporter-box'],
    caption: ['figcaption', '.photo_article .caption'],
    byline: ['#article_author', '.author', '.info_author'],
    date: ['#article_created', '.info_date'],
    reason: 'Body in #articleBodyContent (new site) or #articles_detail (old); both carry inline ad slots',
  },
  {
    id: 'newsis', name: '뉴시스', hosts: ['newsis.com'],
    body: ['#textBody', '.viewer .article', 'article#article'],
    junk: ['.summary_view', '.relnews', '.viewer_ad', '.view_ad', '.copyright'],
    caption: ['.thumCont .desc', 'p.photojournal', 'figcaption'],
    byline: ['.view .writer', '.reporter'],
    date: ['.infoLine .txt', '.date'],
    reason: 'Text is in #textBody with photo blocks (.thumCont) and summary boxes interleaved',
  },
  // national dailies
  {
    id: 'chosun', name: '조선일보', hosts: ['chosun.com'],
    body: ['section.article-body', '.article-body', '#news_body_id', '.par'],
    junk: ['.article-byline', '.arcad', '.dfpAd', '.article-related', '.news-like', '.article-tags'],
    caption: ['figcaption', '.article-body__image-caption'],
    byline: ['.article-byline__author', '.article-byline a'],
    date: ['.inputDate', '.upDate', '.article-dateline span'],
    reason: 'Arc CMS: paragraphs are p.article-body__content-text inside section.article-body, ads injected between',
  },
  {
    id: 'joongang', name: '중앙일보', hosts: ['joongang.co.kr', 'joins.com'],
    body: ['#article_body', 'div.article_body'],
    junk: ['.ab_related_article', '.ab_byline', '#ad_art_content_mid', '.ad_wrap', '.ab_subtitle', '.ab_photo .caption', '.ab_box_article'],
    caption: ['.caption', 'figcaption'],
    byline: ['.byline em', '.byline a', '.byline'],
    date: ['.datetime .date', 'time[itemprop="datePublished"]'],
    subtitle: ['.ab_subtitle'],
    reason: 'Body in #article_body; subtitle box, inline related-article box and mid ad sit inside it',
  },
  {
    id: 'donga', name: '동아일보', hosts: ['donga.com'],
    body: ['section.news_view', '.article_txt', '.news_view'],
    junk: ['.article_relation', '.view_ad', '.txt_ban', '.a1', '.article_footer', '.byline', '.adwrap', '.sub_title'],
    caption: ['.thumb_txt', 'figcaption', '.articlePhotoC .caption'],
    byline: ['.report', '.byline'],
    date: ['.title_foot .date01', '.news_info .date'],
    subtitle: ['.sub_title'],
    reason: 'Body text is bare text nodes with <br> in section.news_view; ad iframes and relation boxes inside',
  },
  {
    id: 'hani', name: '한겨레', hosts: ['hani.co.kr'],
    body: ['.article-text', '#a-left-scroll-in .text', 'div.text'],
    junk: ['.ArticleDetailAudioPlayer', '.ad-box', '.article-ad', '.article-bottom', '.article-prologue'],
    caption: ['.image-area .desc', 'figcaption', '.desc'],
    byline: ['.ArticleDetailView_reporterList', '.name', '.reporter'],
    date: ['.ArticleDetailView_dateListItem span', '.date-time span'],
    reason: 'New template puts p.text paragraphs in .article-text; older pages use div.text with <br> breaks',
  },
  {
    id: 'khan', name: '경향신문', hosts: ['khan.co.kr'],
    body: ['#articleBody', '.art_body', '.article_txt'],
    junk: ['.art_ad', '.article_bottom_ad', '.srch-kw', '.art_subtit', '.editor-subtitle'],
    caption: ['.art_photo .caption', 'figcaption', '.caption'],
    byline: ['.editor', '.byline a', '.byline'],
    date: ['.date p', '.byline .date'],
    subtitle: ['.art_subtit', '.editor-subtitle'],
    reason: 'Paragraphs are p.content_text in #articleBody; photos carry caption blocks inline',
  },
  // business and tech press
  {
    id: 'mk', name: '매일경제', hosts: ['mk.co.kr'],
    body: ['.news_cnt_detail_wrap', '[itemprop="articleBody"]', '.art_txt', '#article_body'],
    junk: ['.ad_wrap', '.news_like', '.rel_news', '.ad_ly', '.mid_title'],
    caption: ['figcaption', '.thumb_area .txt', '.cap'],
    byline: ['.author .name', '.author', '.reporter'],
    date: ['.registration dd', '.time_area .registration', '.lasttime'],
    subtitle: ['.mid_title'],
    reason: 'Body in .news_cnt_detail_wrap with text nodes and <br>; deck (.mid_title) and ad slots inside',
  },
  {
    id: 'hankyung', name: '한국경제', hosts: ['hankyung.com'],
    body: ['#articletxt', '.article-body', '#newsView'],
    junk: ['.ad-area', '.article-ad', '.related-news', '.ad-wrap', '.journalist-info'],
    caption: ['figcaption.txt-caption', 'figcaption', '.txt-caption'],
    byline: ['.author .item', '.author-name', '.byline'],
    date: ['.datetime .item .txt-date', '.txt-date'],
    reason: 'Body in #articletxt; figures use figcaption.txt-caption and ads are injected between paragraphs',
  },
  {
    id: 'mt', name: '머니투데이', hosts: ['mt.co.kr', 'news.mt.co.kr'],
    body: ['#textBody', '.view_text'],
    junk: ['.vc_ad', '#article_bottom', '.article_ad', '.recomm_news', '.reporter_info'],
    caption: ['.imgcaption', 'figcaption', '.photo_caption', 'td.desc'],
    byline: ['.info .name', '.byline', '.reporter'],
    date: ['.info .date', '.date'],
    reason: 'Body in #textBody; photos are tables with a caption cell, plus inline ad containers',
  },
  {
    id: 'edaily', name: '이데일리', hosts: ['edaily.co.kr'],
    body: ['.news_body', '[itemprop="articleBody"]', '#news_body'],
    junk: ['.news_like', '.gg_textshow', '.ad_wrap', '.relate', '.news_ad'],
    caption: ['.caption', 'figcaption', '.img_caption'],
    byline: ['.news_titles .reporter', '.reporter', '.news_date .name'],
    date: ['.dates ul li', '.news_date'],
    reason: 'Body in div.news_body as text with <br>; ad text boxes (.gg_textshow) sit inside',
  },
  {
    id: 'etnews', name: '전자신문', hosts: ['etnews.com'],
    body: ['#articleBody', '.article_body', '.article_txt'],
    junk: ['.article_ad', '.ad_wrap', '.related', '.reporter_info', '.summery_txt'],
    caption: ['figcaption', '.caption', '.img_caption'],
    byline: ['.writer_name', '.writer', '.reporter'],
    date: ['.date', 'time'],
    reason: 'Body in #articleBody with figure/figcaption photos and inline ad boxes',
  },
  {
    id: 'zdnet', name: '지디넷코리아', hosts: ['zdnet.co.kr'],
    body: ['#articleBody', '.view_cont', '#content .sub_view_cont'],
    junk: ['.view_ad', '.news_box', '.article_hot', '.related', '.reporter_box'],
    caption: ['figcaption', '.imgcaption', '.caption'],
    byline: ['.news_head .meta a', '.meta .name', '.reporter'],
    date: ['.news_head .meta span', '.meta span'],
    reason: 'Body in #articleBody (div.view_cont on older pages) with figcaptions under photos',
  },
  {
    id: 'bloter', name: '블로터', hosts: ['bloter.net'],
    body: ['#article-view-content-div', '.article-veiw-body', '.entry-content'],
    junk: ['.view-editors', '.article-copy', '.ad-template', '.view-copyright', '.relation'],
    caption: ['figcaption', '.photo-caption'],
    byline: ['.info-group .writer', '.writer', '.byline'],
    date: ['.info-group .date', '.date'],
    reason: 'ndsoft CMS: body in #article-view-content-div; editor box and copyright inside it',
  },
  // portal article pages
  {
    id: 'naver', name: '네이버 뉴스', hosts: ['n.news.naver.com', 'news.naver.com', 'm.news.naver.com', 'm.sports.naver.com', 'sports.news.naver.com', 'm.entertain.naver.com'],
    body: ['#dic_area', '#newsct_article', '#articleBodyContents', '#articeBody', '#newsEndContents'],
    junk: ['.media_end_summary', '.vod_player_wrap', '.ab_sub_heading', '.media_end_copyright', '.source', '.byline', '.reporter_area', '.link_news', '.end_photo_org .img_desc'],
    caption: ['.img_desc', 'em.img_desc', '.end_photo_org em', 'figcaption'],
    byline: ['.media_end_head_journalist_name', '.byline_s', '.byline span', 'em.media_end_head_journalist_name'],
    date: ['.media_end_head_info_datestamp_time', '._ARTICLE_DATE_TIME', '[class*="NewsEndMain_article_head_date_info"] .date', '.t11', '.author em'],
    subtitle: ['.media_end_summary', 'strong.media_end_summary'],
    title: ['#title_area', '.media_end_head_headline', '[class*="NewsEndMain_article_title"]', '#articleTitle'],
    publisher: [
      '.media_end_head_top_logo img[alt]', '[class*="NewsEndMain_article_head_press_logo"] img[alt]', '.press_logo img[alt]',
      '.media_end_copyright', '[class*="NewsEndMain_copyright"]', '.c_text',
    ],
    reason: 'Portal copy of a partner article: #dic_area holds text with <br>, summary box and photo captions inside; the press logo names the publisher',
  },
  {
    id: 'daum', name: '다음 뉴스', hosts: ['v.daum.net', 'news.v.daum.net', 'm.news.daum.net'],
    body: ['.article_view section[dmcf-sid]', 'section[dmcf-sid]', '.article_view', '#harmonyContainer'],
    junk: ['.link_figure', '.ad_body', '.box_cmt', '.foot_view', '.copyright_view', '.summary_view'],
    caption: ['figcaption', '.txt_caption'],
    byline: ['.info_view .txt_info:first-child', '.info_view .txt_info'],
    date: ['.info_view .num_date', '.num_date'],
    subtitle: ['.summary_view'],
    title: ['.tit_view', '.head_view h3'],
    publisher: ['.info_cp img[alt]', '.link_cp img[alt]', '.head_view .thumb_g[alt]', '.txt_copyright', '.copyright_view'],
    reason: 'Portal copy: paragraphs are p[dmcf-ptype="general"] in section[dmcf-sid]; figures carry figcaption.txt_caption; the press logo names the publisher',
  },
];

/** The rule for a page URL, by host (subdomains included), or null. */
export function ruleForUrl(url: string | null | undefined): OutletRule | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '');
  // Longest matching host first, so m.news.naver.com beats news.naver.com-style prefixes deterministically.
  let best: OutletRule | null = null;
  let bestLen = 0;
  for (const rule of OUTLET_RULES) {
    for (const h of rule.hosts) {
      if ((host === h || host.endsWith(`.${h}`)) && h.length > bestLen) {
        best = rule;
        bestLen = h.length;
      }
    }
  }
  return best;
}
