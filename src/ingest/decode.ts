// Bytes → text: gunzip, pick the encoding, pick the format. Pure; no I/O.
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import type { Format, Message, RawFile, TextFile } from '../types.js';
import { message } from '../messages.js';
import { sha256, shortId } from '../ids.js';
import { hangulRatio } from '../text/hangul.js';
import {
  BINARY_CONTROL_RATIO,
  DEFLATE_MAX_RATIO,
  EUC_KR_MIN_HANGUL_RATIO,
  EUC_KR_MIN_LETTERS,
  FORMAT_BY_EXTENSION,
  MAX_FILE_BYTES,
  META_CHARSET_SCAN_BYTES,
  UTF16_MIN_ZERO_RATIO,
  UTF16_MAX_OTHER_ZERO_RATIO,
} from './tunables.js';

export interface DecodeOptions {
  maxFileBytes?: number;
}

/** The result is a TextFile, or null with an error message saying why the input can't be used. */
export interface Decoded {
  file: TextFile | null;
  messages: Message[];
}

const isGzip = (b: Uint8Array) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * gunzip into one buffer sized by the gzip trailer (ISIZE: the last member's size mod 2^32), not into 16 kB
 * chunks that are then copied together: a third of the inflate time on the benchmark pages. The trailer only
 * sizes the buffer (at least zlib's default chunk, at most `limit` and what deflate could expand this file
 * to); a wrong one costs chunks again, never the result.
 */
function gunzipWhole(gz: Uint8Array, limit: number): Buffer {
  const n = gz.length;
  const isize = n >= 18 ? (gz[n - 4] | (gz[n - 3] << 8) | (gz[n - 2] << 16)) + gz[n - 1] * 2 ** 24 : 0;
  const chunkSize = Math.max(zlibConstants.Z_DEFAULT_CHUNK, Math.min(isize + 1, limit, n * DEFLATE_MAX_RATIO + 1));
  return gunzipSync(gz, { maxOutputLength: limit, chunkSize });
}

/** The byte order a UTF-16 byte-order mark announces, or null without one. */
const utf16Bom = (b: Uint8Array): 'utf-16le' | 'utf-16be' | null =>
  b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : null;

/** Strips `.gz` and any query string, then maps the ending to a format. */
export function formatFromName(name: string): Format | null {
  const clean = name.replace(/[?#].*$/, '').replace(/\.gz$/i, '');
  return FORMAT_BY_EXTENSION[extname(clean).toLowerCase()] ?? null;
}

/** Guesses the format from the text when the name does not tell. */
export function sniffFormat(text: string, contentType?: string): Format {
  if (contentType && /html/i.test(contentType)) return 'html';
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(head|body|article|div|p)[\s>]/.test(head)) {
    return 'html';
  }
  if (/^---\r?\n[\s\S]*?\r?\n---/.test(text.slice(0, 4096))) return 'md';
  return 'txt';
}

function controlRatio(b: Uint8Array): number {
  const n = Math.min(b.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return 1;
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) bad++;
  }
  return n ? bad / n : 0;
}

function charsetFromMeta(b: Uint8Array): string | null {
  const head = Buffer.from(b.subarray(0, META_CHARSET_SCAN_BYTES)).toString('latin1');
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i);
  return m ? m[1].toLowerCase() : null;
}

