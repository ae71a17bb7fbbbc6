// The one escaping layer between text that strangers wrote and the user's site. Every string that came
// from a source (prose, titles, outlets, quotes, captions, table cells, footnotes, file names) passes
// through here on its way into Markdown; the renderer calls nothing else for source text.
// Owner: the security work (issue 9) hardens these bodies; callers depend only on the signatures.
import { escapeInline } from './citations.js';

/** The static-site generator the Markdown is for; each reads different template syntax. */
export type Target = 'jekyll' | 'hugo';

/** Source text as inert inline Markdown for the target (no HTML, no template code, no control chars). */
export function escapeText(text: string, _target: Target): string {
  // eslint-disable-next-line no-control-regex
  return escapeInline(text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ''));
}

/** A link target only for http(s) URLs, percent-encoded; null for anything else (shown as text instead). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[<>"'`()[\]{}\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
