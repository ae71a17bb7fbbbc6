// <link rel="canonical"> from a page's head, so AMP/mobile/syndicated copies share one key.

/** How far into a page to look for the canonical link; it belongs in <head>. */
const HEAD_SCAN_BYTES = 65536;

/** The absolute http(s) canonical URL a page declares, or null. */
export function canonicalFromHtml(bytes: Uint8Array, pageUrl: string): string | null {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, HEAD_SCAN_BYTES));
  for (const tag of head.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = tag.match(/\brel\s*=\s*["']?([^"'>]+)/i)?.[1] ?? '';
    if (!/(^|\s)canonical(\s|$)/i.test(rel.trim())) continue;
    const href = tag.match(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i);
    const value = (href?.[1] ?? href?.[2] ?? href?.[3] ?? '').replace(/&amp;/g, '&').trim();
    if (!value) continue;
    try {
      const url = new URL(value, pageUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // an unusable canonical link is ignored; the fetched URL stands
    }
  }
  return null;
}
