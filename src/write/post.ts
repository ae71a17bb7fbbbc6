// The post for one cluster, in Korean, extractive: every prose sentence is a source sentence and ends
// in footnotes naming the documents that carry it. Sections with nothing to say are left out.
import type { AnalyzedCluster, Mention, Message, NewsDoc, Post, PostSentence } from '../types.js';
import { message } from '../messages.js';
import { slugify, uniqueName } from './slug.js';
import { Citations, escapeInline, outletName } from './citations.js';
import { DEFAULT_PRESET, frontMatter, type PresetName } from './front-matter.js';
import { documentSentences, sentenceAt } from './sentences.js';
import { CLICKBAIT_PATTERNS, POST } from './tunables.js';
import { figureRows } from './figures.js';
import { fold } from '../text/fold.js';

export interface WriteOptions {
  preset: PresetName;
  /** Category of every post. */
  category: string;
  author: string | null;
  /** Extra tags added to every post, after the entity tags. */
  tags: string[];
  /** Used when no member has a date, so that output is reproducible. */
  fallbackDate: string;
  /** Number of key sentences; undefined = chosen from the cluster's size. */
  summarySentences?: number;
}

export const DEFAULT_WRITE_OPTIONS: WriteOptions = {
  preset: DEFAULT_PRESET,
  category: 'news',
  author: null,
  tags: [],
  fallbackDate: '1970-01-01',
};

/** The members' reports first (derivatives are commentary), earliest first, input order otherwise. */
function orderedMembers(cluster: AnalyzedCluster, docs: Map<string, NewsDoc>): NewsDoc[] {
  const members = cluster.members.map((id) => docs.get(id)).filter((d): d is NewsDoc => !!d);
  return members
    .map((d, i) => ({ d, i }))
    .sort((a, b) =>
      Number(a.d.kind === 'derivative') - Number(b.d.kind === 'derivative') ||
      (a.d.publishedAt ?? '9999').localeCompare(b.d.publishedAt ?? '9999') || a.i - b.i)
    .map(({ d }) => d);
}

/** Strips the selling parts of a headline ([단독], !!, trailing …) and cuts it at a word boundary. */
export function cleanTitle(title: string): string {
  let t = title.replace(/\s+/g, ' ').trim();
  for (const p of CLICKBAIT_PATTERNS) t = t.replace(p, (m) => (/[!?]/.test(m) ? m[0] : ''));
  t = t.trim();
  if (t.length > POST.maxTitle) t = t.slice(0, POST.maxTitle).replace(/\s+\S*$/, '') + '…';
  return t;
}

/**
 * The event's name: the report headline that shares most with the other headlines and the key
 * sentences (the consensus wording), cleaned; the top key sentence when no member has a title.
 */
function clusterTitle(members: NewsDoc[], keyTexts: string[] = []): string {
  const titled = members.filter((d) => d.title && d.kind === 'report');
  const pool = (titled.length ? titled : members.filter((d) => d.title)).map((d) => d.title!);
  if (!pool.length) return cleanTitle(keyTexts[0] ?? members[0]?.sentences[0]?.text ?? '제목 없음');
  const grams = (s: string) => new Set([...s.replace(/\s+/g, '')].map((_, i, a) => a.slice(i, i + 2).join('')));
  const others = [...pool, ...keyTexts.slice(0, 3)].map(grams);
  const score = (t: string) => {
    const g = grams(t);
    return others.reduce((sum, o) => sum + [...g].filter((x) => o.has(x)).length / Math.max(1, g.size), 0);
  };
  const best = pool.map((t, i) => ({ t, s: score(t) - i * 1e-6 })).sort((a, b) => b.s - a.s)[0].t;
  return cleanTitle(best);
}

function clusterDate(members: NewsDoc[], fallback: string): string {
  const dates = members.map((d) => d.publishedAt).filter((d): d is string => !!d).sort();
  return dates[0] ?? fallback;
}

const PEOPLE_AND_COMPANIES = new Set(['person', 'organization', 'project', 'product']);
const TYPE_LABEL: Record<string, string> = {
  person: '인물', organization: '기업·기관', project: '프로젝트', product: '제품', place: '장소', other: '기타',
};

const FINDING_LABEL: Record<string, string> = {
  'conversion-variance': '환산 차이', 'arithmetic-check': '계산 확인', 'differing-figures': '수치 차이',
  agreement: '일치', 'coverage-gap': '보도 범위 차이',
};

