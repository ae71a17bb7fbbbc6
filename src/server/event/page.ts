// The event page: sources side by side, removed lines that can be restored, entities, figures with
// their findings, timeline, quotes, and the post's sentences with footnotes that jump to the sources.
import type { NewsDoc, PostSentence } from '../../types.js';
import type { StoredCluster } from '../../store/index.js';
import { html, externalLink, shownDate, type Html } from '../html.js';
import { csrfField } from '../layout.js';
import { mentionAnchor, type EventView, type ShownSentence } from './view.js';
import { VERDICT_WORDS } from '../../write/findings.js';

const TYPE_LABEL: Record<string, string> = {
  person: '인물', organization: '기업·기관', project: '프로젝트', product: '제품', place: '장소', other: '기타',
};

function sentence(s: ShownSentence): Html {
  const shared = s.outlets.length > 1;
  const cls = ['sent', shared ? 'shared' : 'solo', s.restored ? 'restored' : ''].filter(Boolean).join(' ');
  const label = shared ? `${s.outlets.length}곳 보도: ${s.outlets.join(', ')}` : '이 매체만 보도';
  return html`<span class="${cls}" id="${s.anchor}" title="${label}" data-outlets="${s.outlets.length}">${s.text}</span> `;
}

function removedList(doc: NewsDoc, stored: { removed: { text: string; rule: string }[] }, restored: Set<number>, csrf: string): Html {
  const items = stored.removed.map((r, i) => html`<li>${r.text} <span class="muted">(${r.rule})</span>
    ${restored.has(i)
      ? html`<span class="badge">본문으로 되돌림</span>`
      : html`<form method="post" action="/documents/${doc.id}/restore">${csrfField(csrf)}<input type="hidden" name="removal" value="${i}"><button type="submit" class="secondary">본문으로 되돌리기</button></form>`}</li>`);
  return html`<details><summary>걸러낸 줄 (${stored.removed.length})</summary><ul>${items}</ul></details>`;
}

export interface EventPageInput {
  cluster: StoredCluster;
  view: EventView;
  docs: Map<string, NewsDoc>;
  /** The stored (unrestored) removed lists and which of their lines were restored. */
  removed: Map<string, { list: { text: string; rule: string }[]; restored: Set<number> }>;
  postSentences: PostSentence[];
  csrf: string;
  notice?: string | null;
}

