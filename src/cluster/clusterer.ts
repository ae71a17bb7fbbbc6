// Incremental event clustering. A new document, in order:
//   1. is checked for syndicated copies (MinHash LSH); a copy joins its original's cluster;
//   2. else looks up candidate clusters through an inverted index of its heaviest terms and joins the
//      candidate whose centroid is most similar, if similar enough and within the date window;
//   3. else starts a cluster.
// No step compares a document with all others: work per document is bounded by the posting and bucket caps.
// A closed batch then runs `refine`: one bounded reassignment pass that undoes arrival-order effects.
// Derivatives (blog posts, rewrites) never seed a cluster that reports join: one that fits no report
// cluster waits alone ("pending") and moves into the first report cluster that fits it later.
import type { Cluster, Message, NewsDoc } from '../types.js';
import { shortId } from '../ids.js';
import { message } from '../messages.js';
import { CLUSTER_TUNABLES, type ClusterTunables } from './tunables.js';
import { documentTerms, type TermCounts } from './features.js';
import { packTerms, type PackedTerms, type Precounted } from './precounted.js';
import { Centroid, DocFreq, dot, heaviestTerms, heavyTermsAmong, termCount, vectorize, type SparseVector, type Terms } from './tfidf.js';
import { IntTable } from './int-table.js';
import { DuplicateIndex, signature } from './minhash.js';
import { dayGap, dayNumber } from './dates.js';

interface Entry {
  id: string;
  source: string;
  kind: NewsDoc['kind'];
  /** Kept while needed: for derivatives (they may move) and until a report is summed into its centroid. */
  vec: SparseVector | null;
  /** Heavy terms shared with earlier documents: how this document finds candidate clusters (emptied once placed). */
  lookup: Int32Array;
  /** Heavy terms posted for this document: how later documents find it (emptied once placed). */
  post: Int32Array;
  day: number | null;
  cluster: number;
}

interface ClusterState {
  id: string;
  members: number[];
  /** The sum of its reports' vectors: read through `centroidOf`, which sums seeded reports first. */
  centroid: Centroid;
  reports: number;
  firstDay: number | null;
  lastDay: number | null;
  /** Reports `seed` took and has not summed into the centroid yet, in member order (with their term counts when kept). */
  seeded?: Seeded[];
}

interface Seeded {
  doc: NewsDoc;
  tf: Terms | null;
}

export interface ClustererOptions {
  /** Documents whose frequencies are counted before any is added (a batch): exact IDF, see tfidf.ts. */
  prepared?: Iterable<Pick<NewsDoc, 'id' | 'title' | 'body'>>;
  /**
   * More documents will come after the prepared ones (watch mode): vectors keep their heaviest terms
   * even when no other document has them yet. Without `prepared` the clusterer is always open.
   */
  open?: boolean;
  tunables?: ClusterTunables;
  /** Features the read workers made (with CLUSTER_TUNABLES: not used under other tunables). */
  precounted?: Precounted;
  /**
   * A diagnostic (bench/cluster.ts --why): called when a document that looked up candidates starts a cluster
   * in `add`, with the ids of every cluster its lookup reached, best-scored first (only the first
   * maxCandidates were compared exactly). Costs a second, uncapped lookup per new cluster.
   */
  onNewCluster?: (doc: NewsDoc, reached: string[]) => void;
}

const NONE = new Int32Array(0);
/** Entries per posting chunk. */
const CHUNK = 8;

export class EventClusterer {
  private readonly t: ClusterTunables;
  private readonly onNewCluster: ClustererOptions['onNewCluster'];
  private readonly open: boolean;
  private readonly df = new DocFreq();
  private readonly prepared = new Set<string>();
  private readonly entries: Entry[] = [];
  private readonly byId = new Map<string, number>();
  private readonly states: ClusterState[] = [];
  /**
   * term → clusters (with reports) that posted it: per term, a linked list of fixed-size chunks (newest
   * chunk first, newest entry last inside a chunk) in three typed arrays. Chunks keep a walk mostly on
   * contiguous memory (one cache miss per CHUNK entries, not per entry, which mattered at 50k); lookups
   * walk at most postingCap entries, so older postings simply fall out of reach: no trimming, no per-term arrays.
   */
  private readonly postingHead = new IntTable(1 << 12); // term → 1 + its newest chunk
  private chunkSlots = new Int32Array(CHUNK << 10);
  private chunkLength = new Uint8Array(1 << 10);
  private chunkNext = new Int32Array(1 << 10); // 1 + the next older chunk, 0 at the end
  private chunks = 0;
  /** Candidate scores by cluster, reused across documents (zeroed after each lookup). */
  private scores = new Float64Array(256);
  /** term → pending derivatives (entry indices) that carry it. */
  private readonly pendingPostings = new Map<number, number[]>();
  private readonly copies: DuplicateIndex;
  /** Term counts of prepared documents, in their Map order, kept from the constructor for add (t.keptTermsMb). */
  private readonly keptTerms = new Map<string, PackedTerms>();
  private readonly precounted: Precounted | null;
  /** A closed batch's report vectors and lookup terms as add made them, kept for refine (which would make the same). */
  private readonly keptVectors = new Map<number, { vec: SparseVector; lookup: Int32Array }>();
  /** Seeded clusters not posted yet (postSeeds), in seed order. */
  private unposted: number[] = [];
  /** The terms documents named by `expect` may look up (null: any). */
  private scope: IntTable | null = null;
  /** Whether seeded clusters were posted under `scope` only: a document looking up another term cannot be added. */
  private narrowed = false;
  /** Bytes the kept terms and vectors may still take. */
  private keptRoom: number;
  /** Union-find over entries linked as near-duplicates. */
  private readonly dupParent: number[] = [];
  /** Entries in a near-duplicate group: they stay with their copies (refine never moves them). */
  private readonly copyLinked = new Set<number>();

