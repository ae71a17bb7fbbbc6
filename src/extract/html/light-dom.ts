// A light DOM for the extractor: the tree linkedom builds, from the same htmlparser2 events with the same
// parser options, but as plain objects (linkedom gives every node an event-target map and keeps attributes
// as a linked list of nodes; building that was most of an extraction's time and garbage). It offers only
// what the extractor uses (selector queries through css-select, as linkedom does, text, walking, removal),
// with linkedom's quirks kept so the text is the same: class values are normalised to unique tokens,
// attribute names keep their case, and `head`/`body` are found (or made) where linkedom finds them.
// Readability needs a full DOM: the extractor parses with linkedom for the pages that reach it.
// Walks are iterative: hostile pages nest thousands deep.
import { Parser } from 'htmlparser2';
import { compile } from 'css-select';
import { compileSimple } from './simple-selectors.js';
import { isSpaceCode } from '../../text/runs.js';

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;
const DOCUMENT = 9;

type Parent = LElement | LDocument;

abstract class LNode {
  abstract readonly nodeType: number;
  parentNode: Parent | null = null;
  previousSibling: LNode | null = null;
  nextSibling: LNode | null = null;

  get parentElement(): LElement | null {
    const p = this.parentNode;
    return p && p.nodeType === ELEMENT ? (p as LElement) : null;
  }

  get nextElementSibling(): LElement | null {
    let n = this.nextSibling;
    while (n && n.nodeType !== ELEMENT) n = n.nextSibling;
    return n as LElement | null;
  }

  remove(): void {
    const p = this.parentNode;
    if (!p) return;
    if (this.previousSibling) this.previousSibling.nextSibling = this.nextSibling;
    else p.firstChild = this.nextSibling;
    if (this.nextSibling) this.nextSibling.previousSibling = this.previousSibling;
    else p.lastChild = this.previousSibling;
    p.kids = null;
    this.parentNode = null;
    this.previousSibling = null;
    this.nextSibling = null;
  }
}

/** A text or comment node (a comment's data is never part of an element's text). */
class LText extends LNode {
  constructor(readonly nodeType: typeof TEXT | typeof COMMENT, public data: string) {
    super();
  }
  get textContent(): string {
    return this.data;
  }
}

const SKIP = 0;
const DESCEND = 1;
const STOP = 2;

/** Calls `visit` on each descendant of `root` in document order; it answers SKIP (not the node's children), DESCEND or STOP. */
function eachDescendant(root: LNode & { firstChild: LNode | null }, visit: (n: LNode) => number): void {
  let n: LNode | null = root.firstChild;
  while (n) {
    const what = visit(n);
    if (what === STOP) return;
    const down = what === DESCEND && (n as Partial<LElement>).firstChild;
    if (down) {
      n = down;
      continue;
    }
    while (n && !n.nextSibling) {
      n = n.parentNode;
      if (n === root) return;
    }
    n = n ? n.nextSibling : null;
  }
}

abstract class LParentNode extends LNode {
  firstChild: LNode | null = null;
  lastChild: LNode | null = null;
  /** childNodes as an array, built when asked for and dropped on every change. */
  kids: LNode[] | null = null;

  get childNodes(): LNode[] {
    if (!this.kids) {
      const kids: LNode[] = [];
      for (let c = this.firstChild; c; c = c.nextSibling) kids.push(c);
      this.kids = kids;
    }
    return this.kids;
  }

  get firstElementChild(): LElement | null {
    let n = this.firstChild;
    while (n && n.nodeType !== ELEMENT) n = n.nextSibling;
    return n as LElement | null;
  }

  appendChild(node: LNode): LNode {
    node.remove();
    node.parentNode = this as unknown as Parent;
    node.previousSibling = this.lastChild;
    if (this.lastChild) this.lastChild.nextSibling = node;
    else this.firstChild = node;
    this.lastChild = node;
    this.kids = null;
    return node;
  }

  prepend(node: LNode): void {
    if (!this.firstChild) {
      this.appendChild(node);
      return;
    }
    node.remove();
    node.parentNode = this as unknown as Parent;
    node.nextSibling = this.firstChild;
    this.firstChild.previousSibling = node;
    this.firstChild = node;
    this.kids = null;
  }

  contains(node: LNode | null): boolean {
    let n: LNode | null = node;
    while (n && n !== this) n = n.parentNode;
    return n === this;
  }

  /** Descendants matching `selectors`, in document order; like linkedom, the inside of a <template> is not searched. */
  querySelectorAll(selectors: string): LElement[] {
    const test = compiled(selectors);
    const found: LElement[] = [];
    eachDescendant(this, (n) => {
      if (n.nodeType !== ELEMENT) return SKIP;
      if (test(n as LElement)) found.push(n as LElement);
      return (n as LElement).localName === 'template' ? SKIP : DESCEND;
    });
    return found;
  }

  querySelector(selectors: string): LElement | null {
    const test = compiled(selectors);
    let hit: LElement | null = null;
    eachDescendant(this, (n) => {
      if (n.nodeType !== ELEMENT) return SKIP;
      if (test(n as LElement)) {
        hit = n as LElement;
        return STOP;
      }
      return (n as LElement).localName === 'template' ? SKIP : DESCEND;
    });
    return hit;
  }
}

