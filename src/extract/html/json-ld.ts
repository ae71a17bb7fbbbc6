// JSON-LD blocks → the article node (NewsArticle, Article, ReportageNewsArticle, BlogPosting …).
// Pages nest it in arrays and @graph, and often write slightly broken JSON (raw newlines, trailing commas).

export type LdNode = Record<string, unknown>;

// NewsArticle, ReportageNewsArticle, AnalysisNewsArticle, OpinionNewsArticle, BlogPosting, LiveBlogPosting, Report …
const ARTICLE_TYPE = /(?:Article|BlogPosting|^Report|SocialMediaPosting)$/;

function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Raw control characters inside strings and trailing commas are the usual breakage.
    const fixed = text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(fixed);
    } catch {
      return undefined;
    }
  }
}

function* flatten(value: unknown): Generator<LdNode> {
  if (Array.isArray(value)) {
    for (const v of value) yield* flatten(v);
  } else if (value && typeof value === 'object') {
    const node = value as LdNode;
    yield node;
    if (node['@graph']) yield* flatten(node['@graph']);
  }
}

const types = (node: LdNode): string[] => {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

/** All JSON-LD nodes of the page, flattened; `errors` counts blocks that could not be read. */
export function readJsonLd(doc: Document): { nodes: LdNode[]; errors: number } {
  const nodes: LdNode[] = [];
  let errors = 0;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const parsed = parseLenient(script.textContent ?? '');
    if (parsed === undefined) errors++;
    else nodes.push(...flatten(parsed));
  }
  return { nodes, errors };
}

/** The node that describes the article, preferring one with a body. */
export function findArticle(nodes: LdNode[]): LdNode | null {
  const articles = nodes.filter((n) => types(n).some((t) => ARTICLE_TYPE.test(t)));
  return articles.find((n) => typeof n.articleBody === 'string' && n.articleBody) ?? articles[0] ?? null;
}

/** The first string found at `key` (strings, {name}, {@value}, arrays of those). */
export function ldText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const all = value.map(ldText).filter((x): x is string => !!x);
    return all.length ? all.join(', ') : null;
  }
  if (value && typeof value === 'object') {
    const o = value as LdNode;
    return ldText(o.name ?? o['@value'] ?? o.url ?? null);
  }
  return null;
}

/** Decodes the HTML entities and drops the tags some sites leave inside articleBody (entities first: tags often arrive escaped). */
export function cleanLdBody(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|h[1-6]|li)>/gi, '\n\n')
    .replace(/<(?:script|style|iframe)\b[^>]*>[\s\S]*?<\/(?:script|style|iframe)>/gi, '')
    .replace(/<\/?[a-z][^>]*>/gi, '');
}
