// npm run bench:analyze — time to analyze the five seeds as one cluster (decode + extract, then analyzeCluster),
// after the tokenizer is built, with the tokenizer alone over the same text as the in-run baseline.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeFile, readRaw } from '../src/ingest/index.js';
import { extractDocument } from '../src/extract/index.js';
import { analyzeCluster } from '../src/analyze/index.js';
import { tokenize, warmTokenizer } from '../src/analyze/morph.js';

const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seeds, f));
const ROUNDS = 3;

let t = performance.now();
warmTokenizer();
const buildMs = performance.now() - t;

const documents = files.map((f) => extractDocument(decodeFile(readRaw({ source: f, key: f })).file!));
const byId = new Map(documents.map((d) => [d.id, d]));
const cluster = { id: 'bench', members: documents.map((d) => d.id), duplicates: [] };
const chars = documents.reduce((n, d) => n + d.body.length, 0);

analyzeCluster(cluster, byId); // warm-up (JIT, regex caches)
t = performance.now();
for (let i = 0; i < ROUNDS; i++) analyzeCluster(cluster, byId);
const analyzeMs = (performance.now() - t) / ROUNDS;

t = performance.now();
for (let i = 0; i < ROUNDS; i++) for (const d of documents) tokenize(d.body);
const tokenizeMs = (performance.now() - t) / ROUNDS;

console.log(`tokenizer build (not counted)   ${buildMs.toFixed(0)} ms`);
console.log(`seeds: ${documents.length} documents, ${chars} characters of body`);
console.log(`analyze (one cluster)            ${analyzeMs.toFixed(1)} ms  ${(chars / (analyzeMs / 1000)).toFixed(0)} chars/s`);
console.log(`baseline: tokenize bodies once   ${tokenizeMs.toFixed(1)} ms  ${(chars / (tokenizeMs / 1000)).toFixed(0)} chars/s`);
console.log(`ratio analyze / tokenize         ${(analyzeMs / tokenizeMs).toFixed(1)}x`);
