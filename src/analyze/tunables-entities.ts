// Word lists and thresholds for Korean entity recognition, aliasing and quotes, in one place.
// The lists describe Korean news *language* (titles, suffixes, particles, verbs); the gazetteer at the
// end is a small convenience for very frequent names, not the main mechanism.

import { KNOWN_PLACES } from './known-names.js';

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Title and role words that follow a person's name (이재용 회장, 박씨, 르네 하스 CEO). */
export const PERSON_TITLES = new Set(words(`
  회장 부회장 명예회장 총괄회장 선대회장 대표 대표이사 공동대표 사장 부사장 사외이사 이사 이사장 의장 전무 상무 부장 차장 과장
  팀장 실장 본부장 센터장 소장 원장 국장 처장 청장 총장 학장 교수 부교수 박사 연구원 연구위원 책임연구원 위원 위원장 부위원장
  장관 차관 총리 국무총리 부총리 대통령 부통령 의원 국회의원 시의원 도의원 대변인 비서실장 비서관 수석 대사 총영사 총재 부총재
  시장 도지사 지사 군수 구청장 지검장 검사 검사장 판사 변호사 대법원장 헌법재판관 재판관 경위 경감 경정 총경 경사 순경
  기자 특파원 앵커 논설위원 평론가 칼럼니스트 작가 감독 코치 선수 배우 가수 개그맨 방송인 모델 주연 멤버
  최고경영자 CEO CTO CFO COO CSO CIO 창업자 창업주 공동창업자 설립자 최고기술책임자 최고재무책임자 최고운영책임자
  주석 총서기 국왕 여왕 왕세자 교황 목사 신부 스님 대위 중위 소위 대령 중령 소령 장군 대장 중장 소장 병장 상병 일병 이병
  씨 군 양 옹 여사 후보 예비후보 당선인 당선자 전 대표님 회장님 사장님 교수님 선생님 선생 의사 간호사 회계사 애널리스트 연구원장
  할머니 할아버지 어린이 학생 교사 원내대표 당대표 최고위원 사무총장 사무국장 단장 부단장 구단주 매니저 PD 프로듀서
  조합장 협회장 지부장 지점장 공장장 편집장 병원장 교장 관장 서장 사무처장
  사령관 총독 셰프 점장 경장 경사 원사 중사 하사 준위 부장판사 부장검사 주임 수녀 추기경 대주교 법사 시인 소설가 화백 명창 명인
`));

/** Titles of the press: a name written with one of these is the article's reporter, not a person in the news. */
export const PRESS_TITLES = new Set(words('기자 특파원 기자단'));

/** Titles that are also ordinary words; they only count right after a clear name (시장: market/mayor, 군: county/army). */
export const WEAK_TITLES = new Set(words('시장 군 양 옹 소장 대장 이사 위원 선생 모델 멤버 주연 전 매니저 학생 교사 어린이 의사 경사 시인 주임 명인 명창 하사 상사'));

/** Words that may stand between a name and its title and belong to the title (선대 회장, 전 장관). */
export const TITLE_MODIFIERS = new Set(words('선대 전 前 현 신임 초대 명예 고 故 공동 수석 부 당시'));

/** Endings that make a word an organization (삼성전자, 한빛은행, 외교부). Longest first matters: see ORG_SUFFIX_RE. */
export const ORG_SUFFIXES = words(`
  전자 그룹 은행 증권 홀딩스 지주 재단 위원회 협회 연합회 협의회 연맹 연합 연구원 연구소 대학교 대학 대학원 병원 의료원
  방송 일보 신문 통신 뉴스 미디어 건설 화학 제약 바이오 자동차 모터스 항공 해운 중공업 생명 화재 보험 카드 캐피탈 텔레콤
  엔터테인먼트 컴퍼니 코리아 랩스 로보틱스 테크 테크놀로지 시스템즈 네트웍스 솔루션즈 소프트 인베스트먼트 파트너스 벤처스
  공사 공단 공기업 조합 노조 노동조합 구단 클럽 유나이티드 FC 당 부 처 청 군청 시청 도청 구청 경찰청 검찰청 지검 지법 법원
  고등학교 중학교 초등학교 학교 교회 백화점 마트 증권사 운용 자산운용 투자증권 물산 상사 산업 식품 제과 제철 철강 에너지 전력
  반도체 디스플레이 이노베이션 쇼핑 닷컴 게임즈 스튜디오 픽처스 재단법인 공화당 민주당 경찰서 소방서 예술단 봉사단
  사절단 선수단 대표단 합창단 교향악단 재판부 사무소 법인 제분 제지 정유 상선 해상 리서치 컨설팅 대 대사관 총영사관 영사관
`);

