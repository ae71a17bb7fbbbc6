// Tags of a post (front matter) over a fictional two-report fire (fixtures/write/tags-anonymised/): the person the
// reports name most is anonymised (김모씨, 김씨), so the name analysis finds is a surname alone, which is no tag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { digestFolder } from '../../test/fixture-docs/digest.mjs';
import { POST } from './tunables.js';

test('tags-anonymised: a one-character name (a surname alone) is not a tag; the next names are', async () => {
  const result = await digestFolder('tags-anonymised', '2026-09-04');
  assert.equal(result.clusters.length, 1);
  const [cluster] = result.clusters;
  const most = [...cluster.entities].sort((a, b) => b.mentions.length - a.mentions.length)[0];
  assert.deepEqual([most.name, most.type], ['김', 'person'], 'the case holds: the most named is the surname alone');
  const fm = parse(cluster.post.markdown.match(/^---\n([\s\S]*?)\n---\n/)![1]) as { tags: string[] };
  assert.ok(fm.tags.every((t) => [...t].length >= POST.minTagChars), `tags: ${fm.tags.join(', ')}`);
  assert.deepEqual(fm.tags, ['한솔소방서']);
});
