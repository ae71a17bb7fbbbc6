// Test support: loads a fixtures/cluster/<case>/ folder of fictional articles as NewsDocs.
// Article file format: `key: value` header lines (title, date, kind), a `---` line, then the raw body.
// Plain JS beside its types (cluster.d.mts); it uses the built code, so run `tsc -p .` first.
import { readFileSync, readdirSync } from 'node:fs';
import { shortId } from '../../dist/ids.js';
import { newDoc } from '../../dist/doc.js';

export function loadFixture(name) {
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

export function makeDoc(source, body, meta = {}) {
  const kind = meta.kind === 'derivative' ? 'derivative' : 'report';
  return newDoc({ id: shortId('d', source), source, body, title: meta.title ?? null, publishedAt: meta.date ?? null, kind });
}
