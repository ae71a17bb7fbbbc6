// event: the main event of a cluster as data. The act most reports tell (회동, 인수, 출시 ...), the
// people who take part in it in most reports, and its date, place, duration, subject and outcome;
// then the side events: acts told in some reports by only part of the cast (another meeting on the
// same trip). Every slot cites the document spans it was read from; the writer words it.
import type { Entity, Mention, NewsDoc, NewsEvent, Participant, Quote, SideEvent, Span, TimelineEvent } from '../types.js';
import { sentenceSpans } from './timeline.js';
import { groupBy, namedIn } from './mention-index.js';
import { tokenize } from './morph.js';
import { ACTS, AFTER_ACT, AGENT_PARTICLE, LEADING_MODIFIER, OBJECT_PARTICLE, OBJECT_PHRASE, DURATION, MAX_PARTICIPANTS, PARTICIPANT_SHARE, PLACE_AT, SIDE_ACT, SIDE_EVENT_DAYS, TENSE } from './tunables-event.js';

interface Facts {
  entities: Entity[];
  quotes: Quote[];
  timeline: TimelineEvent[];
}

interface Told {
  doc: NewsDoc;
  span: Span;
  text: string;
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];
const inside = (m: Mention, s: Span) => !m.field && m.start >= s.start && m.end <= s.end;

/** Sentences of the reports (derivatives only tell what reports told). */
function sentencesOf(docs: NewsDoc[]): Told[] {
  return docs.flatMap((doc) => sentenceSpans(doc).map((span) => ({ doc, span, text: doc.body.slice(span.start, span.end) })));
}

/** The act most reports name, in their headlines first and their sentences second. */
function pickAct(reports: NewsDoc[], told: Told[]) {
  let best: ((typeof ACTS)[number] & { score: number }) | null = null;
  const byDoc = groupBy(told, (t) => t.doc);
  for (const a of ACTS) {
    const score = reports.reduce((sum, d) => sum
      + (a.words.test(d.title ?? '') ? 2 : 0) + (d.subtitles.some((s) => a.words.test(s)) ? 1 : 0)
      + ((byDoc.get(d) ?? []).some((t) => a.words.test(t.text)) ? 1 : 0), 0);
    if (score > (best?.score ?? 0)) best = { ...a, score };
  }
  return best;
}

/** A heading (title or deck line) of the document that names the act. */
function headingNames(m: Mention, docs: NewsDoc[], named: RegExp): boolean {
  const d = docs.find((x) => x.id === m.document);
  const text = m.field?.name === 'title' ? d?.title : m.field?.name === 'subtitles' ? d?.subtitles[m.field.index] : null;
  return !!text && named.test(text);
}

/**
 * The cast: whoever is named in the act's own sentences (`named`: for a meeting the act noun written
 * out, since a verb alone (만났다) also tells side meetings; for other acts any of its words) or in a
 * headline naming it, in more than PARTICIPANT_SHARE of the reports.
 */
function participantsOf(reports: NewsDoc[], acts: Told[], persons: Entity[], named: RegExp): { entity: Entity; mentions: Mention[] }[] {
  const need = Math.max(1, Math.floor(reports.length * PARTICIPANT_SHARE) + 1);
  const actsIn = groupBy(acts, (t) => t.doc.id);
  return persons
    .map((entity, i) => {
      const mentions = entity.mentions.filter((m) => (m.field ? headingNames(m, reports, named)
        : (actsIn.get(m.document) ?? []).some((t) => named.test(t.text) && inside(m, t.span))));
      return { entity, mentions, docs: uniq(mentions.map((m) => m.document)).length, i };
    })
    .filter((p) => p.docs >= need)
    .sort((a, b) => b.docs - a.docs || b.mentions.length - a.mentions.length || a.i - b.i)
    .slice(0, MAX_PARTICIPANTS)
    .map(({ entity, mentions }) => ({ entity, mentions }));
}

/**
 * Who does the act and who undergoes it, by the particle the reports put after the name in the act's
 * sentences (대한전자가 … 딥웨이브를 인수): the side more of its mentions take; null when they tie.
 */
function sideOf(mentions: Mention[], docs: NewsDoc[]): Participant['as'] {
  let agent = 0;
  let object = 0;
  for (const m of mentions) {
    if (m.field) continue;
    const after = docs.find((d) => d.id === m.document)?.body.slice(m.end, m.end + 2) ?? '';
    if (AGENT_PARTICLE.test(after)) agent++;
    else if (OBJECT_PARTICLE.test(after)) object++;
  }
  return agent > object ? 'agent' : object > agent ? 'object' : null;
}

