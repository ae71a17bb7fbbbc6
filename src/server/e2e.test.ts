// The workbench end to end in a real browser (Debian's Chromium via playwright-core): the ten-step
// walk of issue 15, with a hostile article in the same event and typed into the editor. Every page
// the walk visits is checked: no dialog ever opens, no injected element exists.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startTestWorkbench, type TestWorkbench } from './fixture-server.js';

let w: TestWorkbench;
let browser: Browser;
before(async () => {
  w = await startTestWorkbench(['walk', 'hostile', 'other']);
  browser = await launchChromium();
});
after(async () => {
  await browser.close();
  await w.dispose();
});

const SHARED = '새봄에너지가 전남 영암군에 폐태양광 패널 재활용 공장을 짓는다고 3일 밝혔다.';

/** Fails the test on any dialog and checks the page holds nothing an article or an edit injected. */
function guard(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return async (where: string) => {
    const injected = await page.evaluate(() => ({
      scripts: [...document.scripts].map((s) => s.src || s.textContent || '').filter((s) => !s.endsWith('/assets/workbench.js')),
      handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href).filter((h) => !/^https?:/.test(h)),
      images: document.querySelectorAll('img, iframe, object, embed').length,
    }));
    assert.deepEqual(dialogs, [], `${where}: no dialog`);
    assert.deepEqual(injected, { scripts: [], handlers: [], links: [], images: 0 }, `${where}: nothing injected`);
  };
}

