// `npm run screenshots`: one picture per workbench page into docs/screenshots/, from the fixture store
// and Debian's Chromium. Run it after a page changes, look at the pictures, then commit them.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.js';
import { firstEventId, startTestWorkbench } from './fixture-server.js';

const out = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

async function main() {
  mkdirSync(out, { recursive: true });
  const w = await startTestWorkbench(['walk', 'hostile', 'other']);
  const browser = await launchChromium();
  try {
    // The solar-panel event: three outlets, a finding, a hostile fourth source.
    const id = await firstEventId(w, '공장');
    const shots: [string, string, number, boolean][] = [
      ['events.png', '/?q=' + encodeURIComponent('공장'), 1280, false],
      ['event.png', `/events/${id}`, 1280, true],
      ['event-360.png', `/events/${id}`, 360, false],
      ['post-editor.png', `/events/${id}/post`, 1280, false],
      ['sources.png', '/sources', 1280, false],
    ];
    const page = await browser.newPage();
    for (const [file, path, width, full] of shots) {
      await page.setViewportSize({ width, height: width < 500 ? 740 : 900 });
      await page.goto(w.url + path);
      await page.screenshot({ path: out + file, fullPage: full });
      process.stdout.write(`${out}${file}\n`);
    }
    // The regenerate diff after an edit, and a finished add-sources job with one failing source.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${w.url}/events/${id}/post`);
    await page.locator('textarea#markdown').fill((await page.locator('textarea#markdown').inputValue()).replace('\n## ', '\n편집자 메모: 가동 일정은 회사 발표를 따랐다.\n\n## '));
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByRole('button', { name: /다시 생성/ }).click();
    await page.locator('pre.diff').waitFor();
    await page.screenshot({ path: out + 'regenerate-diff.png' });
    process.stdout.write(`${out}regenerate-diff.png\n`);
    await page.goto(w.url + '/sources');
    await page.getByLabel(/기사 붙여넣기/).fill('사회\n청솔시, 도서관 옆에 놀이터도 짓는다\n청솔시가 새 어린이 도서관 옆에 놀이터를 함께 짓는다고 6일 밝혔다.\n');
    await page.getByLabel(/URL/).fill('http://127.0.0.1:9/feed.xml');
    await page.getByRole('button', { name: '추가하기' }).click();
    await page.locator('#job-result').waitFor({ timeout: 120_000 });
    await page.screenshot({ path: out + 'sources-progress.png' });
    process.stdout.write(`${out}sources-progress.png\n`);
  } finally {
    await browser.close();
    await w.dispose();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
