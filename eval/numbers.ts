// Quality gate of the amount reader (src/text/amount.ts) on real Korean news sentences nobody here wrote:
// the money and percent spans of KLUE-NER dev (wikitree news). KLUE tags every quantity QT; the selection rule:
//   money    a QT span with a digit that ends in a currency word of the reader's table (원, 달러, 캐나다달러, 엔…);
//   percent  a QT span that ends in %, ％, %p, %포인트, 퍼센트 or 퍼센트포인트.
// (`3억원대`, `5000원권` end otherwise and are left out; so are counts, dates and `1000포인트`.)
// Scored: exact-span precision/recall/F1 of the reader's figure spans (the span a reader marks: see amount.ts),
// and value accuracy on the spans found, against an independent digit-by-digit reading of the gold text.
// Both splits are reported (eval/klue.ts: held-out = id hash 0 mod 5, never tuned on); the floor is on all.
//   npm run eval:numbers            (exits 1 below a floor in eval/floors.json → "numbers")
//   npm run eval:numbers -- --show  (also lists the dev split's misses)
import { parseAmounts, type ParsedAmount } from '../src/text/amount.js';
import { CURRENCY_WORDS } from '../src/text/tunables-amount.js';
import { readFloors } from './harness.mjs';
import { countSpans, emptyCounts, f1, readKlueNews, type Counts, type GoldSpan } from './klue.js';

type Kind = 'money' | 'percent';
const CURRENCY_END = new RegExp(`(${Object.keys(CURRENCY_WORDS).join('|')})$`);
const PERCENT_END = /(%|％|%p|%포인트|퍼센트|퍼센트포인트)$/;

function kindOf(s: GoldSpan): Kind | null {
  if (s.type !== 'QT') return null;
  if (/[0-9０-９]/.test(s.text) && CURRENCY_END.test(s.text)) return 'money';
  return PERCENT_END.test(s.text) ? 'percent' : null;
}

const BIG: Record<string, number> = { 조: 1e12, 억: 1e8, 만: 1e4 };
const SMALL: Record<string, number> = { 천: 1e3, 백: 1e2, 십: 10 };

/**
 * The textbook reading of a Korean numeral, written separately from the reader under test so that a shared
 * mistake is unlikely: numbers and 천/백/십 add up inside a group; 만/억/조 close the group and scale it.
 */
function readNumeral(s: string): number | null {
  let total = 0;
  let group = 0;
  let num: number | null = null;
  for (const tok of s.match(/\d+(?:\.\d+)?|[조억만천백십]|./g) ?? []) {
    if (/^\d/.test(tok)) num = Number(tok);
    else if (SMALL[tok]) { group += (num ?? 1) * SMALL[tok]; num = null; }
    else if (BIG[tok]) { total += (group + (num ?? 0) || 1) * BIG[tok]; group = 0; num = null; }
    else return null;
  }
  return total + group + (num ?? 0);
}

/** The gold span's value (a one-element list) or range ends, from its own text. */
function referenceValue(text: string): number[] | null {
  const bare = text.normalize('NFKC').replace(/[,\s여약]/g, '')
    .replace(/^[+-]/, '').replace(/(%p|%포인트|퍼센트포인트|%|퍼센트)$/, '').replace(CURRENCY_END, '').replace(/캐나다$/, '');
  const sides = bare.split(/[~∼〜–-]/);
  const values = sides.map(readNumeral);
  if (values.some((v) => v === null)) return null;
  // A bare left end borrows the right end's last big unit: 150~250억.
  if (sides.length === 2 && !/[조억만]$/.test(sides[0])) {
    const big = /[조억만]$/.exec(sides[1])?.[0];
    if (big) values[0] = values[0]! * BIG[big];
  }
  const sign = /^\s*-/.test(text.normalize('NFKC')) ? -1 : 1;
  return values.map((v) => sign * v!);
}

