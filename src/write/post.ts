// The post for one cluster, as a Korean blogger would publish it: the event told first in newsdesk's
// own words (filled from the event data), then what the sources say, each sentence standing on its
// own, attributed in the prose and footnoted once; derivatives only under 참고. The post is built as
// data (PostModel) and rendered to Markdown last (render.ts).
import type {
  AnalyzedCluster, Entity, Mention, Message, ModelSentence, NewsDoc, NewsEvent, Participant, Post, PostBlock, PostModel, PostSection,
  Quote, Sentence, TextRun, TimelineEvent,
} from '../types.js';
import { message } from '../messages.js';
import { josa } from '../text/josa.js';
import { slugify, uniqueName } from './slug.js';
import { sourceEntries } from './citations.js';
import { DEFAULT_PRESET, type PresetName } from './front-matter.js';
import { documentSentences, headingLike, sentenceAt } from './sentences.js';
import { CLICKBAIT_PATTERNS, ELIDED, POST, POST_SENTENCE_END } from './tunables.js';
import { figureRows } from './figures.js';
import { fold } from '../text/fold.js';
import { bigrams, dice } from '../text/similarity.js';
import { Context, displayName, plainText } from './context.js';
import { renderPost } from './render.js';
import { kstDay } from '../dates.js';
import { dayWords } from '../text/dates.js';
import { findingSentence, IN_POST } from './findings.js';
import { introduceNames } from './naming.js';

export interface WriteOptions {
  preset: PresetName;
  /** Category of every post. */
  category: string;
  author: string | null;
  /** Extra tags added to every post, after the entity tags. */
  tags: string[];
  /** The run's day (YYYY-MM-DD): a post none of whose sources has a date takes it, marked as a draft. */
  runDate: string;
  /** Number of key sentences; undefined = chosen from the cluster's size. */
  summarySentences?: number;
}