class LElement extends LParentNode {
  readonly nodeType = ELEMENT;
  readonly tagName: string;
  /** id and class as parsed, for the selector lists (simple-selectors.ts): attributes never change after parsing. */
  readonly idAttr: string | undefined;
  readonly classAttr: string | undefined;
  private tokens: string[] | null = null;
  constructor(public readonly localName: string, public readonly attribs: Record<string, string>) {
    super();
    this.tagName = localName.toUpperCase();
    this.idAttr = typeof attribs.id === 'string' ? attribs.id : undefined;
    this.classAttr = typeof attribs.class === 'string' ? attribs.class : undefined;
  }

  get classTokens(): readonly string[] {
    return (this.tokens ??= this.classAttr ? this.classAttr.split(/\s+/).filter(Boolean) : []);
  }

  // No own-property check needed: no property an object inherits is a string.
  getAttribute(name: string): string | null {
    const v = this.attribs[name];
    return typeof v === 'string' ? v : null;
  }

  hasAttribute(name: string): boolean {
    return typeof this.attribs[name] === 'string';
  }

  matches(selectors: string): boolean {
    return compiled(selectors)(this);
  }

  get textContent(): string {
    const parts: string[] = [];
    eachDescendant(this, (n) => {
      if (n.nodeType === TEXT) parts.push((n as LText).data);
      return DESCEND;
    });
    return parts.join('');
  }

  after(node: LNode): void {
    const p = this.parentNode;
    if (!p) return;
    node.remove();
    node.parentNode = p;
    node.previousSibling = this;
    node.nextSibling = this.nextSibling;
    if (this.nextSibling) this.nextSibling.previousSibling = node;
    else p.lastChild = node;
    this.nextSibling = node;
    p.kids = null;
  }
}

class LDocument extends LParentNode {
  readonly nodeType = DOCUMENT;

  get documentElement(): LElement | null {
    return this.firstElementChild;
  }

  /** As linkedom: the root's first element when it is <head>, else a new <head> put first in the root. */
  get head(): LElement {
    const root = this.documentElement!;
    let head = root.firstElementChild;
    if (!head || head.tagName !== 'HEAD') {
      head = new LElement('head', {});
      root.prepend(head);
    }
    return head;
  }

  /** As linkedom: the element after <head> when it is <body>, else a new <body> put after the head. */
  get body(): LElement {
    const head = this.head;
    let body = head.nextElementSibling;
    if (!body || body.tagName !== 'BODY') {
      body = new LElement('body', {});
      head.after(body);
    }
    return body;
  }
}

/** linkedom keeps a class attribute as its token set: unique tokens, one space apart. */
const normaliseClass = (value: string) => (hasSpace(value) ? [...new Set(value.split(/\s+/).filter(Boolean))].join(' ') : value);
/** /\s/.test(value), as a loop: it runs on every class attribute of every page, mostly one short word. */
function hasSpace(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (isSpaceCode(value.charCodeAt(i))) return true;
  return false;
}

type Options = NonNullable<Parameters<typeof compile<LNode, LElement>>[1]>;
const adapter: NonNullable<Options['adapter']> = {
  isTag: (n): n is LElement => n.nodeType === ELEMENT,
  getAttributeValue: (el, name) => el.getAttribute(name) ?? undefined,
  getChildren: (n) => (n instanceof LParentNode ? n.childNodes : []),
  getName: (el) => el.localName, // htmlparser2 lower-cases tag names in HTML
  getParent: (n) => n.parentNode,
  getSiblings: (n) => (n.parentNode ? n.parentNode.childNodes : [n]),
  getText: (n) => (n.nodeType === TEXT ? (n as LText).data : n.nodeType === ELEMENT ? (n as LElement).textContent : ''),
  hasAttrib: (el, name) => el.hasAttribute(name),
  removeSubsets: (nodes) => nodes.filter((n, i) => nodes.indexOf(n) === i && !nodes.some((o) => o !== n && o instanceof LParentNode && o.contains(n))),
};

/** Compiled selectors, kept: the extractor asks the same few dozen selectors of every page. Simple lists get
 *  direct attribute tests (simple-selectors.ts), the others css-select. */
const queries = new Map<string, (el: LElement) => boolean>();
function compiled(selectors: string): (el: LElement) => boolean {
  let q = queries.get(selectors);
  if (!q) {
    q = compileSimple(selectors) ?? (compile<LNode, LElement>(selectors, { xmlMode: false, adapter }) as (el: LElement) => boolean);
    queries.set(selectors, q);
  }
  return q;
}

/** Parses a page into the light DOM, typed as the DOM the extractor's code is written against. */
export function parseLight(html: string): Document {
  const document = new LDocument();
  let node: Parent = document;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (Object.hasOwn(attribs, 'class')) attribs.class = normaliseClass(attribs.class);
        node = node.appendChild(new LElement(name, attribs)) as LElement;
      },
      ontext(text) {
        node.appendChild(new LText(TEXT, text));
      },
      oncomment(data) {
        node.appendChild(new LText(COMMENT, data));
      },
      onclosetag() {
        node = node.parentNode ?? document;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false },
  );
  parser.write(html);
  parser.end();
  return document as unknown as Document;
}
