import type { Message, Place, Stage } from './types.js';
import { printable } from './printable.js';

/** Builds a message; the one place that decides their shape. */
export function message(
  stage: Stage,
  rule: string,
  reason: string,
  place: Place,
  severity: Message['severity'] = 'warning',
): Message {
  return { stage, rule, severity, reason, place };
}

/** The warnings and errors among `ms`: what a person is shown (info stays in the JSON and the store). */
export function problems(ms: Iterable<Message>): Message[] {
  return [...ms].filter((m) => m.severity !== 'info');
}

/** One line for a person: `error ingest/binary-file a.txt:3 — reason`; file names and quoted page text
 *  in it may hold control characters, so they are shown escaped (see printable.ts). */
export function formatMessage(m: Message): string {
  const where = m.place.line ? `${m.place.source}:${m.place.line}` : m.place.source;
  return printable(`${m.severity} ${m.stage}/${m.rule} ${where} — ${m.reason}`);
}

/** Thrown for programmer and configuration errors; the text says how to fix it. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The store did not answer, or dropped the connection (a restart, an outage): a command stops with the problem and
 *  how to fix it; a queue worker (and a watch's poll) says the problem alone and what it does instead: waits and tries
 *  the job again, without spending one of its tries (the poll is dropped, and the next one tries). */
export class StoreUnavailableError extends ConfigError {
  constructor(readonly problem: string, fix: string) {
    super(`${problem}; ${fix}`);
    this.name = 'StoreUnavailableError';
  }
}

/** An unexpected exception in one document or cluster, as a message; the stack only when debugging. */
export function internalError(stage: Stage, error: { message: string; stack?: string }, place: Place, debug = false): Message {
  const reason = `unexpected error (a bug; the run went on without this item): ${error.message}`;
  return message(stage, 'internal-error', debug && error.stack ? `${reason}\n${error.stack}` : reason, place, 'error');
}
