// The two-character pieces a document is indexed by and a query term looks up (PostgreSQL search).
// Why bigrams: most Korean words are two syllables (삼성, 회동), and pg_trgm's three-character pieces
// cannot index a two-character query; Debian ships no pg_bigm. A term's bigrams narrow the rows
// through the GIN index; a substring test then confirms each hit (bigrams in any order would match).

/** Distinct bigrams of lowercased `text`, none spanning whitespace (query terms never contain any). */
export function bigrams(text: string): string[] {
  const chars = [...text.toLowerCase()];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i];
    const b = chars[i + 1];
    if (/\s/u.test(a) || /\s/u.test(b)) continue;
    out.add(a + b);
  }
  return [...out];
}

/** What a document is indexed by: its title and body together. */
export const documentGrams = (title: string | null, body: string) => bigrams(`${title ?? ''}\n${body}`);