export const DEFAULT_WRITE_OPTIONS: WriteOptions = {
  preset: DEFAULT_PRESET,
  category: 'news',
  author: null,
  tags: [],
  runDate: kstDay(new Date()),
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
 * Without a meeting to template, the event's name is the report headline that shares most with the
 * other headlines and the key sentences (the consensus wording), cleaned; among those that name the
 * event's principals when any does, so that a headline naming only a side person is never chosen.
 */
function consensusTitle(members: NewsDoc[], keyTexts: string[], cast: Entity[]): string | null {
  const titled = members.filter((d) => d.title && d.kind === 'report');
  const all = (titled.length ? titled : members.filter((d) => d.title)).map((d) => d.title!);
  const naming = all.filter((t) => cast.some((e) => [e.name, ...e.aliases].some((a) => t.includes(a))));
  const pool = naming.length ? naming : all;
  if (!pool.length) return keyTexts[0] ? cleanTitle(keyTexts[0]) : null;
  const grams = (s: string) => new Set([...s.replace(/\s+/g, '')].map((_, i, a) => a.slice(i, i + 2).join('')));
  // In how many of the other texts each bigram stands: a title's score sums, over the others, the share
  // of its bigrams each holds, which is the sum of these counts over its bigrams (not all pairs of titles).
  const holders = new Map<string, number>();
  for (const o of [...pool, ...keyTexts.slice(0, 3)]) for (const x of grams(o)) holders.set(x, (holders.get(x) ?? 0) + 1);
  const score = (t: string) => {
    const g = grams(t);
    let sum = 0;
    for (const x of g) sum += holders.get(x) ?? 0;
    return sum / Math.max(1, g.size);
  };
  return cleanTitle(pool.map((t, i) => ({ t, s: score(t) - i * 1e-6 })).sort((a, b) => b.s - a.s)[0].t);
}

/** The event's date: the earliest its members give (their own dates before a copy's Last-Modified or file
 *  time), or null when none gives one. */
function clusterDate(members: NewsDoc[]): string | null {
  const earliest = (ds: NewsDoc[]) => ds.map((d) => d.publishedAt).filter((d): d is string => !!d).sort()[0] ?? null;
  return earliest(members.filter((d) => !d.dateSource)) ?? earliest(members);
}

const key = (m: { document: string; start: number }) => `${m.document}:${m.start}`;
const uniq = <T>(xs: T[]) => [...new Set(xs)];

export interface PostResult {
  post: Post;
  messages: Message[];
}

/** Builds the post model of a cluster: sections of sentences with their sources. */
export function buildPost(cluster: AnalyzedCluster, docs: Map<string, NewsDoc>, options: WriteOptions): { model: PostModel; messages: Message[] } {
  const members = orderedMembers(cluster, docs);
  const reports = members.filter((d) => d.kind === 'report');
  const prosePool = reports.length ? reports : members;
  const memberMap = new Map(members.map((d) => [d.id, d]));
  const names = sourceEntries(members);
  const isReport = (d: string) => memberMap.get(d)?.kind === 'report';
  const messages: Message[] = [];
  const where = { source: members[0]?.source ?? cluster.id };
  const ctx = new Context({ entities: cluster.entities, quotes: cluster.quotes });
  const event = cluster.event ?? null;
  const entityOf = (name: string) => cluster.entities.find((e) => e.name === name);
  const used = new Set<string>();
  /** The outlets a sentence's "…에 따르면" names: said once per run of sentences from the same outlets. */
  const attribution = new WeakMap<ModelSentence, string>();
  const usedUtterances = new Set<string>();
  const side = new Set((event?.side ?? []).flatMap((s) => s.mentions.map(key)));
  const cast = castOf(cluster);
  const statements = eventStatements(cluster);

  /** Every report that carries the same sentence (whitespace aside), with its span: the first such sentence
   *  of each report, reports in order. Indexed once, on first use: hundreds of reports are not rescanned per sentence. */
  let carried: Map<string, Mention[]> | null = null;
  const carriers = (text: string): Mention[] => {
    if (!carried) {
      carried = new Map();
      for (const d of prosePool) {
        const seen = new Set<string>();
        for (const s of documentSentences(d)) {
          const f = fold(s.text);
          if (seen.has(f)) continue;
          seen.add(f);
          const list = carried.get(f);
          const m = { document: d.id, start: s.start, end: s.end };
          if (list) list.push(m);
          else carried.set(f, [m]);
        }
      }
    }
    return [...(carried.get(fold(text)) ?? [])];
  };
  const utterancesIn = (doc: NewsDoc, s: Sentence) => cluster.quotes.filter((q) => q.document === doc.id && q.start >= s.start && q.end <= s.end).map((q) => q.utterance);
  const isEventStatement = (doc: NewsDoc, s: Sentence) => statements.has(key({ document: doc.id, start: s.start }));

  /** A source sentence, made to stand alone and attributed to the outlets that carry it; null when it cannot. */
  const told = (doc: NewsDoc, s: Sentence): ModelSentence | null => {
    if (doc.kind === 'derivative' && reports.length) return null;
    if (s.text.length > POST.maxSentenceChars) return null;
    if (!POST_SENTENCE_END.test(s.text) || ELIDED.test(s.text) || headingLike(s, documentSentences(doc), doc.title)) return null;
    if (used.has(fold(s.text)) || utterancesIn(doc, s).some((u) => usedUtterances.has(u))) return null;
    const runs = ctx.resolve(doc, s);
    if (!runs) return null;
    const mentions = carriers(s.text);
    const by = mentions.length ? mentions : [{ document: doc.id, start: s.start, end: s.end }];
    const sources = uniq(by.map((m) => m.document));
    used.add(fold(s.text));
    for (const u of utterancesIn(doc, s)) usedUtterances.add(u);
    const outlets = uniq(sources.map((id) => names.get(id)!.name)).join('·');
    const attributed = /따르면/.test(s.text) ? [] : [{ text: `${outlets}에 따르면 `, by: 'newsdesk' as const }];
    const m: ModelSentence = { runs: [...attributed, ...runs], sources, mentions: by };
    if (attributed.length) attribution.set(m, outlets);
    return m;
  };
  const own = (text: string, mentions: Mention[]): ModelSentence => ({
    runs: [{ text, by: 'newsdesk' }], sources: uniq(mentions.map((m) => m.document)).filter((d) => memberMap.has(d)), mentions,
  });
  const size = (ss: ModelSentence[]) => ss.reduce((n, s) => n + plainText(s.runs).length, 0);

  // --- title, lead, tags: the event in newsdesk's words -------------------------------------------
  const keyTexts = cluster.summary.map((s) => s.text).filter((t) => t.length <= POST.maxSentenceChars);
  // A meeting is told by a template that cannot misstate it (who met, when, where); other acts keep
  // the sources' own wording for who did what to whom, so their title and lead come from the sources.
  const meeting = !!event && event.act === POST.templateAct && cast.length >= 2 && reports.length >= 2;
  const lead: ModelSentence[] = meeting ? eventLead(event!, cast, entityOf) : event && reports.length >= 2 ? actLead(event, entityOf) : [];
  const title = (meeting ? eventTitle(event!, cast) : event && reports.length >= 2 ? actTitle(event) : null)
    ?? consensusTitle(members, keyTexts, cast) ?? `${names.get(members[0]?.id ?? '')?.name ?? '기사'} 보도`;
  if (!lead.length) {
    const keys = cluster.summary.map((k) => firstIn(k.mentions, memberMap)).filter((x): x is { doc: NewsDoc; s: Sentence } => !!x);
    for (const at of [...keys.filter((x) => isEventStatement(x.doc, x.s)), ...keys]) {
      const s = told(at.doc, at.s);
      if (s) {
        lead.push(s);
        break;
      }
    }
  }
  if (!lead.length) messages.push(message('write', 'no-key-sentence', 'no sentence of the cluster could lead the post', where));

  // --- 핵심 요약: distinct facts, best first --------------------------------------------------------
  const summary: ModelSentence[] = [];
  // One remark about one figure, in two outlets' wordings, is one fact (35만 가구 … twice).
  const sayings: { figures: string[] }[] = [];
  const sayingsIn = (doc: NewsDoc, s: Sentence) => cluster.quotes
    .filter((q) => q.document === doc.id && q.start >= s.start && q.end <= s.end)
    .map((q) => ({ figures: q.text.match(/\d[\d,.]*[만억조%]?/g) ?? [] }));
  // Speakers are not compared: an outlet's 한 대표는 may be read as someone else's quote.
  const saidAlready = (doc: NewsDoc, s: Sentence) => sayingsIn(doc, s)
    .some((x) => sayings.some((y) => x.figures.some((f) => y.figures.includes(f))));
  // A bullet that retells the lead or an earlier bullet in other words (two outlets' first sentences) is no new fact.
  const toldGrams = lead.map((m) => bigrams(plainText(m.runs)));
  const retold = (s: Sentence) => toldGrams.some((g) => dice(g, bigrams(s.text)) >= POST.sameFactDice);
  const addBullet = (doc: NewsDoc, s: Sentence) => {
    if (s.text.length > POST.maxSentenceChars || saidAlready(doc, s) || retold(s) || commentary(s)) return;
    const m = told(doc, s);
    if (!m) return;
    summary.push(m);
    toldGrams.push(bigrams(s.text));
    sayings.push(...sayingsIn(doc, s));
  };
  const outcome = event?.spans.outcome?.[0];
  if (outcome) {
    const doc = memberMap.get(outcome.document);
    const s = doc && sentenceAt(doc, outcome.start);
    if (doc && s) addBullet(doc, s);
  }
  for (const k of cluster.summary) {
    if (summary.length >= POST.maxSummary) break;
    const at = firstIn(k.mentions, memberMap);
    if (!at || side.has(key({ document: at.doc.id, start: at.s.start })) || (event && isEventStatement(at.doc, at.s))) continue;
    // A bullet is a fact of the event: a remark made at it, or a sentence naming a principal or what a
    // non-meeting act was done to (the robot launched); what the project already was is background.
    // A sentence resolved from the one before ([A와 B] 두 사람은) is about whom the insertion names.
    if (event && !utterancesIn(at.doc, at.s).length && !relevant(at.doc, at.s, cluster, event) && !namesObject(at.doc, at.s, cluster, event)
      && !insertsParty(ctx.resolve(at.doc, at.s), cluster, event)) continue;
    addBullet(at.doc, at.s);
  }

  // --- 무슨 일이 있었나: the main event from the reports, then each side event ----------------------
  const narrative: PostBlock[] = [];
  let eventToldOnce = !event;
  const byWeight = [...prosePool].sort((a, b) => (event?.spans.act ?? []).filter((m) => m.document === b.id).length - (event?.spans.act ?? []).filter((m) => m.document === a.id).length);
  let budget = POST.narrativeChars;
  for (const doc of byWeight) {
    const paragraph: ModelSentence[] = [];
    for (const s of documentSentences(doc)) {
      if (budget - size(paragraph) <= 0 || paragraph.length >= POST.maxParagraphSentences) break;
      if (side.has(key({ document: doc.id, start: s.start })) || s.text.length < POST.minProseChars) continue;
      if ((event && !relevant(doc, s, cluster, event)) || commentary(s)) continue;
      if (event && isEventStatement(doc, s)) {
        if (eventToldOnce) continue;
        eventToldOnce = true;
      }
      const m = told(doc, s);
      if (m) paragraph.push(m);
    }
    if (paragraph.length) narrative.push({ kind: 'paragraph', sentences: paragraph });
    budget -= size(paragraph);
    if (budget <= 0) break;
  }
  const meetings = meetingGroups(event, cluster.entities, memberMap);
  const restated = new Set(meetings.flatMap((g) => g.slice(1)));
  for (const e of event?.side ?? []) {
    const host = e.participants.filter((p) => cast.some((c) => c.name === p.name)).map((p) => entityOf(p.name)!).filter(Boolean);
    const guests = e.participants.filter((p) => !cast.some((c) => c.name === p.name)).map((p) => entityOf(p.name)!).filter(Boolean);
    if (!host.length || !guests.length) continue;
    const when = e.when && e.when.length >= 10 ? `${dayWords(e.when)} ` : '';
    const guestNames = guests.slice(0, POST.maxSideGuests).map(displayName).join(', ') + (guests.length > POST.maxSideGuests ? ' 등' : '');
    const intro = own(`${when}${josa(host.map(displayName).join('·'), '은/는')} ${josa(guestNames, '와/과')}도 따로 만났다.`, e.mentions.slice(0, 1));
    const paragraph: ModelSentence[] = [intro];
    for (const m of e.mentions) {
      const doc = memberMap.get(m.document);
      const s = doc && sentenceAt(doc, m.start);
      if (!doc || !s || paragraph.length > POST.maxSideSentences + 1 || restated.has(key({ document: doc.id, start: s.start }))) continue;
      const t = told(doc, s);
      // Told as part of the side event only when it names a guest, itself or through what was resolved.
      const namesGuest = guests.some((g) => g.mentions.some((x) => x.document === doc.id && !x.field && x.start >= s.start && x.end <= s.end)
        || t?.runs.some((r) => r.by === 'inserted' && r.text.includes(g.name)));
      if (t && namesGuest) paragraph.push(t);
      else if (t) used.delete(fold(s.text));
    }
    // The template only stands in when no report's own sentence tells the side event.
    narrative.push({ kind: 'paragraph', sentences: paragraph.length > 1 ? paragraph.slice(1) : paragraph });
  }

  // --- 발언: each utterance once, in the sentence that gives its occasion ---------------------------
  const quotes: ModelSentence[] = [];
  for (const group of utteranceGroups(cluster.quotes, memberMap)) {
    if (quotes.length >= POST.maxQuotes) break;
    for (const q of group) {
      const doc = memberMap.get(q.document)!;
      const s = sentenceAt(doc, q.start);
      if (!s || usedUtterances.has(q.utterance)) break;
      const m = told(doc, s);
      if (m) {
        quotes.push(m);
        break;
      }
    }
  }

  // --- 타임라인: one item per event, whole clauses, dates as stated ----------------------------------
  // Dates and acts as the reports state them: an item only a derivative tells is left out, and a
  // derivative never stands as an item's source.
  const meetingItem = (e: { what: string }) => meeting && e.what.endsWith(` ${event!.act}`) && e.what.startsWith(cast.map((c) => c.name).join('·'));
  // One item per side meeting however many reports retell it: the item of the best telling that has one.
  const sentenceKey = (m: Mention) => { const doc = memberMap.get(m.document); const s = doc && sentenceAt(doc, m.start); return s ? key({ document: m.document, start: s.start }) : ''; };
  const itemKeys = new Set(cluster.timeline.flatMap((e) => e.mentions.map(sentenceKey)));
  const retoldMeetings = new Set(meetings.flatMap((g) => { const best = g.find((k) => itemKeys.has(k)); return g.filter((k) => k !== best); }));
  // A remark is told under 발언: an item whose clause holds a quote the analysis found in its sentence
  // (올트먼은 간담회에서 “…”라고 설명했다) would only repeat it.
  const utteranceItem = (e: TimelineEvent) => e.mentions.some((m) => {
    const doc = memberMap.get(m.document);
    const s = doc && sentenceAt(doc, m.start);
    return !!s && cluster.quotes.some((q) => q.document === m.document && q.start >= s.start && q.end <= s.end && e.what.includes(q.text));
  });
  const items = [...cluster.timeline]
    .filter((e) => isReport(e.mentions[0]?.document ?? '') && !/…/.test(e.what) && !e.mentions.some((m) => retoldMeetings.has(sentenceKey(m))))
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.documents.length - a.e.documents.length || Number(b.e.when.length) - Number(a.e.when.length) || a.i - b.i)
    .slice(0, POST.maxTimeline)
    .map(({ e }) => e)
    .filter((e) => !utteranceItem(e)) // after the cut: a remark's place is not handed to a lesser item
    .sort((a, b) => a.when.localeCompare(b.when));
  // A meeting is one item, in newsdesk's words from the event; the clauses that state it are folded in.
  if (meeting && event!.when) {
    const stated = items.filter((e) => e.when.startsWith(event!.when!) && e.mentions.some((m) => statements.has(key({ document: m.document, start: sentenceAt(memberMap.get(m.document)!, m.start)?.start ?? -1 }))));
    for (const e of stated) items.splice(items.indexOf(e), 1);
    items.push({
      when: event!.when, what: `${cast.map((e) => e.name).join('·')}${event!.where ? `, ${event!.where}에서` : ''} ${event!.act}`,
      documents: event!.documents.filter(isReport), mentions: [...(event!.spans.when ?? []), ...stated.flatMap((e) => e.mentions)],
    });
    items.sort((a, b) => a.when.localeCompare(b.when));
  }
  const timeline: PostBlock[] = items.length ? [{
    kind: 'dated',
    items: items.map((e) => ({
      when: e.when.replace('T', ' '),
      sentence: { runs: [{ text: e.what, by: e.mentions.length && !meetingItem(e) ? 'source' : 'newsdesk' }], sources: e.documents.filter(isReport), mentions: e.mentions.filter((m) => isReport(m.document)) },
    })),
  }] : [];
  if (items.some((e) => e.inferred)) {
    timeline.push({ kind: 'paragraph', sentences: [own('날짜를 밝히지 않은 기사의 날짜는 같은 사건을 다룬 다른 기사의 날짜에서 추정했다.', [])] });
  }

  // --- 엇갈린 보도: only what a reader should know -------------------------------------------------
  const differences = cluster.findings
    .filter((f) => IN_POST(f) && f.documents.some((d) => memberMap.has(d)))
    .map((f) => findingSentence(f, new Map([...names].filter(([id]) => isReport(id))), cluster.numbers))
    .filter((s): s is ModelSentence => !!s);

  // --- 자료: the full figures table and every quote variant, after the sources ----------------------
  const rows = figureRows(cluster.numbers.filter((n) => isReport(n.document) || !reports.length), memberMap, names).slice(0, POST.maxFigures);
  const appendix: PostBlock[] = [];
  if (rows.length) {
    appendix.push({ kind: 'heading', text: '수치' }, {
      kind: 'table', head: ['수치 (기사 표기)', '맥락'],
      rows: rows.map((r) => ({
        cells: [r.variants.map((v) => (r.variants.length > 1 ? `${v.text} (${v.outlets.join('·')})` : v.text)).join(' / '), r.context + (r.conversionNote ? ` ${r.conversionNote}` : '')],
        sources: r.documents,
      })),
    });
  }
  const variants = utteranceGroups(cluster.quotes.filter((q) => isReport(q.document) || !reports.length), memberMap).filter((g) => g.length > 1)
    .flatMap((g) => g.map((q) => own(`${q.speaker ?? '발언자 미상'} (${names.get(q.document)!.name}): “${q.text}”`, [{ document: q.document, start: q.start, end: q.end }])));
  if (variants.length) appendix.push({ kind: 'heading', text: '발언의 여러 표기' }, { kind: 'list', items: variants });

  const sourcesOf = (kind: 'report' | 'derivative') => members.filter((d) => d.kind === kind).map((d) => names.get(d.id)!);
  const sources: PostBlock[] = [{ kind: 'sources', entries: sourcesOf('report') }];
  if (sourcesOf('derivative').length) sources.push({ kind: 'heading', text: '참고' }, { kind: 'sources', entries: sourcesOf('derivative') });

  const sections: PostSection[] = [
    { heading: null, blocks: lead.length ? [{ kind: 'paragraph', sentences: lead }] : [] },
    { heading: '핵심 요약', blocks: summary.length ? [{ kind: 'list', items: summary }] : [] },
    { heading: '무슨 일이 있었나', blocks: narrative },
    { heading: '발언', blocks: quotes.length ? [{ kind: 'list', items: quotes }] : [] },
    { heading: '타임라인', blocks: timeline },
    { heading: '엇갈린 보도', blocks: differences.length ? [{ kind: 'list', items: differences }] : [] },
    { heading: '출처', blocks: sources },
    { heading: '자료', blocks: appendix },
  ];
  // "…에 따르면" once per run of sentences from the same outlets within a paragraph; bullets stand alone.
  for (const section of sections) {
    for (const b of section.blocks) {
      if (b.kind !== 'paragraph') continue;
      b.sentences.forEach((s, i) => {
        const by = attribution.get(s);
        if (i > 0 && by && by === attribution.get(b.sentences[i - 1])) s.runs = s.runs.slice(1);
      });
    }
  }
  introduceNames(sections.flatMap((section) => section.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.sentences : b.kind === 'list' ? b.items : []))), cluster.entities);
  const tags = uniq([...tagsFrom(cluster, cast), ...options.tags]);
  const description = lead.length ? plainText(lead[0].runs).slice(0, 160) : null;
  // Derivatives never stand as a source of what the post says: they are listed under 참고 and nowhere else.
  if (reports.length) for (const section of sections) if (section.heading !== '출처') keepReports(section, isReport);
  const eventDate = clusterDate(members);
  if (!eventDate) {
    messages.push(message('write', 'undated-post',
      `no source gives a date: the post takes the run's date ${options.runDate} and is marked as a draft (not published)`,
      { source: members[0]?.source ?? cluster.id }));
  }
  const model: PostModel = {
    title, date: eventDate ?? options.runDate, draft: !eventDate, tags, category: options.category, author: options.author,
    description, preset: options.preset, sections, sources: members.map((d) => names.get(d.id)!),
  };
  return { model, messages };
}

