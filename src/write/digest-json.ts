// The digest JSON of ../shared/contracts/digest-json.md (version 1). Contract fields keep their names;
// extra fields (spans, rules, messages) are additions the contract allows.
import type { DigestResult, NewsDoc, WrittenCluster } from '../types.js';

export const DIGEST_VERSION = 1;

export function documentJson(d: NewsDoc) {
  return {
    id: d.id,
    source: d.source,
    outlet: d.outlet,
    title: d.title,
    subtitles: d.subtitles,
    section: d.section,
    reporter: d.reporter,
    email: d.email,
    publishedAt: d.publishedAt,
    kind: d.kind,
    body: d.body,
    captions: d.captions,
    removed: d.removed.map((r) => r.text),
    // additions
    publishedAtInferred: d.publishedAtInferred ?? false,
    aggregator: d.aggregator,
    url: d.url,
    format: d.format,
    encoding: d.encoding,
    contentHash: d.contentHash,
    headings: d.headings,
    frontMatter: d.frontMatter,
    removals: d.removed,
    sentences: d.sentences,
    evidence: d.evidence,
    messages: d.messages,
  };
}

export function clusterJson(c: WrittenCluster) {
  return {
    id: c.id,
    members: c.members,
    entities: c.entities,
    numbers: c.numbers,
    quotes: c.quotes,
    timeline: c.timeline,
    event: c.event ?? null,
    summary: c.summary.map((s) => s.text),
    findings: c.findings,
    post: c.post,
    // additions
    duplicates: c.duplicates,
    keySentences: c.summary,
    messages: c.messages,
  };
}

export function toDigestJson(result: DigestResult) {
  return {
    version: DIGEST_VERSION,
    documents: result.documents.map(documentJson),
    clusters: result.clusters.map(clusterJson),
    messages: result.messages,
  };
}
