// Types for analyze.mjs, so the TypeScript tests can use it.
import type { NewsDoc } from '../../src/types.js';

export interface DocSpec {
  id: string;
  file: string;
  outlet?: string | null;
  publishedAt?: string | null;
  kind?: NewsDoc['kind'];
  subtitles?: string[];
}

export function makeDoc(id: string, body: string, spec?: Partial<DocSpec>): NewsDoc;
/** Reads `docs.json` in a fixture folder and the text files it names. */
export function loadDocs(folder: URL): NewsDoc[];
export function readJson<T>(url: URL): T;
/** Every .txt in fixtures/<folder>/ as one document (id = file name); copyright lines go to `removed`. */
export function fixtureDocs(folder: string): NewsDoc[];
