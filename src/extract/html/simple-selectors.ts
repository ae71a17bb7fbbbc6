// Selector lists made only of tags, #ids, .classes and [attr], [attr="v"], [attr*="v"] tests, joined by the
// descendant combinator: the extractor's own lists (GENERIC_BODY_SELECTORS, STORY_INSIDE, captions, bylines),
// asked of every element of every page. css-select runs such a list as one closure chain per part, each
// reading the element's attributes again through its adapter: two dozen reads of differently shaped
// attribute objects per element for the body list. Here a list reads an element's id and class once (kept
// on the element at parse time) and looks its parts up by them; only the parts keyed by nothing else run.
// The answers are css-select's (HTML mode, as light-dom.ts compiles it): tag and attribute names lower-cased,
// #id and .class case-sensitive, `rel` and `type` values case-insensitive. Anything else (other combinators,
// pseudo-classes, unquoted or escaped values, attributes whose case rule is not listed here) returns null,
// and the caller compiles the list with css-select as before.

/** What a test reads of an element: the light DOM's elements have exactly these. */
export interface SimpleElement {
  readonly nodeType: number;
  readonly localName: string;
  readonly attribs: Record<string, string>;
  /** The id and class attributes as parsed (undefined when absent): read by every list, so kept apart. */
  readonly idAttr: string | undefined;
  readonly classAttr: string | undefined;
  /** The class attribute's white-space (`\s`) separated tokens, split once per element. */
  readonly classTokens: readonly string[];
  readonly parentNode: unknown;
}

import { isSpaceCode } from '../../text/runs.js';

type Test = (el: SimpleElement) => boolean;

const ELEMENT = 1;

/** Attributes whose values css-select compares exactly in HTML mode. */
const EXACT_VALUES = new Set(['id', 'class', 'itemprop', 'name', 'property', 'datetime', 'role', 'href', 'src', 'content']);
/** Attributes whose values css-select compares ignoring case in HTML mode (its list, the ones we use). */
const CASELESS_VALUES = new Set(['rel', 'type']);

const IDENT = '[A-Za-z_][\\w-]*';
const ATTR = `\\[([A-Za-z_][\\w-]*)(?:(\\*?)="([^"\\\\]*)")?\\]`;
/** One compound: an optional tag (or *), then #id, .class and [attr…] tests in any order. */
const COMPOUND = new RegExp(`^(${IDENT}|\\*)?((?:#${IDENT}|\\.${IDENT}|${ATTR})*)$`);
const PIECE = new RegExp(`#(${IDENT})|\\.(${IDENT})|${ATTR}`, 'g');

/** How to read one attribute; an inherited property (constructor, …) is no attribute. */
function reader(name: string): (el: SimpleElement) => string | undefined {
  if (name === 'id') return (el) => el.idAttr;
  if (name === 'class') return (el) => el.classAttr;
  return (el) => {
    const v = el.attribs[name];
    return typeof v === 'string' ? v : undefined;
  };
}

/** Whether `token` is one of the white-space (`\s`) separated tokens of `list` (css-select's `.class`). */
function hasToken(list: string, token: string): boolean {
  for (let at = list.indexOf(token); at >= 0; at = list.indexOf(token, at + 1)) {
    const end = at + token.length;
    if ((at === 0 || isSpaceCode(list.charCodeAt(at - 1))) && (end === list.length || isSpaceCode(list.charCodeAt(end)))) return true;
  }
  return false;
}

/** One compound's test, and what an element must carry to pass it (for the list's lookups). */
interface Compound {
  test: Test;
  key: { kind: 'id' | 'class' | 'tag' | 'attr'; value: string } | null;
}