/** Suffixes that are too short to trust unless the stem is a known proper noun (외교부 yes, 대부 no). */
export const WEAK_ORG_SUFFIXES = new Set(words('당 부 처 청 대 대학 학교 방송 통신 뉴스 산업 법인'));

/** Common nouns that KLUE-style NER tags as organizations on their own. */
export const ORG_WORDS = new Set(words(`
  경찰 검찰 정부 국회 청와대 법원 대법원 헌법재판소 헌재 여당 야당 당국 방역당국 보건당국 금융당국 소방당국 군당국 국방부
  백악관 유엔 국세청 금감원 금융위 공정위 공정위원회 한은 한국은행 통계청 기재부 교육부 외교부 환경부 국토부 산업부 과기정통부
  세계보건기구 WHO 국제통화기금 IMF 나토 NATO EU 유럽연합 아세안 새누리당 더불어민주당 국민의힘 자유한국당 정의당 민주당 공화당
  국정원 국가정보원 기상청 해경 해양경찰 육군 해군 공군 해병대 합참 재판부 소방청 경찰청 검찰청 관세청 조달청 병무청 식약처
  방통위 선관위 감사원 대검 대검찰청 특검 국방부 통일부 법무부 행안부
`));

/** Nouns that, after a place and maybe a describing noun, end an organization's name (미국 연방 하원, 이란 축구 대표팀). */
export const ORG_HEADS = new Set(words(`
  정부 의회 하원 상원 대표팀 축구대표팀 국가대표팀 군 군부 정부군 경찰 경찰국 법원 대법원 재판소 최고재판소 대사관 총영사관
  영사관 사령부 조직위원회 항공 내무부 재무부 국무부 외무부 국방부 법무부 권부 검찰 의회 내각 왕실 여당 야당
`));

/** Endings of one-word dictionary institutions (기상청, 식약처): a 3+ syllable common noun ending so is an organization. */
export const INSTITUTION_ENDINGS = words('청 처');

/**
 * Organization endings of facilities (병원, 교회): such a body with a particle of place after it (PLACE_PARTICLES:
 * 병원에 입원했다, 교회로 옮겨) is where something happens, a place, as KLUE's guidelines tag it.
 */
export const FACILITY_SUFFIXES = words('병원 의료원 교회 백화점');
/** Particles of where (에, 에서, 으로, 로): not 에서는 or 에는, which make the place a topic the sentence is about. */
export const PLACE_PARTICLES = new Set(words('에 에서 으로 로'));
/**
 * After an organization written with its address (서울 서초동 대검찰청), the particles that make it where something
 * happens or where one goes (…에서 열린, …으로 옮겨): a place. Not 에, which also marks the body addressed (…에 송치).
 */
export const ADDRESS_VENUE_PARTICLES = new Set(words('에서 으로 로'));

/** Endings of a university's units, which written after it are part of its name (서울대 수의학과, 부산대 총학생회). */
export const UNIVERSITY_UNITS = words('학과 학부 대학 대학원 총학생회 학생회');

/** Generic nouns that name the kind of organization just before or after a name (스타트업 딥시크, 기술 투자사 MGX). */
export const ORG_KIND_WORDS = new Set(words('기업 회사 업체 스타트업 투자사 자회사 계열사 운용사 제조사 은행 그룹 방송사 언론사 신문사 협력사 빅테크 구단 정당'));

/** Words right before a name that say it is an organization (일간 데일리메일, 업체 킥스타터). */
export const ORG_CUE_BEFORE = new Set(words('일간 일간지 주간지 업체 기업 회사 소속팀 구단 매체 통신사 방송사 신문사 언론사 외신 스타트업 투자사 자회사 계열사 제조사'));

