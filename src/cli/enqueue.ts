// `add`, `digest` and `watch` with a queue (--queue redis://… or NEWSDESK_QUEUE): sources become jobs
// for `newsdesk worker`s instead of being read here. Files are read here (a worker on another machine
// cannot see this one's disk) and travel in the job; URLs are fetched by the workers, politely.
import type { Message } from '../types.js';
import type { DecodeOptions } from '../ingest/index.js';
import { listInputs, readRaw, type ListOptions } from '../ingest/index.js';
import { QueueClient } from '../queue/jobs.js';
import { enqueueFetch, enqueueRaw, requestClustering } from '../queue/enqueue.js';
import { splitSources } from './sources.js';

export interface Enqueued {
  files: number;
  urls: number;
  messages: Message[];
}

/** Queues the sources (and, for a digest, a clustering of the store); returns what was queued. */
export async function enqueueSources(
  queueUrl: string, args: string[], lists: string[], options: { list?: ListOptions; maxFileBytes?: number; decode?: DecodeOptions; cluster?: boolean },
): Promise<Enqueued> {
  const client = new QueueClient(queueUrl);
  const { queues } = client;
  try {
    const split = splitSources(args, lists);
    const listing = listInputs(split.paths, options.list ?? {});
    for (const f of listing.files) await enqueueRaw(queues, readRaw(f, { maxFileBytes: options.maxFileBytes }), options.decode);
    for (const url of split.urls) await enqueueFetch(queues, url);
    if (options.cluster) await requestClustering(client);
    return { files: listing.files.length, urls: split.urls.length, messages: [...split.messages, ...listing.messages] };
  } finally {
    await client.close();
  }
}
