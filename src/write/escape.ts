// The one escaping layer between text that strangers wrote and the user's site. Every string that came
// from a source (prose, titles, outlets, quotes, captions, table cells, footnotes, file names) passes
// through here on its way into Markdown; the renderer calls nothing else for source text.
//
// What each target does with a post before a reader sees it, and what we neutralise:
// - Jekyll runs Liquid over the whole file first (`{{ … }}`, `{% … %}`: site data, includes of local
//   files), then kramdown, which passes raw HTML through and reads `{: …}` attribute lists and `{::…}`
//   extensions, `$$` math, and `<scheme:…>` autolinks.
// - Hugo expands shortcodes first (`{{< … >}}`, `{{% … %}}`; an unknown one fails the build), then
//   goldmark (footnotes, tables, typographer, linkify).
// Braces become HTML entities, which neither template language reads and both Markdown renderers show as
// braces; `<`, `>` and `&` become entities too, so no tag, autolink or entity of the source's survives.
// One encoding serves both targets (the parameter names who reads the result, for callers and tests).

/** The static-site generator the Markdown is for; each reads different template syntax. */
export type Target = 'jekyll' | 'hugo';

/** C0/C1 controls (tab and newline are folded into spaces below) and the bidi overrides and isolates
 *  that could reorder what a reader sees; none belongs in a post. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Characters that mean something to HTML, Liquid, Hugo shortcodes or kramdown extensions, as entities. */
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '{': '&#123;', '}': '&#125;', '~': '&#126;', $: '&#36;' };

/** Source text as inert inline Markdown for the target (no HTML, no template code, no control chars):
 *  one line, entities for markup characters, backslashes before Markdown punctuation (emphasis, code
 *  spans, links, table pipes), and a line-start list or heading marker escaped. */
export function escapeText(text: string, _target: Target): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .replace(/[&<>{}~$]/g, (c) => ENTITY[c])
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/^(#+|[-+])(\s)/, '\\$1$2')
    .replace(/^(\d+)([.)])(\s)/, '$1\\$2$3');
}

/** Text for YAML front matter values: the YAML library quotes it, so only invisible characters and line
 *  breaks go (themes print titles and tags; neither belongs there). */
export function plainField(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Characters percent-encoded in a link target: ones Markdown, HTML attributes, Liquid or Hugo could read. */
const URL_UNSAFE = /[<>"'`()[\]{}\\|^\s]/g;

/** A link target only for http(s) URLs, percent-encoded; null for anything else (shown as text instead). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.replace(INVISIBLE, ''));
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password) return null;
  return parsed.href.replace(URL_UNSAFE, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