/**
 * Nouns that name a kind of actor rather than one actor (당국, 정부, 업계). KLUE tags some of them OG,
 * so the recognizer keeps them for evaluation, but they are not entities of an event.
 */
export const GENERIC_ACTORS = new Set(words(`
  당국 규제당국 방역당국 보건당국 금융당국 소방당국 군당국 외교당국 수사당국 사법당국 정부 업계 재계 정계 학계 증권가 관계자
  경찰 검찰 여당 야당 법원 노조 회사 기업 업체 투자자 소비자 시민단체 시장 협력사 외신 언론
`));

/** Words that grade or stage something (시리즈C, 프리A, A등급): never an organization or product name. */
export const NOT_NAME_PATTERNS: RegExp[] = [
  /^(?:프리)?시리즈[A-Z](?:\d)?$/, // funding rounds: 시리즈A … 시리즈C, 프리시리즈A
  /^프리[A-Z]$/, // 프리A
  /^[A-Z]{1,3}[+-]?등급$/, // credit and energy grades: AA등급, A+등급
  /^[A-Z]\d?(?:라운드|단계)$/, // B라운드, A단계
];

/** Kind-of-company words that, between a descriptor and a name, make the descriptor not a name (재생에너지 기업 X). */
export const DESCRIPTOR_KIND_WORDS = new Set(words('기업 회사 업체 스타트업 제조사 개발사 전문기업 전문업체 설계사'));

/** Nouns that, right before a name in quotes, say the name is a product (로봇 '하람', 추론 칩 '웨이브원'). */
export const PRODUCT_CUES = words(`
  로봇 휴머노이드 제품 신제품 서비스 모델 칩 반도체 앱 애플리케이션 플랫폼 브랜드 게임 신작 폰 스마트폰 챗봇 소프트웨어 솔루션
  차 신차 전기차 차량 드론 기기 단말기 가전 TV 노트북 태블릿 엔진 위성 발사체 신약 치료제 백신 AI 에이전트
`);

/** Longest name (characters) read from quotes after a product cue; longer quoted text is a phrase, not a name. */
export const MAX_QUOTED_PRODUCT_CHARS = 16;
/** A product named in quotes after its kind (로봇 '하람') outvotes any guess from the tagger (type vote weight). */
export const QUOTED_PRODUCT_WEIGHT = 10;
/**
 * Longest run without white space that ko-dic (lindera) reads in one piece; a longer run is cut into pieces
 * this long first. lindera's time on one such run grows far faster than its length past a few thousand
 * characters (a run of 가: 10k 0.4 s, 100k 6–10 s; cut here, 100k 1.7 s), and no Korean word comes near this length,
 * so ordinary text never meets the cut (tokens across white space stay as they were).
 */
export const MAX_TOKENIZED_RUN_CHARS = 1_000;
/**
 * Longest text ko-dic reads in one call; a longer one (a page with one line, a quote never closed) is read
 * in pieces cut at white space. One call on 100k characters cost 17× what 10k did (its tokens, all alive
 * at once, keep the collector busy); Korean lines of the seeds and examples are under 500 characters, so
 * they never meet the cut (a cut can change the reading of the word right after it). Entities recognize
 * such a line in the same pieces (morph.ts linePieces): all of a 100k-character line's tokens in one array
 * grew 41× per 10× of input (`a.` repeated), 6× in pieces; a name across a cut is missed, with a message.
 */
export const MAX_TOKENIZED_CHARS = 5_000;
/**
 * How far back from where a piece of MAX_TOKENIZED_CHARS ends its cut looks for white space; with none
 * there the piece is cut where it ends. A line without white space was otherwise scanned back the whole
 * piece at every cut; a Korean word is far shorter, so a line of words always has a space this close.
 */
export const MAX_CUT_SEARCH_CHARS = 500;
/** Minimum body mentions for an entity found only by weak rules (ko-dic guesses, bare acronyms). */
export const MIN_WEAK_MENTIONS = 2;
/** How much a role read in a caption counts against one read in the body: on a tie the body's wording wins. */
export const CAPTION_ROLE_WEIGHT = 0.5;

