// Types for digest.mjs, so the TypeScript tests can use it.
import type { DigestResult } from '../../src/types.js';

/** The digest of fixtures/write/<name>/ (every page in it), with posts dated `runDate` when undated. */
export function digestFolder(name: string, runDate?: string): Promise<DigestResult>;
