// Front matter presets for the static-site generators our users publish with.
import { stringify } from 'yaml';
import { ConfigError } from '../messages.js';
import { plainField } from './escape.js';

export const PRESETS = ['jekyll', 'jekyll-minimal-mistakes', 'hugo'] as const;
export type PresetName = (typeof PRESETS)[number];
/** Plain Jekyll works with any Jekyll site (`jekyll new` uses minima, whose post layout is `post`). */
export const DEFAULT_PRESET: PresetName = 'jekyll';

export interface FrontMatterInput {
  title: string;
  /** YYYY-MM-DD, or an ISO date-time when the sources give a time. */
  date: string;
  /** True when no source gave a date: the post is held back (Jekyll `published: false`, Hugo `draft: true`). */
  draft: boolean;
  category: string;
  tags: string[];
  author: string | null;
  description: string | null;
}

export function checkPreset(name: string, where: string): PresetName {
  if ((PRESETS as readonly string[]).includes(name)) return name as PresetName;
  throw new ConfigError(`unknown preset "${name}" in ${where}; use one of: ${PRESETS.join(', ')}`);
}

function fields(preset: PresetName, input: FrontMatterInput): Record<string, unknown> {
  // Source text (title, tags, description) is data for the YAML library to quote; it only loses what no
  // theme should print: control characters and line breaks.
  const f = { ...input, title: plainField(input.title), tags: input.tags.map(plainField), description: input.description && plainField(input.description) };
  const common = { title: f.title, date: f.date };
  const held = f.draft ? { published: false } : {};
  const extra = {
    ...(f.author ? { author: f.author } : {}),
    ...(f.description ? { description: f.description } : {}),
  };
  switch (preset) {
    case 'jekyll-minimal-mistakes':
      return {
        layout: 'single', ...common, categories: [f.category], tags: f.tags, toc: true, toc_sticky: true,
        author_profile: false, sidebar: { nav: 'docs' }, ...held, ...extra,
      };
    case 'jekyll':
      return { layout: 'post', ...common, categories: [f.category], tags: f.tags, ...held, ...extra };
    case 'hugo':
      return { ...common, draft: f.draft, tags: f.tags, categories: [f.category], ...extra };
  }
}

/** The `---` block, YAML for every preset (Hugo reads YAML front matter as well as TOML). */
export function frontMatter(preset: PresetName, input: FrontMatterInput): string {
  const yaml = stringify(fields(preset, input), { lineWidth: 0 }).trimEnd();
  return `---\n${yaml}\n---\n`;
}