/** Nouns after a name that make it a project (스타게이트 프로젝트) or a product (갤럭시 시리즈). */
export const PROJECT_WORDS = new Set(words('프로젝트 사업 계획 이니셔티브 작전 구상'));
export const PRODUCT_WORDS = new Set(words('시리즈 모델 서비스 앱 플랫폼 칩 제품 폰 챗봇'));

/** Place endings: a proper noun plus one of these is a place (강남구, 진해시, 김포공항). */
export const PLACE_SUFFIXES = words('특별시 광역시 자치구 자치주 자치구 시 도 군 구 동 읍 면 리 로 길 역 공항 항 섬 산 강 반도 해협 만 주 나들목 분기점 휴게소 해수욕장');
/**
 * Endings of named venues (서울월드컵경기장, 대림미술관, 마우나리조트): a place when what stands before the ending is not
 * only dictionary nouns (화물터미널, 공항터미널 are kinds of terminal).
 */
export const VENUE_PLACE_SUFFIXES = words('경기장 미술관 박물관 극장 터미널 리조트');
export const WEAK_PLACE_SUFFIXES = new Set(words('시 도 군 구 동 읍 면 리 로 길 역 항 섬 산 강 만 주'));

/** Descriptive nouns that stand beside a foreign name without being part of it (남편 제이미 프롭, 투수 클레이턴 커쇼). */
export const NAME_NEIGHBOUR_STOP = new Set(words(`
  남편 아내 부인 아들 딸 동생 형 누나 언니 오빠 어머니 아버지 엄마 아빠 조카 손자 손녀 친구 애인 연인 팬 선배 후배 동료 신인
  투수 타자 포수 공격수 수비수 미드필더 골키퍼 여배우 여가수 총격범 범인 용의자 피의자 피해자 무소속 남자 여자 소녀 소년 측 역
  외야수 내야수 유격수 선발 마무리 에이스 스트라이커 윙어 수문장 감독 농구선수 축구선수 야구선수 골프선수 테니스선수 물리학자 과학자
  작곡가 래퍼 디렉터 걸그룹 보이그룹 아이돌 배우 가수 닮은꼴 재판기 속 때 뒤 앞 옆 직접 함께 부부 커플 모녀 부자 일가 가족
`));

/**
 * Common Korean and Chinese surnames in Hanja: a lone run of two or three Hanja starting with one is read as a
 * person's name (金德天, 習近平); runs of country initials (韓美) are not.
 */
export const HANJA_SURNAMES = '金李朴崔鄭姜趙尹張林吳徐申權黃安宋柳洪全高文梁孫裵白許劉沈盧河郭成車朱禹具閔辛任田羅習毛周胡溫馬孔孟楊王陳薄';

/** Common nouns before an organization ending that make a kind of thing, not a name (걸그룹, 신용카드, 저축은행). */
export const GENERIC_ORG_STEMS = new Set(words(`
  걸 보이 신용 체크 적립 교통 소셜 대형 저축 시중 지방 증인 팬 면 고위 전임 전국 정부 항공 해외 국내 외국 민간 대학 지역
`));

/** Three-syllable dictionary nouns ending like a place (…도, …로, …역) that say where but name nothing. */
export const PLACE_GENERIC_NOUNS = new Set(words('한반도 고속도 활주로 교차로 골목길 지름길 산책로 등산로 통학로 해안도 전지역 관할구 선거구 지역구 행정구 자치구'));

/** Parts of a region written after it (미국 북동부, 강원 북부): they continue the place, and are no organization (…부). */
export const PLACE_PARTS = new Set(words('동부 서부 남부 북부 중부 북동부 북서부 남동부 남서부 동북부 동남부 서북부 서남부 중서부 중동부 남단 북단 동단 서단'));

/** Endings of named venues that continue a place written before them (인천 계양체육관, 서울 올림픽공원). */
export const VENUE_SUFFIXES = words('체육관 경기장 구장 공원 광장 센터 홀 궁 타워 빌딩 터미널 휴게소 나들목 분기점 해수욕장 시장');

