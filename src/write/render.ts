// The post model rendered to Jekyll or Hugo Markdown: the last step of writing. Every string in the
// model is raw text; here, and only here, it becomes Markdown, and every piece of it passes through
// the one escaping layer (escape.ts): no field reaches the page unescaped. Insertions newsdesk made
// into a source's sentence show in brackets. Each sentence ends in one footnote mark.
import type { ModelSentence, PostBlock, PostModel, PostSentence, SourceEntry } from '../types.js';
import { escapeText, safeHref, type Target } from './escape.js';
import { Footnotes } from './citations.js';
import { frontMatter, type PresetName } from './front-matter.js';
import { plainText } from './context.js';

export interface Rendered {
  markdown: string;
  sentences: PostSentence[];
}

/** A sentence that carries a source's words (or their LLM rewording): what the polish may reword. */
const isProse = (s: ModelSentence) => !!s.llm || s.runs.some((r) => r.by === 'source');

/** The prose sentences of the model (timeline items are dated data, not prose), in the order `sentences` lists them. */
export function proseSentences(model: PostModel): ModelSentence[] {
  return model.sections.flatMap((section) => section.blocks.flatMap((b) =>
    b.kind === 'paragraph' ? b.sentences : b.kind === 'list' ? b.items : [])).filter(isProse);
}

export const targetOf = (preset: PresetName): Target => (preset === 'hugo' ? 'hugo' : 'jekyll');

/** `중앙일보 「제목」, 2025-02-04`, linked when the page's address is known. */
export function sourceLine(e: SourceEntry, target: Target): string {
  const label = escapeText(`${e.name}${e.title ? ` 「${e.title}」` : ''}`, target);
  const href = safeHref(e.url);
  const date = e.date ? `, ${escapeText(e.date, target)}` : '';
  return `${href ? `[${label}](${href})` : label}${date}`;
}

export function renderPost(model: PostModel, preset: PresetName = model.preset as PresetName): Rendered {
  const target = targetOf(preset);
  const order = model.sources.map((s) => s.document);
  const notes = new Footnotes(order);
  const sentences: PostSentence[] = [];
  const esc = (s: string) => escapeText(s, target);

  const sentence = (s: ModelSentence, prefix = '', prose = true): string => {
    const text = s.runs.map((r) => (r.by === 'inserted' ? `\\[${esc(r.text)}\\]` : esc(r.text))).join('').replace(/ {2,}/g, ' ').trim();
    const markdown = `${prefix}${text}${notes.mark(s.sources)}`;
    if (prose && isProse(s)) sentences.push({ text: plainText(s.runs), markdown, mentions: s.mentions, ...(s.llm ? { llm: true } : {}) });
    return markdown;
  };
  const block = (b: PostBlock): string[] => {
    switch (b.kind) {
      case 'paragraph': return [b.sentences.map((s) => sentence(s)).join(' ')];
      case 'list': return b.items.map((s) => sentence(s, '- '));
      case 'dated': return b.items.map((i) => sentence(i.sentence, `- **${esc(i.when)}** `, false));
      case 'heading': return [`### ${esc(b.text)}`];
      case 'sources': return b.entries.map((e) => `- ${sourceLine(e, target)}`);
      case 'table': return [
        `| ${b.head.map(esc).join(' | ')} | 출처 |`,
        `|${b.head.map(() => '---|').join('')}---|`,
        ...b.rows.map((r) => `| ${r.cells.map(esc).join(' | ')} | ${notes.mark(r.sources)} |`),
      ];
    }
  };

  const lines: string[] = [];
  for (const section of model.sections) {
    const body = section.blocks.map((b) => block(b).join('\n')).filter(Boolean);
    if (!body.length) continue;
    if (section.heading) lines.push(`## ${esc(section.heading)}`, '');
    lines.push(body.join('\n\n'), '');
  }
  // One source per line inside a note: a hard break (two spaces) and the continuation indented; a blank
  // line between notes, or kramdown reads the next definition as a lazy continuation of this one.
  const byId = new Map(model.sources.map((s) => [s.document, s]));
  for (const n of notes.notes()) {
    lines.push(`[^${n.n}]: ${n.ids.map((id) => sourceLine(byId.get(id)!, target)).join('  \n    ')}`, '');
  }
  const head = frontMatter(preset, {
    title: model.title, date: model.date, draft: model.draft, category: model.category, tags: model.tags, author: model.author,
    // Layouts print the description as HTML: it is source text, so it passes the escaping layer too.
    description: model.description ? esc(model.description) : null,
  });
  return { markdown: `${head}\n${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`, sentences };
}