/** The noun the reports use most for the act (a launch they call 공개, not 출시, is a 공개). */
function actNoun(act: (typeof ACTS)[number], reports: NewsDoc[], told: Told[]): string {
  if (!act.nouns) return act.act;
  const count = (noun: string, re: RegExp) => ({ noun, n: [...reports.map((d) => d.title ?? ''), ...told.map((t) => t.text)].filter((x) => re.test(x)).length });
  const counts = [count(act.act, new RegExp(act.act, 'u')), ...act.nouns.map(([re, noun]) => count(noun, re))];
  return counts.sort((a, b) => b.n - a.n)[0].noun;
}

/** The value written most often across documents, with every span that wrote it. */
function mostWritten(found: { text: string; mention: Mention }[], key = (t: string) => t.replace(/\s+/g, '')) {
  const groups = new Map<string, { text: string; mentions: Mention[]; docs: Set<string> }>();
  for (const f of found) {
    const g = groups.get(key(f.text)) ?? { text: f.text, mentions: [], docs: new Set<string>() };
    g.mentions.push(f.mention);
    g.docs.add(f.mention.document);
    groups.set(key(f.text), g);
  }
  return [...groups.values()].sort((a, b) => b.docs.size - a.docs.size || a.text.length - b.text.length)[0] ?? null;
}

function matches(told: Told[], re: RegExp): { text: string; mention: Mention }[] {
  const flags = re.flags.includes('g') ? re.flags : re.flags + 'g';
  return told.flatMap((t) => [...t.text.matchAll(new RegExp(re.source, flags))].map((m) => {
    const text = m[1] ?? m[0];
    const start = t.span.start + m.index! + m[0].indexOf(text);
    return { text, mention: { document: t.doc.id, start, end: start + text.length } };
  }));
}

/**
 * Whether one sentence tells the act as done or as agreed/planned, from the morphemes after the act's
 * word: 인수했다 (a past ending) is done; 인수하기로 (했다), 인수할 계획, 인수를 추진 are planned;
 * 인수를 마무리 is done; anything else (인수한다고, 인수 계약을 …) says neither.
 */
export function tenseIn(text: string, words: RegExp): 'done' | 'planned' | null {
  const hit = new RegExp(words.source, words.flags.replace('g', '')).exec(text);
  if (!hit) return null;
  const rest = text.slice(hit.index);
  const morphs = tokenize(rest).slice(0, TENSE.window + 1);
  if (morphs[0]?.pos.includes('EP')) return 'done'; // 선보였다: the act word carries the past ending
  for (let i = 1; i < morphs.length; i++) {
    const m = morphs[i];
    const next = morphs[i + 1];
    if (m.pos.includes('ETN') && m.surface === '기' && next?.surface === '로') return 'planned';
    // The future adnominal ends in ㄹ (할, 될): 인수할 계획이다.
    if (m.pos.includes('ETM')) return m.surface.normalize('NFD').endsWith('\u11AF') && TENSE.plannedAfterAdnominal.test(rest.slice(m.end)) ? 'planned' : null;
    if (m.pos.includes('EP')) return 'done';
    if (m.pos.startsWith('J')) {
      if (!next) return null;
      return TENSE.plannedNouns.test(next.surface) ? 'planned' : TENSE.doneNouns.test(next.surface) ? 'done' : null;
    }
    if (m.pos.includes('EF') || m.pos.includes('EC') || m.pos.startsWith('N') || m.pos === 'SF') return null;
  }
  return null;
}

/** The tense most reports give the act (one vote each: their first act sentence that says one), with the sentences that gave it. */
function tenseOf(acts: Told[], words: RegExp, reports: NewsDoc[]): { tense: 'done' | 'planned'; mentions: Mention[] } | null {
  const votes = { done: [] as Mention[], planned: [] as Mention[] };
  for (const d of reports) {
    for (const t of acts.filter((x) => x.doc === d)) {
      const tense = tenseIn(t.text, words);
      if (!tense) continue;
      votes[tense].push({ document: d.id, start: t.span.start, end: t.span.end });
      break;
    }
  }
  if (votes.done.length === votes.planned.length) return null;
  const tense = votes.done.length > votes.planned.length ? 'done' : 'planned';
  return { tense, mentions: votes[tense] };
}

/**
 * The cast in the order the reports name them: who comes before whom in the majority of the reports
 * that name both (headline first, then body), the one who acts before the one the act is done to.
 */
