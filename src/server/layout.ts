// The frame around every page: lang="ko", the Korean font stack, a skip link, the navigation, and the
// CSRF token the forms and the small script send back.
import { html, type Html } from './html.js';

export interface PageOptions {
  title: string;
  csrf: string;
  body: Html;
}

export function page({ title, csrf, body }: PageOptions): string {
  return html`<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${csrf}">
<title>${title} — newsdesk</title>
<link rel="stylesheet" href="/assets/workbench.css">
<script src="/assets/workbench.js" defer></script>
</head>
<body>
<a class="skip" href="#main">본문 바로가기</a>
<header><nav aria-label="주 메뉴"><a class="brand" href="/">newsdesk</a><a href="/">사건 목록</a><a href="/sources">소스 추가</a><a href="/api/openapi.json">API</a></nav></header>
<main id="main">
${body}
</main>
</body>
</html>
`.value;
}

/** The hidden field every form that changes something carries. */
export const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;
