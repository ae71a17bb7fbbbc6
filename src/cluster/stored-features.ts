// Clustering features kept in the store between runs: a re-digest of a large store counted the terms and
// MinHash signature of every stored document again (≈2 s at 10k documents) to place 100 new ones. The read
// workers' features (precounted.ts) are stored by the text they were made from, and read back for the
// documents they were made of, so a run counts only the documents it read, as a first run does.
// A row's key names the code that made it (MAKER, a fingerprint of the features of a fixed text, so a change
// to features.ts, minhash.ts or the tunables changes every key without a version to remember) and a hash
// of the title and body; rows under other keys are never read.
import { sha256 } from '../ids.js';
import { docFeatures, type DocFeatures, type PackedTerms } from './precounted.js';

/** Mixed scripts, short words, a title: what documentTerms and signature() treat each in their own way. */
const PROBE = {
  title: '한빛전자, 세종에 3,000억 원 투자…"속도 낼 것"',
  body: '(세종=가상뉴스) 한빛전자가 세종에 새 공장을 짓는다. The board said the plan was approved on Monday.\n' +
    'Công ty sẽ mở rộng sản xuất tại Việt Nam. 오픈AI와 5G통신 협력도 이어 간다고 회사는 밝혔다. 東京 会議 テスト',
};

let maker: string | undefined;
/** Which code made features: the encoded features of PROBE (in this machine's byte order), hashed. */
function makerOf(): string {
  maker ??= sha256(encodeFeatures(docFeatures(PROBE))).slice(0, 16);
  return maker;
}

/** What every key of this code's features starts with; keys not starting with it are another's, never read. */
export const featuresKeyPrefix = (): string => `${makerOf()}:`;

/** The key features of this text hash (DocFeatures.text) are stored under. */
export const featuresKey = (text: string): string => featuresKeyPrefix() + text;

// Encoding, in this machine's byte order (which MAKER includes): a header of 8 bytes (term count u32, weight
// width 1 | 2 | 8, signature bins u16 or 0), the term ids (i32 each), the signature (u32 each), then the
// weights: counts of a body (1) and title (titleWeight 1.5) occurrences are halves, kept as u8 or u16 of
// twice the weight when every one fits, else as f64 — exact either way.

export function encodeFeatures(f: DocFeatures): Uint8Array {
  const { ids, weights } = f.terms, n = ids.length, bins = f.signature?.length ?? 0;
  let width = 1;
  for (const w of weights) {
    const twice = w * 2;
    if (!Number.isInteger(twice) || twice < 0 || twice > 0xffff) {
      width = 8;
      break;
    }
    if (twice > 0xff) width = 2;
  }
  const at = 8 + 4 * n + 4 * bins;
  const out = new Uint8Array(at + width * n);
  const head = new DataView(out.buffer);
  head.setUint32(0, n, true);
  head.setUint8(4, width);
  head.setUint16(6, bins, true);
  out.set(new Uint8Array(ids.buffer, ids.byteOffset, 4 * n), 8);
  if (f.signature) out.set(new Uint8Array(f.signature.buffer, f.signature.byteOffset, 4 * bins), 8 + 4 * n);
  if (width === 8) out.set(new Uint8Array(Float64Array.from(weights).buffer), at);
  else {
    const twice = width === 1 ? new Uint8Array(n) : new Uint16Array(n);
    for (let i = 0; i < n; i++) twice[i] = weights[i] * 2;
    out.set(new Uint8Array(twice.buffer), at);
  }
  return out;
}

/** The features encoded in `bytes` for the text hash `text`, or null when the bytes are not such an encoding. */
export function decodeFeatures(bytes: Uint8Array, text: string): DocFeatures | null {
  if (bytes.byteLength < 8) return null;
  const head = new DataView(bytes.buffer, bytes.byteOffset, 8);
  const n = head.getUint32(0, true), width = head.getUint8(4), bins = head.getUint16(6, true);
  const at = 8 + 4 * n + 4 * bins;
  if (![1, 2, 8].includes(width) || bytes.byteLength !== at + width * n) return null;
  // Views of the row's bytes where they are aligned for the type; else copies into fresh, aligned buffers (a row's
  // bytes may sit at any offset of a larger one). Nothing writes into features, so a view is as good as a copy.
  const from = <T>(start: number, end: number, size: number, make: (buffer: ArrayBufferLike, offset: number, length: number) => T): T =>
    (bytes.byteOffset + start) % size === 0
      ? make(bytes.buffer, bytes.byteOffset + start, (end - start) / size)
      : make(new Uint8Array(bytes.subarray(start, end)).buffer, 0, (end - start) / size);
  const ids = from(8, 8 + 4 * n, 4, (b, o, l) => new Int32Array(b, o, l));
  const signature = bins ? from(8 + 4 * n, at, 4, (b, o, l) => new Uint32Array(b, o, l)) : null;
  let weights: Float64Array;
  if (width === 8) weights = from(at, bytes.byteLength, 8, (b, o, l) => new Float64Array(b, o, l));
  else {
    const twice = width === 1 ? bytes.subarray(at) : from(at, bytes.byteLength, 2, (b, o, l) => new Uint16Array(b, o, l));
    weights = new Float64Array(n);
    for (let i = 0; i < n; i++) weights[i] = twice[i] / 2;
  }
  const terms: PackedTerms = { ids, weights };
  return { text, terms, signature };
}