function inReportOrder<T extends { entity: Entity; as?: Participant['as'] }>(cast: T[], docs: NewsDoc[]): T[] {
  // Where each entity is first named in each document, read once (a big event has hundreds of reports).
  const first = new Map(cast.map((p) => {
    const at = new Map<string, number>();
    for (const m of p.entity.mentions) {
      const pos = (m.field?.name === 'title' ? -2e6 : m.field ? -1e6 + m.field.index * 1e3 : 0) + m.start;
      if (pos < (at.get(m.document) ?? Infinity)) at.set(m.document, pos);
    }
    return [p.entity, at];
  }));
  const before = (a: Entity, b: Entity) => docs.filter((d) => (first.get(a)!.get(d.id) ?? Infinity) < (first.get(b)!.get(d.id) ?? Infinity)).length;
  const wins = (a: T) => cast.filter((b) => b !== a && before(a.entity, b.entity) > before(b.entity, a.entity)).length;
  const rank = (p: T) => (p.as === 'agent' ? 0 : p.as === 'object' ? 2 : 1);
  return cast.map((p, i) => ({ p, i, w: wins(p) })).sort((a, b) => rank(a.p) - rank(b.p) || b.w - a.w || a.i - b.i).map(({ p }) => p);
}

function participant(entity: Entity, mentions: Mention[]): Participant {
  return { name: entity.name, role: entity.role, mentions };
}

/**
 * Side events: a sentence that tells an act (a meeting) with a person who is not a main participant
 * and with fewer than all the main ones. The rest of its paragraph tells the same side event.
 */
function sideEvents(told: Told[], actWords: RegExp, main: Entity[], persons: Entity[], timeline: TimelineEvent[]): SideEvent[] {
  const out: SideEvent[] = [];
  const meeting = ACTS[0].words;
  for (const [i, t] of told.entries()) {
    if (!meeting.test(t.text) && !actWords.test(t.text)) continue;
    const named = persons.filter((p) => namedIn(p, t.doc.id, t.span));
    const guests = named.filter((p) => !main.includes(p));
    const hosts = named.filter((p) => main.includes(p));
    if (!guests.length || !hosts.length || hosts.length >= main.length) continue;
    if (out.some((s) => s.mentions.some((m) => m.document === t.doc.id && m.start === t.span.start))) continue;
    const known = out.find((s) => guests.some((g) => s.participants.some((p) => p.name === g.name)));
    const mentions: Mention[] = [{ document: t.doc.id, start: t.span.start, end: t.span.end }];
    // The paragraph goes on about the side event until a sentence names the main cast again.
    const paragraph = (t.doc.sentences.find((s) => s.start === t.span.start)?.paragraph) ?? null;
    for (const next of told.slice(i + 1)) {
      if (next.doc !== t.doc) break;
      const para = next.doc.sentences.find((s) => s.start === next.span.start)?.paragraph ?? null;
      const mainNamed = main.filter((p) => namedIn(p, next.doc.id, next.span));
      const sideNamed = guests.some((g) => namedIn(g, next.doc.id, next.span));
      if (mainNamed.length > hosts.length) break;
      if (para !== paragraph && !sideNamed) break;
      mentions.push({ document: next.doc.id, start: next.span.start, end: next.span.end });
    }
    const day = timeline.find((e) => e.mentions.some((m) => mentions.some((s) => m.document === s.document && m.start >= s.start && m.end <= s.end)));
    if (known) {
      // The principals of a side event are those every telling of it names (올트먼, not 이재용 named in passing).
      known.participants = known.participants.filter((p) => !main.some((m) => m.name === p.name) || hosts.some((h) => h.name === p.name));
      known.mentions.push(...mentions);
      known.documents = uniq([...known.documents, t.doc.id]);
      if (!known.when && day) known.when = day.when.slice(0, 10);
      continue;
    }
    const act = ACTS.find((a) => a.words.test(t.text) && a.act !== ACTS[0].act)?.act ?? SIDE_ACT;
    out.push({
      act,
      participants: [...hosts, ...guests].map((p) => participant(p, p.mentions.filter((m) => mentions.some((s) => m.document === s.document && inside(m, s))))),
      when: day ? day.when.slice(0, 10) : null,
      documents: [t.doc.id],
      mentions,
    });
  }
  return out;
}