export function eventPage({ cluster, view, docs, removed, postSentences, csrf, notice }: EventPageInput): Html {
  const a = cluster.analysis;
  const footnoteNumber = new Map([...docs.keys()].map((id, i) => [id, i + 1]));
  // One footnote per document, in number order, each jumping to the sentence that carries the mention.
  const footnotes = (mentions: { document: string; start: number; end: number; field?: unknown }[]) =>
    [...new Map(mentions.map((m) => [m.document, m])).values()]
      .sort((x, y) => (footnoteNumber.get(x.document) ?? 0) - (footnoteNumber.get(y.document) ?? 0))
      .map((m) => {
      const anchor = mentionAnchor(m as never, docs);
      const n = footnoteNumber.get(m.document);
      return anchor && n ? html`<sup><a class="footnote" href="#${anchor}" aria-label="${docs.get(m.document)?.outlet ?? ''} 원문 문장으로">[${n}]</a></sup>` : '';
    });

  const columns = view.columns.map((col) => html`<section class="column" aria-label="${col.outlet}">
    <h3>${col.outlet}</h3>
    ${col.documents.map(({ doc, paragraphs }) => html`<article data-document="${doc.id}">
      <h4>${externalLink(doc.url, doc.title ?? '제목 없음')}</h4>
      <p class="muted">${shownDate(doc.publishedAt)}${doc.reporter ? html` · ${doc.reporter}` : ''} · <a href="/api/documents/${doc.id}">JSON</a></p>
      ${paragraphs.map((p) => html`<p>${p.map(sentence)}</p>`)}
      ${doc.captions.length ? html`<details><summary>사진 설명 (${doc.captions.length})</summary><ul>${doc.captions.map((c) => html`<li>${c}</li>`)}</ul></details>` : ''}
      ${removedList(doc, { removed: removed.get(doc.id)?.list ?? [] }, removed.get(doc.id)?.restored ?? new Set(), csrf)}
    </article>`)}
  </section>`);

  const entities = a.entities.map((e) => html`<tr><td>${e.name}</td><td>${TYPE_LABEL[e.type] ?? e.type}</td><td>${e.role ?? ''}</td><td>${e.documents.length}</td></tr>`);
  const figures = view.figures.map((f) => html`<tr>
    <td>${f.variants.map((v) => html`<div>${v.text} <span class="muted">(${v.outlets.join('·')})</span></div>`)}</td>
    <td>${f.context}${f.conversionNote ? html` <span class="muted">${f.conversionNote}</span>` : ''}</td>
    <td>${f.anchors.map((x) => html`<a class="figure-link" href="#${x.anchor}">${x.outlet}</a> `)}</td>
    <td class="findings">${f.findings.map((x) => html`<div class="finding"><span class="badge finding">${x.kind}</span> ${x.about}${x.verdict ? html` — ${VERDICT_WORDS[x.verdict]}` : ''}${x.computed ? html` (newsdesk: ${x.computed})` : ''}</div>`)}</td>
  </tr>`);
  const timeline = a.timeline.map((t) => html`<li><strong>${t.when.replace('T', ' ')}</strong>${t.inferred ? ' (날짜 추정)' : ''} ${t.what} ${footnotes(t.mentions)}</li>`);
  const quotes = view.quotes.map((g) => html`<div class="quote-group"><strong>${g.speaker ?? '발언자 미상'}</strong>
    <ul>${g.quotes.map((q) => html`<li>“${q.text}” — ${q.anchor ? html`<a href="#${q.anchor}">${q.outlet}</a>` : q.outlet}</li>`)}</ul></div>`);
  const post = postSentences.map((s) => html`<li>${s.text} ${footnotes(s.mentions)}</li>`);

  return html`<h1>${view.title}</h1>
  <p class="muted">${shownDate(view.date)} · ${view.outlets.length}개 매체 · 기사 ${cluster.members.length}건</p>
  ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
  <p class="actions"><a href="/events/${cluster.id}/post">글 편집</a> <a href="/api/clusters/${cluster.id}">JSON</a></p>
  <h2 id="sources">매체별 원문</h2>
  <p class="legend muted"><span><span class="sent shared">노란 배경</span> 여러 매체가 같은 문장</span><span><span class="sent solo">점선 밑줄</span> 한 매체만</span><span><span class="sent restored">초록</span> 되돌린 줄</span></p>
  <div class="columns">${columns}</div>
  <h2 id="figures">숫자와 엇갈린 보도</h2>
  ${figures.length ? html`<div class="table-wrap"><table><thead><tr><th>수치 (기사 표기)</th><th>맥락</th><th>원문</th><th>발견</th></tr></thead><tbody>${figures}</tbody></table></div>` : html`<p class="muted">수치가 없습니다.</p>`}
  ${view.otherFindings.length ? html`<ul>${view.otherFindings.map((f) => html`<li><span class="badge finding">${f.kind}</span> ${f.about}: ${f.values.join(' / ')} ${f.mentions ? footnotes(f.mentions) : ''}</li>`)}</ul>` : ''}
  <h2 id="entities">인물·기관</h2>
  <div class="table-wrap"><table><thead><tr><th>이름</th><th>종류</th><th>역할</th><th>기사 수</th></tr></thead><tbody>${entities}</tbody></table></div>
  <h2 id="timeline">타임라인</h2><ul>${timeline}</ul>
  <h2 id="quotes">발언</h2>${quotes}
  <h2 id="post">글의 문장과 출처</h2><ol class="post-sentences">${post}</ol>`;
}
