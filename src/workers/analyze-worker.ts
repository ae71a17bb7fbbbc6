// Worker script for the pipeline's analyse and write steps (see analyze-write.ts). The tokenizer is
// built once, before the worker says it is ready, so its start-up never counts against a cluster's budget;
// unless the run has no text ko-dic reads (workerData `{ tokenizer: false }`: Vietnamese, English), where
// building it would be ≈1.5 s of CPU and ≈300 MB for nothing (should a cluster need it after all, it is
// built then, off the cluster's budget: morph.ts). A warm worker started before clustering also tokenizes the
// new documents' lines it is given (`ahead`) before it is ready: its clusters then find them made.
import { workerData } from 'node:worker_threads';
import { serveTasks } from './serve.js';
import { analyzeTask, type AnalyzeResult, type AnalyzeTask, type AnalyzeWorkerData } from './analyze-write.js';
import { warmTokenizer } from '../analyze/morph.js';
import { tokenizeAhead, type LineTokens } from '../analyze/token-cache.js';
import { ConfigError } from '../messages.js';
import { ANALYZE_WARM_TOKENIZE_BUDGET_MS } from './tunables.js';

const data = workerData as AnalyzeWorkerData | undefined;
let broken: string | undefined;
let ahead: LineTokens = new Map();
try {
  if (data?.tokenizer !== false) warmTokenizer();
  if (data?.ahead?.length) ahead = tokenizeAhead(data.ahead, ANALYZE_WARM_TOKENIZE_BUDGET_MS);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  broken = e.message; // said with every task, so the run stops with it as it would in process
}
serveTasks((task: AnalyzeTask): AnalyzeResult => (broken ? { written: null, messages: [], configError: broken } : analyzeTask(task, ahead)));
