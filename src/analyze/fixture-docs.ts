// Test support: builds NewsDocs from fixture folders, so analysis tests need no extract stage.
import { readdirSync, readFileSync } from 'node:fs';
import type { NewsDoc } from '../types.js';
import { newDoc } from '../doc.js';

export interface DocSpec {
  id: string;
  file: string;
  outlet?: string | null;
  publishedAt?: string | null;
  kind?: NewsDoc['kind'];
  subtitles?: string[];
}

export function makeDoc(id: string, body: string, spec: Partial<DocSpec> = {}): NewsDoc {
  const { outlet = null, publishedAt = null, kind = 'report', subtitles = [] } = spec;
  return newDoc({ id, source: `${id}.txt`, key: id, contentHash: id, body, outlet, publishedAt, kind, subtitles });
}

/** Reads `docs.json` in a fixture folder and the text files it names. */
export function loadDocs(folder: URL): NewsDoc[] {
  const specs = JSON.parse(readFileSync(new URL('docs.json', folder), 'utf8')) as DocSpec[];
  return specs.map((s) => makeDoc(s.id, readFileSync(new URL(s.file, folder), 'utf8').trim(), s));
}

export const readJson = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;

const BOILERPLATE = /^\[?ⓒ|무단 ?전재|재배포 금지/;

/** Every .txt in fixtures/<folder>/ as one document (id = file name); copyright lines go to `removed`. */
export function fixtureDocs(folder: string): NewsDoc[] {
  const dir = new URL(`../../fixtures/${folder}/`, import.meta.url);
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((name) => {
    const lines = readFileSync(new URL(name, dir), 'utf8').trim().split('\n');
    const doc = makeDoc(name.replace(/\.txt$/, ''), lines.filter((l) => !BOILERPLATE.test(l)).join('\n\n'));
    doc.removed = lines.filter((l) => BOILERPLATE.test(l)).map((text) => ({ text, rule: 'copyright-line' }));
    return { ...doc, source: name, key: name, contentHash: '' };
  });
}
