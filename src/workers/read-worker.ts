// Worker script for the pipeline's read step (see read-document.ts).
import { serveTasks } from './serve.js';
import { readDocument } from './read-document.js';

serveTasks(readDocument);