export function writePost(cluster: AnalyzedCluster, docs: Map<string, NewsDoc>, options: WriteOptions, taken: Set<string>): PostResult {
  const { model, messages } = buildPost(cluster, docs, options);
  const { markdown, sentences } = renderPost(model, options.preset);
  const path = uniqueName(`${model.date.slice(0, 10)}-${slugify(model.title) || slugify(cluster.id) || 'post'}`, taken) + '.md';
  return { post: { path, markdown, model, sentences }, messages };
}

/** Cites only reports in a section (derivatives are read, never cited for a fact). */
function keepReports(section: PostSection, isReport: (id: string) => boolean) {
  const cite = (s: ModelSentence) => {
    s.sources = s.sources.filter(isReport);
    s.mentions = s.mentions.filter((m) => isReport(m.document));
  };
  for (const b of section.blocks) {
    if (b.kind === 'paragraph') b.sentences.forEach(cite);
    else if (b.kind === 'list') b.items.forEach(cite);
    else if (b.kind === 'dated') b.items.forEach((i) => cite(i.sentence));
    else if (b.kind === 'table') for (const r of b.rows) r.sources = r.sources.filter(isReport);
  }
}

/** The main event's principals as entities. */
function castOf(cluster: AnalyzedCluster): Entity[] {
  return (cluster.event?.participants ?? []).filter((p) => !p.present)
    .map((p) => cluster.entities.find((e) => e.name === p.name)).filter((e): e is Entity => !!e);
}