  /** Why documents were placed as they were (near-duplicate, date gap, moved by refine): run output, never
   *  written into the documents themselves. */
  readonly messages: Message[] = [];

  constructor(options: ClustererOptions = {}) {
    this.t = options.tunables ?? CLUSTER_TUNABLES;
    this.onNewCluster = options.onNewCluster;
    this.copies = new DuplicateIndex(this.t);
    this.open = options.open ?? !options.prepared;
    this.keptRoom = this.t.keptTermsMb * 2 ** 20;
    this.precounted = this.t === CLUSTER_TUNABLES ? options.precounted ?? null : null;
    if (options.prepared) {
      for (const doc of options.prepared) {
        if (this.prepared.has(doc.id)) continue;
        this.prepared.add(doc.id);
        const terms = this.precounted?.terms(doc) ?? packTerms(documentTerms(doc, this.t));
        this.df.observe(terms.ids);
        if (this.keptRoom >= terms.ids.length * 12) {
          this.keptTerms.set(doc.id, terms);
          this.keptRoom -= terms.ids.length * 12;
        }
      }
      this.df.complete = true;
      // A closed batch never sees another document: terms counted once can match nothing.
      if (!this.open) this.df.dropSingletons();
    }
  }

  /** Places one document and returns the id of its cluster. Messages about the decision go to `messages`. */
  add(doc: NewsDoc): string {
    if (this.byId.has(doc.id)) return this.states[this.entries[this.byId.get(doc.id)!].cluster].id;
    this.postSeeds();
    const tf = this.termsOf(doc);
    if (!this.prepared.delete(doc.id)) {
      this.settleSeeds(); // seeded reports are weighed with the frequencies before this document
      this.df.observe(tf instanceof Map ? tf.keys() : tf.ids);
      this.df.complete = false; // from here on frequencies grow with the stream
    }
    // A closed batch stores every shared term (exact cosines; reports' vectors are summed and dropped at once);
    // an open stream caps what it keeps, since it cannot tell yet which terms will be shared.
    const sharedOnly = this.df.complete && !this.open;
    const vec = vectorize(tf, this.df, { sharedOnly, maxStoredTerms: sharedOnly ? Infinity : this.t.maxStoredTerms });
    const index = this.entries.length;
    const entry: Entry = {
      id: doc.id, source: doc.source, kind: doc.kind, vec, day: doc.dateSource ? null : dayNumber(doc.publishedAt), cluster: -1,
      lookup: this.lookupTerms(vec),
      post: heaviestTerms(vec, this.df, this.t.probeTerms, 1, this.maxProbeDf()),
    };
    // refine (closed batches only) reads a report again: its vector and lookup terms are what it would make.
    if (sharedOnly && doc.kind !== 'derivative' && termCount(tf) >= this.t.minTerms) {
      const bytes = vec.ids.length * 8 + entry.lookup.length * 4;
      if (this.keptRoom >= bytes) {
        this.keptVectors.set(index, { vec, lookup: entry.lookup });
        this.keptRoom -= bytes;
      }
    }
    this.entries.push(entry);
    this.byId.set(doc.id, index);
    this.dupParent.push(index);
    const note = (rule: string, reason: string, severity: Message['severity'] = 'info') =>
      this.messages.push(message('cluster', rule, reason, { source: doc.source }, severity));

    if (termCount(tf) < this.t.minTerms) {
      entry.lookup = entry.post = NONE;
      note('too-little-text', `only ${termCount(tf)} distinct terms: too little text to match with other reports, kept alone`, 'warning');
      return this.start(index);
    }

    // 1. Syndicated copies.
    const sig = this.signatureOf(doc);
    if (sig) {
      const copies = this.copies.find(sig);
      this.copies.add(index, sig);
      for (const c of copies) this.union(index, c.key);
      const home = copies.find((c) => this.states[this.entries[c.key].cluster].reports > 0);
      if (copies.length) {
        const original = this.entries[copies[0].key];
        note('near-duplicate', `near-duplicate of ${original.source} (estimated shingle overlap ${copies[0].jaccard.toFixed(2)})`);
      }
      if (home) return this.join(index, this.entries[home.key].cluster);
    }

    // 2. Event clusters that share heavy terms.
    if (this.narrowed && entry.lookup.some((term) => !this.scope!.get(term))) {
      throw new Error(`EventClusterer.add: ${doc.id} looks up terms the seeded clusters were not posted under (not named by expect)`);
    }
    const threshold = entry.kind === 'derivative' ? this.t.derivativeJoinThreshold : this.t.joinThreshold;
    let best = -1, bestSim: number = threshold, blockedByDate: ClusterState | null = null;
    for (const c of this.candidates(vec, entry.lookup)) {
      const state = this.states[c];
      const sim = this.similarity(state, vec);
      if (sim < bestSim) continue;
      if (dayGap(entry.day, state.firstDay, state.lastDay) > this.t.maxDayGap) {
        blockedByDate = state;
        continue;
      }
      best = c;
      bestSim = sim;
    }
    if (best >= 0) return this.join(index, best);
    if (blockedByDate) {
      note('date-gap', `similar to cluster ${blockedByDate.id} but more than ${this.t.maxDayGap} days from its dates: treated as another event`);
    }
    this.onNewCluster?.(doc, this.candidates(vec, entry.lookup, Infinity).map((c) => this.states[c].id));
    return this.start(index);
  }

