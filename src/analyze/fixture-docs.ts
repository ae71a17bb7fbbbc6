// Test helper: fictional fixture articles as NewsDocs (body = the file, less lines marked as removed).
import { readdirSync, readFileSync } from 'node:fs';
import type { NewsDoc } from '../types.js';

const BOILERPLATE = /^\[?ⓒ|무단 ?전재|재배포 금지/;

export function fixtureDocs(folder: string): NewsDoc[] {
  const dir = new URL(`../../fixtures/${folder}/`, import.meta.url);
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((name) => {
    const lines = readFileSync(new URL(name, dir), 'utf8').trim().split('\n');
    const kept = lines.filter((l) => !BOILERPLATE.test(l));
    const removed = lines.filter((l) => BOILERPLATE.test(l)).map((text) => ({ text, rule: 'copyright-line' }));
    return {
      id: name.replace(/\.txt$/, ''), source: name, key: name, format: 'txt', encoding: 'utf-8', contentHash: '',
      outlet: null, aggregator: null, title: null, subtitles: [], section: null, reporter: null, email: null,
      publishedAt: null, url: null, kind: 'report', frontMatter: null, body: kept.join('\n\n'), headings: [], captions: [],
      removed, sentences: [], evidence: {}, messages: [],
    } satisfies NewsDoc;
  });
}