/**
 * `document:start` of the sentences that state the main event itself (its act with two of its
 * principals): five outlets saying who met whom is one fact, told once.
 */
export function eventStatements(cluster: AnalyzedCluster): Set<string> {
  const cast = castOf(cluster);
  return new Set((cluster.event?.spans.act ?? [])
    .filter((s) => cast.filter((e) => e.mentions.some((m) => m.document === s.document && !m.field && m.start >= s.start && m.end <= s.end)).length >= Math.min(2, cast.length))
    .map(key));
}

/**
 * Side-event sentences that tell one meeting (올트먼 met 최태원, in three reports): the sentences that
 * tell a meeting with one of the same guests, as `document:start` keys, best first: from the report
 * that tells the side event most fully (its next sentences go on about it), then the longest. The
 * first of each group tells the fact; the others restate it.
 */
function meetingGroups(event: NewsEvent | null, entities: Entity[], members: Map<string, NewsDoc>): string[][] {
  const out: string[][] = [];
  for (const e of event?.side ?? []) {
    const guests = e.participants.filter((p) => !event!.participants.some((c) => c.name === p.name))
      .map((p) => entities.find((x) => x.name === p.name)).filter((x): x is Entity => !!x);
    const depth = (doc: string) => e.mentions.filter((m) => m.document === doc).length;
    const groups: { guests: Set<string>; told: { key: string; depth: number; length: number }[] }[] = [];
    for (const m of e.mentions) {
      const doc = members.get(m.document);
      const s = doc && sentenceAt(doc, m.start);
      if (!doc || !s || !POST.meetingTold.test(s.text)) continue;
      const named = guests.filter((g) => g.mentions.some((x) => x.document === doc.id && !x.field && x.start >= s.start && x.end <= s.end)).map((g) => g.name);
      if (!named.length) continue;
      const told = { key: key({ document: doc.id, start: s.start }), depth: depth(doc.id), length: s.text.length };
      const group = groups.find((g) => named.some((n) => g.guests.has(n)));
      if (group) {
        group.told.push(told);
        named.forEach((n) => group.guests.add(n));
      } else groups.push({ guests: new Set(named), told: [told] });
    }
    out.push(...groups.map((g) => g.told.sort((a, b) => b.depth - a.depth || b.length - a.length).map((t) => t.key)));
  }
  return out;
}