function compound(text: string): Compound | null {
  const m = COMPOUND.exec(text);
  if (!m) return null;
  const tests: Test[] = [];
  let key: Compound['key'] = null;
  const tag = m[1]?.toLowerCase();
  if (tag && tag !== '*') {
    tests.push((el) => el.localName === tag);
    key = { kind: 'tag', value: tag };
  }
  for (const p of m[2].matchAll(PIECE)) {
    if (p[1] !== undefined) {
      const id = p[1];
      tests.push((el) => el.idAttr === id);
      key = { kind: 'id', value: id };
    } else if (p[2] !== undefined) {
      const cls = p[2];
      tests.push((el) => el.classAttr !== undefined && hasToken(el.classAttr, cls));
      if (key?.kind !== 'id') key = { kind: 'class', value: cls };
    } else {
      const name = p[3].toLowerCase();
      const read = reader(name);
      key ??= { kind: 'attr', value: name };
      const op = p[4];
      const want = p[5];
      if (want === undefined) {
        tests.push((el) => read(el) !== undefined);
      } else if (op === '*') {
        if (!EXACT_VALUES.has(name) || want === '') return null; // css-select: `*=""` never matches; not worth a path
        tests.push((el) => read(el)?.includes(want) === true);
      } else if (EXACT_VALUES.has(name)) {
        tests.push((el) => read(el) === want);
      } else if (CASELESS_VALUES.has(name)) {
        const lower = want.toLowerCase();
        tests.push((el) => {
          const v = read(el);
          return v !== undefined && v.length === lower.length && v.toLowerCase() === lower;
        });
      } else return null;
    }
  }
  const test: Test = !tests.length ? () => true : tests.length === 1 ? tests[0] : (el) => tests.every((t) => t(el));
  return { test, key };
}

/** One part of a list: compounds joined by white space (descendant), the last one tested on the element. */
function part(text: string): Compound | null {
  if (!text.trim()) return null;
  const compounds = text.trim().split(/\s+/).map(compound);
  if (compounds.some((c) => !c)) return null;
  const [self, ...up] = (compounds as Compound[]).reverse();
  if (!up.length) return self;
  // Nearest ancestor first for each step: for a chain of descendant steps that is as good as any other choice.
  const test: Test = (el) => {
    if (!self.test(el)) return false;
    let at: SimpleElement = el;
    for (const c of up) {
      let p = at.parentNode as SimpleElement | null;
      while (p && p.nodeType === ELEMENT && !c.test(p)) p = p.parentNode as SimpleElement | null;
      if (!p || p.nodeType !== ELEMENT) return false;
      at = p;
    }
    return true;
  };
  return { test, key: self.key };
}

const any = (tests: Test[] | undefined, el: SimpleElement) => {
  if (tests) for (const t of tests) if (t(el)) return true;
  return false;
};

/** A test for a whole selector list, or null when one of its parts is not simple (see the file comment). */
export function compileSimple(selectors: string): Test | null {
  const parts = selectors.split(',').map(part);
  if (parts.some((p) => !p)) return null;
  const byId = new Map<string, Test[]>();
  const byClass = new Map<string, Test[]>();
  const byTag = new Map<string, Test[]>();
  const byAttr = new Map<string, Test[]>();
  const rest: Test[] = [];
  for (const { test, key } of parts as Compound[]) {
    const map = key?.kind === 'id' ? byId : key?.kind === 'class' ? byClass : key?.kind === 'tag' ? byTag : key?.kind === 'attr' ? byAttr : null;
    if (!map) rest.push(test);
    else map.set(key!.value, [...(map.get(key!.value) ?? []), test]);
  }
  if (parts.length === 1) return parts[0]!.test;
  // Parts that need an attribute run only on elements that carry it.
  const withAttr = [...byAttr].map(([name, tests]) => ({ read: reader(name), tests }));
  return (el) => {
    if (byTag.size && any(byTag.get(el.localName), el)) return true;
    if (byId.size && el.idAttr !== undefined && any(byId.get(el.idAttr), el)) return true;
    // Each class token of the element, looked up: the list's class parts are never run one by one.
    if (byClass.size && el.classAttr) for (const token of el.classTokens) if (any(byClass.get(token), el)) return true;
    for (const { read, tests } of withAttr) if (read(el) !== undefined && any(tests, el)) return true;
    return any(rest, el);
  };
}
