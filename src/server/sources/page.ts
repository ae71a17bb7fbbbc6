// The add-sources form (paste, upload, URLs and feeds) and the job page that follows each source.
import { html, type Html } from '../html.js';
import { csrfField } from '../layout.js';
import { MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_FILES } from '../tunables.js';
import type { JobState } from './jobs.js';

const STATE_LABEL: Record<string, string> = { waiting: '대기', reading: '읽는 중', queued: '작업 대기열', done: '완료', error: '오류' };

export function sourcesPage(csrf: string, error?: string | null): Html {
  return html`<h1>소스 추가</h1>
  ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
  <form method="post" action="/sources" enctype="multipart/form-data">${csrfField(csrf)}
    <label>기사 붙여넣기 (여러 건은 <code>----</code> 한 줄로 나눕니다)<textarea name="text" rows="8"></textarea></label>
    <label>파일 올리기 (.txt .md .html, .gz 가능; 최대 ${MAX_UPLOAD_FILES}개, 개당 ${MAX_UPLOAD_FILE_BYTES / 1024 / 1024}MB)<input type="file" name="files" multiple></label>
    <label>URL·피드·사이트맵 (한 줄에 하나)<textarea name="urls" rows="4" placeholder="https://example.com/feed.xml"></textarea></label>
    <div class="actions"><button type="submit" id="add-sources">추가하기</button></div>
  </form>`;
}

export function jobList(job: JobState): Html {
  return html`<ul class="progress" id="job-progress" data-finished="${String(job.finished)}">${job.sources.map((s) => html`<li data-state="${s.state}">
    <strong>${s.label}</strong> — ${STATE_LABEL[s.state]}${s.documents ? ` (문서 ${s.documents}건)` : ''}
    ${s.errors.length ? html`<ul class="error">${s.errors.map((e) => html`<li>${e}</li>`)}</ul>` : ''}</li>`)}</ul>
  ${job.finished && job.result ? html`<p class="notice" role="status" id="job-result">문서 ${job.result.documents}건을 읽어 사건 ${job.result.events}개가 되었습니다. <a href="/">사건 목록 보기</a></p>` : ''}`;
}

export function jobPage(job: JobState): Html {
  return html`<h1>소스 추가 진행</h1>
  <div id="job" data-events="/sources/jobs/${job.id}/events">${jobList(job)}</div>
  ${job.finished ? '' : html`<noscript><p><a href="/sources/jobs/${job.id}">새로고침</a>하면 진행 상황이 갱신됩니다.</p></noscript>`}`;
}
