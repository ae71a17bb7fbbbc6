// 엇갈린 보도: the findings a reader should know, worded by the writer from the analysis' data (kind,
// values, documents) through a table of labels. Agreements and small coverage gaps stay in the JSON.
import type { Finding, ModelSentence, SourceEntry } from '../types.js';

/** Kinds shown in the post; an arithmetic check only when the arithmetic does not hold. */
export const IN_POST = (f: Finding): boolean =>
  f.kind === 'conversion-variance' || f.kind === 'differing-figures' || (f.kind === 'arithmetic-check' && !!f.verdict && f.verdict !== 'consistent');

/** What each shown kind means for a reader; `{values}` are the figures as the outlets wrote them. */
const LABEL: Record<string, (values: string, outlets: string) => string> = {
  'conversion-variance': (v, o) => `같은 달러 금액을 기사마다 다른 원화로 옮겼다(${v}; ${o}). 적용한 환율이 달라서 생긴 차이로, 모순은 아니다.`,
  'differing-figures': (v, o) => `같은 대상에 기사마다 다른 수치를 썼다(${v}; ${o}).`,
  'arithmetic-check': (v, o) => `기사의 비율·합계 표기가 함께 적힌 수치로 계산한 값과 맞지 않는다(${v}; ${o}).`,
};

/** `names` holds the reports only: a derivative never stands as the source of a finding. */
export function findingSentence(f: Finding, names: Map<string, SourceEntry>): ModelSentence | null {
  const label = LABEL[f.kind];
  const sources = f.documents.filter((d) => names.has(d));
  if (!label || !sources.length) return null;
  const outlets = [...new Set(sources.map((d) => names.get(d)!.name))].join('·');
  return { runs: [{ text: label(f.values.join(', '), outlets), by: 'newsdesk' }], sources, mentions: (f.mentions ?? []).filter((m) => names.has(m.document)) };
}
