// The Korean line/block cleaner: input lines → kept lines, captions, removed lines, metadata clues.
// Block rules run first (board listings, related lists, duplicated blocks), then the line rules of
// noise-rules.ts. Nothing is dropped silently: every line taken out lands in `removed` with its rule,
// captions land in `captions`, and what a line said about the article lands in `clues`.
import type { Removal } from '../types.js';
import { norm, type SourceLine } from './lines.js';
import {
  BOARD_HEADER, BOARD_ROW, BYLINE_BRACKET, BYLINE_OUTLET_ONLY, BYLINE_COLUMN, BYLINE_DATELINE, BYLINE_REPORTER_PREFIX, CAPTION_CREDIT_END,
  CAPTION_START, CAPTION_TEXT_MIN_CHARS, COPYRIGHT_HOLDER, CREDIT_LINE, DATELINE_KIND, DOMAIN_IN_TEXT, EMAIL_ALL, END_MARK_TAIL, ENGLISH_BYLINE,
  LINE_RULES, LIST_HEADER, LIST_NUMBERED_ITEM, NOT_BYLINE_TAGS, NOT_DATELINE_PLACES, PROSE_END, RECOMMEND_HEADER, REPORTER_IN_LINE, RULE,
  SIGNOFF_SPOKEN, SIGNOFF_WRITTEN, TOOLBAR_MIN_WORDS, TOOLBAR_WORDS, WIRE_DATELINE,
} from './noise-rules.js';
import { outletByDomain, outletByName } from './outlets.js';
import {
  BOARD_MIN_ROWS, CAPTION_MAX_CHARS, DUPLICATE_MAX_BLOCK, LIST_ITEM_MAX_CHARS, LIST_MAX_ITEMS,
} from './tunables.js';

/** `datelineDay` is a month and day without a year (`April 19` of an English wire dateline). */
export type ClueField = 'outlet' | 'aggregator' | 'reporter' | 'email' | 'publishedAt' | 'modifiedAt' | 'datelineDay';

/** Something a line told us about the article, with where it came from. */
export interface Clue {
  field: ClueField;
  value: string;
  /** How it was found: byline, copyright-line, outlet-credit, reporter-line, dateline, ... */
  evidence: string;
  line: number;
}

export interface Cleaned {
  lines: SourceLine[];
  captions: string[];
  removed: Removal[];
  clues: Clue[];
}

/** Cleans the lines of one document. Pure. */
export function cleanLines(input: readonly SourceLine[]): Cleaned {
  const removed: Removal[] = [];
  const clues: Clue[] = [];
  const captions: string[] = [];
  const norms = input.map((l) => norm(l.text));
  const takenBy: (string | null)[] = input.map(() => null);

  markBoardListings(norms, takenBy, input, clues);
  markRelatedLists(norms, takenBy);
  markDuplicates(norms, takenBy);

  const lines: SourceLine[] = [];
  input.forEach((line, i) => {
    if (takenBy[i]) {
      removed.push({ text: line.text, rule: takenBy[i]!, line: line.no });
      return;
    }
    let text = line.text;
    let n = norms[i];
    // A byline prefix is metadata; the rest of the line is the first paragraph.
    const prefix = readBylinePrefix(n, line.no, clues);
    if (prefix) {
      removed.push({ text: prefix.text, rule: prefix.rule ?? RULE.byline, line: line.no });
      text = stripPrefix(text, prefix.text);
      n = norm(text);
      if (!n) return;
    }
    // A wire end mark closing the last paragraph goes; the paragraph stays.
    const end = text.match(END_MARK_TAIL);
    if (end) {
      removed.push({ text: end[0].trim(), rule: RULE.endMark, line: line.no });
      text = text.slice(0, end.index).trimEnd();
      n = norm(text);
    }
    // A caption sentence before its credit outweighs the © a wire credit may carry (`… 2026.4.7/뉴스1
    // © News1 홍길동 기자`): read captions with text before the credit ahead of the line rules.
    const caption = isCaption(n);
    if (caption && (n.match(CAPTION_CREDIT_END)?.index ?? 0) >= CAPTION_TEXT_MIN_CHARS) {
      captions.push(text);
      return;
    }
    const rule = lineRule(n);
    if (rule) {
      removed.push({ text, rule, line: line.no });
      readClues(rule, n, line.no, clues);
      return;
    }
    const credit = creditOutlet(n);
    if (credit) {
      removed.push({ text, rule: RULE.outletCredit, line: line.no });
      clues.push({ field: credit.kind === 'aggregator' ? 'aggregator' : 'outlet', value: credit.name, evidence: RULE.outletCredit, line: line.no });
      return;
    }
    if (caption) {
      captions.push(text);
      return;
    }
    lines.push(text === line.text ? line : { ...line, text });
  });
  return { lines, captions, removed, clues };
}

