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

/**
 * Places a reader knows by name (KLUE's LC), beyond the big countries and cities of PLACES: the world's
 * states, large foreign cities and states, Korean cities and counties, Seoul's districts, and landmarks.
 * Left out: names that are common words too (예산 budget, 영광 glory, 공주 princess, 화성 Mars, 양주 liquor,
 * 진도 seismic scale, 강진 strong quake, 음성 voice, 오만 arrogance, 빈 empty).
 */
export const KNOWN_PLACES = words(`
  가나 가봉 과테말라 그루지야 조지아 기니 나미비아 남수단 네팔 니제르 니카라과 라오스 라이베리아 라트비아 레바논 루마니아 룩셈부르크
  르완다 리비아 리투아니아 마다가스카르 말라위 모나코 모로코 모잠비크 몬테네그로 몰도바 몰디브 몰타 미얀마 버마 바레인 바하마
  방글라데시 베네수엘라 벨라루스 보스니아 볼리비아 부룬디 부탄 마케도니아 북마케도니아 불가리아 브루나이 세네갈 세르비아 소말리아
  수단 스리랑카 슬로바키아 슬로베니아 시에라리온 아르메니아 아이슬란드 아이티 아일랜드 아제르바이잔 아프가니스탄 아프간 알바니아
  알제리 앙골라 에스토니아 에콰도르 에티오피아 엘살바도르 예멘 온두라스 요르단 우간다 우루과이 잠비아 짐바브웨 차드 체코 카메룬
  캄보디아 코스타리카 코트디부아르 콩고 쿠웨이트 크로아티아 키르기스스탄 키프로스 타지키스탄 탄자니아 토고 투르크메니스탄 튀니지
  파나마 파라과이 파푸아뉴기니 페루 피지 헝가리 코소보 바티칸 동티모르 타이완 스코틀랜드 잉글랜드 웨일스 북아일랜드 시베리아 카리브
  라틴아메리카 중앙아시아 서남아시아 북아프리카 유로존 발칸
  오사카 나고야 요코하마 고베 삿포로 후쿠오카 센다이 나가사키 히로시마 톈진 충칭 청두 우한 난징 항저우 쑤저우 칭다오 다롄 선양
  하얼빈 시안 쿤밍 샤먼 옌지 옌볜 단둥 타이베이 가오슝 마닐라 하노이 호찌민 방콕 자카르타 쿠알라룸푸르 프놈펜 비엔티안 양곤 뭄바이
  델리 카라치 이슬라마바드 카불 테헤란 바그다드 다마스쿠스 베이루트 예루살렘 텔아비브 암만 리야드 메카 도하 아부다비 카이로 트리폴리
  나이로비 요하네스버그 케이프타운 라고스 로마 밀라노 베네치아 피렌체 마드리드 리스본 암스테르담 브뤼셀 프라하 부다페스트 바르샤바
  아테네 이스탄불 앙카라 키예프 키이우 상트페테르부르크 블라디보스토크 하바롭스크 헬싱키 스톡홀름 오슬로 코펜하겐 더블린 에든버러
  뮌헨 프랑크푸르트 취리히 마르세유 리옹 토론토 밴쿠버 몬트리올 오타와 멕시코시티 상파울루 리우데자네이루 부에노스아이레스 산티아고
  리마 보고타 카라카스 아바나 시드니 멜버른 브리즈번 웰링턴 소치 평창 마이애미 애틀랜타 댈러스 휴스턴 디트로이트 필라델피아
  피츠버그 볼티모어 덴버 샌디에이고 새너제이 새크라멘토 뉴저지 버지니아 매사추세츠 오하이오 미시간 일리노이 앨라배마 미시시피
  루이지애나 테네시 켄터키 미주리 아이오와 미네소타 위스콘신 콜로라도 애리조나 네바다 유타 오리건 알래스카 뉴멕시코 오클라호마
  캔자스 네브래스카 인디애나 펜실베이니아 코네티컷 메릴랜드 노스캐롤라이나 사우스캐롤라이나 웨스트버지니아 맨해튼 브루클린
  할리우드 베벌리힐스 워싱턴주 뉴욕주 괌 사이판 발리 푸껫
  의정부 부천 시흥 안양 군포 의왕 과천 하남 남양주 파주 김포 이천 여주 화성시 동두천 포천 가평 양평 연천 춘천 원주 강릉 속초 삼척 태백
  홍천 횡성 정선군 영월 양양 철원 화천 양구 충주 제천 옥천 증평 괴산 단양 진천 아산 보령 서산 논산 계룡 당진 부여군 서천 홍성
  태안 익산 군산 정읍 남원 김제 무주 임실 순창 고창 부안 목포 여수 순천 나주 광양 담양 곡성 구례 고흥 보성 화순 해남 영암 함평
  완도 신안 경주 김천 안동 구미 영주 영천 문경 경산 청송 영덕 칠곡 예천 울진 울릉도 마산 진해 사천 밀양 거제 양산 의령 함안 창녕
  남해 하동 산청 함양 거창 합천 서귀포 송파 강동 강서 마포 용산 영등포 동작 관악 노원 도봉 강북 성북 중랑 광진 성동 은평 서대문
  양천 구로 금천 잠실 홍대 신촌 이태원 압구정 청담동 해운대 광안리 동래 분당 일산
  경복궁 창덕궁 덕수궁 창경궁 경운궁 종묘 광화문 광화문광장 서울광장 청계천 한강 남산 북한산 지리산 한라산 설악산 백두산 금강산
  마라도 백령도 연평도 판문점 임진각 경포대 야스쿠니 센카쿠 댜오위다오 쿠릴 남중국해 동중국해 인도양 태평양 대서양 지중해 흑해
  발트해 카스피해 홍해 남극 북극 시나이반도 가자지구 골란고원 동해 서해
`);
