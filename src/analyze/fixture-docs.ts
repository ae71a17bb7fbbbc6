// Test support: builds NewsDocs from fixture folders (docs.json lists id, file, outlet, publishedAt, kind).
import { readFileSync } from 'node:fs';
import type { NewsDoc } from '../types.js';

export interface DocSpec {
  id: string;
  file: string;
  outlet?: string | null;
  publishedAt?: string | null;
  kind?: NewsDoc['kind'];
  subtitles?: string[];
}

export function makeDoc(id: string, body: string, spec: Partial<DocSpec> = {}): NewsDoc {
  return {
    id, source: `${id}.txt`, key: id, format: 'txt', encoding: 'utf-8', contentHash: id, outlet: spec.outlet ?? null,
    aggregator: null, title: null, subtitles: spec.subtitles ?? [], section: null, reporter: null, email: null,
    publishedAt: spec.publishedAt ?? null, url: null, kind: spec.kind ?? 'report', frontMatter: null, body, headings: [],
    captions: [], removed: [], sentences: [], evidence: {}, messages: [],
  };
}

/** Reads `docs.json` in a fixture folder and the text files it names. */
export function loadDocs(folder: URL): NewsDoc[] {
  const specs = JSON.parse(readFileSync(new URL('docs.json', folder), 'utf8')) as DocSpec[];
  return specs.map((s) => makeDoc(s.id, readFileSync(new URL(s.file, folder), 'utf8').trim(), s));
}

export const readJson = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;