/** The first mention of a key sentence that stands in a member, with its sentence. */
function firstIn(mentions: Mention[], members: Map<string, NewsDoc>): { doc: NewsDoc; s: Sentence } | null {
  for (const m of mentions) {
    const doc = members.get(m.document);
    const s = doc && sentenceAt(doc, m.start);
    if (doc && s && doc.kind === 'report') return { doc, s };
  }
  return null;
}

/** Whom a sentence must name to be about the event: its principals, else its subject and everyone named taking part. */
function partyNames(event: NewsEvent): string[] {
  const principals = event.participants.filter((p) => !p.present).map((p) => p.name);
  return principals.length ? principals : [...(event.topic ? [event.topic] : []), ...event.participants.map((p) => p.name)];
}

/** Commentary or outlook (…하는 모양새다, …할 것으로 보인다), not a fact of the event: no bullet, no prose. */
function commentary(s: Sentence): boolean {
  return POST.commentary.test(s.text);
}

/**
 * A sentence about the main event: it names one of its participants. Only an event without any takes
 * sentences about its subject instead (a product launch); with participants, a sentence naming only
 * the subject is its background (what 스타게이트 is), not the event.
 */
function relevant(doc: NewsDoc, s: Sentence, cluster: AnalyzedCluster, event: NewsEvent): boolean {
  const names = new Set(partyNames(event));
  // What a building or a purchase was (데이터센터는 2027년 …) is the event too.
  const object = event.object?.split(' ').pop();
  if (object && doc.body.slice(s.start, s.end).includes(object)) return true;
  if (!names.size) return true; // an act with neither people nor a subject: nothing to tell background by
  return cluster.entities.some((e) => names.has(e.name) && e.mentions.some((m) => m.document === doc.id && !m.field && m.start >= s.start && m.end <= s.end));
}

