// Items of an iterable in arrays of a fixed size, read one at a time: the digest's documents and clusters come
// from spool files, not arrays, and are looked up or written a batch at a time.
export function* chunksOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) { yield chunk; chunk = []; }
  }
  if (chunk.length) yield chunk;
}