test('the ten-step walk: list, search, event, shared sentence, finding, restore, edit, save, regenerate, export', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const check = guard(page);

  // 1. list the events
  await page.goto(w.url + '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  assert.equal(await page.locator('.events li').count(), 2);
  await check('events list');

  // 2. search a Korean two-syllable word (typed, submitted with the keyboard)
  await page.getByLabel('검색어').fill('공장');
  await page.getByLabel('검색어').press('Enter');
  await page.waitForURL(/q=/);
  assert.equal(await page.locator('.events li').count(), 1);
  await check('search');

  // 3. open an event
  await page.locator('.events a.title').first().click();
  await page.waitForURL(/\/events\/[^/]+$/);
  await check('event page');

  // 4. one shared sentence highlighted in 3 sources, each in its own outlet column
  const shared = page.locator('.column .sent.shared', { hasText: SHARED });
  assert.equal(await shared.count(), 3);
  const columns = await shared.evaluateAll((els) => els.map((e) => e.closest('.column')!.getAttribute('aria-label')));
  assert.equal(new Set(columns).size, 3);
  const colours = await shared.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
  assert.ok(colours.every((c) => c === colours[0] && c !== 'rgba(0, 0, 0, 0)'), `highlighted: ${colours}`);
  assert.ok((await page.locator('.sent.solo').count()) > 0, 'single-outlet sentences are marked');

  // 5. a finding next to its figures; the figure link jumps to the source sentence
  const row = page.locator('tr', { hasText: '2400억원' });
  assert.match(await row.locator('div.finding').innerText(), /coverage-gap.*2400억원 — 일부 보도만 언급 \(newsdesk: 1\/4\)/s);
  const figureLink = row.locator('a.figure-link').first();
  const target = (await figureLink.getAttribute('href'))!;
  await figureLink.click();
  assert.ok(page.url().endsWith(target));
  assert.match(await page.locator(target).innerText(), /2400억원/);
  assert.ok(await page.locator(target).evaluate((e) => e.matches(':target')));
  const footnote = page.locator('a.footnote').first();
  const footTarget = (await footnote.getAttribute('href'))!;
  await footnote.click();
  assert.ok(page.url().endsWith(footTarget));
  assert.equal(await page.locator(footTarget).count(), 1);

  // 6. restore a removed line (keyboard: open the section, then press the button)
  const column = page.locator('.column[aria-label="한빛일보"]');
  await column.locator('summary', { hasText: '걸러낸 줄' }).focus();
  await page.keyboard.press('Enter');
  const line = column.locator('li', { hasText: '이 시각 많이 본 뉴스' });
  await line.getByRole('button', { name: '본문으로 되돌리기' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/notice=restored/);
  assert.match(await page.locator('.notice').innerText(), /되돌렸습니다/);
  assert.equal(await page.locator('.column[aria-label="한빛일보"] .sent.restored', { hasText: '이 시각 많이 본 뉴스' }).count(), 1);
  await check('after restore');

  // 7. edit the post: the live preview follows, through the same server renderer
  await page.getByRole('link', { name: '글 편집' }).click();
  await page.waitForURL(/\/post$/);
  const editor = page.locator('textarea#markdown');
  const generated = await editor.inputValue();
  const edit = '\n\n편집자 메모: 공장 가동 일정은 회사 발표를 따랐다.\n\n[나쁜 링크](javascript:alert(1)) <img src=x onerror=alert(2)> <script>alert(3)</script>\n';
  await editor.focus();
  await page.keyboard.press('Control+End');
  await editor.pressSequentially(edit, { delay: 0 });
  await page.locator('#preview', { hasText: '편집자 메모' }).waitFor();
  assert.match(await page.locator('#preview').innerText(), /\[나쁜 링크\]\(javascript:alert\(1\)\)/);
  await check('live preview of a hostile edit');

  // 8. save
  await page.getByRole('button', { name: '저장' }).click();
  await page.waitForURL(/notice=saved/);
  assert.equal(await editor.inputValue(), generated + edit);
  assert.match(await page.locator('.revisions').innerText(), /2판 · 편집/);
  await check('saved');

  // 9. regenerate and see the diff; nothing is overwritten
  await page.getByRole('button', { name: /다시 생성/ }).click();
  await page.locator('pre.diff').waitFor();
  assert.match(await page.locator('pre.diff del').allInnerTexts().then((t) => t.join('')), /편집자 메모/);
  await check('diff');
  await page.getByRole('link', { name: /편집으로 돌아가기/ }).click();
  assert.equal(await editor.inputValue(), generated + edit, 'the edit is still the current text');

  // 10. export, then read the exported file from disk
  await page.getByRole('button', { name: /내보내기/ }).click();
  const notice = await page.locator('.notice').innerText();
  const path = notice.match(/내보냈습니다: (.+)$/)![1].trim();
  assert.ok(path.startsWith(w.postsDir + '/'), path);
  const exported = readFileSync(path, 'utf8');
  assert.equal(exported, generated + edit);
  await page.close();
});

test('a hostile article pasted through the add-sources page never runs anywhere it is shown', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const check = guard(page);
  await page.goto(w.url + '/sources');
  const hostile = readFileSync(new URL('../../fixtures/server/hostile/hostile.txt', import.meta.url), 'utf8')
    .replaceAll('가짜일보', '나쁜일보');
  await page.getByLabel(/기사 붙여넣기/).fill(hostile);
  await page.getByRole('button', { name: '추가하기' }).click();
  await page.locator('#job-result').waitFor({ timeout: 120_000 });
  assert.match(await page.locator('.progress').innerText(), /붙여넣기 1 — 완료/);
  await check('job page');
  await page.goto(w.url + '/?outlet=' + encodeURIComponent('나쁜일보'));
  await check('list with the hostile outlet');
  await page.locator('.events a.title').first().click();
  await check('event with the hostile article');
  const hostileTitle = page.locator('.column h4', { hasText: "<script>alert('title')</script>" });
  assert.ok((await hostileTitle.count()) >= 1, 'the title is shown as text');
  for (const caption of await page.locator('details summary', { hasText: '사진 설명' }).all()) await caption.click();
  await check('captions open');
  await page.getByRole('link', { name: '글 편집' }).click();
  await check('editor with hostile quotes');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `usable at 360 px: the page is ${width}px wide`);
  // The post as the writer makes it now, with the hostile article among its sources, replaces the walk's edit.
  await page.getByRole('button', { name: /다시 생성/ }).click();
  await page.locator('pre.diff').waitFor();
  await check('diff with hostile sources');
  await page.getByRole('button', { name: /새 글로 바꾸기/ }).click();
  await page.waitForURL(/notice=accepted/);
  await check('accepted');
  await page.getByRole('button', { name: /내보내기/ }).click();
  const path = (await page.locator('.notice').innerText()).match(/내보냈습니다: (.+)$/)![1].trim();
  const exported = readFileSync(path, 'utf8');
  assert.match(exported, /나쁜일보/, 'the hostile article is among the sources');
  assert.doesNotMatch(exported, /<script|<img|onerror=|\]\(javascript:/i, 'the exported post carries no live HTML or script link');
  assert.doesNotMatch(exported.replace(/^---\n[\s\S]*?\n---\n/, ''), /\{\{|\{%/, 'no Liquid or Hugo template syntax survives into the body');
  await page.close();
});