/** True when the sentence names what a non-meeting act was done to (the product launched, the company bought). */
function namesObject(doc: NewsDoc, s: Sentence, cluster: AnalyzedCluster, event: NewsEvent): boolean {
  if (event.act === POST.templateAct) return false;
  const { object } = actorsAndObject(event);
  const entity = cluster.entities.find((e) => e.name === object);
  return entity ? entity.mentions.some((m) => m.document === doc.id && !m.field && m.start >= s.start && m.end <= s.end)
    : !!object && doc.body.slice(s.start, s.end).includes(object);
}

/** True when newsdesk's insertion in a resolved sentence names a party of the event or a principal's company ([다온금융과 한결증권] 두 회사는). */
function insertsParty(runs: TextRun[] | null, cluster: AnalyzedCluster, event: NewsEvent): boolean {
  const inserted = (runs ?? []).filter((r) => r.by === 'inserted').map((r) => r.text).join(' ');
  if (!inserted) return false;
  const people = partyNames(event).map((n) => cluster.entities.find((e) => e.name === n)).filter((e): e is Entity => !!e);
  const companies = cluster.entities.filter((e) => e.type === 'organization' && people.some((p) => p.role?.includes(e.name)));
  return [...partyNames(event), ...companies.map((e) => e.name)].some((n) => inserted.includes(n));
}

