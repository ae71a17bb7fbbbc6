// Cluster identity across runs. A run clusters the whole working set afresh; this step gives each new
// cluster the id (and so the post file) of the earlier cluster it continues. The rule:
//   - the pair (new cluster, earlier cluster) sharing the most documents is matched first, then the
//     next largest, each cluster matched at most once (ties: the larger earlier cluster, then its id);
//   - a cluster that gains or loses members keeps its id;
//   - a merge keeps the id of the earlier cluster that brought the most documents; the others are gone;
//   - a split keeps the id on the part holding most of the earlier members; the other parts are new;
//   - an earlier cluster that matched nothing is gone when the run saw all of its documents
//     (a run narrowed by --since or --source-pattern says nothing about clusters outside it).
import type { Cluster } from '../types.js';
import { shortId } from '../ids.js';

export interface EarlierCluster {
  id: string;
  members: string[];
}

export interface Identity<C extends Cluster> {
  /** The new clusters, in their order, with their lasting ids. */
  clusters: C[];
  /** Ids of earlier clusters that continue (and so keep their post file). */
  kept: Set<string>;
  /** Earlier clusters that no longer match anything. */
  gone: string[];
}

export function keepIdentity<C extends Cluster>(clusters: C[], earlier: EarlierCluster[], seen: Set<string>): Identity<C> {
  const owner = new Map<string, number>(); // document → index of the earlier cluster holding it
  earlier.forEach((e, i) => e.members.forEach((m) => owner.set(m, i)));
  const pairs: { c: number; e: number; shared: number }[] = [];
  clusters.forEach((c, ci) => {
    const counts = new Map<number, number>();
    for (const m of c.members) {
      const e = owner.get(m);
      if (e !== undefined) counts.set(e, (counts.get(e) ?? 0) + 1);
    }
    for (const [e, shared] of counts) pairs.push({ c: ci, e, shared });
  });
  pairs.sort((a, b) => b.shared - a.shared || earlier[b.e].members.length - earlier[a.e].members.length ||
    (earlier[a.e].id < earlier[b.e].id ? -1 : 1));
  const idOf = new Map<number, string>();
  const used = new Set<number>();
  for (const p of pairs) {
    if (idOf.has(p.c) || used.has(p.e)) continue;
    idOf.set(p.c, earlier[p.e].id);
    used.add(p.e);
  }
  const taken = new Set(earlier.map((e) => e.id));
  const kept = new Set<string>();
  const out = clusters.map((c, ci) => {
    const earlierId = idOf.get(ci);
    if (earlierId) {
      kept.add(earlierId);
      return { ...c, id: earlierId };
    }
    // A new cluster's own id (from its first member) may be an earlier cluster's: derive another.
    let id = c.id;
    for (let n = 1; taken.has(id); n++) id = shortId('c', `${c.id}#${n}`);
    taken.add(id);
    return { ...c, id };
  });
  const gone = earlier.filter((e, i) => !used.has(i) && e.members.every((m) => seen.has(m))).map((e) => e.id);
  return { clusters: out, kept, gone };
}
