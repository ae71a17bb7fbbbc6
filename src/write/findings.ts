// 엇갈린 보도: the findings a reader should know, worded by the writer from the analysis' data (kind,
// verdict, stated values and the documents that wrote them, newsdesk's own arithmetic) through a table
// of labels. Agreements, coverage gaps and arithmetic that holds stay in the JSON.
import type { Finding, FindingVerdict, ModelSentence, NumberMention, SourceEntry } from '../types.js';
import { josa } from '../text/josa.js';
import { formatAmount } from '../text/amount.js';

/** The verdicts a reader is told about: figures that really differ, conversions, arithmetic that does not hold. */
const SHOWN: Partial<Record<FindingVerdict, true>> = {
  'exchange-rate': true, differs: true, understated: true, overstated: true, 'wrong-arithmetic': true,
};

export const IN_POST = (f: Finding): boolean => !!f.verdict && !!SHOWN[f.verdict];

/** What the label needs, all of it data: outlets by document, the figures as written, newsdesk's arithmetic. */
interface Slots {
  /** `718조 원(기사 1), 720조원(중앙일보·마이데일리)`: each stated value with the outlets that wrote it. */
  byOutlet: string;
  /** The outlets of the finding, `중앙일보·마이데일리`. */
  outlets: string;
  values: string[];
  computed: string;
  /** The foreign amount a conversion finding is about (`5000억 달러`), when its figure is known. */
  amount: string | null;
  /** What differing figures are about (사법 리스크). */
  topic: string | null;
}

/** One sentence per shown verdict. newsdesk's arithmetic is always labelled as its own. */
const LABEL: Record<string, (s: Slots) => string> = {
  'exchange-rate': (s) => `${s.amount ? `같은 ${josa(s.amount, '을/를')}` : '같은 외화 금액을'} 기사마다 다른 원화 금액으로 옮겼다: ${s.byOutlet}. `
    + `적용한 환율이 다를 뿐(newsdesk 계산 ${s.computed}) 모순은 아니다.`,
  differs: (s) => `${s.topic ? josa(s.topic, '을/를') : '같은 대상을'} 두고 기사마다 다른 수치를 썼다: ${s.byOutlet}.`,
  understated: (s) => ratioLine(s, '실제 차이보다 작게'),
  overstated: (s) => ratioLine(s, '실제 차이보다 크게'),
  'wrong-arithmetic': (s) => `${josa(s.outlets, '은/는')} 합계를 ${s.values[s.values.length - 1]}로 적었지만, 함께 적힌 항목을 더하면 `
    + `${s.computed}(newsdesk 계산)로 맞지 않는다.`,
};

/** `values` of a ratio check are [smaller, bigger, stated ratio]. */
function ratioLine(s: Slots, how: string): string {
  const [small, big, ratio] = s.values;
  return `${josa(s.outlets, '은/는')} ${josa(big, '와/과')} ${small}의 차이를 ‘${ratio}’로 적어 ${how} 표현했다: ${s.computed}(newsdesk 계산).`;
}

/** `names` holds the reports only: a derivative never stands as the source of a finding. */
export function findingSentence(f: Finding, names: Map<string, SourceEntry>, numbers: NumberMention[] = []): ModelSentence | null {
  const label = f.verdict ? LABEL[f.verdict] : undefined;
  const sources = f.documents.filter((d) => names.has(d));
  if (!label || !sources.length) return null;
  const outletsOf = (ids: string[]) => [...new Set(ids.filter((d) => names.has(d)).map((d) => names.get(d)!.name))].join('·');
  const stated = (f.stated ?? []).filter((v) => v.documents.some((d) => names.has(d)));
  const byOutlet = stated.length ? stated.map((v) => `${v.value}(${outletsOf(v.documents)})`).join(', ') : `${f.values.join(', ')}(${outletsOf(sources)})`;
  const first = f.mentions?.[0];
  const figure = first && numbers.find((n) => n.document === first.document && n.start === first.start);
  const amount = figure && figure.value !== null && f.kind === 'conversion-variance' ? formatAmount(figure.value, figure.unit) : null;
  const text = label({
    byOutlet, outlets: outletsOf(sources), values: f.values, amount, topic: f.topic ?? null,
    computed: f.computed ?? '',
  });
  return { runs: [{ text, by: 'newsdesk' }], sources, mentions: (f.mentions ?? []).filter((m) => names.has(m.document)) };
}

/** A verdict in a few words, for lists that show every finding (the workbench). */
export const VERDICT_WORDS: Record<FindingVerdict, string> = {
  'exchange-rate': '환율 차이(모순 아님)', consistent: '계산과 일치', 'upper-bound': '범위 상단과 일치',
  understated: '차이를 작게 표현', overstated: '차이를 크게 표현', 'wrong-arithmetic': '합이 맞지 않음',
  differs: '수치가 다름', 'same-value': '같은 값, 다른 표기', 'few-sources': '일부 보도만 언급',
};
