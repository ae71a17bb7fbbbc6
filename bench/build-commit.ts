// A build of another commit for a bench's baseline: exported with `git archive` into the bench's temp
// folder, sharing this checkout's node_modules, compiled there; benches run its CLI beside the current one.
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Build { label: string; cli: string }

const repo = fileURLToPath(new URL('..', import.meta.url));

/** Builds `ref` into `work`/<role>-<sha>; its label is "<role> <sha>". */
export function buildCommit(work: string, ref: string, role: string): Build {
  const sha = execFileSync('git', ['-C', repo, 'rev-parse', '--short', ref], { encoding: 'utf8' }).trim();
  const dir = join(work, `${role}-${sha}`);
  execFileSync('sh', ['-c', `mkdir -p "${dir}" && git -C "${repo}" archive ${sha} | tar -x -C "${dir}"`]);
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(join(repo, 'node_modules', '.bin', 'tsc'), ['-p', dir], { stdio: 'inherit' });
  return { label: `${role} ${sha}`, cli: join(dir, 'dist', 'cli', 'main.js') };
}
