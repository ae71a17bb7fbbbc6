// Names every Korean news reader knows and that carry no cue of their own: no organization ending
// (연합뉴스, 코레일, 맥도날드), a form ko-dic splits (민주통합당 → 민주/통합/당), or a team nickname
// (다저스). Written from general knowledge of the Korean press, by kind, so that one can see what is
// covered and add to it. The rules in ner.ts find everything else; a name here needs no cue.
//
// Left out on purpose: platforms that are mostly named as a medium rather than an actor (유튜브, 페이스북,
// 트위터: "유튜브에 올렸다"), and names that are also common words (다음, 현대, 동원, 여자친구, 위너: next, modern, mobilise,
// girlfriend, winner).

const words = (s: string): string[] => s.trim().split(/\s+/);

/** News media, Korean and foreign: a bare outlet name is an organization (연합뉴스는 전했다). */
const MEDIA = words(`
  연합뉴스 뉴시스 뉴스1 KBS KBS1 KBS2 MBC SBS EBS YTN JTBC MBN tvN OCN Mnet 엠넷 TV조선 채널A 아리랑TV 연합뉴스TV
  조선일보 중앙일보 동아일보 한겨레 한겨레신문 경향신문 한국일보 국민일보 서울신문 세계일보 문화일보 내일신문
  매일경제 매경 한국경제 한경 서울경제 머니투데이 헤럴드경제 아시아경제 파이낸셜뉴스 이데일리 전자신문 디지털타임스 아주경제
  노컷뉴스 오마이뉴스 프레시안 미디어오늘 시사저널 주간조선 한겨레21 시사IN 뉴데일리 데일리안 뉴스타파
  스포츠조선 스포츠동아 스포츠서울 일간스포츠 스포츠경향 스포츠한국 OSEN 마이데일리 엑스포츠뉴스 조이뉴스24 텐아시아 뉴스엔
  스타뉴스 티브이데일리 디스패치 TV리포트 엑스포츠 bnt뉴스
  CNN BBC NHK CNBC ABC NBC CBS 폭스뉴스 알자지라 블룸버그 로이터 로이터통신 AP통신 AFP통신 AFP 신화통신 신화사 교도통신 지지통신
  타스통신 이타르타스 인테르팍스 dpa 조선중앙통신 조선중앙TV 노동신문
  뉴욕타임스 워싱턴포스트 월스트리트저널 WSJ 파이낸셜타임스 FT 가디언 르몽드 르피가로 인민일보 환구시보 차이나데일리
  아사히신문 요미우리신문 마이니치신문 니혼게이자이 닛케이 산케이신문 도쿄신문 USA투데이 LA타임스 데일리메일 더선 텔레그래프 인디펜던트
  이코노미스트 포브스 포춘  뉴스위크  UPI
`);

/** Companies and brands named bare (맥도날드가, 코레일은). */
const COMPANIES = words(`
  삼성  현대차 현대자동차  기아차 기아자동차 LG SK 롯데 신세계 이마트 홈플러스 CJ GS 한화 두산 효성 LS 코오롱 금호
  포스코 KT KT&G 한전 한국전력 코레일 한수원 한국수력원자력 LH 가스공사 수자원공사 농협 수협 신협
  대한항공 아시아나 아시아나항공 진에어 제주항공 티웨이 에어부산 이스타항공
  네이버  다음카카오 카카오 넥슨 엔씨소프트 넷마블 쿠팡 위메프 티몬 11번가 G마켓 옥션 인터파크 멜론 벅스 소리바다 지니뮤직
  스타벅스 맥도날드 버거킹 롯데리아 KFC 도미노피자 피자헛 미스터피자 파리바게뜨 뚜레쥬르 CU GS25 세븐일레븐 이디야
  농심 오뚜기 풀무원   오리온   남양유업 매일유업 하이트진로 오비맥주 아모레퍼시픽 LG생활건강
  도요타 혼다 닛산 폭스바겐 BMW 벤츠 메르세데스벤츠 아우디 포르쉐 볼보 GM 포드 크라이슬러 르노 푸조 페라리 람보르기니
  보잉 에어버스 나이키 아디다스 푸마 루이비통 샤넬 구찌 에르메스 프라다 버버리 이케아 유니클로  H&M 월마트 코스트코
  디즈니 넷플릭스 노키아 IBM HP  시스코 우버 에어비앤비 스페이스X 소니 파나소닉 닌텐도 도시바 히타치 레노버 폭스콘
  골드만삭스 모건스탠리 JP모건 씨티그룹 씨티은행 HSBC 무디스  S&P 라쿠텐
`);

