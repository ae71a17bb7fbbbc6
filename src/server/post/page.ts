// The post editor and the regenerate diff. Without JavaScript the preview button re-renders the page;
// with it, the preview follows the typing (the same server renderer either way).
import { diffLines } from 'diff';
import { html, type Html } from '../html.js';
import { csrfField } from '../layout.js';
import type { Revision } from '../../store/index.js';
import { renderPreview } from './markdown.js';

const ORIGIN_LABEL: Record<Revision['origin'], string> = { generated: '자동 생성', edited: '편집', regenerated: '다시 생성' };

export interface EditorInput {
  cluster: string;
  title: string;
  markdown: string;
  revisions: Revision[];
  /** The revision shown, when it is not the latest. */
  shown: number;
  exportName: string;
  postsDir: string;
  csrf: string;
  notice?: string | null;
}

export function editorPage(e: EditorInput): Html {
  const base = `/events/${e.cluster}/post`;
  return html`<h1>글 편집: ${e.title}</h1>
  ${e.notice ? html`<p class="notice" role="status">${e.notice}</p>` : ''}
  <p class="muted"><a href="/events/${e.cluster}">← 사건으로</a> · 내보낼 곳: ${e.postsDir}/${e.exportName}</p>
  <form method="post" action="${base}" id="editor-form">${csrfField(e.csrf)}
    <div class="editor">
      <label>Markdown <textarea name="markdown" id="markdown" spellcheck="false" data-preview="${base}/preview">${e.markdown}</textarea></label>
      <section class="preview" id="preview" aria-live="polite" aria-label="미리보기">${renderPreview(e.markdown)}</section>
    </div>
    <div class="actions">
      <button type="submit" id="save">저장</button>
      <button type="submit" class="secondary" formaction="${base}/preview">미리보기 새로고침</button>
    </div>
  </form>
  <div class="actions">
    <form method="post" action="${base}/regenerate">${csrfField(e.csrf)}<button type="submit" class="secondary" id="regenerate">다시 생성 (차이 보기)</button></form>
    <form method="post" action="${base}/export">${csrfField(e.csrf)}<button type="submit" id="export">_posts로 내보내기</button></form>
  </div>
  <h2>저장된 판</h2>
  <ol class="revisions">${e.revisions.map((r) => html`<li>${r.number === e.shown ? html`<strong>${r.number}판</strong>` : html`<a href="${base}?rev=${r.number}">${r.number}판</a>`}
    · ${ORIGIN_LABEL[r.origin]} · <time datetime="${r.savedAt}">${r.savedAt.slice(0, 19).replace('T', ' ')}</time></li>`)}</ol>`;
}

/** Unified line diff as HTML: removed lines in <del>, added in <ins>. */
export function lineDiff(before: string, after: string): { html: Html; changed: boolean } {
  const parts = diffLines(before, after);
  const changed = parts.some((p) => p.added || p.removed);
  return {
    changed,
    html: html`<pre class="diff">${parts.map((p) => (p.added ? html`<ins>${p.value}</ins>` : p.removed ? html`<del>${p.value}</del>` : p.value))}</pre>`,
  };
}

export function regeneratePage(o: { cluster: string; title: string; current: Revision; regenerated: string; csrf: string }): Html {
  const d = lineDiff(o.current.markdown, o.regenerated);
  const base = `/events/${o.cluster}/post`;
  return html`<h1>다시 생성: ${o.title}</h1>
  <p>저장된 ${o.current.number}판(${ORIGIN_LABEL[o.current.origin]})과 새로 생성한 글의 차이입니다. 바꾸기 전에는 아무것도 덮어쓰지 않습니다.</p>
  ${d.changed ? d.html : html`<p class="notice" role="status" id="no-change">차이가 없습니다.</p>`}
  <div class="actions">
    ${d.changed ? html`<form method="post" action="${base}/accept">${csrfField(o.csrf)}<input type="hidden" name="markdown" value="${o.regenerated}"><button type="submit" id="accept">새 글로 바꾸기 (새 판으로 저장)</button></form>` : ''}
    <a href="${base}">편집으로 돌아가기 (바꾸지 않음)</a>
  </div>`;
}
