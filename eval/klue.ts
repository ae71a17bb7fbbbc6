// KLUE-NER v1.1 dev news sentences (../shared/data/klue-ner, read at run time, never copied) with their gold
// spans, and the held-out split: the sentences whose id hashes to 0 mod 5 (about a fifth). Tuning looks only at
// the other four fifths ("dev"); the held-out fifth is scored and reported, never inspected.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shared } from './harness.mjs';

export interface GoldSpan { start: number; end: number; type: string; text: string }
export interface KlueSentence { id: string; text: string; spans: GoldSpan[]; heldOut: boolean }

const file = join(shared, 'data', 'klue-ner', 'klue-ner-v1.1_dev.tsv');

export const isHeldOut = (id: string) => createHash('sha1').update(id).digest()[0] % 5 === 0;

/** `## klue-ner-v1_dev_00000-wikitree\t<경찰:OG>은 …` lines → plain text and gold spans (news sentences only). */
export function readKlueNews(): KlueSentence[] {
  const out: KlueSentence[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^## (klue-ner-v1_dev_\d+-wikitree)\t(.*)$/.exec(line);
    if (!m) continue;
    let text = '';
    let last = 0;
    const spans: GoldSpan[] = [];
    for (const tag of m[2].matchAll(/<([^<>]+?):([A-Z]{2})>/g)) {
      text += m[2].slice(last, tag.index);
      spans.push({ start: text.length, end: text.length + tag[1].length, type: tag[2], text: tag[1] });
      text += tag[1];
      last = tag.index! + tag[0].length;
    }
    text += m[2].slice(last);
    out.push({ id: m[1], text, spans, heldOut: isHeldOut(m[1]) });
  }
  return out;
}

export interface Counts { tp: number; fp: number; fn: number }
export const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

/** Adds exact-span matches of one sentence: `gold` and `got` are `start:end` keys. */
export function countSpans(c: Counts, gold: Set<string>, got: Set<string>): void {
  for (const k of got) if (gold.has(k)) c.tp++; else c.fp++;
  for (const k of gold) if (!got.has(k)) c.fn++;
}

export function f1({ tp, fp, fn }: Counts): { precision: number; recall: number; f1: number } {
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
