// ingest: raw bytes from the edges → decoded TextFiles. See decode.ts for the rules.
export { decodeFile, decodeText, formatFromName, sniffFormat } from './decode.js';
export type { DecodeOptions, Decoded } from './decode.js';
export { listInputs, readRaw } from './read-files.js';
export type { ListOptions, ReadOptions } from './read-files.js';