/** The first line rule (or the toolbar rule) that takes a whole line, or null. */
export function lineRule(n: string): string | null {
  for (const r of LINE_RULES) {
    if (n.length <= r.maxChars && r.patterns.some((p) => p.test(n))) return r.name;
  }
  if (isToolbar(n)) return RULE.shareToolbar;
  return null;
}

function isToolbar(n: string): boolean {
  if (n.length > 80) return false;
  const words = n.toLowerCase().split(/[\s|/·,]+/).filter(Boolean);
  const tools = words.filter((w) => TOOLBAR_WORDS.has(w));
  return tools.length >= TOOLBAR_MIN_WORDS && words.every((w) => TOOLBAR_WORDS.has(w) || /^\d+$/.test(w));
}

/** A caption: a short line ending in a photo credit after its sentence, or one with a caption marker. */
export function isCaption(n: string): boolean {
  if (n.length > CAPTION_MAX_CHARS) return false;
  if (CAPTION_START.test(n)) {
    // ▲ also bullets lists in some outlets; it marks a caption only with a credit or photo words.
    return !n.startsWith('▲') || CAPTION_CREDIT_END.test(n) || /사진|모습|포즈|기념\s*촬영|전경/.test(n);
  }
  const m = n.match(CAPTION_CREDIT_END);
  // The credit must follow some caption text: a bare credit line is an outlet credit or noise.
  return !!m && m.index! > 0;
}

/** A line that is only an outlet name from the table. */
function creditOutlet(n: string) {
  if (n.length > 30) return undefined;
  const m = n.match(CREDIT_LINE);
  return m ? outletByName(m[1]) : undefined;
}

function stripPrefix(text: string, prefix: string): string {
  // `prefix` was matched on the normalised line; cut the same number of non-space characters.
  let want = prefix.replace(/\s+/g, '').length;
  let i = 0;
  while (i < text.length && want > 0) {
    if (!/[\s\u00a0\u200b\u3000]/.test(text[i])) want--;
    i++;
  }
  return text.slice(i).replace(/^[\s\u00a0\u200b\u3000]+/, '');
}

interface Prefix { text: string; rule?: string }

function readBylinePrefix(n: string, no: number, clues: Clue[]): Prefix | null {
  let m = n.match(BYLINE_BRACKET);
  if (m && !NOT_BYLINE_TAGS.has(m[1].trim().split(/\s+/)[0])) {
    clues.push({ field: 'outlet', value: bracketOutlet(m[1]), evidence: 'byline', line: no });
    clues.push({ field: 'reporter', value: m[2].trim(), evidence: 'byline', line: no });
    if (m[3]) clues.push({ field: 'email', value: m[3], evidence: 'byline', line: no });
    return { text: m[0].trim() };
  }
  m = n.match(BYLINE_OUTLET_ONLY);
  const only = m ? outletByName(m[1].trim()) : undefined;
  if (m && only && m[0].trim().length < n.length) {
    clues.push({ field: only.kind === 'aggregator' ? 'aggregator' : 'outlet', value: only.name, evidence: 'byline', line: no });
    return { text: m[0].trim() };
  }
  m = n.match(BYLINE_DATELINE);
  if (m && !NOT_DATELINE_PLACES.has(m[1]) && (m[3] || outletByName(m[2]))) {
    clues.push({ field: 'outlet', value: m[2], evidence: 'byline', line: no });
    if (m[3]) clues.push({ field: 'reporter', value: m[3].trim(), evidence: 'byline', line: no });
    return { text: m[0].trim() };
  }
  m = n.match(WIRE_DATELINE);
  if (m) {
    const wire = outletByName(m[4]);
    if (wire) clues.push({ field: 'outlet', value: wire.name, evidence: RULE.wireDateline, line: no });
    if (m[2]) clues.push({ field: 'datelineDay', value: `${m[2]} ${m[3]}`, evidence: RULE.wireDateline, line: no });
    return { text: m[0].trim(), rule: RULE.wireDateline };
  }
  m = n.match(BYLINE_COLUMN);
  const column = m ? outletByName(m[1]) : undefined;
  if (column) clues.push({ field: 'outlet', value: column.name, evidence: 'column-byline', line: no });
  m = n.match(BYLINE_REPORTER_PREFIX);
  if (m) {
    clues.push({ field: 'reporter', value: m[1].trim(), evidence: 'byline', line: no });
    return { text: m[0].trim() };
  }
  return null;
}

