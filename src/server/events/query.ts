// The events list as data: every current cluster with its title, date, outlets and findings, narrowed
// by a Korean search over the store's index and by outlet, date and entity, then cut into pages.
import type { NewsDoc } from '../../types.js';
import { toNewsDoc, type StoredCluster } from '../../store/index.js';
import { sourceEntries } from '../../write/citations.js';
import { eventDate, eventTitle } from '../event/view.js';
import { EVENTS_PER_PAGE, SEARCH_HIT_LIMIT } from '../tunables.js';
import type { Workbench } from '../workbench.js';

export interface EventFilters {
  q?: string;
  outlet?: string;
  /** YYYY-MM-DD: events with a member published that day (KST, as written). */
  date?: string;
  entity?: string;
  page?: number;
}

export interface EventSummary {
  id: string;
  title: string;
  date: string | null;
  outlets: string[];
  size: number;
  findings: number;
  entities: string[];
}

export interface EventList {
  events: EventSummary[];
  total: number;
  page: number;
  pages: number;
  /** Every outlet and entity of the current events, for the filter menus. */
  outlets: string[];
}

function summarise(c: StoredCluster, docs: Map<string, NewsDoc>): EventSummary & { dates: string[] } {
  const members = c.members.map((id) => docs.get(id)).filter((d): d is NewsDoc => !!d);
  return {
    id: c.id,
    title: eventTitle(members),
    date: eventDate(members),
    dates: members.map((d) => d.publishedAt?.slice(0, 10)).filter((d): d is string => !!d),
    outlets: [...new Set([...sourceEntries(members).values()].map((e) => e.name))],
    size: c.members.length,
    findings: c.analysis.findings.length,
    entities: c.analysis.entities.flatMap((e) => [e.name, ...e.aliases]),
  };
}

export async function listEvents(bench: Workbench, f: EventFilters): Promise<EventList> {
  const clusters = await bench.clusters();
  const docs = new Map((await bench.store.documents()).map((d) => [d.id, toNewsDoc(d)]));
  let all = clusters.map((c) => summarise(c, docs));
  const outlets = [...new Set(all.flatMap((e) => e.outlets))].sort();
  if (f.q?.trim()) {
    const hits = new Set((await bench.store.search(f.q, SEARCH_HIT_LIMIT)).map((h) => h.id));
    const matching = new Set(clusters.filter((c) => c.members.some((m) => hits.has(m))).map((c) => c.id));
    all = all.filter((e) => matching.has(e.id));
  }
  if (f.outlet) all = all.filter((e) => e.outlets.includes(f.outlet!));
  if (f.date) all = all.filter((e) => e.dates.includes(f.date!));
  if (f.entity?.trim()) {
    const want = f.entity.trim();
    all = all.filter((e) => e.entities.some((n) => n.includes(want)));
  }
  all.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.size - a.size);
  const size = bench.options.eventsPerPage ?? EVENTS_PER_PAGE;
  const pages = Math.max(1, Math.ceil(all.length / size));
  const page = Math.min(Math.max(1, f.page ?? 1), pages);
  const events = all.slice((page - 1) * size, page * size).map(({ dates: _d, ...e }) => e);
  return { events, total: all.length, page, pages, outlets };
}
