// The small progressive enhancement, served as /assets/workbench.js. The pages work without it; with
// it the post preview follows the typing and the add-sources page follows its job live (SSE).
// `enhance` runs in the browser: it is sent as its own source text, so it uses nothing from outside.
import { PREVIEW_DEBOUNCE_MS } from './tunables.js';

function enhance(debounceMs: number): void {
  const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';

  const editor = document.querySelector<HTMLTextAreaElement>('textarea[data-preview]');
  const preview = document.getElementById('preview');
  if (editor && preview) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    editor.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const body = new URLSearchParams({ markdown: editor.value });
        const response = await fetch(editor.dataset.preview!, { method: 'POST', body, headers: { 'x-csrf-token': csrf, accept: 'text/html; fragment' } });
        // The server sanitised this HTML (sanitize-html); the page's CSP stops anything that slipped through.
        if (response.ok) preview.innerHTML = await response.text();
      }, debounceMs);
    });
  }

  const job = document.getElementById('job');
  if (job && job.dataset.events && job.querySelector('[data-finished="false"]')) {
    const source = new EventSource(job.dataset.events);
    source.addEventListener('progress', (e) => {
      job.innerHTML = (e as MessageEvent<string>).data;
    });
    source.addEventListener('finished', (e) => {
      job.innerHTML = (e as MessageEvent<string>).data;
      source.close();
    });
  }
}

export const CLIENT_SCRIPT = `"use strict";\n(${enhance.toString()})(${PREVIEW_DEBOUNCE_MS});\n`;
