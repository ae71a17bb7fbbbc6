// The table of Korean news outlets: canonical name, domains, aliases, and what kind of outlet it is.
// Used to normalise outlet names read from bylines, copyright lines, credit lines, e-mail domains and
// URLs. Aggregators and boards re-post other outlets' articles: they are never the outlet of a page.

export type OutletKind = 'wire' | 'daily' | 'business' | 'tech' | 'broadcast' | 'online' | 'english' | 'aggregator';

export interface Outlet {
  name: string;
  kind: OutletKind;
  /** Registrable domains (no www.); any subdomain matches. */
  domains: string[];
  /** Other spellings seen in credits and bylines (English names, short forms). */
  aliases: string[];
}

export const OUTLETS: readonly Outlet[] = [
  // wire services
  { name: '연합뉴스', kind: 'wire', domains: ['yna.co.kr', 'yonhapnews.co.kr'], aliases: [] },
  { name: '뉴시스', kind: 'wire', domains: ['newsis.com'], aliases: ['NEWSIS'] },
  { name: '뉴스1', kind: 'wire', domains: ['news1.kr'], aliases: ['News1', '뉴스원'] },
  // national dailies
  { name: '조선일보', kind: 'daily', domains: ['chosun.com'], aliases: ['조선닷컴', 'Chosun Ilbo'] },
  { name: '중앙일보', kind: 'daily', domains: ['joongang.co.kr', 'joins.com'], aliases: ['JoongAng Ilbo', '중앙일보 JoongAng'] },
  { name: '동아일보', kind: 'daily', domains: ['donga.com'], aliases: ['동아닷컴', 'Dong-A Ilbo'] },
  { name: '한겨레', kind: 'daily', domains: ['hani.co.kr'], aliases: ['한겨레신문', 'Hankyoreh'] },
  { name: '경향신문', kind: 'daily', domains: ['khan.co.kr'], aliases: ['경향', 'Kyunghyang'] },
  { name: '한국일보', kind: 'daily', domains: ['hankookilbo.com'], aliases: ['Hankook Ilbo'] },
  { name: '국민일보', kind: 'daily', domains: ['kmib.co.kr'], aliases: ['Kukmin Ilbo'] },
  { name: '서울신문', kind: 'daily', domains: ['seoul.co.kr'], aliases: [] },
  { name: '세계일보', kind: 'daily', domains: ['segye.com'], aliases: [] },
  { name: '문화일보', kind: 'daily', domains: ['munhwa.com'], aliases: [] },
  // business press
  { name: '매일경제', kind: 'business', domains: ['mk.co.kr'], aliases: ['매경', 'Maeil Business'] },
  { name: '한국경제', kind: 'business', domains: ['hankyung.com'], aliases: ['한경', 'Hankyung'] },
  { name: '서울경제', kind: 'business', domains: ['sedaily.com'], aliases: ['서경'] },
  { name: '머니투데이', kind: 'business', domains: ['mt.co.kr'], aliases: ['머투', 'MoneyToday'] },
  { name: '아시아경제', kind: 'business', domains: ['asiae.co.kr'], aliases: [] },
  { name: '헤럴드경제', kind: 'business', domains: ['heraldcorp.com'], aliases: [] },
  { name: '파이낸셜뉴스', kind: 'business', domains: ['fnnews.com'], aliases: ['파이낸셜 뉴스'] },
  { name: '이데일리', kind: 'business', domains: ['edaily.co.kr'], aliases: [] },
  { name: '이투데이', kind: 'business', domains: ['etoday.co.kr'], aliases: [] },
  { name: '뉴스핌', kind: 'business', domains: ['newspim.com'], aliases: [] },
  { name: '조선비즈', kind: 'business', domains: ['biz.chosun.com'], aliases: [] },
  // tech press
  { name: '전자신문', kind: 'tech', domains: ['etnews.com'], aliases: ['ETNEWS'] },
  { name: '디지털타임스', kind: 'tech', domains: ['dt.co.kr'], aliases: [] },
  { name: '지디넷코리아', kind: 'tech', domains: ['zdnet.co.kr'], aliases: ['ZDNet Korea', 'ZDNET Korea', '지디넷'] },
  { name: '블로터', kind: 'tech', domains: ['bloter.net'], aliases: ['Bloter'] },
  { name: '아이뉴스24', kind: 'tech', domains: ['inews24.com'], aliases: ['inews24'] },
  { name: '디지털데일리', kind: 'tech', domains: ['ddaily.co.kr'], aliases: [] },
  // online and entertainment
  { name: '마이데일리', kind: 'online', domains: ['mydaily.co.kr'], aliases: ['MyDaily'] },
  { name: '노컷뉴스', kind: 'online', domains: ['nocutnews.co.kr'], aliases: ['CBS노컷뉴스'] },
  { name: '오마이뉴스', kind: 'online', domains: ['ohmynews.com'], aliases: [] },
  { name: '프레시안', kind: 'online', domains: ['pressian.com'], aliases: [] },
  { name: '데일리안', kind: 'online', domains: ['dailian.co.kr'], aliases: [] },
  { name: '뉴데일리', kind: 'online', domains: ['newdaily.co.kr'], aliases: [] },
  { name: '엔터미디어', kind: 'online', domains: ['entermedia.co.kr'], aliases: [] },
  // broadcasters
  { name: 'KBS', kind: 'broadcast', domains: ['kbs.co.kr'], aliases: ['KBS뉴스', 'KBS 뉴스'] },
  { name: 'MBC', kind: 'broadcast', domains: ['imbc.com'], aliases: ['MBC뉴스', 'MBC 뉴스'] },
  { name: 'SBS', kind: 'broadcast', domains: ['sbs.co.kr'], aliases: ['SBS뉴스', 'SBS 뉴스'] },
  { name: 'JTBC', kind: 'broadcast', domains: ['jtbc.co.kr'], aliases: ['JTBC뉴스'] },
  { name: 'YTN', kind: 'broadcast', domains: ['ytn.co.kr'], aliases: [] },
  { name: 'MBN', kind: 'broadcast', domains: ['mbn.co.kr'], aliases: [] },
  { name: '채널A', kind: 'broadcast', domains: ['ichannela.com'], aliases: [] },
  { name: 'TV조선', kind: 'broadcast', domains: ['tvchosun.com'], aliases: [] },
  { name: '연합뉴스TV', kind: 'broadcast', domains: ['yonhapnewstv.co.kr'], aliases: [] },
  // English-language Korean outlets: named as their readers know them. `Yonhap` in English copy is the
  // English service (its datelines say `(Yonhap)`); en.yna.co.kr beats yna.co.kr as the longer domain.
  { name: 'Yonhap News Agency', kind: 'english', domains: ['en.yna.co.kr', 'm-en.yna.co.kr'], aliases: ['Yonhap', 'Yonhap News', '연합뉴스 영문'] },
  { name: 'The Korea Herald', kind: 'english', domains: ['koreaherald.com'], aliases: ['Korea Herald', '코리아헤럴드'] },
  { name: 'The Korea Times', kind: 'english', domains: ['koreatimes.co.kr'], aliases: ['Korea Times', '코리아타임스'] },
  { name: 'Korea JoongAng Daily', kind: 'english', domains: ['koreajoongangdaily.joins.com', 'koreajoongangdaily.joongang.co.kr'], aliases: ['JoongAng Daily', '코리아중앙데일리'] },
  { name: 'The Chosun Daily', kind: 'english', domains: ['english.chosun.com'], aliases: ['Chosun Daily', 'The Chosun Ilbo English'] },
  { name: 'The Dong-A Ilbo English', kind: 'english', domains: ['english.donga.com'], aliases: [] },
  { name: 'The Hankyoreh English', kind: 'english', domains: ['english.hani.co.kr'], aliases: [] },
  { name: 'The Korea Economic Daily', kind: 'english', domains: ['kedglobal.com'], aliases: ['KED Global'] },
  { name: 'Pulse by Maeil Business News Korea', kind: 'english', domains: ['pulse.mk.co.kr'], aliases: ['Maeil Business News Korea'] },
  { name: 'Arirang News', kind: 'english', domains: ['arirang.com'], aliases: ['Arirang', 'Arirang TV'] },
  { name: 'KBS World', kind: 'english', domains: ['world.kbs.co.kr'], aliases: ['KBS World Radio'] },
  { name: 'BusinessKorea', kind: 'english', domains: ['businesskorea.co.kr'], aliases: ['Business Korea'] },
  { name: 'Korea Bizwire', kind: 'english', domains: ['koreabizwire.com'], aliases: [] },
  // aggregators and boards: they re-post, they are not the outlet
  { name: '네이버 뉴스', kind: 'aggregator', domains: ['news.naver.com', 'n.news.naver.com', 'entertain.naver.com', 'sports.naver.com'], aliases: ['네이버뉴스', '네이버 엔터', '네이버 스포츠', 'NAVER'] },
  { name: '다음 뉴스', kind: 'aggregator', domains: ['v.daum.net', 'news.daum.net'], aliases: ['다음뉴스', 'Daum'] },
  { name: '네이트 뉴스', kind: 'aggregator', domains: ['news.nate.com'], aliases: ['네이트뉴스'] },
  { name: '랭크뉴스', kind: 'aggregator', domains: [], aliases: [] },
  { name: '줌 뉴스', kind: 'aggregator', domains: ['news.zum.com'], aliases: ['줌뉴스'] },
];

