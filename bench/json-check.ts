// Checks that a JSON file parses, without holding it: a digest JSON of 100k documents is larger than the
// longest string V8 can make, so JSON.parse(readFileSync(…)) cannot be the check. A strict streaming
// validator (RFC 8259 grammar) that also counts the items of each top-level array.
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface JsonCheck { ok: boolean; error?: string; bytes: number; counts: Record<string, number> }

type Frame = { kind: 'object' | 'array'; key: string | null; state: 'start' | 'key' | 'colon' | 'value' | 'comma' };

export function checkJsonFile(path: string): JsonCheck {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  const decoder = new StringDecoder('utf8');
  const counts: Record<string, number> = {};
  const stack: Frame[] = [];
  let bytes = 0;
  let done = false; // the top-level value is complete
  let str: { escape: number; isKey: boolean; text: string | null } | null = null; // inside a string
  let lit = ''; // a number or literal being read
  let lastKey: string | null = null;
  const fail = (error: string): JsonCheck => ({ ok: false, error: `${error} near byte ${bytes}`, bytes, counts });

  /** A value starts at the current position: is one allowed here? Counts the items of top-level arrays. */
  const valueStarts = (): string | null => {
    const top = stack.at(-1);
    if (!top) return done ? 'a second top-level value' : null;
    if (top.kind === 'array' ? top.state !== 'start' && top.state !== 'comma' : top.state !== 'colon') return 'a value where none may be';
    if (top.kind === 'array' && stack.length === 2 && top.key !== null) counts[top.key] = (counts[top.key] ?? 0) + 1;
    return null;
  };
  const valueEnds = () => {
    const top = stack.at(-1);
    if (top) top.state = 'value';
    else done = true;
  };
  const endLiteral = (): string | null => {
    if (!lit) return null;
    const ok = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)$/.test(lit);
    lit = '';
    if (!ok) return 'a bad literal or number';
    valueEnds();
    return null;
  };

  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) {
      const text = decoder.write(buf.subarray(0, n));
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (str) {
          if (str.escape === -1) {
            if (!'"\\/bfnrtu'.includes(c)) return fail('a bad escape');
            str.escape = c === 'u' ? 4 : 0;
          } else if (str.escape > 0) {
            if (!/[0-9a-fA-F]/.test(c)) return fail('a bad \\u escape');
            str.escape--;
          } else if (c === '\\') str.escape = -1;
          else if (c === '"') {
            if (str.isKey) (lastKey = str.text), (stack.at(-1)!.state = 'key');
            else valueEnds();
            str = null;
            continue;
          } else if (c < ' ') return fail('a control character in a string');
          else {
            // The plain run up to the next quote, backslash or control character, at once.
            let j = i;
            while (j + 1 < text.length) {
              const k = text.charCodeAt(j + 1);
              if (k === 34 || k === 92 || k < 32) break;
              j++;
            }
            if (str.text !== null) str.text += text.slice(i, j + 1);
            i = j;
            continue;
          }
          if (str.text !== null) str.text += c;
          continue;
        }
        if (/[-+.\w]/.test(c)) {
          if (!lit) {
            const e = valueStarts();
            if (e) return fail(e);
          }
          lit += c;
          continue;
        }
        const e = endLiteral();
        if (e) return fail(e);
        const top = stack.at(-1);
        if (c === ' ' || c === '\n' || c === '\t' || c === '\r') continue;
        if (c === '"') {
          if (top?.kind === 'object' && (top.state === 'start' || top.state === 'comma')) {
            // Keys of the top-level object are kept (they name the counted arrays); others are not needed.
            str = { escape: 0, isKey: true, text: stack.length === 1 ? '' : null };
          } else {
            const v = valueStarts();
            if (v) return fail(v);
            str = { escape: 0, isKey: false, text: null };
          }
        } else if (c === '{' || c === '[') {
          const v = valueStarts();
          if (v) return fail(v);
          stack.push({ kind: c === '{' ? 'object' : 'array', key: stack.length === 1 ? lastKey : null, state: 'start' });
        } else if (c === '}' || c === ']') {
          if (!top || top.kind !== (c === '}' ? 'object' : 'array') || top.state === 'comma' || top.state === 'key' || top.state === 'colon') return fail(`an unexpected ${c}`);
          stack.pop();
          valueEnds();
        } else if (c === ':') {
          if (top?.kind !== 'object' || top.state !== 'key') return fail('an unexpected :');
          top.state = 'colon';
        } else if (c === ',') {
          if (!top || top.state !== 'value') return fail('an unexpected ,');
          top.state = 'comma';
        } else return fail(`an unexpected character ${JSON.stringify(c)}`);
      }
      bytes += n;
    }
    const e = endLiteral();
    if (e) return fail(e);
    if (str || stack.length || !done) return fail('the end of the file inside a value');
    return { ok: true, bytes, counts };
  } finally {
    closeSync(fd);
  }
}