function charsetFromContentType(ct?: string): string | null {
  const m = ct?.match(/charset\s*=\s*["']?([\w-]+)/i);
  return m ? m[1].toLowerCase() : null;
}

/** Every EUC-KR label means CP949 in practice: pages declared EUC-KR use the UHC syllables (똠, 햏, 뷁 …)
 *  that strict EUC-KR lacks, and browsers read them all as CP949. */
const EUC_KR_LABELS = new Set(['euc-kr', 'euckr', 'cp949', 'ms949', 'uhc', 'ks_c_5601-1987', 'ksc5601', 'ks_c_5601', 'x-windows-949', 'windows-949', 'csksc56011987', 'korean']);

/** Normalises charset labels to names TextDecoder knows, and the EUC-KR family to 'euc-kr'. */
function normaliseCharset(label: string): string {
  const l = label.toLowerCase();
  if (EUC_KR_LABELS.has(l)) return 'euc-kr';
  if (l === 'utf8') return 'utf-8';
  // A UTF-16 label on bytes without a BOM (and that did not look like UTF-16) is a copy-pasted
  // template: browsers read such pages as UTF-8, and so do we.
  if (l.startsWith('utf-16') || l === 'unicode') return 'utf-8';
  return l;
}

/** Share of Hangul among the non-ASCII letters. ASCII reads the same in UTF-8 and EUC-KR, so it says
 *  nothing about the charset, and markup-heavy HTML would drown the Korean text: what tells real Korean
 *  (Hangul) from other bytes read as EUC-KR (Hanja, rare symbols) is the non-ASCII part alone. */
const nonAsciiHangulRatio = (text: string): number =>
  hangulRatio(text, { limit: 65536, minLetters: EUC_KR_MIN_LETTERS, counts: (ch) => ch > '\u007f' });

/** UTF-16 without a BOM: ASCII (spaces, digits, markup) leaves a zero byte in every other position
 *  while Hangul leaves none, so zeros in one byte parity only mean UTF-16 in that byte order. */
function utf16WithoutBom(b: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | null {
  const n = Math.min(b.length, 65536) & ~1;
  if (n < 4 || b.length % 2) return null;
  // No zero byte at all (every UTF-8 page): nothing to count, and the native search is all it costs.
  if (b.subarray(0, n).indexOf(0) < 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  const fits = (zeros: number, other: number) => zeros / pairs >= UTF16_MIN_ZERO_RATIO && other / pairs <= UTF16_MAX_OTHER_ZERO_RATIO;
  const encoding = fits(oddZeros, evenZeros) ? 'utf-16le' : fits(evenZeros, oddZeros) ? 'utf-16be' : null;
  if (!encoding) return null;
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(b);
    // Binary data can show the same zero pattern; real text has next to no control characters.
    const controls = (text.slice(0, 32768).match(/[\u0000-\u0008\u000B\u000E-\u001F]/g) ?? []).length;
    return controls / Math.min(text.length, 32768) > BINARY_CONTROL_RATIO ? null : { text, encoding };
  } catch {
    return null;
  }
}

/** EUC-KR/CP949 decoded whole with iconv-lite (Node's ICU decoder drops or mangles the UHC syllables);
 *  null when any byte sequence is not CP949 (iconv-lite marks those U+FFFD, which CP949 cannot encode). */
function decodeCp949(bytes: Uint8Array): string | null {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp949');
  return text.includes('\uFFFD') ? null : text;
}

/** Strict decoding in a declared charset: the text, null when the bytes do not fit, undefined for an unknown label. */
function decodeDeclared(bytes: Uint8Array, label: string): string | null | undefined {
  if (label === 'euc-kr') return decodeCp949(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return undefined;
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

interface TextAndEncoding {
  text: string;
  encoding: string;
  messages: Message[];
  /** Set when no charset fits the bytes: why. `text` is then a lossy UTF-8 reading, fit only for sniffing. */
  undecodable?: string;
}

/** BOM first, then UTF-16 by its zero bytes, then a declared charset, then strict UTF-8, then CP949;
 *  bytes none of them fits are marked undecodable. */
export function decodeText(bytes: Uint8Array, source: string, contentType?: string): TextAndEncoding {
  const messages: Message[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', messages };
  }
  const bom16 = utf16Bom(bytes);
  if (bom16) return { text: new TextDecoder(bom16).decode(bytes.subarray(2)), encoding: bom16, messages };
  const bomless = utf16WithoutBom(bytes);
  if (bomless) {
    messages.push(message('ingest', 'detected-utf16', `no byte-order mark; the bytes read as ${bomless.encoding.toUpperCase()}`, { source }, 'info'));
    return { ...bomless, messages };
  }
  // A header can lie (a page served as UTF-8 that is really EUC-KR), so a declared charset is
  // trusted only when the bytes decode cleanly in it.
  const declared = [charsetFromContentType(contentType), charsetFromMeta(bytes)].filter(Boolean) as string[];
  for (const label of declared.map(normaliseCharset)) {
    const text = decodeDeclared(bytes, label);
    if (typeof text === 'string') return { text, encoding: label, messages };
    messages.push(
      text === undefined
        ? message('ingest', 'unknown-charset', `declared charset "${label}" is not one we know; detecting instead`, { source }, 'info')
        : message('ingest', 'charset-mismatch', `declared charset "${label}" does not fit the bytes; detecting instead`, { source }, 'info'),
    );
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', messages };
  } catch {
    // fall through to CP949
  }
  const cp949 = decodeCp949(bytes);
  if (cp949 !== null && nonAsciiHangulRatio(cp949) >= EUC_KR_MIN_HANGUL_RATIO) {
    messages.push(message('ingest', 'detected-euc-kr', 'no charset declared; the bytes read as EUC-KR/CP949', { source }, 'info'));
    return { text: cp949, encoding: 'euc-kr', messages };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  return {
    text,
    encoding: 'utf-8 (lossy)',
    messages,
    undecodable:
      `neither UTF-8 nor EUC-KR/CP949 (${bad} undecodable byte sequence(s)${declared.length ? `; declared ${declared.join(', ')}` : ''}); ` +
      'refused rather than stored with replacement characters: save it as UTF-8 or declare its charset',
  };
}

/** Decodes one raw file. Problems that make the file unusable come back as error messages, never throws. */
export function decodeFile(raw: RawFile, options: DecodeOptions = {}): Decoded {
  const max = options.maxFileBytes ?? MAX_FILE_BYTES;
  const place = { source: raw.source };
  const fail = (rule: string, reason: string): Decoded => ({
    file: null,
    messages: [message('ingest', rule, reason, place, 'error')],
  });
  if (raw.error) return fail(raw.errorRule ?? 'unreadable', raw.error);
  let bytes = raw.bytes;
  if (isGzip(bytes)) {
    try {
      bytes = gunzipWhole(bytes, max + 1);
    } catch (e) {
      const msg = (e as Error).message;
      if (/maxOutputLength|larger than|buffer/i.test(msg)) {
        return fail('too-large', `decompresses to more than ${(max / 1048576).toFixed(0)} MB; raise --max-file-mb to read it`);
      }
      return fail('bad-gzip', `looks gzipped but does not decompress: ${msg}`);
    }
  }
  if (bytes.length === 0) return fail('empty-file', 'the file is empty');
  if (bytes.length > max) {
    return fail(
      'too-large',
      `${(bytes.length / 1048576).toFixed(1)} MB is over the ${(max / 1048576).toFixed(0)} MB limit for one page; raise --max-file-mb to read it`,
    );
  }
  if (!utf16Bom(bytes) && controlRatio(bytes) > BINARY_CONTROL_RATIO && !utf16WithoutBom(bytes)) {
    return fail('binary-file', 'this is a binary file, not text or HTML');
  }
  const decoded = decodeText(bytes, raw.source, raw.contentType);
  if (decoded.undecodable) return fail('undecodable', decoded.undecodable);
  const text = decoded.text.includes('\r') ? decoded.text.replace(/\r\n?/g, '\n') : decoded.text;
  if (!text.trim()) return { file: null, messages: [...decoded.messages, message('ingest', 'empty-file', 'the file holds only white space', place, 'error')] };
  const format = formatFromName(raw.source) ?? sniffFormat(text, raw.contentType);
  return {
    file: {
      id: shortId('d', raw.key),
      source: raw.source,
      key: raw.key,
      format,
      encoding: decoded.encoding,
      contentHash: sha256(bytes),
      text,
      messages: decoded.messages,
      ...(raw.hints ? { hints: raw.hints } : {}),
    },
    messages: [],
  };
}
