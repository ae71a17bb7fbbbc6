// timeline: dated events across a cluster's documents. Relative dates (4일, 전날(3일) 밤 11시께, 이날 오후
// 2시 40분쯤, 지난달 21일, 지난해 6월) resolve against the document's date in KST; a document without a
// date gets one inferred from its cluster (inferDocumentDates). The same event told by several documents
// (same `when`, similar phrase) becomes one item listing all of them.
import type { Entity, Mention, NewsDoc, Span, TimelineEvent } from '../types.js';
import { namedIn } from './mention-index.js';
import { addDays, daysBetween, isoDay, newsDay, parseIsoDay, resolveDate, scanDates, type RawDate, type ResolvedDate, type Ymd } from '../text/dates.js';
import { splitSentences } from '../text/sentences.js';
import { SUBJECT_PARTICLES, endingIn } from '../text/particles.js';
import { bigrams, dice } from '../text/similarity.js';
import { josa } from '../text/josa.js';
import { FUTURE_MARKERS, MERGE_SIMILARITY } from './tunables-numbers.js';
import { TIMELINE } from './tunables-event.js';

export interface InferredDate {
  publishedAt: string;
  inferred: true;
  /** How the date was found, for a reader: `cluster-members` or `text-dates`. */
  evidence: string;
}

/** Sentences of a body as spans: the extract stage's when present, else its splitter run on the body. */
export function sentenceSpans(doc: NewsDoc): Span[] {
  return doc.sentences.length ? doc.sentences : splitSentences(doc.body);
}

const mode = <T>(items: T[], key: (t: T) => string): T[] => {
  const counts = new Map<string, { n: number; items: T[] }>();
  for (const it of items) {
    const k = key(it);
    const c = counts.get(k) ?? { n: 0, items: [] };
    c.n++;
    c.items.push(it);
    counts.set(k, c);
  }
  const best = Math.max(0, ...[...counts.values()].map((c) => c.n));
  return [...counts.values()].filter((c) => c.n === best).flatMap((c) => c.items.slice(0, 1));
};
const later = (a: Ymd, b: Ymd) => isoDay(a) > isoDay(b);

/**
 * Dates for the documents that have none. Members of one cluster usually share a date: take the
 * other members' dates when there are any; otherwise anchor on the latest full date written in the
 * cluster's texts (2025.02.05, 2025년 2월) and pin the day with the most common `N일` / `M월 N일`.
 */
export function inferDocumentDates(docs: NewsDoc[]): Map<string, InferredDate> {
  const out = new Map<string, InferredDate>();
  // A date from a copy (Last-Modified, file time) counts as none here: the cluster's own dates outrank it.
  const ownDay = (d: NewsDoc) => (d.dateSource ? null : parseIsoDay(d.publishedAt));
  const undated = docs.filter((d) => !ownDay(d));
  if (!undated.length) return out;
  const known = docs.map(ownDay).filter((x): x is Ymd => !!x);
  let date: Ymd | null = null;
  let evidence = 'cluster-members';
  if (known.length) {
    date = mode(known, isoDay).sort((a, b) => (later(a, b) ? -1 : 1))[0];
  } else {
    evidence = 'text-dates';
    date = anchorFromTexts(docs);
  }
  if (!date) return out;
  for (const d of undated) out.set(d.id, { publishedAt: isoDay(date), inferred: true, evidence });
  return out;
}

function anchorFromTexts(docs: NewsDoc[]): Ymd | null {
  const full: Ymd[] = [];
  const days: number[] = [];
  const monthDays: { m: number; d: number }[] = [];
  for (const doc of docs) {
    for (const r of scanDates(doc.body)) {
      if (r.kind === 'abs') {
        const sentence = doc.body.slice(Math.max(0, doc.body.lastIndexOf('\n', r.start)), doc.body.indexOf('\n', r.end) >>> 0);
        if (FUTURE_MARKERS.test(sentence)) continue; // 2027년까지 … 전망: not when the piece was written
        // A year and month alone stands for that month's last day: the article is no earlier than it.
        full.push(r.d ? { y: r.y!, m: r.m!, d: r.d } : addDays({ ...nextMonth(r.y!, r.m!), d: 1 }, -1));
      } else if (r.kind === 'md') {
        monthDays.push({ m: r.m!, d: r.d! });
        days.push(r.d!);
      } else if (r.kind === 'day' && !r.dir) days.push(r.d!);
    }
  }
  if (!full.length) return null;
  const base = full.sort((a, b) => (later(a, b) ? -1 : 1))[0];
  if (!days.length) return base;
  const counts = new Map<number, number>();
  for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1);
  const best = Math.max(...counts.values());
  // Among the most common days, the one nearest before the base date.
  const candidates = [...counts].filter(([, n]) => n === best).map(([d]) => {
    const md = monthDays.find((x) => x.d === d);
    const placed = md
      ? [base.y, base.y - 1].map((y) => ({ y, m: md.m, d })).find((c) => !later(c, base))
      : ({ y: base.y, m: base.m, d } as Ymd);
    return placed && !later(placed, base) ? placed : { ...prevMonth(base.y, base.m), d };
  });
  return candidates.sort((a, b) => (later(a, b) ? -1 : 1))[0];
}
const nextMonth = (y: number, m: number) => (m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 });
const prevMonth = (y: number, m: number) => (m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 });

