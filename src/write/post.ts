// The post for one cluster. PLACEHOLDER body (the Writer issue replaces it): Jekyll front matter and
// the list of sources (outlet, title, date, lead).
import { stringify } from 'yaml';
import type { AnalyzedCluster, NewsDoc, Post } from '../types.js';
import { slugify, uniqueName } from './slug.js';

export interface WriteOptions {
  /** Jekyll category of every post. */
  category: string;
  /** Used when no member has a date, so that output is reproducible. */
  fallbackDate: string;
}

export const DEFAULT_WRITE_OPTIONS: WriteOptions = { category: 'news', fallbackDate: '1970-01-01' };

const firstSentence = (d: NewsDoc) => d.sentences[0]?.text ?? d.body.split('\n')[0] ?? '';

/** The members' reports first (derivatives are commentary), earliest first. */
export function orderedMembers(cluster: AnalyzedCluster, docs: Map<string, NewsDoc>): NewsDoc[] {
  return cluster.members
    .map((id) => docs.get(id))
    .filter((d): d is NewsDoc => !!d)
    .sort((a, b) => Number(a.kind === 'derivative') - Number(b.kind === 'derivative'));
}

export function clusterTitle(members: NewsDoc[]): string {
  const titled = members.find((d) => d.kind === 'report' && d.title) ?? members.find((d) => d.title);
  return (titled?.title ?? firstSentence(members[0] ?? ({} as NewsDoc)) ?? 'untitled').slice(0, 120);
}

export function clusterDate(members: NewsDoc[], fallback: string): string {
  const dates = members.map((d) => d.publishedAt?.slice(0, 10)).filter((d): d is string => !!d).sort();
  return dates[0] ?? fallback;
}

export function writePost(
  cluster: AnalyzedCluster,
  docs: Map<string, NewsDoc>,
  options: WriteOptions,
  taken: Set<string>,
): Post {
  const members = orderedMembers(cluster, docs);
  const title = clusterTitle(members);
  const date = clusterDate(members, options.fallbackDate);
  const tags = cluster.entities.slice(0, 5).map((e) => e.name);
  const frontMatter = stringify({ title, date, categories: [options.category], tags }).trimEnd();
  const lines = [`---`, frontMatter, `---`, '', `## 출처`, ''];
  for (const d of members) {
    const label = d.outlet ?? '출처 미상';
    const when = d.publishedAt ? `, ${d.publishedAt.slice(0, 10)}` : '';
    const note = d.kind === 'derivative' ? ' (참고)' : '';
    lines.push(`- **${label}**${note}: ${d.title ?? d.source}${when} — ${d.url ?? d.source}`);
    const lead = firstSentence(d);
    if (lead) lines.push(`  > ${lead}`);
  }
  const path = uniqueName(`${date}-${slugify(title) || cluster.id}`, taken) + '.md';
  return { path, markdown: lines.join('\n') + '\n' };
}
