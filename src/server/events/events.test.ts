// The events list over a real store: Korean search (a two-syllable word goes through the store's
// scan for short terms), filters by outlet, date and entity, pagination, and the event page itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestWorkbench, type TestWorkbench } from '../fixture-server.js';

let w: TestWorkbench;
before(async () => (w = await startTestWorkbench(['walk', 'hostile', 'other'])));
after(() => w.dispose());

const eventLinks = async (query: string) => {
  const page = await (await fetch(`${w.url}/?${query}`)).text();
  return [...page.matchAll(/<a class="title" href="\/events\/([^"]+)">([^<]*)</g)].map((m) => m[2]);
};

test('the list shows every event with its outlets, size and whether there are findings, in Korean', async () => {
  const response = await fetch(w.url + '/');
  assert.equal(response.status, 200);
  const page = await response.text();
  assert.match(page, /<html lang="ko">/);
  assert.match(page, /기사 4건 · [^<]*누리뉴스/);
  assert.match(page, /엇갈린 보도 1/);
  assert.equal((await eventLinks('')).length, 2);
});

test('search finds a two-syllable Korean word and the filters narrow by outlet, date and entity', async () => {
  assert.deepEqual((await eventLinks('q=' + encodeURIComponent('공장'))).length, 1, '공장 is in the solar-panel story only');
  assert.match((await eventLinks('q=' + encodeURIComponent('공장')))[0], /새봄에너지/);
  assert.equal((await eventLinks('q=' + encodeURIComponent('도서관'))).length, 1, 'the library story');
  assert.equal((await eventLinks('q=' + encodeURIComponent('우주선'))).length, 0);
  assert.equal((await eventLinks('outlet=' + encodeURIComponent('다산비즈'))).length, 1);
  assert.equal((await eventLinks('date=2026-06-03')).length, 1);
  assert.equal((await eventLinks('date=2026-06-04')).length, 1);
  assert.equal((await eventLinks('entity=' + encodeURIComponent('정하늘'))).length, 1);
});

test('a long list paginates, keeping the filters in the page links', async () => {
  const small = await startTestWorkbench(['walk', 'other'], { eventsPerPage: 1 });
  try {
    const first = await (await fetch(`${small.url}/?q=${encodeURIComponent('밝혔다')}`)).text();
    assert.match(first, /1\/2쪽/);
    const next = first.match(/rel="next" href="([^"]+)"/)?.[1].replace(/&amp;/g, '&');
    assert.ok(next, 'a next link');
    assert.match(decodeURIComponent(next), /q=밝혔다/);
    const second = await (await fetch(small.url + next)).text();
    assert.match(second, /2\/2쪽/);
    assert.match(second, /rel="prev"/);
    assert.doesNotMatch(second, /rel="next"/);
    const titles = (html: string) => [...html.matchAll(/class="title" href="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(titles(first).length, 1);
    assert.notDeepEqual(titles(first), titles(second));
    const beyond = await (await fetch(`${small.url}/?page=999`)).text();
    assert.match(beyond, /2\/2쪽/, 'an out-of-range page shows the last page');
  } finally {
    await small.dispose();
  }
});
