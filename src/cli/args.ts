// Command-line arguments: each command's options parsed with node:util, an unknown option answered
// with the nearest known one, and counts written the way people write them.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../messages.js';
import { editDistance } from '../text/similarity.js';

/** Misspellings within this many edits get a suggestion; further ones are not guesses worth making. */
const SUGGEST_MAX_EDITS = 2;

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs for `command`, turning the parser's errors into one-line usage errors with a suggestion. */
export function parseCommand<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw e;
    const unknown = /Unknown option '([^']+)'/.exec((e as Error).message)?.[1];
    if (unknown) {
      const known = Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
      const near = known.map((k) => ({ k, d: editDistance(unknown.split('=')[0], k) })).sort((a, b) => a.d - b.d)[0];
      const hint = near && near.d <= SUGGEST_MAX_EDITS ? `; did you mean ${near.k}?` : '';
      throw new ConfigError(`${command}: unknown option ${unknown}${hint} (see newsdesk ${command} --help)`);
    }
    const missing = /Option '([^']+)' argument missing/.exec((e as Error).message)?.[1];
    if (missing) throw new ConfigError(`${command}: ${missing.split(',').pop()!.trim().split(' ')[0]} needs a value (see newsdesk ${command} --help)`);
    throw new ConfigError(`${command}: ${(e as Error).message.split('\n')[0]} (see newsdesk ${command} --help)`);
  }
}

/** `1 document`, `2 documents`, `1 cluster`; irregular plurals passed in. */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