/** Parties, past and present (민주통합당: ko-dic reads 민주 통합 as common nouns). */
const PARTIES = words(`
  새정치민주연합 민주통합당 통합민주당 한나라당 열린우리당 새천년민주당 통합진보당 민주노동당 자유선진당 국민의당 바른정당
  바른미래당 민생당 미래통합당 자유한국당 새누리당 친박연대 진보신당 녹색당 노동당 창조한국당 조선노동당 공산당 자민당 자유민주당
`);

/** Public bodies and their short forms that no rule reads (행자부, 국과수, 방통심의위). */
const PUBLIC_BODIES = words(`
  행자부 행안부 해수부 농식품부 복지부 고용부 노동부 문체부 미래부 여가부 중기부 산자부 과기부 교과부 지경부 국토부 국방부
  중기청 방사청 특허청 방통심의위 권익위 인권위 국가인권위 국과수 전경련 대한상의 경총 중기중앙회 무역협회 금감위 선관위 중앙선관위
  민노총 민주노총 한국노총 전교조 참여연대 경실련 환경운동연합 정대협 민변 대한변협 대한의사협회 의협 전공의협의회
  국경없는의사회 그린피스 앰네스티 국제앰네스티 유니세프 적십자 대한적십자사 적십자사 구세군
  IOC FIFA UEFA AFC IAEA OECD WTO 유네스코 UNESCO OPEC ILO 안보리 유엔안보리 WFP UNHCR 인터폴 국제축구연맹 국제올림픽위원회
  CIA FBI NASA NSA 펜타곤 크렘린 연준 FRB ECB 주한미군 자위대 인민해방군 탈레반 하마스 헤즈볼라 알카에다 나치 IS
  KBO KBL WKBL KLPGA PGA LPGA NBA MLB NFL NHL NPB 프리미어리그 분데스리가 K리그
`);

/**
 * Team nicknames, written after the sponsor or city (두산 베어스, 롯데자이언츠, 뉴욕 자이언츠) or alone
 * (다저스는): with what stands before them they make one club name.
 */
export const TEAM_NICKNAMES = words(`
  다저스 양키스 레드삭스 컵스 메츠 에인절스 레인저스 매리너스 애스트로스 카디널스 파이리츠 내셔널스 브레이브스 필리스 오리올스
  블루제이스 로열스 화이트삭스 애슬레틱스 파드리스 로키스 다이아몬드백스 말린스 브루어스 자이언츠 타이거스
  베어스 트윈스 라이온즈 타이거즈 이글스 와이번스 다이노스 히어로즈 위즈 버펄로스 호크스 파이터스 골든이글스 유나이티드
`);

/** Sports clubs named bare, Korean and foreign (첼시가, 오릭스는). */
const CLUBS = words(`
  넥센 키움 오릭스 니혼햄 한신
  맨유 맨시티 첼시 아스널 리버풀 토트넘 에버턴 스완지 뉴캐슬 사우샘프턴 풀럼 선덜랜드 웨스트햄 볼턴 레스터 위건 QPR 스토크
  레알마드리드 바르사 아틀레티코 세비야 유벤투스 AC밀란 인터밀란 나폴리 라치오 AS로마 바이에른 도르트문트 레버쿠젠 샬케 볼프스부르크
  마인츠 아우크스부르크 함부르크SV PSG 아약스 PSV 셀틱 레이커스 셀틱스 닉스 워리어스 불스
`);

/** Performing groups. KLUE's annotators tag a band or idol group as a person (PS), and the post lists them as people. */
const GROUPS = words(`
  빅뱅 2NE1 투애니원 엑소 EXO 방탄소년단 소녀시대 원더걸스 카라 티아라 미쓰에이 씨스타 에이핑크 AOA 트와이스 레드벨벳 블랙핑크
  샤이니 슈퍼주니어 동방신기 비스트 인피니트 빅스   세븐틴 갓세븐 포미닛  걸스데이 레인보우 에프엑스 애프터스쿨
  브라운아이드걸스 EXID 마마무  오마이걸 러블리즈 엠블랙 틴탑 B1A4 god 핑클 SES HOT 젝스키스  버스커버스커 장미여관 크레용팝
  레이디스코드 달샤벳 나인뮤지스 헬로비너스 스피카 비투비 블락비 제국의아이들 씨엔블루 FT아일랜드 에픽하이 다이나믹듀오 리쌍 자우림
`);

export type KnownKind = 'organization' | 'person';

/** Every known name with its kind. A group is a person (see GROUPS); a name in two lists keeps the first. */
export const KNOWN_NAMES: ReadonlyMap<string, KnownKind> = new Map<string, KnownKind>([
  ...GROUPS.map((n) => [n, 'person'] as const),
  ...[...MEDIA, ...COMPANIES, ...PARTIES, ...PUBLIC_BODIES, ...CLUBS, ...TEAM_NICKNAMES].map((n) => [n, 'organization'] as const),
]);