  /**
   * Takes an earlier run's cluster as it stands (incremental placement, cluster/incremental.ts): its members
   * get the state `add` would have left them in (the reports summed into the centroid and posted under their
   * heavy terms, every text in the copy index, the stored near-duplicate groups linked), without each being
   * looked up and judged again. Only a cluster with a report: a pending derivative is `add`ed as usual.
   * Weighing the reports waits until something reads them (postSeeds, centroidOf): most seeded clusters of a
   * large store are never a candidate of the few documents added after them.
   */
  seed(id: string, members: NewsDoc[], duplicates: string[][]): void {
    const c = this.states.length;
    const state: ClusterState = { id, members: [], centroid: new Centroid(), reports: 0, firstDay: null, lastDay: null, seeded: [] };
    this.states.push(state);
    for (const doc of members) {
      const index = this.entries.length;
      this.entries.push({ id: doc.id, source: doc.source, kind: doc.kind, vec: null, lookup: NONE, post: NONE, day: doc.dateSource ? null : dayNumber(doc.publishedAt), cluster: c });
      this.byId.set(doc.id, index);
      this.dupParent.push(index);
      state.members.push(index);
      widenDays(state, this.entries[index].day);
      // Kept counts move to the cluster (their room stays taken); others are counted again when weighed.
      const kept = this.keptTerms.get(doc.id) ?? null;
      this.keptTerms.delete(doc.id);
      const tf = kept ?? this.termsOf(doc);
      if (!this.prepared.delete(doc.id)) throw new Error('EventClusterer.seed takes prepared documents only');
      if (termCount(tf) >= this.t.minTerms) {
        const sig = this.signatureOf(doc);
        if (sig) this.copies.add(index, sig);
      }
      if (doc.kind === 'derivative') continue;
      state.reports++;
      state.seeded!.push({ doc, tf: kept });
    }
    for (const group of duplicates) {
      const [first, ...rest] = group.map((m) => this.byId.get(m)).filter((i): i is number => i !== undefined);
      for (const other of rest) this.union(first, other);
    }
    this.unposted.push(c);
  }

  /**
   * Names the documents `add` will take next, all of them (incremental.ts), before the first: seeded clusters are then
   * posted only under the terms these look up, and only their reports that have such a term are weighed; the copy index
   * links seeded documents only into the buckets of these documents' signatures. Lookups see what they would have
   * (postings and buckets of other keys are never walked). Only with frequencies complete and fixed (every
   * document prepared, a closed batch); otherwise nothing changes.
   */
  expect(docs: Iterable<NewsDoc>): void {
    if (this.narrowed) throw new Error('EventClusterer.expect: once, before the seeded clusters are first read');
    if (!this.df.complete || this.open) return;
    const scope = new IntTable(1 << 10), sigs: Uint32Array[] = [];
    for (const doc of docs) {
      if (!this.prepared.has(doc.id)) return; // it would change the frequencies, and so every weight
      const tf = this.keptTerms.get(doc.id) ?? this.precounted?.terms(doc) ?? documentTerms(doc, this.t);
      if (termCount(tf) < this.t.minTerms) continue; // placed alone, without a lookup
      for (const term of this.lookupTerms(this.fullVector(tf))) scope.set(term, 1);
      const made = this.precounted?.signature(doc);
      const sig = made === undefined ? signature(doc.body, this.t) : made;
      if (sig) sigs.push(sig);
    }
    this.scope = scope;
    this.copies.limit(sigs);
  }

