// HTML built by one tagged template that escapes every interpolated value unless it is already Html.
// Every string that came from an article reaches a page through here, so escaping is the default and
// never a step a page can forget.
import { safeHref } from '../write/escape.js';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** `html\`<p>${text}</p>\``: text is escaped, nested html and arrays of it are kept. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0];
  values.forEach((v, i) => (out += render(v) + strings[i + 1]));
  return new Html(out);
}

/** Trusted markup made elsewhere (the sanitised Markdown preview); never article text. */
export const trusted = (markup: string) => new Html(markup);

/** A link to an outside page, only for http(s) URLs; anything else is shown as plain text. */
export function externalLink(url: string | null | undefined, label: Value): Html {
  const href = safeHref(url);
  return href ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${label}</a>` : html`${label}`;
}

/** An ISO date or date-time as a person reads it: `2026-06-03 09:30` (the offset is KST throughout). */
export const shownDate = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '날짜 없음');
