// numbers: every amount in each document, in base units, with its span (see src/text/amount.ts).
// Body amounts come first; amounts that only a title or subtitle gives (a headline figure such as
// `730조원 규모`) are added with `field` set, their span indexing that line.
import type { NewsDoc, NumberMention } from '../types.js';
import { parseAmounts, type ParsedAmount } from '../text/amount.js';

function toMention(a: ParsedAmount, document: string): NumberMention {
  return {
    start: a.start, end: a.end, text: a.text, value: a.value, min: a.min, max: a.max, unit: a.unit, krw: a.krw,
    qualifier: a.qualifier, per: a.per, document,
  };
}

const key = (n: NumberMention) => `${n.unit}|${n.value}|${n.min}|${n.max}|${n.krw}`;

export function findNumbers(docs: NewsDoc[]): NumberMention[] {
  return docs.flatMap((d) => {
    const body = parseAmounts(d.body).map((a) => toMention(a, d.id));
    const inBody = new Set(body.map(key));
    const lines: [NonNullable<NumberMention['field']>, string][] = [
      ...(d.title ? [[{ name: 'title', index: 0 }, d.title] as [NonNullable<NumberMention['field']>, string]] : []),
      ...d.subtitles.map((s, index) => [{ name: 'subtitles', index }, s] as [NonNullable<NumberMention['field']>, string]),
    ];
    const headline = lines.flatMap(([field, text]) => parseAmounts(text)
      .map((a) => ({ ...toMention(a, d.id), field }))
      .filter((n) => !inBody.has(key(n))));
    return [...body, ...headline];
  });
}
