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

/** Adds -2, -3 ... when a name is already taken. */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}