/** Countries, regions and big cities (KLUE tags them LC unless they act as a team or government). */
export const PLACES = new Set(words(`
  한국 대한민국 남한 북한 북 남 미국 미 중국 중 일본 일 러시아 영국 프랑스 독일 이탈리아 스페인 포르투갈 네덜란드 벨기에 스위스
  스웨덴 노르웨이 핀란드 덴마크 폴란드 오스트리아 그리스 터키 튀르키예 우크라이나 캐나다 멕시코 브라질 아르헨티나 칠레 콜롬비아
  호주 뉴질랜드 인도 파키스탄 베트남 태국 대만 홍콩 마카오 싱가포르 말레이시아 인도네시아 필리핀 몽골 카자흐스탄 우즈베키스탄
  이란 이라크 이스라엘 팔레스타인 시리아 사우디 사우디아라비아 아랍에미리트 UAE 카타르 이집트 남아공 나이지리아 케냐 쿠바
  유럽 아시아 아프리카 중동 동남아 동북아 북미 남미 중남미 서방 동아시아 한반도 수도권 영남 호남 충청 강원 제주 제주도
  서울 부산 대구 인천 광주 대전 울산 세종 경기 경기도 강원도 충북 충남 전북 전남 경북 경남 수원 성남 용인 고양 창원 청주
  전주 포항 김해 천안 안산 평택 판교 여의도 강남 서초 종로 명동 뉴욕 워싱턴 워싱턴DC 로스앤젤레스 LA 샌프란시스코 실리콘밸리
  시카고 보스턴 시애틀 라스베이거스 도쿄 오사카 교토 베이징 상하이 선전 광저우 런던 파리 베를린 모스크바 두바이 뉴델리
  평양 개성 독도 제네바 다보스 하와이 텍사스 캘리포니아 플로리다 오키나와 규슈 홋카이도 신장 티베트 가자 크림반도
`).concat(KNOWN_PLACES));

/** Places that are also common words (경기: game, 선전: propaganda, 인도: sidewalk, 개성: character); only before another place. */
export const AMBIGUOUS_PLACES = new Set(words('경기 선전 인도 개성 남 북 미 중 일'));

/**
 * Agents: when a place word is an organization. The post's 주요 인물·기업 lists actors that are people or
 * bodies, not countries as such. The convention, checked against KLUE's annotators on the dev split:
 * - a city or province that acts (서울시는 밝혔다, 인천시도 올린다: 도 'also' marks a subject as 는 does) is its
 *   government, an organization;
 * - a place with 측 or 당국 after it (미국 측, 북한 당국) is that side's body, an organization;
 * - in a match report (SPORT_CUES) a country is its national team, an organization, unless it is the venue;
 * - any other country stays a place, even as a subject (미국이 …: annotators tag it a place more often
 *   than not, and a country is not an actor the post lists).
 */
export const AGENT_PARTICLES = new Set(words('이 가 은 는 도'));
export const AGENT_SIDE_WORDS = new Set(words('측 당국'));
/**
 * Korea's provinces, in full and short form: a word ending in 도 that acts is a provincial government only if it is
 * one of these (경기도는 밝혔다); other words ending in 도 are islands (독도가, 울릉도는), places with no government.
 */
export const PROVINCES = new Set(words(`
  경기도 강원도 충청북도 충청남도 전라북도 전라남도 경상북도 경상남도 제주도 강원특별자치도 전북특별자치도 제주특별자치도
  충북도 충남도 전북도 전남도 경북도 경남도
`));
/** Words of a match report: in such a sentence a country is its national team (이탈리아를 꺾고, 이란에 패했다). 경기 is a game, 경기도 a province. */
export const SPORT_CUES = /월드컵|승점|골문|평가전|친선경기|조별리그|득점|무승부|\d-\d|\d대 ?\d|꺾|완패|완승|결승|8강|4강|16강|대표팀|경기(?!도)/;
export const COUNTRY_TEAMS_IN_SPORT = false;
export const AGENT_ONLY_IN_SPORT = false;

/**
 * One-syllable country names that stand for their states in compounds (남북, 한미, 한중일, 북미, 북측):
 * each syllable is an organization (KLUE marks them so). A chain counts alone or before one of
 * COUNTRY_CHAIN_HEADS, so that a company (한미약품) or a word (일정, 중간) is left alone.
 */
