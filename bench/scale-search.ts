// Search latency on a large store, PostgreSQL against SQLite in the same run: N fictional Korean
// articles (made here from our own word lists, seeded, so every run stores the same text) go into a
// fresh SQLite file and a fresh PostgreSQL schema through the Store interface; then a two-syllable and
// a four-syllable query run QUERIES times each and p50/p95 are printed with the PG/SQLite ratio.
// Part of `npm run bench:scale` (searchBench); alone: `npm run bench:scale-search [-- DOCS]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { NewsDoc } from '../src/types.js';
import { sha256, shortId } from '../src/ids.js';
import { openStore, type Store } from '../src/store/index.js';
import { PG_TEST_URL } from '../src/store/postgres/test-db.js';
import { random } from './serve-corpus.js';

/** Documents stored by default: the figure. */
export const SEARCH_BENCH_DOCS = 100_000;
/** Timed runs of each query per backend (after one untimed warm-up run). */
const QUERIES = 40;
/** Documents per saveDocuments call while loading (one transaction each). */
const LOAD_BATCH = 1000;
/** One document in RARE holds the two-syllable word, one in RARE + 7 the four-syllable one: selective queries. */
const RARE = 500;
export const SHORT_QUERY = '회동';
export const LONG_QUERY = '기준금리';

const SUBJECTS = ['한빛전자', '누리은행', '새봄에너지', '다온건설', '푸른물산', '가람제약', '하늘항공', '솔빛통신', '미르식품', '온새미로'];
const PLACES = ['서울', '부산', '인천', '광주', '대전', '울산', '청주', '전주', '춘천', '제주'];
const ACTS = ['신제품을 공개했다', '공장 증설을 발표했다', '실적을 내놓았다', '투자 계획을 밝혔다', '협약을 맺었다', '인력 채용에 나섰다'];
const EXTRAS = ['시장 반응은 엇갈렸다', '업계는 수출 회복을 기대했다', '주가는 소폭 올랐다', '노조는 입장을 내지 않았다', '지역 상인들은 환영했다'];

/** Document i of the corpus: three or four sentences (~250 characters), the query words in a few. */
export function benchDocument(i: number): NewsDoc {
  const r = random(i + 1);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const who = pick(SUBJECTS);
  const sentences = [
    `${who}는 ${(i % 28) + 1}일 ${pick(PLACES)}에서 ${pick(ACTS)}.`,
    `${pick(SUBJECTS)} 관계자는 “올해 매출 ${(i % 90) + 10}조원을 목표로 한다”고 말했다.`,
    `${pick(EXTRAS)}.`,
  ];
  if (i % RARE === 0) sentences.push(`두 회사 대표는 이날 ${pick(PLACES)}에서 회동했다.`);
  if (i % (RARE + 7) === 0) sentences.push('한국은행의 기준금리 결정도 변수로 꼽혔다.');
  const body = sentences.join(' ');
  const key = `bench/scale-search/${i}.txt`;
  const title = `${who}, ${pick(PLACES)}서 ${pick(ACTS).split(' ')[0]} (${i})`;
  return {
    id: shortId('d', key), source: key, key, format: 'txt', encoding: 'utf-8', contentHash: sha256(title + body),
    outlet: '가상일보', aggregator: null, title, subtitles: [], section: '경제', reporter: null, email: null,
    publishedAt: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, url: null, kind: 'report',
    frontMatter: null, body, headings: [], captions: [], removed: [], sentences: [], evidence: {}, messages: [],
  };
}

async function load(store: Store, documents: number) {
  const run = await store.beginRun(['bench:scale-search']);
  for (let from = 0; from < documents; from += LOAD_BATCH) {
    const batch = Array.from({ length: Math.min(LOAD_BATCH, documents - from) }, (_, k) => benchDocument(from + k));
    await store.saveDocuments(run, batch);
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function latencies(store: Store, query: string) {
  const hits = (await store.search(query, 20)).length; // warm-up, and what the query finds
  const ms: number[] = [];
  for (let k = 0; k < QUERIES; k++) {
    const t = performance.now();
    await store.search(query, 20);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { hits, p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

export interface SearchBenchRow {
  backend: 'sqlite' | 'postgres';
  query: string;
  hits: number;
  p50: number;
  p95: number;
}

/** Loads `documents` into both backends and times the two queries; the lines to print, and the rows. */
export async function searchBench(documents = SEARCH_BENCH_DOCS, pgUrl = PG_TEST_URL): Promise<{ lines: string[]; rows: SearchBenchRow[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-search-'));
  const schema = `nd_bench_search_${process.pid}`;
  const rows: SearchBenchRow[] = [];
  const lines: string[] = [];
  let plan = '';
  try {
    for (const backend of ['sqlite', 'postgres'] as const) {
      const store = await openStore(backend === 'sqlite' ? join(dir, 'bench.db') : `${pgUrl}?schema=${schema}`);
      try {
        const t = performance.now();
        await load(store, documents);
        lines.push(`search: ${backend} stored ${documents} documents in ${((performance.now() - t) / 1000).toFixed(1)} s`);
        for (const query of [SHORT_QUERY, LONG_QUERY]) rows.push({ backend, query, ...(await latencies(store, query)) });
      } finally {
        await store.close();
      }
    }
    plan = await pgPlan(pgUrl, schema);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
  }
  lines.push(`search latency on ${documents} documents (${QUERIES} runs each, 20 hits asked):`);
  for (const query of [SHORT_QUERY, LONG_QUERY]) {
    const [s, p] = (['sqlite', 'postgres'] as const).map((b) => rows.find((r) => r.backend === b && r.query === query)!);
    lines.push(
      `  "${query}" (${[...query].length} syllables, ${p.hits} hits): sqlite p50 ${s.p50.toFixed(2)} ms p95 ${s.p95.toFixed(2)} ms; ` +
        `postgres p50 ${p.p50.toFixed(2)} ms p95 ${p.p95.toFixed(2)} ms; postgres/sqlite p50 ${(p.p50 / s.p50).toFixed(2)}x`,
    );
  }
  lines.push(`  postgres plan for "${SHORT_QUERY}": ${plan}`);
  return { lines, rows };
}

/** Whether PostgreSQL answers the two-syllable query through the bigram index (the plan's scan nodes). */
async function pgPlan(pgUrl: string, schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    const { rows } = await client.query(
      `EXPLAIN SELECT id FROM documents d WHERE d.grams @> $1::text[]
         AND (strpos(lower(coalesce(d.title, '')), $2) > 0 OR strpos(lower(d.body), $2) > 0)
       ORDER BY d.published_at DESC NULLS LAST, d.seq LIMIT 20`,
      [[SHORT_QUERY], SHORT_QUERY],
    );
    return rows.map((r) => r['QUERY PLAN'] as string).filter((l) => /Scan/.test(l)).map((l) => l.trim().replace(/\s+\(cost.*$/, '')).join(' / ');
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const documents = Number(process.argv[2] ?? SEARCH_BENCH_DOCS);
  const { lines } = await searchBench(documents);
  process.stdout.write(lines.join('\n') + '\n');
}
