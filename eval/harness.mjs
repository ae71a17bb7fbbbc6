// What every eval script shares: where things are, the pinned floors, and "digest these inputs with the
// built CLI into a digest JSON" (no posts, nothing stored), so each script only scores.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const shared = join(root, '..', 'shared');
export const cli = join(root, 'dist', 'cli', 'main.js');

/** eval/floors.json: the minimum each eval must reach. */
export const readFloors = () => JSON.parse(readFileSync(join(root, 'eval', 'floors.json'), 'utf8'));

/**
 * Digests `inputs` into the digest JSON at `jsonFile` and returns the seconds it took. The CLI's problem
 * list goes to this process's stderr (`stderr: 'inherit'`) or is kept for the error when it fails ('pipe').
 */
export function digestToJson(inputs, jsonFile, { stderr = 'inherit' } = {}) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npx tsc -p .\` first`);
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, [cli, 'digest', ...inputs, '--json', jsonFile, '--no-posts', '--db', ':memory:', '--quiet'], {
    cwd: root,
    stdio: ['ignore', 'ignore', stderr],
    maxBuffer: 1 << 28,
  });
  return Number(process.hrtime.bigint() - started) / 1e9;
}