export const COUNTRY_INITIALS = '한미중일북남러';
export const COUNTRY_CHAIN_HEADS = words(`
  관계 정상 회담 회의 전 간 양국 3국 국방 합동 군사 연합 동맹 FTA 외교 갈등 공조 협력 월드컵 대회 장관 당국 적십자
  경협 교류 무역 통상 협상 훈련 연습 핵 측 대화 공동 군 의 이 은 는 을 를 과 와
`);

/** What may follow a country inside one word and leave the country a place: 미국인, 한국계, 중국산, 중국판, 서울시민, 평택시장, 도쿄특파원. */
export const PLACE_COMPOUND_HEADS = words('인 계 산 판 식 지역 일대 전역 행 발 출신 특파원 지점 지국 매체 시장 도지사 지사 군수 구청장 시민 국민 국적 어선 정부 대표팀 국제영화제 모터쇼 동계올림픽 올림픽 시리즈');

/**
 * Bare nouns that lindera sometimes tags NNP but that are not names in news text, and kinship and group
 * nouns that look like a surname + given name (노부 = old father, 여야 = both parties).
 */
export const NOT_NAMES = new Set(words(`
  이날 오늘 어제 내일 당시 최근 지난해 올해 내년 전날 다음날 이번 지난달 이달 현지 국내 해외 세계 글로벌 업계 관계자
  인공지능 반도체 데이터센터 스마트폰 기자 사진 뉴스 속보 단독 종합 인터뷰 영상 오전 오후 그룹 회사 기업 시장 사업 프로젝트
  AI IT TV PC CEO CTO CFO COO HBM API GPU CPU NPU IoT SNS URL PDF GB TB MB KB KST UTC VS OK DS AP CES MWC D램 낸드
  미 중 일 한 북 남 양국 한미 한중 한일 미중 북미 정상 대표 회장 사장 겸 이와 이상 이상이 이중 메르스 사드 드론 갤럭시 스페셜 헬로 강진이 자신 당신 그녀 우리 모두 각각
  관련 소속 유명 차기 이후 이전 직후 직전 현재 당일 그간 한편 특히 또한 대선 총선 공개 사건 당국자 측 쪽 등 및 또 더 그 이 저 각 한 두 세 네 총 약 단 첫 새 옛 본 현
  노부 노모 부모 부부 모녀 부녀 모자 형제 자매 남매 여야 우리나라 위해 할리우드
  보도 결과 집계 조사 측근 설명 발표 분석 자료 통계 주장 설문 소식통 스마트
`));

/**
 * Latin words that are units, tech jargon or acronyms of things rather than of bodies: indicators (GNP),
 * treaties (FTA), services and devices (IPTV, CCTV, KTX), diseases (MERS, SFTS), zones (DMZ, NLL), roles (MC, DJ).
 */
export const LATIN_STOP = new Set(words(`
  AI IT TV PC CEO CTO CFO COO CSO CIO HBM HBM3 HBM3E HBM4 API GPU CPU NPU IoT SNS URL PDF GB TB MB KB KST UTC VS OK AP DS
  CES MWC DDR5 D램 CXL GAA nm LLM IP PR OS UI UX ESG IPO M&A R&D GDP CPI EV SUV OLED LCD LED USB QR ID PD BTS vs and the of
  SW HW B2B B2C VR AR XR MR NFT DX SDK
  GNP FTA IPTV CCTV ICT ATM LTE RFID KTX SFTS MERS SARS DMZ NLL MC DJ FA TF BPS PCS SNL DNA CT MRI PPL
`));

/** Verbs of saying that attribute a quote (…라고 말했다, …라며, …고 밝혔다). */
export const SPEECH_VERBS = words(`
  말했 밝혔 강조했 답했 설명했 평했 전했 덧붙였 언급했 주장했 지적했 말한 밝힌 강조한 답한 설명한 언급한 주장한 지적한 말하 밝히
  강조하 설명하 언급하 주장하 지적하 답변했 답하 물었 반문했 역설했 당부했 호소했 약속했 예상했 전망했 내다봤 분석했 평가했
  털어놨 토로했 고백했 발표했 제안했 요청했 촉구했 경고했 우려했 자평했 자신했 다짐했 선언했 표명했 비판했 반박했 해명했 말문을 했다 했고 했으며 한다 하며
`);

/** Words whose tagging alone (류현진 as one name) is remembered per process: bounds memory on long runs. */
export const NAME_CACHE_MAX = 10_000;