  /** The current clusters, in order of their first member; members in the order they were added. */
  clusters(): Cluster[] {
    const out: { first: number; cluster: Cluster }[] = [];
    for (const state of this.states) {
      if (!state.members.length) continue; // every member moved away
      const members = [...state.members].sort((a, b) => a - b);
      const groups = new Map<number, number[]>();
      for (const m of members) {
        const root = this.find(m);
        if (!groups.has(root)) groups.set(root, []);
        groups.get(root)!.push(m);
      }
      const duplicates = [...groups.values()].filter((g) => g.length > 1).map((g) => g.map((m) => this.entries[m].id));
      out.push({ first: members[0], cluster: { id: state.id, members: members.map((m) => this.entries[m].id), duplicates } });
    }
    return out.sort((a, b) => a.first - b.first).map((o) => o.cluster);
  }

  /** The cluster a document is in now (a pending derivative moves when its reports arrive). */
  clusterOf(docId: string): string | null {
    const i = this.byId.get(docId);
    return i === undefined ? null : this.states[this.entries[i].cluster].id;
  }

  /** Derivatives that no report cluster has taken (yet). */
  pendingDerivatives(): string[] {
    return this.entries.filter((e) => e.kind === 'derivative' && this.states[e.cluster].reports === 0).map((e) => e.id);
  }

  /**
   * One reassignment pass over a closed batch, after every document was added. Each report is compared,
   * by leave-one-out average link, with its own cluster and with the candidate clusters its heavy terms
   * find, and moves when one fits clearly better. This undoes order effects: a report that arrived before
   * its own event had a cluster went to the nearest one, or stayed alone. Bounded like `add` (candidates
   * only, never all pairs); vectors are recomputed from `docs` rather than kept, which keeps memory flat.
   * A cluster's seed (it names the cluster), near-duplicates and the last report of a cluster holding
   * derivatives stay where they are. Before that pass, `split` takes apart clusters that hold two events.
   * Returns how many documents moved; each says so in its messages.
   */
  refine(batch: Iterable<NewsDoc>): number {
    if (this.open || !this.df.complete) throw new Error('EventClusterer.refine needs a closed batch: construct it with `prepared` and without `open`');
    if (this.narrowed) throw new Error('EventClusterer.refine looks up every report: not after seeded clusters were posted for expected documents only');
    this.postSeeds();
    this.settleSeeds();
    const maxDf = this.maxProbeDf();
    const docs = Array.isArray(batch) ? (batch as NewsDoc[]) : [...batch]; // read twice
    let moved = this.split(docs, maxDf);
    for (const doc of docs) {
      const index = this.byId.get(doc.id);
      if (index === undefined) continue;
      const entry = this.entries[index], from = this.states[entry.cluster];
      if (entry.kind === 'derivative' || this.copyLinked.has(index) || from.reports === 0) continue;
      if (from.members[0] === index && from.members.length > 1) continue;
      let { vec, lookup } = this.keptVectors.get(index) ?? { vec: null, lookup: null };
      if (!vec || !lookup) {
        const tf = documentTerms(doc, this.t);
        if (tf.size < this.t.minTerms) continue;
        vec = this.fullVector(tf);
        lookup = heaviestTerms(vec, this.df, this.t.probeTerms, 2, maxDf);
      }
      const own = from.reports > 1 ? (from.centroid.dot(vec) - dot(vec, vec)) / (from.reports - 1) : 0;
      let best = -1, bestSim = Math.max(this.t.joinThreshold, own + this.t.reassignMargin);
      for (const c of this.candidates(vec, lookup)) {
        const state = this.states[c];
        if (c === entry.cluster) continue;
        const sim = this.similarity(state, vec);
        if (sim < bestSim || dayGap(entry.day, state.firstDay, state.lastDay) > this.t.maxDayGap) continue;
        best = c;
        bestSim = sim;
      }
      if (best < 0) continue;
      // Leave: the centroid forgets the vector; the date range stays (a wider window only errs towards joining).
      from.centroid.subtract(vec);
      from.reports--;
      from.members = from.members.filter((m) => m !== index);
      entry.vec = vec;
      entry.post = heaviestTerms(vec, this.df, this.t.probeTerms, 1, maxDf);
      const to = this.join(index, best);
      this.messages.push(message('cluster', 'reassigned',
        `moved from cluster ${from.id} (mean similarity ${own.toFixed(2)}) to ${to} (${bestSim.toFixed(2)}), which fits it better once every report was placed`,
        { source: doc.source }, 'info'));
      moved++;
    }
    this.keptVectors.clear();
    return moved;
  }

