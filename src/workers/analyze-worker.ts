// Worker script for the pipeline's analyse and write steps (see analyze-write.ts). The tokenizer is
// built once, before the worker says it is ready, so its start-up never counts against a cluster's budget.
import { serveTasks } from './serve.js';
import { analyzeTask, type AnalyzeResult, type AnalyzeTask } from './analyze-write.js';
import { warmTokenizer } from '../analyze/morph.js';
import { ConfigError } from '../messages.js';

let broken: string | undefined;
try {
  warmTokenizer();
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  broken = e.message; // said with every task, so the run stops with it as it would in process
}
serveTasks((task: AnalyzeTask): AnalyzeResult => (broken ? { written: null, messages: [], configError: broken } : analyzeTask(task)));
