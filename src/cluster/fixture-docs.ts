// Test support: loads a fixtures/cluster/<case>/ folder of fictional articles as NewsDocs.
// Article file format: `key: value` header lines (title, date, kind), a `---` line, then the raw body.
import { readFileSync, readdirSync } from 'node:fs';
import type { NewsDoc } from '../types.js';
import { shortId } from '../ids.js';
import { newDoc } from '../doc.js';

export interface Fixture {
  docs: NewsDoc[];
  /** Document id → file name without .txt */
  name: Map<string, string>;
  byName: Map<string, NewsDoc>;
  expected: Record<string, unknown>;
}

export function loadFixture(name: string): Fixture {
  const dir = new URL(`../../fixtures/cluster/${name}/`, import.meta.url);
  const docs = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const text = readFileSync(new URL(f, dir), 'utf8');
    const cut = text.indexOf('\n---\n');
    const header = Object.fromEntries(text.slice(0, cut).split('\n').map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
    return makeDoc(f.replace(/\.txt$/, ''), text.slice(cut + 5).trim(), header);
  });
  return {
    docs,
    name: new Map(docs.map((d) => [d.id, d.source])),
    byName: new Map(docs.map((d) => [d.source, d])),
    expected: JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')),
  };
}

export function makeDoc(source: string, body: string, meta: { title?: string; date?: string; kind?: string } = {}): NewsDoc {
  const kind = meta.kind === 'derivative' ? 'derivative' : 'report';
  return newDoc({ id: shortId('d', source), source, body, title: meta.title ?? null, publishedAt: meta.date ?? null, kind });
}
