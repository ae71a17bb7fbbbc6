// Gives back the main thread's unused heap before a large run starts its analysis worker (pipeline.ts). Clustering
// leaves the heap grown and fragmented (each document's head and messages sit among pages of what is now garbage), and
// the heap is shrunk only by V8's memory reducer, 30–100 s into analysis; meanwhile the worker builds its tokenizer on
// top of it. One full collection that compacts every page (the flag is on only for that collection) gives the pages
// back at once. A 50k run's heap went from 234 MB to 88 MB only when the reducer ran, ≈100 s after the worker started;
// with this, a 30k run's heap was 65 MB (not 182 MB) as the worker started, and its peak RSS 760 MiB, not 820 MiB.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/** V8's full collection, exposed by flag at the first call (a process need not start with --expose-gc): also what
 *  bench/growth.ts collects with between timed batches. */
export function exposedGc(): () => void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  return gc;
}

export function compactHeap(): void {
  const collect = exposedGc();
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    collect();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}