/** The quotes of each utterance, reports first; utterances in the order they were first quoted. */
function utteranceGroups(quotes: Quote[], members: Map<string, NewsDoc>): Quote[][] {
  const groups = new Map<string, Quote[]>();
  for (const q of quotes) if (members.has(q.document)) groups.set(q.utterance, [...(groups.get(q.utterance) ?? []), q]);
  return [...groups.values()].map((g) => [...g].sort((a, b) => Number(members.get(a.document)!.kind === 'derivative') - Number(members.get(b.document)!.kind === 'derivative')));
}

/** `이재용·손정의·샘 올트먼, 서초사옥서 3자 회동…스타게이트 논의` from a meeting's slots. */
function eventTitle(event: NewsEvent, cast: Entity[]): string {
  const who = cast.map((e) => e.name).join('·');
  // The place's own name (서초사옥), or with its owner when the last word is generic (한솔항만 본사).
  const words = event.where?.split(' ') ?? [];
  const place = words.length ? `${words.slice(POST.genericPlace.test(words[words.length - 1]) ? -2 : -1).join(' ')}서 ` : '';
  const count = cast.length === 3 ? '3자 ' : '';
  const topic = event.topic ? `…${event.topic} 논의` : '';
  return cleanTitle(`${who}, ${place}${count}${event.act}${topic}`);
}

/**
 * `대한전자, 딥웨이브 인수`, `한빛로보틱스, 하람 공개`: who acted, on what, and the act, from the event's
 * slots; null when the reports leave the actor or the object unclear (then a headline is chosen).
 */
function actTitle(event: NewsEvent): string | null {
  const { agents, object } = actorsAndObject(event);
  if (!agents.length || !object) return null;
  return cleanTitle(`${agents.map((p) => p.name).join('·')}, ${object} ${event.act}`);
}