export function findEvent(members: NewsDoc[], facts: Facts): NewsEvent | null {
  const reports = members.filter((d) => d.kind === 'report');
  const pool = reports.length ? reports : members;
  const told = sentencesOf(pool);
  const act = pickAct(pool, told);
  if (!act) return null;
  const actTold = told.filter((t) => act.words.test(t.text));
  const persons = facts.entities.filter((e) => e.type === 'person');
  // A meeting is between people; an acquisition, launch or contract is done by companies, so they come first.
  const meetingAct = act.act === ACTS[0].act;
  const organizations = facts.entities.filter((e) => e.type === 'organization');
  const named = meetingAct ? new RegExp(act.act, 'u') : act.words;
  let found = participantsOf(pool, actTold, meetingAct ? persons : organizations, named);
  if (!found.length) found = participantsOf(pool, actTold, meetingAct ? organizations : persons, named);
  const cast = inReportOrder(found.map((c) => ({ ...c, as: meetingAct ? undefined : sideOf(c.mentions, pool) })), pool);
  const main = cast.map((c) => c.entity);
  // Sentences about the main event itself: the act with two of the cast, or the act noun as written.
  const eventTold = actTold.filter((t) => t.text.includes(act.act)
    || main.filter((p) => namedIn(p, t.doc.id, t.span)).length >= Math.min(2, main.length));
  const spans: NewsEvent['spans'] = {};
  spans.act = eventTold.map((t) => ({ document: t.doc.id, start: t.span.start, end: t.span.end }));

  const eventToldIn = groupBy(eventTold, (t) => t.doc.id);
  const inEventTold = (m: Mention) => (eventToldIn.get(m.document) ?? []).some((t) => inside(m, t.span));
  const dated = facts.timeline.filter((e) => e.when.length >= 10 && e.mentions.some(inEventTold));
  const when = mostWritten(dated.map((e) => ({ text: e.when.slice(0, 10), mention: e.mentions[0] })));
  if (when) spans.when = when.mentions;
  const where = mostWritten(matches(eventTold, PLACE_AT));
  if (where) spans.where = where.mentions;
  const duration = mostWritten(matches(eventTold.filter((t) => t.text.includes(act.act)), DURATION), (t) => t.replace(/\D/g, '') || t);
  if (duration) spans.duration = duration.mentions;
  // What a non-meeting act was done to, when no participant is its object: the phrase before 을/를 and the act's verb.
  const hasObject = cast.some((c) => sideOf(c.mentions, pool) === 'object');
  const object = meetingAct || hasObject ? null : mostWritten(matches(actTold, OBJECT_PHRASE)
    .map((f) => {
      const text = f.text.replace(LEADING_MODIFIER, '');
      return { text, mention: { ...f.mention, start: f.mention.end - text.length } };
    })
    .filter((f) => f.text.includes(' ') || /[가-힣]{2,}/.test(f.text)), (t) => t.replace(/\s+/g, ''));
  if (object) spans.object = object.mentions;
  const tense = meetingAct ? null : tenseOf(actTold, act.words, pool);
  if (tense) spans.tense = tense.mentions;
  const projects = facts.entities.filter((e) => (e.type === 'project' || e.type === 'product') && pool.filter((d) => e.documents.includes(d.id)).length >= Math.min(2, pool.length));
  const topic = projects.sort((a, b) => b.documents.length - a.documents.length || b.mentions.length - a.mentions.length)[0] ?? null;
  if (topic) spans.topic = topic.mentions.filter((m) => !m.field).slice(0, 3);
  const after = facts.quotes.find((q) => eventTold.concat(told).some((t) => t.doc.id === q.document && q.start >= t.span.start && q.end <= t.span.end
    && AFTER_ACT.test(t.text) && (t.text.includes(act.act) || !main.length || main.some((p) => q.speaker === p.name))
    && !persons.some((p) => !main.includes(p) && namedIn(p, t.doc.id, t.span))));
  if (after) spans.outcome = [{ document: after.document, start: after.start, end: after.end }];

  // Also present: a person the event's own sentences name beside the whole cast (르네 하스 배석).
  const present = persons.filter((p) => !main.includes(p) && eventTold.some((t) =>
    [p, ...main].every((x) => namedIn(x, t.doc.id, t.span))));
  const documents = uniq(Object.values(spans).flat().map((m) => m.document));
  const near = (w: string | null) => !when || !!w && Math.abs(Date.parse(w.slice(0, 10)) - Date.parse(when.text)) <= SIDE_EVENT_DAYS * 864e5;
  return {
    act: meetingAct ? act.act : actNoun(act, pool, actTold),
    participants: [...cast.map((c) => ({ ...participant(c.entity, c.mentions), ...(meetingAct ? {} : { as: c.as }) })),
      ...present.map((p) => ({ ...participant(p, p.mentions.filter(inEventTold)), present: true as const }))],
    when: when?.text ?? null,
    where: where?.text ?? null,
    duration: duration?.text ?? null,
    topic: topic?.name ?? null,
    ...(meetingAct ? {} : { object: object?.text ?? null, tense: tense?.tense ?? null }),
    outcome: after?.text ?? null,
    outcomeSpeaker: after?.speaker ?? null,
    outcomeUtterance: after?.utterance ?? null,
    documents,
    spans,
    side: sideEvents(told, act.words, main, persons, facts.timeline).filter((e) => near(e.when)),
  };
}