const QUOTED = /[“"'‘].{8,}[”"'’]/u;
const MONEY_OR_PERCENT = /\d[\d,.]*\s*(?:억|조|만)?\s*(?:달러|원|%)/g;

export interface PostResult {
  post: Post;
  messages: Message[];
}

export function writePost(
  cluster: AnalyzedCluster,
  docs: Map<string, NewsDoc>,
  options: WriteOptions,
  taken: Set<string>,
): PostResult {
  const members = orderedMembers(cluster, docs);
  const memberMap = new Map(members.map((d) => [d.id, d]));
  const notes = new Citations(memberMap);
  const messages: Message[] = [];
  const where = { source: members[0]?.source ?? cluster.id };
  const lines: string[] = [];
  const prose: PostSentence[] = [];
  const shown = new Set<string>();

  const sentence = (prefix: string, text: string, mentions: Mention[]) => {
    const cite = notes.cite(mentions.map((m) => m.document));
    const markdown = `${prefix}${escapeInline(text)}${cite}`;
    prose.push({ text, markdown, mentions });
    lines.push(markdown);
    shown.add(fold(text));
  };
  const section = (heading: string, body: () => void) => {
    const at = lines.length;
    lines.push(`## ${heading}`, '');
    const before = lines.length;
    body();
    if (lines.length <= before) lines.length = at;
    else lines.push('');
  };

  const keyTexts = cluster.summary.map((s) => s.text);
  const title = clusterTitle(members, keyTexts);
  // The lead says what happened: the best key sentence that is not somebody's quote (news leads rarely are).
  const lead = cluster.summary.find((k) => !QUOTED.test(k.text)) ?? cluster.summary[0];
  const rest = cluster.summary.filter((k) => k !== lead);
  const events = [...cluster.timeline].sort((a, b) => a.when.localeCompare(b.when));

  if (lead) {
    sentence('', lead.text, lead.mentions);
    lines.push('');
  } else {
    messages.push(message('write', 'no-key-sentence', 'no sentence of the cluster could lead the post', where));
  }

  section('핵심 요약', () => {
    for (const k of rest) sentence('- ', k.text, k.mentions);
  });

  section('무슨 일이 있었나', () => {
    let n = 0;
    for (const e of events) {
      if (n >= POST.maxNarrative) break;
      const m = e.mentions[0];
      const doc = m && memberMap.get(m.document);
      if (!doc) continue;
      const s = sentenceAt(doc, m.start);
      if (!s || shown.has(fold(s.text))) continue;
      sentence('', s.text, carriers(s.text, members));
      lines.push('');
      n++;
    }
    if (lines[lines.length - 1] === '') lines.pop();
  });

  section('주요 인물·기업', () => {
    const ranked = cluster.entities
      .filter((e) => PEOPLE_AND_COMPANIES.has(e.type) && e.documents.some((d) => memberMap.has(d)))
      .map((e, i) => ({ e, i }))
      .sort((a, b) => b.e.mentions.length - a.e.mentions.length || a.i - b.i)
      .slice(0, POST.maxEntities);
    for (const { e } of ranked) {
      const role = e.role ? ` — ${escapeInline(e.role)}` : '';
      const cite = notes.cite(e.documents);
      lines.push(`- **${escapeInline(e.name)}** (${TYPE_LABEL[e.type] ?? e.type})${role}${cite}`);
    }
  });

  const rows = figureRows(cluster.numbers, memberMap).slice(0, POST.maxFigures);
  section('숫자로 보는 이번 소식', () => {
    if (!rows.length) return;
    lines.push('| 수치 (기사 표기) | 맥락 | 출처 |', '|---|---|---|');
    for (const r of rows) {
      const written = r.variants.map((v) => `${escapeInline(v.text)} (${escapeInline(v.outlets.join('·'))})`);
      const figure = r.variants.length === 1 ? escapeInline(r.variants[0].text) : written.join('<br>');
      const note = r.conversionNote ? ` ${r.conversionNote}` : '';
      lines.push(`| ${figure} | ${escapeInline(r.context)}${note} | ${notes.cite(r.documents)} |`);
    }
  });

  section('발언', () => {
    const byUtterance = new Map<string, typeof cluster.quotes>();
    for (const q of cluster.quotes) {
      if (!memberMap.has(q.document)) continue;
      byUtterance.set(q.utterance, [...(byUtterance.get(q.utterance) ?? []), q]);
    }
    for (const quotes of byUtterance.values()) {
      const [first, ...others] = quotes;
      const who = first.speaker ? `**${escapeInline(first.speaker)}**: ` : '';
      const said = escapeInline(outletName(memberMap.get(first.document)!));
      lines.push(`${who}“${escapeInline(first.text)}” (${said})${notes.cite([first.document])}`, '');
      const seen = new Set([fold(first.text)]);
      for (const q of others) {
        if (seen.has(fold(q.text))) continue;
        seen.add(fold(q.text));
        lines.push(`- ${escapeInline(outletName(memberMap.get(q.document)!))}: “${escapeInline(q.text)}”${notes.cite([q.document])}`);
      }
      if (lines[lines.length - 1] !== '') lines.push('');
    }
    while (lines[lines.length - 1] === '') lines.pop();
  });

  section('타임라인', () => {
    for (const e of events) {
      const docsOf = e.documents.filter((d) => memberMap.has(d));
      if (!docsOf.length) continue;
      const guess = e.inferred ? ' (날짜 추정)' : '';
      lines.push(`- **${escapeInline(e.when.replace('T', ' '))}**${guess} ${escapeInline(e.what)}${notes.cite(docsOf)}`);
    }
  });

  section('엇갈린 보도', () => {
    const sourceText = fold(members.map((d) => d.body).join('\n'));
    for (const f of cluster.findings) {
      const docsOf = f.documents.filter((d) => memberMap.has(d));
      if (!docsOf.length) continue;
      let note = f.note ?? '';
      // A verdict may compute figures (rates, ratios) no source wrote; the post only states figures as written.
      const invented = (note.match(MONEY_OR_PERCENT) ?? []).filter((x) => !sourceText.includes(fold(x)));
      if (invented.length) {
        messages.push(message('write', 'finding-note-figure',
          `finding note "${note}" left out: ${invented.join(', ')} is not written in any source`, where, 'info'));
        note = '';
      }
      const label = FINDING_LABEL[f.kind] ?? f.kind;
      const values = f.values.map(escapeInline).join(' / ');
      lines.push(`- **${escapeInline(f.about)}** (${escapeInline(label)}): ${values}${note ? ` — ${escapeInline(note)}` : ''}${notes.cite(docsOf)}`);
    }
  });

  section('출처', () => {
    const entry = (d: NewsDoc) => {
      const date = d.publishedAt ? ` (${d.publishedAt.slice(0, 10)})` : '';
      const link = d.url ? `<${d.url}>` : `\`${d.source.replace(/`/g, "'")}\``;
      return `- **${escapeInline(outletName(d))}** 「${escapeInline(d.title ?? '제목 없음')}」${date} — ${link}`;
    };
    const reports = members.filter((d) => d.kind === 'report');
    const derived = members.filter((d) => d.kind === 'derivative');
    lines.push(...reports.map(entry));
    if (derived.length) {
      if (reports.length) lines.push('');
      lines.push('### 참고', '', ...derived.map(entry));
    }
  });

  if (notes.size) lines.push(...notes.definitions());

  const date = clusterDate(members, options.fallbackDate);
  const tags = [...new Set([...tagsFrom(cluster), ...options.tags])];
  const head = frontMatter(options.preset, {
    title, date, category: options.category, tags, author: options.author,
    description: lead ? lead.text.slice(0, 160) : null,
  });
  const path = uniqueName(`${date.slice(0, 10)}-${slugify(title) || slugify(cluster.id) || 'post'}`, taken) + '.md';
  const markdown = `${head}\n${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
  return { post: { path, markdown, sentences: prose }, messages };
}

/** Every member that carries the same sentence (whitespace aside), with its span. */
function carriers(text: string, members: NewsDoc[]): Mention[] {
  const want = fold(text);
  return members.flatMap((d) => documentSentences(d)
    .filter((s) => fold(s.text) === want)
    .slice(0, 1)
    .map((s) => ({ document: d.id, start: s.start, end: s.end })));
}

/** Tags: the most mentioned people, companies and projects. */
function tagsFrom(cluster: AnalyzedCluster): string[] {
  return cluster.entities
    .filter((e) => e.type !== 'other' && e.type !== 'place')
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.mentions.length - a.e.mentions.length || a.i - b.i)
    .slice(0, POST.maxTags)
    .map(({ e }) => e.name);
}
