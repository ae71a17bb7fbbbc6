// store: SQLite at the edge. PLACEHOLDER until the store lands: persists nothing.
import type { DigestResult } from '../types.js';

export interface RunSummary {
  runId: number | null;
  documents: { inserted: number; updated: number; unchanged: number };
}

export function persistRun(_dbPath: string, _result: DigestResult, _args: string[]): RunSummary {
  return { runId: null, documents: { inserted: 0, updated: 0, unchanged: 0 } };
}