/** The outlet words of a bracket byline: `이데일리`, `아시아경제 세종` (a place after the outlet),
 *  `이데일리 스타in` (a desk of the outlet). The table's name when the whole or its first word is known. */
function bracketOutlet(words: string): string {
  const w = words.trim();
  const known = outletByName(w) ?? outletByName(w.split(/\s+/)[0]);
  return known?.name ?? w;
}

/** What a removed line says about the article. */
function readClues(rule: string, n: string, no: number, clues: Clue[]) {
  const emails = n.match(EMAIL_ALL) ?? [];
  if (rule === RULE.reporterLine || rule === RULE.emailLine) {
    const who = n.match(REPORTER_IN_LINE);
    if (who) clues.push({ field: 'reporter', value: who[1].trim(), evidence: rule, line: no });
    const first = n.split(/\s+/)[0].replace(/^[/▶\[【]+/, '');
    const named = outletByName(first);
    if (named && rule === RULE.reporterLine) clues.push({ field: 'outlet', value: named.name, evidence: rule, line: no });
  }
  const signoff = rule === RULE.broadcastSignoff ? n.match(SIGNOFF_SPOKEN) ?? n.match(SIGNOFF_WRITTEN) : null;
  if (signoff) {
    const o = outletByName(signoff[1]) ?? outletByName(signoff[1].replace(/\s*뉴스$/, ''));
    if (o) clues.push({ field: 'outlet', value: o.name, evidence: rule, line: no });
    clues.push({ field: 'reporter', value: signoff[2], evidence: rule, line: no });
  }
  if (rule === RULE.englishByline) {
    const names = n.match(ENGLISH_BYLINE)![1].trim();
    const o = outletByName(names);
    if (o) clues.push({ field: 'outlet', value: o.name, evidence: rule, line: no });
    else clues.push({ field: 'reporter', value: names, evidence: rule, line: no });
  }
  // Staff and tip-line addresses are not the reporter's; their domain still names the outlet.
  const personal = rule !== RULE.staffCredit && rule !== RULE.tipLine;
  for (const e of emails) {
    if (personal) clues.push({ field: 'email', value: e, evidence: rule, line: no });
    const o = outletByDomain(e);
    if (o) clues.push({ field: o.kind === 'aggregator' ? 'aggregator' : 'outlet', value: o.name, evidence: 'email-domain', line: no });
  }
  if (rule === RULE.copyrightLine) {
    const holder = n.match(COPYRIGHT_HOLDER)?.[1]?.trim();
    const known = holder ? outletByName(holder) ?? outletByDomain(holder) : undefined;
    if (known) clues.push({ field: 'outlet', value: known.name, evidence: rule, line: no });
    else if (holder && /[가-힣]/.test(holder)) clues.push({ field: 'outlet', value: holder, evidence: rule, line: no });
    for (const d of n.matchAll(DOMAIN_IN_TEXT)) {
      const o = outletByDomain(d[1]);
      if (o) clues.push({ field: 'outlet', value: o.name, evidence: `${rule}-domain`, line: no });
    }
  }
  if (rule === RULE.dateline) {
    const field = DATELINE_KIND.exec(n)?.[1] ? 'modifiedAt' : 'publishedAt';
    // A line may carry both: 입력 2025.02.04 15:30 수정 2025.02.04 16:00.
    const parts = n.split(/(?=(?:수정|업데이트|최종\s*수정)\s*[:：]?\s*\d{4})/);
    clues.push({ field, value: parts[0], evidence: rule, line: no });
    for (const p of parts.slice(1)) clues.push({ field: 'modifiedAt', value: p, evidence: rule, line: no });
  }
}

// ---------------------------------------------------------------------------------------------
// block rules

function markBoardListings(norms: string[], takenBy: (string | null)[], input: readonly SourceLine[], clues: Clue[]) {
  const sites = new Map<string, number>();
  const take = (i: number) => {
    takenBy[i] = RULE.boardListing;
    const site = norms[i].match(BOARD_ROW)?.[1];
    if (site) sites.set(site, (sites.get(site) ?? 0) + 1);
  };
  for (let i = 0; i < norms.length; i++) {
    if (takenBy[i]) continue;
    const header = BOARD_HEADER.test(norms[i]);
    let j = header ? i + 1 : i;
    while (j < norms.length && BOARD_ROW.test(norms[j])) j++;
    if (header || j - i >= BOARD_MIN_ROWS) {
      for (let k = i; k < j; k++) take(k);
      i = j - 1;
    }
  }
  // The site named on most rows is the board that re-posted the page.
  const top = [...sites].sort((a, b) => b[1] - a[1])[0];
  if (top && top[1] >= 2) {
    const o = outletByName(top[0]);
    const line = input[takenBy.indexOf(RULE.boardListing)]?.no ?? 0;
    if (!o || o.kind === 'aggregator') clues.push({ field: 'aggregator', value: o?.name ?? top[0], evidence: RULE.boardListing, line });
  }
}

function markRelatedLists(norms: string[], takenBy: (string | null)[]) {
  for (let i = 0; i < norms.length; i++) {
    if (takenBy[i]) continue;
    const rule = LIST_HEADER.test(norms[i]) ? RULE.relatedList : RECOMMEND_HEADER.test(norms[i]) ? RULE.recommendation : null;
    if (!rule) continue;
    takenBy[i] = rule;
    let items = 0;
    let rank = 0;
    for (let j = i + 1; j < norms.length && items < LIST_MAX_ITEMS && !takenBy[j]; j++, items++) {
      const n = norms[j];
      if (n.length > LIST_ITEM_MAX_CHARS) break;
      // A ranked list (1, 2, 3 …) holds headlines even when one reads like a sentence.
      const next = listRank(n) === rank + 1;
      rank = next ? rank + 1 : 0;
      if (!next && PROSE_END.test(n)) break;
      takenBy[j] = rule;
    }
  }
}

/** The rank of a ranked list item (`1 헤드라인`, `02. 헤드라인`, `③ 헤드라인`), or 0. */
function listRank(n: string): number {
  const m = n.match(LIST_NUMBERED_ITEM);
  if (!m) return 0;
  return m[1] ? Number(m[1]) : m[2].charCodeAt(0) - 0x245f;
}

/** A block of k lines printed twice in a row: the second copy goes. Longest block first. */
function markDuplicates(norms: string[], takenBy: (string | null)[]) {
  const idx = norms.map((_, i) => i).filter((i) => !takenBy[i]);
  const at = (p: number) => norms[idx[p]];
  for (let p = 0; p < idx.length; p++) {
    const maxK = Math.min(DUPLICATE_MAX_BLOCK, Math.floor((idx.length - p) / 2));
    for (let k = maxK; k >= 1; k--) {
      if (at(p + k) !== at(p)) continue;
      let same = true;
      for (let q = 1; q < k && same; q++) same = at(p + q) === at(p + k + q);
      if (!same) continue;
      // Mark the second copy, and any further copies that follow it.
      let copy = p + k;
      while (copy + k <= idx.length && Array.from({ length: k }, (_, q) => at(copy + q) === at(p + q)).every(Boolean)) {
        for (let q = 0; q < k; q++) takenBy[idx[copy + q]] = RULE.duplicateBlock;
        copy += k;
      }
      p = copy - 1;
      break;
    }
  }
}