// Lookup indexes, built once. Names are compared with whitespace removed and case folded.
const key = (s: string) => s.replace(/\s+/g, '').toLowerCase();
const byName = new Map<string, Outlet>();
for (const o of OUTLETS) for (const n of [o.name, ...o.aliases]) byName.set(key(n), o);
const byDomain = new Map<string, Outlet>();
for (const o of OUTLETS) for (const d of o.domains) if (!byDomain.has(d)) byDomain.set(d, o);

/** The outlet a name or alias refers to, or undefined. */
export function outletByName(name: string): Outlet | undefined {
  return byName.get(key(name));
}

/** The outlet of a host, URL or e-mail address (anything containing a domain), or undefined. */
export function outletByDomain(text: string): Outlet | undefined {
  const host = hostOf(text);
  if (!host) return undefined;
  // The host, then its parent domains: the longest known domain wins (biz.chosun.com over chosun.com).
  for (let h = host; ; h = h.slice(h.indexOf('.') + 1)) {
    const o = byDomain.get(h);
    if (o) return o;
    if (!h.includes('.')) return undefined;
  }
}

/** The lower-case host in a URL, e-mail address or bare domain; null when there is none. */
export function hostOf(text: string): string | null {
  const t = text.trim().toLowerCase();
  const m = t.match(/@([a-z0-9.-]+\.[a-z]{2,})/) ?? t.match(/^(?:[a-z]+:\/\/)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})(?:[:/?#]|$)/);
  return m ? m[1].replace(/^www\./, '') : null;
}
