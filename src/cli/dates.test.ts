// Dates are never invented: a page with no date anywhere (no metadata, no dateline, no year in its
// text) gives a post dated by the run, held back as a draft, with a warning. Never 1970.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kstDay } from '../dates.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const UNDATED = fileURLToPath(new URL('../../fixtures/cli/undated/notice.txt', import.meta.url));

for (const preset of ['jekyll', 'hugo'] as const) {
  test(`an undated page: the post takes the run's date, marked draft (${preset}), with a warning`, () => {
    const out = mkdtempSync(join(tmpdir(), 'newsdesk-undated-'));
    try {
      const day = kstDay(new Date());
      const r = spawnSync(process.execPath, [CLI, 'digest', UNDATED, '--out', out, '--db', ':memory:', '--preset', preset, '--json', '-', '--quiet'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const [post] = readdirSync(out);
      assert.ok(post.startsWith(`${day}-`), post);
      const markdown = readFileSync(join(out, post), 'utf8');
      assert.match(markdown, new RegExp(`^date: ["']?${day}`, 'm'));
      assert.match(markdown, preset === 'hugo' ? /^draft: true$/m : /^published: false$/m);
      assert.match(r.stderr, /warning write\/undated-post .*run's date/);
      assert.ok(!r.stdout.includes('1970') && !markdown.includes('1970'));
      assert.equal(JSON.parse(r.stdout).documents[0].publishedAt, null);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
}
