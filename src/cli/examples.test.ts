// End to end: `newsdesk digest examples/` as a user runs it, checked against examples/expected.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist', 'cli', 'main.js');
const examples = join(root, 'examples');
const expected = JSON.parse(readFileSync(join(examples, 'expected.json'), 'utf8'));

interface Doc { id: string; source: string; body: string; captions: string[]; kind: string; outlet: string | null }
interface Digest { documents: Doc[]; clusters: { members: string[]; post: { path: string; markdown: string } }[] }

const fold = (s: string) => s.replace(/\s+/g, '');

function runExamples() {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-examples-'));
  const json = join(dir, 'digest.json');
  const out = join(dir, 'posts');
  const run = spawnSync(process.execPath, [cli, 'digest', examples, '--json', json, '--out', out, '--db', join(dir, 'nd.db')], {
    encoding: 'utf8',
  });
  return { dir, run, json, out };
}

test('digest examples/: clusters follow the event folders, boilerplate is gone, posts are written', () => {
  const { dir, run, json, out } = runExamples();
  try {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /digest JSON: .*digest\.json/);
    assert.match(run.stdout, /posts: 3 written in /);
    const digest: Digest = JSON.parse(readFileSync(json, 'utf8'));
    const rel = (d: Doc) => relative(examples, d.source);
    const byId = new Map(digest.documents.map((d) => [d.id, d]));
    assert.equal(digest.documents.length, 11, 'every example file is read');

    // Clusters: one per event folder, nothing else.
    const found = digest.clusters.map((c) => c.members.map((id) => rel(byId.get(id)!)).sort());
    const wanted = Object.entries(expected.clusters as Record<string, string[]>).map(([folder, files]) =>
      files.map((f) => `${folder}/${f}`).sort(),
    );
    assert.deepEqual(found.sort(), wanted.sort());

    // No boilerplate line survives in any body; captions are kept apart.
    for (const d of digest.documents) {
      for (const line of expected.boilerplate[rel(d)] ?? []) {
        assert.ok(!fold(d.body).includes(fold(line)), `${rel(d)} still has boilerplate: ${line}`);
      }
      for (const credit of expected.captions[rel(d)] ?? []) {
        assert.ok(d.captions.some((c) => c.includes(credit)), `${rel(d)} caption with "${credit}" kept apart`);
        assert.ok(!d.body.includes(credit), `${rel(d)} caption credit "${credit}" left in body`);
      }
      const outlet = expected.outlets[rel(d)];
      if (outlet) assert.equal(d.outlet, outlet, `${rel(d)} outlet`);
      assert.equal(d.kind, expected.derivatives.includes(rel(d)) ? 'derivative' : 'report', `${rel(d)} kind`);
    }

    // One post per cluster, each with front matter.
    const posts = readdirSync(out).filter((f) => f.endsWith('.md'));
    assert.equal(posts.length, 3);
    for (const p of posts) {
      assert.match(p, /^\d{4}-\d{2}-\d{2}-.+\.md$/);
      assert.match(readFileSync(join(out, p), 'utf8'), /^---\n[\s\S]*?title:[\s\S]*?\n---\n/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