  /**
   * The split check of `refine`, before any report moves. Average link decides one arrival at a time, so
   * one report that shares a passage or two with an unrelated cluster joins it, and its own event's later
   * reports follow it there (their mean with the cluster is half their own event's). Each cluster of 3 to
   * t.splitMaxReports reports is regrouped by exact average link among its members (near-duplicates held
   * together); groups whose mean similarity to every other group stays below splitBelow (at most
   * joinThreshold) would never have met under the batch rule. Each such group of at least 2 reports leaves for a cluster of its own
   * (the seed's group keeps the cluster); lone reports stay for the reassignment pass to judge.
   * Derivatives go with the group they are most similar to. Returns how many documents moved.
   */
  private split(docs: NewsDoc[], maxDf: number): number {
    const docOf: (NewsDoc | undefined)[] = new Array(this.entries.length);
    for (const doc of docs) {
      const i = this.byId.get(doc.id);
      if (i !== undefined) docOf[i] = doc;
    }
    const vectorOf = (i: number): SparseVector | null => {
      const kept = this.keptVectors.get(i);
      if (kept) return kept.vec;
      const doc = docOf[i];
      return doc ? this.fullVector(documentTerms(doc, this.t)) : null;
    };
    let moved = 0;
    const count = this.states.length; // clusters made here are already split
    for (let c = 0; c < count; c++) {
      const state = this.states[c];
      if (state.reports < 3 || state.reports > this.t.splitMaxReports) continue;
      const reports = state.members.filter((m) => this.entries[m].kind !== 'derivative');
      const vecs = reports.map(vectorOf);
      if (vecs.some((v) => !v)) continue;
      const groups = this.averageLinkGroups(reports, vecs as SparseVector[]);
      if (groups.length < 2) continue;
      const seed = state.members[0];
      const leaving = groups.filter((g) => g.length >= 2 && !g.some((k) => reports[k] === seed));
      if (!leaving.length) continue;
      const before = state.members.length;
      const parts: ClusterState[] = [state];
      for (const group of leaving) {
        const members = group.map((k) => reports[k]).sort((a, b) => a - b);
        // The rest of its event may have a cluster already (the later reports that did not follow): join it as a group.
        let target = this.groupHome(c, members, group.map((k) => vecs[k]!), maxDf), to: ClusterState;
        if (target >= 0) {
          to = this.states[target];
          to.members.push(...members);
          to.reports += members.length;
        } else {
          to = { id: shortId('c', this.entries[members[0]].id), members, centroid: new Centroid(), reports: members.length, firstDay: null, lastDay: null };
          target = this.states.length;
          this.states.push(to);
        }
        parts.push(to);
        for (const k of group) {
          const vec = vecs[k]!;
          this.entries[reports[k]].cluster = target;
          state.centroid.subtract(vec);
          to.centroid.add(vec);
          for (const term of heaviestTerms(vec, this.df, this.t.probeTerms, 1, maxDf)) this.postCluster(term, target);
        }
        const out = new Set(members);
        state.members = state.members.filter((m) => !out.has(m));
        state.reports -= members.length;
        for (const m of members) {
          this.messages.push(message('cluster', 'split',
            `split from cluster ${state.id} into ${to.id}: its ${members.length} reports fit one another but not the rest (mean similarity below ${this.t.splitBelow})`,
            { source: this.entries[m].source }, 'info'));
        }
      }
      // Derivatives go with the part they fit best (the seed's part on a tie or without text).
      for (const d of state.members.filter((m) => this.entries[m].kind === 'derivative')) {
        const doc = docOf[d];
        if (!doc) continue;
        const vec = this.fullVector(documentTerms(doc, this.t));
        let best = 0;
        for (let p = 1; p < parts.length; p++) if (this.similarity(parts[p], vec) > this.similarity(parts[best], vec)) best = p;
        if (best === 0) continue;
        state.members = state.members.filter((m) => m !== d);
        parts[best].members.push(d);
        this.entries[d].cluster = this.states.indexOf(parts[best]);
      }
      for (const part of parts) this.resetDays(part);
      moved += before - state.members.length;
    }
    return moved;
  }

