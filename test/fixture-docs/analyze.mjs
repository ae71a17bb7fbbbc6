// Test support: builds NewsDocs from fixture folders, so analysis tests need no extract stage.
// Plain JS beside its types (analyze.d.mts) so it stays out of src/ and dist/; it uses the built
// newDoc, so run `tsc -p .` first (every test run does).
import { readdirSync, readFileSync } from 'node:fs';
import { newDoc } from '../../dist/doc.js';

export function makeDoc(id, body, spec = {}) {
  const { outlet = null, publishedAt = null, kind = 'report', subtitles = [] } = spec;
  return newDoc({ id, source: `${id}.txt`, key: id, contentHash: id, body, outlet, publishedAt, kind, subtitles });
}

/** Reads `docs.json` in a fixture folder and the text files it names. */
export function loadDocs(folder) {
  const specs = JSON.parse(readFileSync(new URL('docs.json', folder), 'utf8'));
  return specs.map((s) => makeDoc(s.id, readFileSync(new URL(s.file, folder), 'utf8').trim(), s));
}

export const readJson = (url) => JSON.parse(readFileSync(url, 'utf8'));

const BOILERPLATE = /^\[?ⓒ|무단 ?전재|재배포 금지/;

/** Every .txt in fixtures/<folder>/ as one document (id = file name); copyright lines go to `removed`. */
export function fixtureDocs(folder) {
  const dir = new URL(`../../fixtures/${folder}/`, import.meta.url);
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((name) => {
    const lines = readFileSync(new URL(name, dir), 'utf8').trim().split('\n');
    const doc = makeDoc(name.replace(/\.txt$/, ''), lines.filter((l) => !BOILERPLATE.test(l)).join('\n\n'));
    doc.removed = lines.filter((l) => BOILERPLATE.test(l)).map((text) => ({ text, rule: 'copyright-line' }));
    return { ...doc, source: name, key: name, contentHash: '' };
  });
}
