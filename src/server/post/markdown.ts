// The post preview: the Markdown the writer renders (or a person edited) turned into HTML by
// markdown-it with footnotes, then cleaned by sanitize-html so nothing typed or quoted can run.
// The editor's server-side preview and its live preview both come from here.
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import sanitizeHtml from 'sanitize-html';
import { parse as parseYaml } from 'yaml';
import { html, trusted, type Html } from '../html.js';

// Raw HTML is parsed because the writer emits some (<br> in table cells, as kramdown and goldmark
// render it); the sanitiser below is what keeps it harmless.
const md = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(footnote);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'code', 'pre',
    'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'sup', 'section'],
  allowedAttributes: { a: ['href', 'id', 'class'], sup: ['id', 'class'], li: ['id', 'class'], section: ['class'], th: ['style'], td: ['style'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
};

const FRONT_MATTER = /^(---|\+\+\+)\n([\s\S]*?)\n\1\n/;

/** Front matter (YAML or TOML, shown as text) and the body, apart. */
export function splitFrontMatter(markdown: string): { head: string | null; body: string } {
  const m = markdown.match(FRONT_MATTER);
  return m ? { head: m[2], body: markdown.slice(m[0].length) } : { head: null, body: markdown };
}

/** Sanitised HTML of a post: its front matter as a table, its body as the static-site generator would show it. */
export function renderPreview(markdown: string): Html {
  const { head, body } = splitFrontMatter(markdown);
  let fields: Html | string = '';
  if (head !== null) {
    let parsed: unknown = null;
    try {
      parsed = parseYaml(head);
    } catch {
      // TOML (Hugo) or a broken header: shown as text below.
    }
    fields = parsed && typeof parsed === 'object'
      ? html`<table class="front-matter"><tbody>${Object.entries(parsed).map(([k, v]) => html`<tr><th>${k}</th><td>${Array.isArray(v) ? v.join(', ') : String(v)}</td></tr>`)}</tbody></table>`
      : html`<pre>${head}</pre>`;
  }
  return html`${fields}${trusted(sanitizeHtml(md.render(body), SANITIZE))}`;
}