const near = (a: number | null, b: number) => a !== null && Math.abs(a - b) <= Math.abs(b) * 1e-9;
const valueOk = (a: ParsedAmount, want: number[]) => (want.length === 1 ? near(a.value, want[0]) : near(a.min, want[0]) && near(a.max, want[1]));

interface Score { spans: Record<Kind, Counts>; valued: number; valueRight: number; misses: string[] }
const newScore = (): Score => ({ spans: { money: emptyCounts(), percent: emptyCounts() }, valued: 0, valueRight: 0, misses: [] });

const scores = { dev: newScore(), heldOut: newScore(), all: newScore() };
for (const s of readKlueNews()) {
  const amounts = parseAmounts(s.text);
  const found: { kind: Kind; start: number; end: number; amount: ParsedAmount; krw?: true }[] = [];
  for (const a of amounts) {
    if (a.kind !== 'money' && a.kind !== 'percent') continue;
    found.push({ kind: a.kind, ...a.figure, amount: a });
    if (a.krwFigure) found.push({ kind: 'money', ...a.krwFigure, amount: a, krw: true });
  }
  for (const score of [s.heldOut ? scores.heldOut : scores.dev, scores.all]) {
    for (const kind of ['money', 'percent'] as const) {
      const gold = s.spans.filter((g) => kindOf(g) === kind);
      const got = found.filter((f) => f.kind === kind);
      countSpans(score.spans[kind], new Set(gold.map((g) => `${g.start}:${g.end}`)), new Set(got.map((f) => `${f.start}:${f.end}`)));
      for (const g of gold) {
        const f = got.find((x) => x.start === g.start && x.end === g.end);
        if (!f) {
          score.misses.push(`${kind} miss [${g.text}] in …${s.text.slice(Math.max(0, g.start - 12), g.end + 12)}… got ${got.map((x) => s.text.slice(x.start, x.end)).join(' | ') || '-'}`);
          continue;
        }
        const want = referenceValue(g.text);
        if (!want) continue;
        score.valued++;
        const ok = f.krw ? near(f.amount.krw, want[0]) : valueOk(f.amount, want);
        if (ok) score.valueRight++;
        else score.misses.push(`${kind} value [${g.text}]: want ${want.join('..')} got ${f.krw ? f.amount.krw : f.amount.value ?? `${f.amount.min}..${f.amount.max}`}`);
      }
      for (const f of got) {
        if (!gold.some((g) => g.start === f.start && g.end === f.end)) score.misses.push(`${kind} extra [${s.text.slice(f.start, f.end)}] in …${s.text.slice(Math.max(0, f.start - 12), f.end + 12)}…`);
      }
    }
  }
}

const line = (name: string, sc: Score) => {
  const parts = (['money', 'percent'] as const).map((k) => {
    const r = f1(sc.spans[k]);
    const gold = sc.spans[k].tp + sc.spans[k].fn;
    return `${k} gold ${gold} P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} exact F1 ${r.f1.toFixed(3)}`;
  });
  return `${name.padEnd(8)} ${parts.join('  ')}  value accuracy ${(sc.valueRight / (sc.valued || 1)).toFixed(3)} (${sc.valueRight}/${sc.valued})`;
};
console.log(line('dev', scores.dev));
console.log(line('held-out', scores.heldOut));
console.log(line('all', scores.all));
if (process.argv.includes('--show')) for (const m of scores.dev.misses) console.log('  ' + m);

const floor = readFloors().numbers as { moneyF1: number; percentF1: number; valueAccuracy: number };
const all = scores.all;
const got = { moneyF1: f1(all.spans.money).f1, percentF1: f1(all.spans.percent).f1, valueAccuracy: all.valueRight / (all.valued || 1) };
const below = (Object.keys(floor) as (keyof typeof floor)[]).filter((k) => got[k] < floor[k]);
console.log(`floors ${JSON.stringify(floor)}: ${below.length ? `BELOW FLOOR (${below.join(', ')})` : 'ok'}`);
if (below.length) process.exitCode = 1;
