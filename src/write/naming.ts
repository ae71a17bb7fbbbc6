// A person is introduced by full name before any short form: a source sentence written after its own
// article named them (정 장관은, 올트먼 CEO는) reads wrongly, or not at all, when it opens the post's talk
// of that person. The first short form in the post becomes the full name, marked as newsdesk's
// insertion ([정민호 장관]은); later ones stay as the source wrote them.
import type { Entity, ModelSentence, TextRun } from '../types.js';
import { NAMING } from './tunables.js';

interface Person {
  entity: Entity;
  full: string;
  /** The short form as sources write it: `정 장관`, `올트먼 CEO`. */
  short: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The people a short form can be read as without doubt: a surname (or last word) with a title only they hold. */
function people(entities: Entity[]): Person[] {
  const persons = entities.filter((e) => e.type === 'person' && e.role);
  const out: Person[] = [];
  for (const e of persons) {
    const korean = /^[가-힣]{3}$/.test(e.name);
    const surname = korean ? e.name[0] : e.name.includes(' ') ? e.name.split(' ').pop()! : null;
    if (!surname) continue;
    const title = e.role!.split(' ').pop()!;
    const titles = NAMING.sameTitle[title] ?? [title];
    // Two people of one surname and title (김 사장 and 김 사장) leave the short form unresolved.
    const rivals = persons.filter((p) => p !== e && (korean ? p.name[0] === surname : p.name.endsWith(` ${surname}`))
      && titles.includes(p.role!.split(' ').pop()!));
    if (rivals.length) continue;
    out.push({
      entity: e,
      full: `${e.name} ${title}`,
      short: new RegExp(`(?<![가-힣A-Za-z])${escape(surname)} (?:${titles.map(escape).join('|')})(?=[은는이가의과와도을를에께]|\\s|[,.)”"’]|$)`, 'u'),
    });
  }
  return out;
}

/** Rewrites, in post order, the first short form of each person not yet named in full. */
export function introduceNames(sentences: ModelSentence[], entities: Entity[]): void {
  const list = people(entities);
  const named = new Set<string>();
  const note = (text: string) => {
    for (const p of list) if (text.includes(p.entity.name) || p.entity.aliases.some((a) => a.length > 2 && a.includes(' ') && text.includes(a))) named.add(p.entity.name);
  };
  for (const s of sentences) {
    const runs: TextRun[] = [];
    for (const r of s.runs) {
      if (r.by !== 'source') {
        runs.push(r);
        note(r.text);
        continue;
      }
      let text = r.text;
      for (;;) {
        // The earliest short form in what is left of the run, of someone not named yet.
        const hits = list.filter((p) => !named.has(p.entity.name)).map((p) => ({ p, m: p.short.exec(text) }))
          .filter((h): h is { p: Person; m: RegExpExecArray } => !!h.m)
          .sort((a, b) => a.m.index - b.m.index);
        const fullAt = (p: Person) => text.indexOf(p.entity.name);
        const first = hits.find((h) => fullAt(h.p) < 0 || fullAt(h.p) > h.m.index);
        if (!first) break;
        note(text.slice(0, first.m.index));
        if (first.m.index > 0) runs.push({ text: text.slice(0, first.m.index), by: 'source' });
        runs.push({ text: first.p.full, by: 'inserted' });
        named.add(first.p.entity.name);
        text = text.slice(first.m.index + first.m[0].length);
      }
      note(text);
      if (text) runs.push({ text, by: 'source' });
    }
    s.runs = runs;
  }
}
