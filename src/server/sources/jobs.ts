// Adding sources from the browser: each request becomes a job that reads its sources one by one,
// reports every source's state as it goes (the page follows it by server-sent events), then runs the
// pipeline over the store (the one run, as `add` then `digest` do). Jobs live in memory; what they read lives in the store.
import { EventEmitter } from 'node:events';
import type { Message, RawFile } from '../../types.js';
import { sha256 } from '../../ids.js';
import { problems } from '../../messages.js';
import { addSources, digestStore, fetchSources } from '../run.js';
import type { Workbench } from '../workbench.js';
import { JOB_RETENTION_MS } from '../tunables.js';
import { QueueClient } from '../../queue/jobs.js';
import { enqueueFetch, enqueueRaw } from '../../queue/enqueue.js';

export type SourceInput =
  | { kind: 'text'; label: string; text: string }
  | { kind: 'file'; label: string; bytes: Uint8Array }
  | { kind: 'url'; label: string };

export interface SourceProgress {
  label: string;
  kind: SourceInput['kind'];
  /** queued: handed to the workers (serve --queue); they store it and form the events. */
  state: 'waiting' | 'reading' | 'queued' | 'done' | 'error';
  documents: number;
  /** The source's problems, as a person reads them. */
  errors: string[];
}

export interface JobState {
  id: string;
  sources: SourceProgress[];
  finished: boolean;
  /** Documents read and events formed, once finished. */
  result: { documents: number; events: number } | null;
}

export class Job extends EventEmitter {
  readonly state: JobState;
  /** Settles when the job has finished (tests and the API wait on it). */
  done: Promise<void> = Promise.resolve();
  constructor(id: string, inputs: SourceInput[]) {
    super();
    this.state = { id, finished: false, result: null,
      sources: inputs.map((i) => ({ label: i.label, kind: i.kind, state: 'waiting', documents: 0, errors: [] })) };
  }
  update(): void {
    this.emit('update', this.state);
  }
}

function rawOf(input: Exclude<SourceInput, { kind: 'url' }>): RawFile {
  const bytes = input.kind === 'text' ? new TextEncoder().encode(input.text) : input.bytes;
  return { source: input.label, key: `${input.kind === 'text' ? 'paste' : 'upload'}:${input.label}:${sha256(bytes)}`, bytes };
}

export class Jobs {
  private readonly jobs = new Map<string, Job>();
  private next = 1;
  constructor(private readonly bench: Workbench) {}

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Starts a job; it runs in the background and its state can be followed at once. */
  start(inputs: SourceInput[]): Job {
    const job = new Job(String(this.next++), inputs);
    this.jobs.set(job.state.id, job);
    const finished = this.run(job, inputs).catch((e: Error) => {
      for (const s of job.state.sources) if (s.state !== 'done') Object.assign(s, { state: 'error', errors: [...s.errors, `internal error: ${e.message}`] });
    }).finally(() => {
      job.state.finished = true;
      job.update();
      setTimeout(() => this.jobs.delete(job.state.id), JOB_RETENTION_MS).unref();
    });
    job.done = finished;
    return job;
  }

  private async run(job: Job, inputs: SourceInput[]): Promise<void> {
    if (this.bench.options.queue) return this.enqueue(job, inputs, this.bench.options.queue);
    const { store } = this.bench;
    const messages: Message[] = [];
    let added = 0;
    for (const [i, input] of inputs.entries()) {
      const progress = job.state.sources[i];
      progress.state = 'reading';
      job.update();
      let raws: RawFile[];
      if (input.kind === 'url') {
        const fetched = await fetchSources([input.label], this.bench.options.fetcher, store);
        raws = [...fetched.raws];
        messages.push(...fetched.messages);
        progress.errors.push(...problems(fetched.messages).filter((m) => m.severity === 'error').map((m) => `${m.place.source}: ${m.reason}`));
      } else raws = [rawOf(input)];
      const read = await addSources(store, raws, input.label);
      messages.push(...read.messages);
      progress.errors.push(...read.messages.filter((m) => m.severity === 'error').map((m) => m.reason));
      progress.documents += read.read;
      added += read.read;
      progress.state = progress.documents ? 'done' : 'error';
      if (!progress.documents && !progress.errors.length) progress.errors.push('no document could be read from this source');
      job.update();
    }
    if (!added) {
      job.state.result = { documents: 0, events: 0 };
      return;
    }
    const result = await digestStore(store, ['serve', 'add', ...inputs.map((i) => i.label)], this.bench.options.write, this.bench.view, messages);
    job.state.result = { documents: added, events: result.clusters.length };
  }

  /** With a queue: every source becomes a job (pages and files in full, URLs to fetch); nothing is read here. */
  private async enqueue(job: Job, inputs: SourceInput[], queue: string): Promise<void> {
    const client = new QueueClient(queue);
    try {
      for (const [i, input] of inputs.entries()) {
        if (input.kind === 'url') await enqueueFetch(client.queues, input.label);
        else await enqueueRaw(client.queues, rawOf(input));
        job.state.sources[i].state = 'queued';
        job.update();
      }
      job.state.result = { documents: 0, events: 0 };
    } finally {
      await client.close();
    }
  }
}