/** Quote grouping: content-bigram Jaccard at or above this joins two quotes of one speaker (tuned on fixtures). */
export const UTTERANCE_SIMILARITY = 0.2;
/**
 * Quote grouping also needs this many shared content words (stems matched by a common 2-syllable
 * prefix): one shared topic word (출시) is not one statement. A word found in more than
 * COMMON_QUOTE_WORD_SHARE of the cluster's quotes counts half, since it is the story's topic, not the remark's.
 */
export const MIN_SHARED_QUOTE_WORDS = 2;
export const COMMON_QUOTE_WORD_SHARE = 0.5;
/** Words of saying and filler that tie no two remarks together. */
export const QUOTE_STOPWORDS = new Set(words('것 수 있다 없다 하다 했다 하겠다 한다 된다 됐다 우리 우리는 저는 제가 이번 그리고 정말 아주 매우 너무 계속 이 그 저 더 잘 등'));

/** A quote shorter than this (characters, spaces excluded) without a speech verb is a term in quotes, not speech. */
export const MIN_QUOTE_CHARS = 4;

/**
 * A small gazetteer of very frequent names that ko-dic splits badly. Rules find everything else;
 * this only helps where a bare name occurs without any cue (suffix, title, brackets).
 */
export const GAZETTEER: Record<string, 'organization' | 'place' | 'person'> = {
  엔비디아: 'organization', 퀄컴: 'organization', 인텔: 'organization', 애플: 'organization', 구글: 'organization',
  마이크로소프트: 'organization', 메타: 'organization', 아마존: 'organization', 테슬라: 'organization', 오라클: 'organization',
  카카오: 'organization', 네이버: 'organization', 알리바바: 'organization', 화웨이: 'organization', 샤오미: 'organization',
  오픈AI: 'organization', 앤트로픽: 'organization', 소프트뱅크: 'organization', 삼성: 'organization', 현대차: 'organization',
  LG: 'organization', SK: 'organization', TSMC: 'organization', 바이두: 'organization', 텐센트: 'organization', 쿠팡: 'organization',
};

/**
 * Photo credits inside a caption (`/사진=…`, `AFP=연합뉴스`, a trailing `뉴스1`): blanked before names are
 * read, since the agency or photographer who took the picture is not an actor of the event.
 */
export const CAPTION_CREDITS: RegExp[] = [
  /[[(<]\s*(?:사진|자료|그래픽|영상)\s*(?:제공)?\s*[=:][^\])>\n]*[\])>]/g, // (사진=한솔제약 제공), [사진=뉴스1]
  /(?:^|\s|\/)(?:사진|자료사진|그래픽|영상)\s*(?:제공)?\s*[=:].*$/g, // /사진=김철수 기자 … to the end
  /^\s*\[[^\]\n]{1,20}=[^\]\n]{1,20}\]/g, // [서울=뉴시스] at the head
  /(?:^|\s|\/)[A-Za-z가-힣]{1,12}\s?=\s?[A-Za-z가-힣0-9]{1,12}\s*$/g, // AFP=연합뉴스, 로이터=뉴스1 at the end
  /(?:^|[\s/])[^\s().]+\s?제공\s*$/g, // 한솔제약 제공 at the end (one word: 회장 한솔제약 제공 keeps 회장)
  /\([^()\n]{1,20}제공\)\s*$/g, // (한국가상협회 제공) at the end
  /[ⓒ©].*$/g, // ⓒ 가상일보
];

/** News and photo agencies that sign captions with their bare name at the end (… 있다. 뉴스1). */
export const PHOTO_AGENCIES = words(`
  연합뉴스 뉴스1 뉴시스 연합 AFP AP 로이터 EPA UPI 게티이미지 게티이미지코리아 게티이미지뱅크 블룸버그 신화 신화통신 교도 교도통신
  셔터스톡 이미지투데이 뉴스뱅크 아이클릭아트 픽사베이 언스플래시 Reuters Getty Bloomberg Xinhua Kyodo
`);

/** After a caption's last sentence, a tail this short (characters) is a signature (photographer, agency), not news. */
export const CAPTION_TAIL_MAX_CHARS = 20;
