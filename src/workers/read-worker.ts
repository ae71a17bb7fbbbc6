// Worker script for the pipeline's read step (see read-document.ts). With `features` in its workerData, each
// document comes back with what clustering will need of it (cluster/precounted.ts), made here rather than on
// the main thread.
import { workerData } from 'node:worker_threads';
import { serveTasks } from './serve.js';
import { readDocument, type ReadTask, type ReadWorkerData } from './read-document.js';
import { docFeatures } from '../cluster/precounted.js';

const { features } = (workerData ?? {}) as ReadWorkerData;
serveTasks((task: ReadTask) => {
  const read = readDocument(task);
  return features && read.doc ? { ...read, features: docFeatures(read.doc) } : read;
});
