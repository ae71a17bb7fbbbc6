// String similarity on character bigrams, the measure the analysis uses to tell one statement or one
// event told twice from two different ones.

/** Character bigrams of `text` with whitespace removed; a one-character text is its own gram. */
export function bigrams(text: string): Set<string> {
  const t = text.replace(/\s+/g, '');
  const out = new Set<string>();
  if (t.length === 1) out.add(t);
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  const both = shared(a, b);
  return both / (a.size + b.size - both || 1);
}

/** 2|A ∩ B| / (|A| + |B|); 0 when either set is empty. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  return (2 * shared(a, b)) / (a.size + b.size);
}

function shared(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/** Levenshtein distance (insertions, deletions, substitutions): how far a misspelling is from a word. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}
