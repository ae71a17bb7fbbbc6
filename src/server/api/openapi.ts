// The OpenAPI 3.1 description of the JSON API. The API test validates every response against it and
// checks that the routes the server answers and the paths described here are the same set.
import { DIGEST_VERSION } from '../../write/digest-json.js';

const str = { type: 'string' } as const;
const strOrNull = { type: ['string', 'null'] } as const;
const numOrNull = { type: ['number', 'null'] } as const;
const strings = { type: 'array', items: str } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const span = { start: { type: 'integer' }, end: { type: 'integer' } } as const;
const mention = { type: 'object', required: ['document', 'start', 'end'], properties: { document: str, ...span } } as const;
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);

const schemas = {
  Error: { type: 'object', required: ['error'], properties: { error: str } },
  Message: {
    type: 'object', required: ['stage', 'rule', 'severity', 'reason', 'place'],
    properties: { stage: str, rule: str, severity: { enum: ['error', 'warning', 'info'] }, reason: str, place: { type: 'object', required: ['source'], properties: { source: str } } },
  },
  Document: {
    type: 'object',
    required: ['id', 'source', 'outlet', 'title', 'subtitles', 'section', 'reporter', 'email', 'publishedAt', 'kind', 'body', 'captions', 'removed', 'sentences', 'messages'],
    properties: {
      id: str, source: str, outlet: strOrNull, title: strOrNull, subtitles: strings, section: strOrNull, reporter: strOrNull,
      email: strOrNull, publishedAt: strOrNull, kind: { enum: ['report', 'derivative'] }, body: str, captions: strings, removed: strings,
      url: strOrNull, sentences: { type: 'array', items: { type: 'object', required: ['start', 'end', 'text'], properties: { ...span, text: str } } },
      messages: { type: 'array', items: ref('Message') },
    },
  },
  Cluster: {
    type: 'object',
    required: ['id', 'members', 'entities', 'numbers', 'quotes', 'timeline', 'summary', 'findings', 'post'],
    properties: {
      id: str, members: strings,
      entities: { type: 'array', items: { type: 'object', required: ['name', 'type', 'aliases', 'role', 'documents'],
        properties: { name: str, type: { enum: ['person', 'organization', 'project', 'product', 'place', 'other'] }, aliases: strings, role: strOrNull, documents: strings } } },
      numbers: { type: 'array', items: { type: 'object', required: ['text', 'value', 'min', 'max', 'unit', 'krw', 'qualifier', 'document'],
        properties: { text: str, value: numOrNull, min: numOrNull, max: numOrNull, unit: str, krw: numOrNull, qualifier: strOrNull, document: str, ...span } } },
      quotes: { type: 'array', items: { type: 'object', required: ['speaker', 'text', 'document', 'utterance'],
        properties: { speaker: strOrNull, text: str, document: str, utterance: str, ...span } } },
      timeline: { type: 'array', items: { type: 'object', required: ['when', 'what', 'documents'], properties: { when: str, what: str, documents: strings } } },
      summary: strings,
      findings: { type: 'array', items: { type: 'object', required: ['kind', 'about', 'values', 'documents'],
        properties: { kind: str, about: str, values: strings, documents: strings, mentions: { type: 'array', items: mention } } } },
      post: { type: 'object', required: ['path', 'markdown'], properties: { path: str, markdown: str } },
    },
  },
  SearchHit: {
    type: 'object', required: ['id', 'source', 'title', 'outlet', 'publishedAt', 'match', 'snippet'],
    properties: { id: str, source: str, title: strOrNull, outlet: strOrNull, publishedAt: strOrNull, snippet: str,
      match: { oneOf: [{ type: 'null' }, { type: 'object', required: ['start', 'end'], properties: span }] } },
  },
  Job: {
    type: 'object', required: ['id', 'sources', 'finished', 'result'],
    properties: {
      id: str, finished: { type: 'boolean' },
      result: { oneOf: [{ type: 'null' }, { type: 'object', required: ['documents', 'events'], properties: { documents: { type: 'integer' }, events: { type: 'integer' } } }] },
      sources: { type: 'array', items: { type: 'object', required: ['label', 'kind', 'state', 'documents', 'errors'],
        properties: { label: str, kind: { enum: ['text', 'file', 'url'] }, state: { enum: ['waiting', 'reading', 'queued', 'done', 'error'] }, documents: { type: 'integer' }, errors: strings } } },
    },
  },
};

const idParam = (what: string) => ({ name: 'id', in: 'path', required: true, description: `the ${what} id`, schema: str });

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'newsdesk workbench API',
    version: String(DIGEST_VERSION),
    description: 'The events and documents of the store in the digest JSON shapes (docs/digest-json.md), search, and adding sources. ' +
      'POST needs the CSRF token (header x-csrf-token; GET /api/session gives it) and, with --token, Authorization: Bearer.',
  },
  paths: {
    '/api/session': { get: { summary: 'The CSRF token to send with POST requests', responses: {
      200: json({ type: 'object', required: ['csrfToken'], properties: { csrfToken: str } }, 'the token') } } },
    '/api/clusters': { get: { summary: 'The current events, each in the digest JSON cluster shape', responses: {
      200: json({ type: 'object', required: ['version', 'clusters'], properties: { version: { const: DIGEST_VERSION }, clusters: { type: 'array', items: ref('Cluster') } } }, 'the events') } } },
    '/api/clusters/{id}': { get: { summary: 'One event with its member documents', parameters: [idParam('cluster')], responses: {
      200: json({ type: 'object', required: ['version', 'cluster', 'documents'], properties: { version: { const: DIGEST_VERSION }, cluster: ref('Cluster'), documents: { type: 'array', items: ref('Document') } } }, 'the event'),
      404: error('no such event') } } },
    '/api/documents/{id}': { get: { summary: 'One document in the digest JSON document shape (restored lines included)', parameters: [idParam('document')], responses: {
      200: json(ref('Document'), 'the document'), 404: error('no such document') } } },
    '/api/search': { get: { summary: 'Documents whose title or body contain every word (Korean two-syllable words work)',
      parameters: [{ name: 'q', in: 'query', required: true, schema: str }, { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } }],
      responses: { 200: json({ type: 'object', required: ['query', 'hits'], properties: { query: str, hits: { type: 'array', items: ref('SearchHit') } } }, 'the hits'),
        400: error('no words given') } } },
    '/api/sources': { post: { summary: 'Add sources: pasted texts and http(s) URLs of articles, feeds and sitemaps',
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { texts: strings, urls: strings } } } } },
      responses: { 202: json({ type: 'object', required: ['job', 'status', 'events'], properties: { job: ref('Job'), status: str, events: str } }, 'the job started'),
        400: error('nothing to add, or too much'), 403: error('CSRF check failed') } } },
    '/api/jobs/{id}': { get: { summary: 'The progress of an add-sources job (its events stream is /sources/jobs/{id}/events)', parameters: [idParam('job')], responses: {
      200: json(ref('Job'), 'the job'), 404: error('no such job (finished jobs are forgotten after an hour)') } } },
    '/api/openapi.json': { get: { summary: 'This document', responses: { 200: json({ type: 'object' }, 'the OpenAPI description') } } },
  },
  components: { schemas },
} as const;