  /** The cluster other than `from` where a group of reports fits best as a whole (mean over its members of
   *  their average link), found through each member's candidates; -1 when none reaches joinThreshold within the date window. */
  private groupHome(from: number, members: number[], vecs: SparseVector[], maxDf: number): number {
    const seen = new Set<number>([from]);
    let best = -1, bestSim: number = this.t.joinThreshold;
    for (let k = 0; k < members.length; k++) {
      const lookup = this.keptVectors.get(members[k])?.lookup ?? heaviestTerms(vecs[k], this.df, this.t.probeTerms, 2, maxDf);
      for (const c of this.candidates(vecs[k], lookup)) {
        if (seen.has(c)) continue;
        seen.add(c);
        const state = this.states[c];
        let sim = 0;
        for (const v of vecs) sim += this.similarity(state, v);
        sim /= vecs.length;
        if (sim < bestSim || members.some((m) => dayGap(this.entries[m].day, state.firstDay, state.lastDay) > this.t.maxDayGap)) continue;
        best = c;
        bestSim = sim;
      }
    }
    return best;
  }

  /**
   * Average-link agglomeration of a cluster's reports (positions into `members`): copies start as one group,
   * the closest pair of groups merges while its mean similarity reaches splitBelow. O(n³) over at most
   * t.splitMaxReports reports.
   */
  private averageLinkGroups(members: number[], vecs: SparseVector[]): number[][] {
    const n = members.length;
    const groupOf = new Map<number, number[]>();
    for (let k = 0; k < n; k++) {
      const root = this.copyLinked.has(members[k]) ? this.find(members[k]) : -1 - k;
      if (!groupOf.has(root)) groupOf.set(root, []);
      groupOf.get(root)!.push(k);
    }
    const groups = [...groupOf.values()];
    const sim = Array.from({ length: n }, () => new Float64Array(n));
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) sim[a][b] = sim[b][a] = dot(vecs[a], vecs[b]);
    // link[g][h]: the sum of similarities between groups g and h.
    const link = groups.map((g) => groups.map((h) => (g === h ? 0 : g.reduce((s, a) => s + h.reduce((t, b) => t + sim[a][b], 0), 0))));
    for (;;) {
      let bestG = -1, bestH = -1, best = this.t.splitBelow;
      for (let g = 0; g < groups.length; g++) {
        for (let h = g + 1; h < groups.length; h++) {
          const mean = link[g][h] / (groups[g].length * groups[h].length);
          if (mean >= best) [bestG, bestH, best] = [g, h, mean];
        }
      }
      if (bestG < 0) return groups;
      groups[bestG] = groups[bestG].concat(groups[bestH]);
      for (let k = 0; k < groups.length; k++) if (k !== bestG) link[bestG][k] = link[k][bestG] = link[bestG][k] + link[bestH][k];
      groups.splice(bestH, 1);
      link.splice(bestH, 1);
      for (const row of link) row.splice(bestH, 1);
    }
  }

  private resetDays(state: ClusterState) {
    state.firstDay = state.lastDay = null;
    for (const m of state.members) widenDays(state, this.entries[m].day);
  }

  /** A document's whole vector over the batch's shared terms (refine and split, which judge one report exactly). */
  private fullVector(tf: Terms): SparseVector {
    return vectorize(tf, this.df, { sharedOnly: true, maxStoredTerms: Infinity });
  }

  /** Terms a document looks up candidates by: its heaviest shared with another document, none too common. */
  private lookupTerms(vec: SparseVector): Int32Array {
    return heaviestTerms(vec, this.df, this.t.probeTerms, 2, this.maxProbeDf());
  }

  /** Terms in too many documents suggest too many candidates; small batches are exempt (every term is cheap there). */
  private maxProbeDf(): number {
    return Math.max(this.t.minProbeDfCap, this.t.maxProbeDfShare * this.df.documents);
  }

  /** A seeded report's term counts: kept, else counted again (the same counts). */
  private seededTerms(s: Seeded): Terms {
    return s.tf ?? this.precounted?.terms(s.doc) ?? documentTerms(s.doc, this.t);
  }

  /**
   * Posts the seeded clusters not posted yet, in seed order, under their reports' heavy terms, as seed would have at
   * once (postings are read newest first: the order is the same). With a scope (expect), only under its terms, and a
   * report without one of them is not weighed at all. The centroids wait for centroidOf.
   */
  private postSeeds(): void {
    if (!this.unposted.length) return;
    const maxDf = this.maxProbeDf(), scope = this.scope;
    for (const c of this.unposted) {
      for (const s of this.states[c].seeded ?? []) {
        const tf = this.seededTerms(s);
        if (termCount(tf) < this.t.minTerms) continue;
        if (!scope) for (const term of heaviestTerms(this.fullVector(tf), this.df, this.t.probeTerms, 1, maxDf)) this.postCluster(term, c);
        else if (sharesAny(tf, scope)) for (const term of heavyTermsAmong(tf, this.df, this.t.probeTerms, maxDf, scope)) this.postCluster(term, c);
      }
    }
    this.narrowed ||= scope !== null;
    this.unposted = [];
  }

  /** A cluster's centroid, its seeded reports summed into it first (in member order, as seed would have). */
  private centroidOf(state: ClusterState): Centroid {
    if (state.seeded) {
      if (state.centroid.members) throw new Error('EventClusterer: a seeded cluster was added to before it was summed');
      state.centroid = Centroid.sum(state.seeded.map((s) => this.seededTerms(s)), this.df);
      state.seeded = undefined;
    }
    return state.centroid;
  }

  /** Sums every seeded report into its centroid (before the frequencies change, or a pass that reads them all). */
  private settleSeeds(): void {
    for (const state of this.states) this.centroidOf(state);
  }

  // -------------------------------------------------------------------------------------------

  /** A document's MinHash signature for the copy index: the read worker's when it made one of this very text (precounted.ts). */
  private signatureOf(doc: NewsDoc): Uint32Array | null {
    const made = this.precounted?.takeSignature(doc);
    return made === undefined ? signature(doc.body, this.t) : made;
  }

  /** A document's term counts for add and seed: kept from the constructor's pass when they fit (and then let go), else
   *  counted again (the same counts in the same order either way: vectorize makes the same vector of both). */
  private termsOf(doc: Pick<NewsDoc, 'id' | 'title' | 'body'>): Terms {
    const kept = this.keptTerms.get(doc.id);
    if (kept) {
      this.keptTerms.delete(doc.id);
      this.keptRoom += kept.ids.length * 12;
      return kept;
    }
    return this.precounted?.terms(doc) ?? documentTerms(doc, this.t);
  }

  /** Clusters with reports that share `lookup` terms with `vec`, best-scored first, at most `k`. */
  private candidates(vec: SparseVector, lookup: Int32Array, k = this.t.maxCandidates): number[] {
    if (this.scores.length < this.states.length) this.scores = new Float64Array(this.states.length * 2);
    const scores = this.scores, touched: number[] = [];
    for (const term of lookup) {
      // A shared term adds about w² to the exact similarity (the cluster's members weigh it much as this
      // document does), so candidates are scored by Σw², not Σw: by Σw, clusters sharing many lighter terms
      // (one passage that recurs across events) crowded the event's own cluster, found through the few
      // heaviest (names), out of the top maxCandidates (bench:cluster at 100k: 2,729 of 3,518 wrong new clusters).
      const w = weightIn(vec, term) ** 2;
      let walked = 0;
      for (let ch = this.postingHead.get(term) - 1; ch >= 0 && walked < this.t.postingCap; ch = this.chunkNext[ch] - 1) {
        for (let i = ch * CHUNK + this.chunkLength[ch] - 1; i >= ch * CHUNK && walked < this.t.postingCap; i--, walked++) {
          const c = this.chunkSlots[i];
          if (scores[c] === 0) touched.push(c);
          scores[c] += w;
        }
      }
    }
    let best = touched;
    if (touched.length > k) {
      // Only the k best are wanted: find the k-th score with a native sort, keep those above it (then ties).
      const sorted = Float64Array.from(touched, (c) => scores[c]).sort();
      const cut = sorted[sorted.length - k];
      best = touched.filter((c) => scores[c] > cut);
      for (let i = 0; i < touched.length && best.length < k; i++) if (scores[touched[i]] === cut) best.push(touched[i]);
    }
    best.sort((a, b) => scores[b] - scores[a] || a - b);
    for (const c of touched) scores[c] = 0;
    return best;
  }

  /**
   * Average link: the mean cosine between the document and the cluster's reports, read off the centroid
   * sum in one pass. Unlike cosine to the centroid it does not grow easier as a cluster grows, which
   * kept large clusters from swallowing neighbours on vims-dev (F1 0.956 → 0.975).
   */
  private similarity(state: ClusterState, vec: SparseVector): number {
    const centroid = this.centroidOf(state);
    return centroid.members ? centroid.dot(vec) / centroid.members : 0;
  }

  private start(index: number): string {
    const entry = this.entries[index];
    const state: ClusterState = {
      id: shortId('c', entry.id), members: [], centroid: new Centroid(), reports: 0,
      firstDay: null, lastDay: null,
    };
    this.states.push(state);
    return this.join(index, this.states.length - 1);
  }

  private join(index: number, c: number): string {
    const entry = this.entries[index], state = this.states[c];
    entry.cluster = c;
    state.members.push(index);
    widenDays(state, entry.day);
    if (entry.kind === 'derivative') {
      // A derivative does not define its event: it neither moves the centroid nor attracts reports.
      if (state.reports === 0) this.post(this.pendingPostings, entry.post, index);
      else entry.vec = null, entry.lookup = entry.post = NONE; // placed with reports: it never moves again
      return state.id;
    }
    state.reports++;
    this.centroidOf(state).add(entry.vec!);
    entry.vec = null; // summed into the centroid; a report never moves, so its own vector is not needed again
    for (const term of entry.post) this.postCluster(term, c);
    this.adoptPendingDerivatives(entry, c);
    entry.lookup = entry.post = NONE; // placed for good: later documents find it through its cluster
    return state.id;
  }

  /** After a report joins cluster c, pending derivatives that fit c move into it. */
  private adoptPendingDerivatives(report: Entry, c: number) {
    const state = this.states[c];
    const seen = new Set<number>();
    for (const term of report.lookup) {
      for (const d of this.pendingPostings.get(term) ?? []) {
        if (seen.has(d)) continue;
        seen.add(d);
        const deriv = this.entries[d], from = this.states[deriv.cluster];
        if (from.reports > 0 || from === state) continue; // already placed
        const copy = this.find(d) === this.find(this.byId.get(report.id)!);
        const fits = this.similarity(state, deriv.vec!) >= this.t.derivativeJoinThreshold &&
          dayGap(deriv.day, state.firstDay, state.lastDay) <= this.t.maxDayGap;
        if (!copy && !fits) continue;
        from.members = from.members.filter((m) => m !== d);
        deriv.cluster = c;
        deriv.vec = null;
        deriv.lookup = deriv.post = NONE;
        state.members.push(d);
      }
    }
  }

  /** Makes cluster c the newest in the term's posting (unless it already is). */
  private postCluster(term: number, c: number) {
    const head = this.postingHead.get(term);
    if (head) {
      const ch = head - 1, length = this.chunkLength[ch];
      if (this.chunkSlots[ch * CHUNK + length - 1] === c) return;
      if (length < CHUNK) {
        this.chunkSlots[ch * CHUNK + length] = c;
        this.chunkLength[ch]++;
        return;
      }
    }
    if (this.chunks === this.chunkLength.length) {
      const grow = <A extends Int32Array | Uint8Array>(a: A, make: (n: number) => A) => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.chunkSlots = grow(this.chunkSlots, (n) => new Int32Array(n));
      this.chunkLength = grow(this.chunkLength, (n) => new Uint8Array(n));
      this.chunkNext = grow(this.chunkNext, (n) => new Int32Array(n));
    }
    const ch = this.chunks++;
    this.chunkSlots[ch * CHUNK] = c;
    this.chunkLength[ch] = 1;
    this.chunkNext[ch] = head;
    this.postingHead.set(term, ch + 1);
  }

  private post(postings: Map<number, number[]>, terms: Int32Array, value: number) {
    for (const term of terms) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(value);
      // Keep the most recent entries; trimming at twice the cap keeps the cost amortised O(1).
      if (list.length >= 2 * this.t.postingCap) list.splice(0, list.length - this.t.postingCap);
    }
  }

  private find(i: number): number {
    while (this.dupParent[i] !== i) i = this.dupParent[i] = this.dupParent[this.dupParent[i]];
    return i;
  }

  private union(a: number, b: number) {
    this.copyLinked.add(a).add(b);
    const ra = this.find(a), rb = this.find(b);
    if (ra !== rb) this.dupParent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Whether any term of `tf` is in `table`. */
function sharesAny(tf: Terms, table: IntTable): boolean {
  if (tf instanceof Map) {
    for (const id of tf.keys()) if (table.get(id)) return true;
  } else for (let i = 0; i < tf.ids.length; i++) if (table.get(tf.ids[i])) return true;
  return false;
}

/** The weight of `term` in `v` (0 when absent), by binary search over its sorted ids. */
function weightIn(v: SparseVector, term: number): number {
  let lo = 0, hi = v.ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v.ids[mid] < term) lo = mid + 1;
    else hi = mid;
  }
  return lo < v.ids.length && v.ids[lo] === term ? v.weights[lo] : 0;
}

/** Widens a cluster's date range to hold `day` (a dateless document changes nothing). */
function widenDays(state: ClusterState, day: number | null): void {
  if (day === null) return;
  state.firstDay = state.firstDay === null ? day : Math.min(state.firstDay, day);
  state.lastDay = state.lastDay === null ? day : Math.max(state.lastDay, day);
}
