// File names for posts: `YYYY-MM-DD-slug.md`, safe on every file system and unique within a run.

/** Keeps Hangul, Latin letters and digits; everything else becomes one hyphen. */
export function slugify(text: string, maxLength = 50): string {
  const slug = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{Script=Hangul}a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '');
}

/** The next suffix to try for each base, per set of taken names: without it, 20,000 posts of one title
 *  tried 2, 3, 4 … from the start each time (quadratic; most of a run of 20,000 tiny files). */
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

/** Adds -2, -3 ... when a name is already taken. */
export function uniqueName(base: string, taken: Set<string>): string {
  const next = nextSuffix.get(taken) ?? nextSuffix.set(taken, new Map()).get(taken)!;
  let name = base;
  let n = next.get(base) ?? 2;
  if (taken.has(name)) for (name = `${base}-${n}`; taken.has(name); ) name = `${base}-${++n}`;
  if (name !== base) next.set(base, n + 1);
  taken.add(name);
  return name;
}
