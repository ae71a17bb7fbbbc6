// An entity's body mentions by document, built once per entity: "does this entity appear in this
// sentence?" is asked for every sentence of a cluster, and scanning all of an entity's mentions each
// time makes a 600-report event quadratic.
import type { Entity, Mention, Span } from '../types.js';

const byDocument = new WeakMap<Entity, { of: Mention[]; length: number; index: Map<string, Mention[]> }>();

/** The entity's body mentions (captions and headlines aside) in one document, in mention order. */
export function bodyMentionsIn(entity: Entity, doc: string): Mention[] {
  const built = byDocument.get(entity);
  // Built again if the mentions were replaced or added to since (entities are data anyone may extend).
  let index = built && built.of === entity.mentions && built.length === entity.mentions.length ? built.index : undefined;
  if (!index) {
    index = new Map();
    for (const m of entity.mentions) {
      if (m.field) continue;
      const list = index.get(m.document);
      if (list) list.push(m);
      else index.set(m.document, [m]);
    }
    byDocument.set(entity, { of: entity.mentions, length: entity.mentions.length, index });
  }
  return index.get(doc) ?? [];
}

/** Whether the entity has a body mention in `doc` inside `span`. */
export const namedIn = (entity: Entity, doc: string, span: Span): boolean =>
  bodyMentionsIn(entity, doc).some((m) => m.start >= span.start && m.end <= span.end);

/** Items grouped by a key, each group in input order. */
export function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}
