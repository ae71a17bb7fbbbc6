// The events list page: search, filters, one line per event, pagination. Works as a plain GET form.
import { html, shownDate, type Html } from '../html.js';
import type { EventFilters, EventList } from './query.js';

function pageLink(f: EventFilters, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, page })) if (v !== undefined && v !== '') params.set(k, String(v));
  return `/?${params}`;
}

export function eventsPage(list: EventList, f: EventFilters): Html {
  const items = list.events.map((e) => html`<li>
    <a class="title" href="/events/${e.id}">${e.title}</a>
    <div class="muted">${shownDate(e.date)} · 기사 ${e.size}건 · ${e.outlets.join(', ')}</div>
    ${e.findings ? html`<span class="badge finding">엇갈린 보도 ${e.findings}</span>` : html`<span class="badge">발견 없음</span>`}
  </li>`);
  return html`<h1>사건 목록</h1>
  <form class="filters" method="get" action="/" role="search">
    <label>검색어 <input type="search" name="q" value="${f.q ?? ''}" placeholder="예: 공장"></label>
    <label>매체 <select name="outlet"><option value="">전체</option>${list.outlets.map((o) => html`<option value="${o}"${o === f.outlet ? html` selected` : ''}>${o}</option>`)}</select></label>
    <label>날짜 <input type="date" name="date" value="${f.date ?? ''}"></label>
    <label>인물·기관 <input type="text" name="entity" value="${f.entity ?? ''}"></label>
    <button type="submit">찾기</button>
  </form>
  <p class="muted" role="status">${list.total}건${list.pages > 1 ? ` · ${list.page}/${list.pages}쪽` : ''}</p>
  ${list.events.length ? html`<ul class="events">${items}</ul>` : html`<p>조건에 맞는 사건이 없습니다. <a href="/sources">소스를 추가</a>하세요.</p>`}
  ${list.pages > 1 ? html`<nav class="pager" aria-label="쪽">
    ${list.page > 1 ? html`<a rel="prev" href="${pageLink(f, list.page - 1)}">← 이전</a>` : ''}
    <span>${list.page} / ${list.pages}</span>
    ${list.page < list.pages ? html`<a rel="next" href="${pageLink(f, list.page + 1)}">다음 →</a>` : ''}
  </nav>` : ''}`;
}