/** The one who acts and what the act is done to, from the event's slots (as the title names them). */
function actorsAndObject(event: NewsEvent): { agents: Participant[]; object: string | null; objectMentions: Mention[] } {
  const agents = event.participants.filter((p) => !p.present && p.as === 'agent');
  const party = event.participants.find((p) => !p.present && p.as === 'object');
  const topic = event.topic && !agents.some((a) => a.name === event.topic) ? event.topic : null;
  const object = party?.name ?? topic ?? event.object ?? null;
  const objectMentions = party ? party.mentions : topic ? event.spans.topic ?? [] : event.spans.object ?? [];
  return { agents, object, objectMentions };
}

/**
 * The lead of another act (an acquisition, a launch, a contract): who did what to what, when and
 * where, in newsdesk's words, in the tense the reports' own predicates give it (인수했다 or
 * 인수하기로 했다). Empty when the event leaves the actor, the object or the tense unclear: then the
 * best key sentence leads.
 */
function actLead(event: NewsEvent, entityOf: (n: string) => Entity | undefined): ModelSentence[] {
  const { agents, object, objectMentions } = actorsAndObject(event);
  if (!agents.length || !object || !event.tense || !event.spans.tense?.length) return [];
  const names = agents.map((p) => { const e = entityOf(p.name); return e?.type === 'person' && e.role ? `${e.name} ${e.role}` : p.name; });
  const who = names.length > 1 ? `${names.slice(0, -2).map((n) => `${n}, `).join('')}${josa(names[names.length - 2], '와/과')} ${josa(names[names.length - 1], '이/가')}` : josa(names[0], '이/가');
  const when = event.when && event.when.length >= 10 ? `${dayWords(event.when)} ` : '';
  const at = event.where ? `${event.where}에서 ` : '';
  const verb = event.tense === 'done' ? `${event.act}했다` : `${event.act}하기로 했다`;
  const mentions = [...event.spans.tense, ...agents.flatMap((p) => p.mentions), ...objectMentions, ...(event.spans.when ?? []), ...(event.spans.where ?? [])];
  return [{ runs: [{ text: `${who} ${when}${at}${josa(object, '을/를')} ${verb}.`, by: 'newsdesk' }], sources: uniq(mentions.map((m) => m.document)), mentions }];
}

/** The lead of a meeting: who met when and where, who else was there, and how long, in newsdesk's words. */
function eventLead(event: NewsEvent, cast: Entity[], entityOf: (n: string) => Entity | undefined): ModelSentence[] {
  const full = (e: Entity) => (e.role ? `${e.name} ${e.role}` : e.name);
  const cite = (...slots: (keyof NewsEvent['spans'])[]) => slots.flatMap((s) => event.spans[s] ?? []);
  const sentence = (text: string, mentions: Mention[]): ModelSentence => ({ runs: [{ text, by: 'newsdesk' }], sources: uniq(mentions.map((m) => m.document)), mentions });
  const when = event.when && event.when.length >= 10 ? `${dayWords(event.when)} ` : '';
  const at = event.where ? `${event.where}에서 ` : '';
  const who = cast.map(full);
  const castMentions = event.participants.filter((p) => !p.present).flatMap((p) => p.mentions);
  const out: ModelSentence[] = [];
  {
    out.push(sentence(`${who.slice(0, -1).join(', ')}${who.length > 1 ? ', ' : ''}${josa(who[who.length - 1], '이/가')} ${when}${at}만났다.`, [...castMentions, ...cite('when', 'where')]));
    const present = event.participants.filter((p) => p.present).map((p) => entityOf(p.name)).filter((e): e is Entity => !!e);
    if (present.length) {
      out.push(sentence(`${present.map(full).join(', ')}도 자리를 함께했다.`, event.participants.filter((p) => p.present).flatMap((p) => p.mentions)));
    }
    if (event.duration) out.push(sentence(`회동은 ${event.duration} 이어졌다.`, cite('duration')));
  }
  return out.filter((s) => s.sources.length);
}

/** Tags: the event's participants first, then its subject, then the most mentioned people and companies. */
function tagsFrom(cluster: AnalyzedCluster, cast: Entity[]): string[] {
  const ranked = cluster.entities
    .filter((e) => e.type !== 'other' && e.type !== 'place')
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.mentions.length - a.e.mentions.length || a.i - b.i)
    .map(({ e }) => e.name);
  return uniq([...cast.map((e) => e.name), ...(cluster.event?.topic ? [cluster.event.topic] : []), ...ranked])
    .filter((tag) => [...tag].length >= POST.minTagChars).slice(0, POST.maxTags);
}