const SUBJECT = endingIn(SUBJECT_PARTICLES);

/**
 * True when words[i] is a subject or topic (회장은, 올트먼이). A verb's modifier form before a bound noun
 * (판결을 받은 이후, 만나는 자리) ends the same way but is none.
 */
const isSubject = (words: string[], i: number): boolean =>
  SUBJECT.test(words[i]) && !/[“"”]/.test(words[i]) && !TIMELINE.boundNoun.test(words[i + 1] ?? '');

/** The subject of a sentence, for a later clause of it that has none: `올트먼 CEO는` → `올트먼 CEO`. */
function subjectOf(words: string[]): string | null {
  const at = words.findIndex((_, i) => i < TIMELINE.subjectWithin && isSubject(words, i));
  if (at < 0) return null;
  const head = words[at].replace(SUBJECT, '');
  return TIMELINE.titles.test(head) && at > 0 ? `${words[at - 1]} ${head}` : head;
}

/** The topic a sentence opens with (`스타게이트는 …`), the object a following `발표했다` leaves out. */
function topicOf(text: string): string | null {
  const m = /^[‘'"“]?([가-힣A-Za-z0-9]{2,})[’'"”]?(?:은|는)\s/.exec(text.trim());
  return m ? m[1] : null;
}

/**
 * The clause around a date, whole: from the sentence start (or the previous date) to the next date (or
 * the sentence end), the date words taken out, quotes kept whole. A later clause without a subject
 * borrows the sentence's; a transitive act without its object
 * (공동 발표했다) takes the topic of the sentence before. A clause that opens on a reference to an earlier
 * sentence (두 사람은, 이 프로젝트는) or is too long to be one event is no timeline item ('').
 */
function whatOf(body: string, sentence: Span, dates: RawDate[], k: number, previous: string): string {
  const from = k === 0 ? sentence.start : dates[k].start;
  const to = k + 1 < dates.length ? dates[k + 1].start : sentence.end;
  let s = '';
  let at = from;
  // Dates are in order and never overlap (scanDates): none before k ends after `from`; the loop stops at `to`
  // (over all dates, a sentence of thousands of dates was quadratic).
  for (let j = k; j < dates.length && dates[j].start < to; j++) {
    const d = dates[j];
    if (d.end <= from) continue;
    s += body.slice(at, Math.max(at, d.start)) + ' ';
    // The particle on the date goes with it (7일부터 → not a stray 부터).
    const particle = /^(?:부터|까지|에는|에도|에|엔)(?=[\s,])/.exec(body.slice(d.end, d.end + 4))?.[0] ?? '';
    at = Math.max(at, d.end + particle.length);
  }
  s += body.slice(at, to);
  s = s.replace(/<[^>]+>/g, '').replace(/\(현지시간\)/g, '').replace(/\s+/g, ' ')
    .replace(/^[\s,·…]*(?:인|에|에는|엔|부터|까지)?(?=[\s,])/, '').replace(/(날|일)인\s*,/g, '$1,')
    .replace(/\s+,/g, ',').replace(/^[\s,·]+|[\s,.·]+$/g, '')
    .replace(TIMELINE.connective, '');
  // A subject alone (올트먼 CEO는, before the next date) tells no act.
  if (/(은|는)$/.test(s) && s.split(' ').length <= TIMELINE.bareSubjectWords) return '';
  const endsOnSubject = /\S(은|는)$/.test(s);
  s = s.replace(/(\S)(은|는)$/, '$1'); // 입국한 올트먼 CEO는 → …CEO: a modifier clause ends on its subject
  if (TIMELINE.refersBack.test(s) || TIMELINE.background.test(s)) return '';
  let words = s.split(' ').filter(Boolean);
  if (k > 0 && !words.some((_, i) => isSubject(words, i))) {
    const subject = subjectOf(body.slice(sentence.start, Math.min(dates[k].start, sentence.start + TIMELINE.headChars)).replace(/\s+/g, ' ').split(' '));
    if (subject) words = [josa(subject, '은/는'), ...words];
  }
  // No actor (전날 항소심에서 … 출근하며 …): a Korean sentence without one goes on about the person the
  // sentence before was about (이재용 회장은 …); without such a person, no timeline item.
  if (!endsOnSubject && !words.some((_, i) => isSubject(words, i))) {
    const before = subjectOf(previous.replace(/\s+/g, ' ').trim().split(' '));
    if (!before || !before.includes(' ') || !TIMELINE.titles.test(before.split(' ').pop()!) || !PAST_PREDICATE.test(s)) return '';
    words = [josa(before, '은/는'), ...words];
  }
  // `… 통해 입국한 올트먼 CEO`: a modifier clause on its subject is told as a clause (올트먼 CEO는 … 입국했다).
  if (endsOnSubject) {
    const titled = words.length >= 3 && TIMELINE.titles.test(words[words.length - 1]);
    const subject = words.slice(titled ? -2 : -1);
    const rest = words.slice(0, titled ? -2 : -1);
    if (rest.length && /[가-힣]한$/.test(rest[rest.length - 1])) {
      rest[rest.length - 1] = rest[rest.length - 1].replace(/한$/, '했다');
      words = [josa(subject.join(' '), '은/는'), ...rest];
    }
  }
  const object = topicOf(previous);
  if (object && TIMELINE.transitiveAct.test(s) && !words.some((w) => /[을를]$/.test(w))) {
    const subj = words.findIndex((w) => /[이가]$/.test(w));
    if (subj >= 0) words.splice(subj + 1, 0, josa(object, '을/를'));
  }
  return words.length <= TIMELINE.maxWords ? words.join(' ') : '';
}


interface Dated {
  when: string;
  what: string;
  mention: Mention;
  inferred: boolean;
  /** The sentence the clause stands in. */
  sentence?: Span;
}

/** A phrase worth a timeline line: a Hangul word at least, and not a bracketed label ([연합뉴스 자료사진]). */
const isEventPhrase = (what: string): boolean => !/^[[(【].*[\])】]$/.test(what) && /[\uac00-\ud7a3]{2}/.test(what);

// A sentence that tells something that happened: its predicate is in the past tense.
const PAST_PREDICATE = /(었|였|했|됐|졌|왔|갔|렸|났|섰|혔|켰|쳤)다[.”"']*$/;
const TOPIC_SUBJECT = new RegExp(`^([\\uac00-\\ud7a3]{2,})(${SUBJECT_PARTICLES.join('|')})$`);

interface DatedSentence { when: string; text: string; inferred: boolean }

/**
 * `발표회는 한 시간가량 이어졌다` after `12일 … 발표회를 열었다`: a past-tense sentence with no date whose
 * subject an earlier dated sentence introduced as its object (발표회를, 회담을) continues that event and
 * takes its date.
 */
function continuedEvent(body: string, sentence: Span, dated: DatedSentence[]): Dated | null {
  const text = body.slice(sentence.start, sentence.end).trim();
  const first = /^\S*/.exec(text)![0]; // the first word, without splitting a page-long "sentence" into all of its words
  const subject = TOPIC_SUBJECT.exec(first);
  if (!subject || !PAST_PREDICATE.test(text)) return null;
  const introduced = new RegExp(`${subject[1]}(을|를)(?![\\uac00-\\ud7a3])`);
  let previous: DatedSentence | undefined;
  for (let i = dated.length - 1; i >= Math.max(0, dated.length - TIMELINE.continuesWithin) && !previous; i--) if (introduced.test(dated[i].text)) previous = dated[i];
  if (!previous) return null;
  const what = whatOf(body, sentence, [], 0, '');
  if (!isEventPhrase(what)) return null;
  const start = sentence.start + body.slice(sentence.start).indexOf(subject[1]);
  return { when: previous.when, what, inferred: previous.inferred, mention: { document: '', start, end: start + subject[1].length } };
}

/** Dated events of one document. */
export function datedEvents(doc: NewsDoc, anchor: Ymd | null, anchorInferred: boolean): Dated[] {
  const raws = scanDates(doc.body);
  const day = anchor ? newsDay(anchor, raws) : null;
  const out: Dated[] = [];
  const dated: DatedSentence[] = [];
  let prior = '';
  let firstRaw = 0; // raws are in order (scanDates), and so are sentences: each sentence's dates are read from here
  for (const sentence of sentenceSpans(doc)) {
    while (firstRaw < raws.length && raws[firstRaw].start < sentence.start) firstRaw++;
    const inside: RawDate[] = [];
    for (let i = firstRaw; i < raws.length && raws[i].start < sentence.end; i++) if (raws[i].end <= sentence.end) inside.push(raws[i]);
    if (!inside.length) {
      prior = doc.body.slice(sentence.start, sentence.end);
      const next = continuedEvent(doc.body, sentence, dated);
      if (next) out.push({ ...next, mention: { ...next.mention, document: doc.id } });
      continue;
    }
    let context: Ymd | null = null;
    const previous = prior.slice(0, TIMELINE.headChars); // whatOf reads its subject and topic only
    prior = doc.body.slice(sentence.start, sentence.end);
    inside.forEach((r, k) => {
      // 이날 / 전날 count from the document's news day; bare 4일 and 21일 from its date.
      const base = r.kind === 'rel' || r.kind === 'time' ? day : anchor;
      const res: ResolvedDate | null = resolveDate(r, base, context);
      if (!res || res.precision === 'year') return;
      if (res.precision !== 'month') context = parseIsoDay(res.when);
      const what = whatOf(doc.body, sentence, inside, k, previous);
      if (!isEventPhrase(what)) return;
      if (res.precision !== 'month') dated.push({ when: res.when.slice(0, 10), text: doc.body.slice(sentence.start, sentence.end), inferred: anchorInferred && r.kind !== 'abs' });
      out.push({
        when: res.when, what, inferred: anchorInferred && r.kind !== 'abs',
        mention: { document: doc.id, start: r.start, end: r.end }, sentence,
      });
    });
  }
  return out;
}

/**
 * The dated events of a cluster. With the cluster's entities, two items merge only when they name the
 * same people: 최 회장과 올트먼 CEO … 논의했다 and 이재용 회장이 … 논의했다 are two meetings, one day.
 */
export function buildTimeline(docs: NewsDoc[], entities: Entity[] = []): TimelineEvent[] {
  const inferred = inferDocumentDates(docs);
  const events: TimelineEvent[] = [];
  const people = new Map<TimelineEvent, string>();
  /** Items by day, each with its phrase's bigrams (read once), for the merge. */
  const byWhen = new Map<string, { item: TimelineEvent; grams: ReturnType<typeof bigrams> }[]>();
  const peopleIn = (doc: string, span?: Span) => (span ? entities
    .filter((e) => e.type === 'person' && namedIn(e, doc, span))
    .map((e) => e.name).sort().join('|') : '');
  for (const doc of docs) {
    const own = doc.dateSource ? null : parseIsoDay(doc.publishedAt);
    const guess = inferred.get(doc.id);
    const anchor = own ?? parseIsoDay(guess?.publishedAt) ?? parseIsoDay(doc.publishedAt);
    for (const e of datedEvents(doc, anchor, !own || !!doc.publishedAtInferred)) {
      const who = peopleIn(doc.id, e.sentence);
      const grams = bigrams(e.what);
      const sameDay = byWhen.get(e.when) ?? [];
      let same: TimelineEvent | undefined;
      // The first match in the order items were made, among the day's most recent TIMELINE.mergeCandidates.
      for (let i = Math.max(0, sameDay.length - TIMELINE.mergeCandidates); i < sameDay.length && !same; i++) {
        const x = sameDay[i];
        if (dice(x.grams, grams) >= MERGE_SIMILARITY && people.get(x.item) === who) same = x.item;
      }
      if (same) {
        if (!same.documents.includes(doc.id)) same.documents.push(doc.id);
        same.mentions.push(e.mention);
        if (!e.inferred) delete same.inferred;
        continue;
      }
      const item: TimelineEvent = { when: e.when, what: e.what, documents: [doc.id], ...(e.inferred ? { inferred: true } : {}), mentions: [e.mention] };
      people.set(item, who);
      events.push(item);
      if (!byWhen.has(e.when)) byWhen.set(e.when, sameDay);
      sameDay.push({ item, grams });
    }
  }
  return events.sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : 0));
}
