// Export: the post's current text written into the configured _posts folder, under a plain file name;
// a name that would leave the folder is refused. Written to a temporary file, then renamed, so a site
// build never sees half a post.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, isAbsolute } from 'node:path';
import { ConfigError } from '../../messages.js';

/** A post file name the folder can hold: no folders, no dot files, Markdown only. */
function checkName(name: string): string {
  if (name !== basename(name) || name.startsWith('.') || !/^[^/\\\0]+\.md$/.test(name)) {
    throw new ConfigError(`"${name}" is not a plain post file name (like 2026-06-03-slug.md); it must stay inside the _posts folder`);
  }
  return name;
}

/** Writes `markdown` as `name` inside `folder`; returns the path written. */
export function exportPost(folder: string, name: string, markdown: string): string {
  const root = resolve(folder);
  const target = resolve(root, checkName(name));
  const rel = relative(root, target);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.includes('/')) throw new ConfigError(`${name} would be written outside ${root}`);
  mkdirSync(root, { recursive: true });
  const temp = join(root, `.${rel}.${process.pid}.tmp`);
  writeFileSync(temp, markdown);
  renameSync(temp, target);
  return target;
}
