/**
 * @module ingest/readers/xml-records
 * Repeated record elements (`<item>`, `<entry>`, `<DOC>`) read from a stream of text by a real XML
 * tokenizer (htmlparser2's), one at a time, so a file with thousands of them reads in constant
 * memory. Comments, CDATA and namespace prefixes mean what they mean in XML. Reading is forgiving:
 * real feeds and corpora are often not well-formed (a bare & in a URL, an unclosed tag), and one
 * such slip costs an element, not the file. The tree is built here rather than by htmlparser2's
 * Parser, whose stack of open elements costs time in proportion to its depth at every tag.
 */
import { decodeHTMLStrict } from "entities";
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";

export type XmlNode = XmlElement | string;

export interface XmlElement {
  /** The name as written, lower-cased, prefix included (`atom:entry`, `dc:creator`). */
  name: string;
  /** The prefix (`atom`), or "" for none. */
  prefix: string;
  /** The name without its prefix (`entry`): what readers match on, with the namespace. */
  localName: string;
  /** The namespace URI its prefix (or the default namespace) is bound to, if one is declared. */
  namespace: string | undefined;
  attributes: Record<string, string>;
  /** Text (entities decoded, CDATA verbatim) and elements, in document order. */
  children: XmlNode[];
  /** False when its end tag never came: an outer end tag, the next record or the end of input closed it. */
  closed: boolean;
  /** 1-based line of its start tag. */
  line: number;
}

export interface XmlRecords {
  /** The document read so far, without its records (a feed's channel and its title), capped in size. */
  document: XmlElement;
  /** Each record element once it is complete, or cut off (not `closed`). */
  records: AsyncGenerator<XmlElement>;
}

/** Only this much of the document outside the records is kept; feed headers are small. */
const MAX_DOCUMENT_CHARS = 256 * 1024;
/** No feed or corpus nests deeper; an element deeper than this is read as part of its parent. */
const MAX_DEPTH = 256;

/** Records of `chunks`: the elements `isRecord` picks, judged on their start tag. */
export function xmlRecords(
  chunks: AsyncIterable<string>,
  isRecord: (element: XmlElement) => boolean,
): XmlRecords {
  const tree = new RecordTree(isRecord);
  return { document: tree.document, records: readRecords(chunks, tree) };
}

async function* readRecords(chunks: AsyncIterable<string>, tree: RecordTree): AsyncGenerator<XmlElement> {
  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false }, tree);
  for await (const chunk of chunks) {
    tree.text.append(chunk);
    tokenizer.write(chunk);
    yield* tree.complete.splice(0);
  }
  tokenizer.end();
  yield* tree.complete.splice(0);
}

interface OpenElement {
  element: XmlElement;
  /** Whether what is inside is kept: inside a record, or in the document while it is small. */
  kept: boolean;
  /** Prefix → namespace URI, as declared on this element and around it. */
  namespaces: Record<string, string>;
}

/** Builds the tree from the tokenizer's events, handing over each record as it ends. */
class RecordTree implements TokenizerCallbacks {
  readonly document = newElement("", {}, {}, 1);
  readonly text = new StreamText();
  /** Records that ended since they were last handed over. */
  readonly complete: XmlElement[] = [];
  private readonly open: OpenElement[] = [{ element: this.document, kept: true, namespaces: {} }];
  private record: OpenElement | undefined;
  private documentChars = 0;
  /** Text read since the last tag; entities are decoded once it is whole. */
  private pendingText = "";
  /** The start tag being read. */
  private tag = { name: "", line: 1, attributes: {} as Record<string, string> };
  private attribute = { name: "", value: "" };

  constructor(private readonly isRecord: (element: XmlElement) => boolean) {}

  ontext(start: number, end: number): void {
    if (!this.top.kept) return;
    if (this.record === undefined && this.documentChars + this.pendingText.length >= MAX_DOCUMENT_CHARS)
      return;
    this.pendingText += this.text.slice(start, end);
  }

  oncdata(start: number, end: number, endOffset: number): void {
    this.flushText();
    const cdata = this.text.slice(start, end - endOffset);
    if (this.top.kept) this.keep(cdata, cdata.length);
  }

  onopentagname(start: number, end: number): void {
    this.flushText();
    // The tag's `<` is the character before its name.
    const line = this.text.lineAt(start - 1);
    this.tag = { name: this.text.slice(start, end).toLowerCase(), line, attributes: {} };
  }

  onattribname(start: number, end: number): void {
    this.attribute = { name: this.text.slice(start, end).toLowerCase(), value: "" };
  }

  onattribdata(start: number, end: number): void {
    this.attribute.value += this.text.slice(start, end);
  }

  onattribend(): void {
    // The first of two attributes with one name wins, as in XML parsers that tolerate the slip.
    const { name, value } = this.attribute;
    if (!Object.hasOwn(this.tag.attributes, name)) this.tag.attributes[name] = decodeHTMLStrict(value);
  }

  onopentagend(): void {
    this.openElement();
  }

  onselfclosingtag(): void {
    const opened = this.openElement();
    if (opened) this.closeFrom(this.open.length - 1);
  }

  onclosetag(start: number, end: number): void {
    this.flushText();
    const name = this.text.slice(start, end).toLowerCase();
    // An end tag closes the nearest element of its name, and all left open inside it.
    const at = this.open.findLastIndex((open) => open.element.name === name);
    if (at > 0) this.closeFrom(at);
  }

  oncomment(): void {
    this.flushText();
  }

  onend(): void {
    this.flushText();
    this.closeFrom(1, false);
  }

  // Entities are decoded here, strictly; declarations and processing instructions hold no text.
  onattribentity(): void {}
  ontextentity(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}

  private get top(): OpenElement {
    return this.open[this.open.length - 1] as OpenElement;
  }

  /** Opens the start tag just read; false when it is too deep to be an element of its own. */
  private openElement(): boolean {
    const { name, line, attributes } = this.tag;
    const namespaces = declaredNamespaces(attributes, this.top.namespaces);
    const element = newElement(name, attributes, namespaces, line);
    if (this.isRecord(element)) {
      // A record that starts inside another means the other's end tag never came.
      if (this.record) this.closeFrom(this.open.indexOf(this.record), false);
      this.record = { element, kept: true, namespaces };
      this.open.push(this.record);
      return true;
    }
    if (this.open.length > MAX_DEPTH) return false;
    const kept = this.top.kept && this.keep(element, name.length);
    this.open.push({ element, kept, namespaces });
    return true;
  }

  /** Closes the open elements from `at` up; the one at `at` by its own end tag when `closed`. */
  private closeFrom(at: number, closed = true): void {
    this.flushText();
    for (let element = this.open.pop(); element !== undefined; element = this.open.pop()) {
      const depth = this.open.length;
      element.element.closed = closed && depth === at;
      if (element === this.record) {
        this.complete.push(element.element);
        this.record = undefined;
      }
      if (depth === at) return;
    }
  }

  /** Adds a node to the element open at the top, within the document's budget outside records. */
  private keep(node: XmlNode, size: number): boolean {
    if (this.record === undefined) {
      if (this.documentChars >= MAX_DOCUMENT_CHARS) return false;
      this.documentChars += size;
    }
    this.top.element.children.push(node);
    return true;
  }

  private flushText(): void {
    if (this.pendingText === "") return;
    // Strict decoding leaves a bare `&` (and `&copy=2` in a query string) alone.
    if (this.top.kept) this.keep(decodeHTMLStrict(this.pendingText), this.pendingText.length);
    this.pendingText = "";
  }
}

function newElement(
  name: string,
  attributes: Record<string, string>,
  namespaces: Record<string, string>,
  line: number,
): XmlElement {
  const colon = name.indexOf(":");
  const prefix = colon === -1 ? "" : name.slice(0, colon);
  return {
    name,
    prefix,
    localName: name.slice(colon + 1),
    namespace: namespaces[prefix],
    attributes,
    children: [],
    closed: false,
    line,
  };
}

/** The namespaces in scope on an element: its parent's, and those its `xmlns` attributes declare. */
function declaredNamespaces(
  attributes: Record<string, string>,
  inherited: Record<string, string>,
): Record<string, string> {
  let namespaces = inherited;
  for (const [name, value] of Object.entries(attributes)) {
    if (name !== "xmlns" && !name.startsWith("xmlns:")) continue;
    if (namespaces === inherited) namespaces = { ...inherited };
    namespaces[name.slice("xmlns:".length)] = value;
  }
  return namespaces;
}

/**
 * The text of an element for the cleaning stage: its text, with the markup of elements inside it
 * written back as tags (an HTML description the feed did not escape), up to the first element
 * `stopAt` picks. Empty after trimming → undefined.
 */
export function textOf(element: XmlElement, stopAt?: (inner: XmlElement) => boolean): string | undefined {
  let text = "";
  // A stack rather than recursion: a hostile file may nest elements deeper than the call stack.
  const todo: Array<XmlNode | { endOf: string }> = [...element.children].reverse();
  for (let node = todo.pop(); node !== undefined; node = todo.pop()) {
    if (typeof node === "string") text += node;
    else if ("endOf" in node) text += `</${node.endOf}>`;
    else if (stopAt?.(node)) break;
    else {
      text += `<${node.name}>`;
      todo.push({ endOf: node.name });
      for (let at = node.children.length - 1; at >= 0; at--) todo.push(node.children[at] as XmlNode);
    }
  }
  const trimmed = text.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** The child elements of `element` that `matches` picks, in document order. */
export function childElements(element: XmlElement, matches: (child: XmlElement) => boolean): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== "string" && matches(child));
}

/** Every element inside `element`, depth first in document order. */
export function* descendants(element: XmlElement): Generator<XmlElement> {
  const todo = childElements(element, () => true).reverse();
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    yield next;
    todo.push(...childElements(next, () => true).reverse());
  }
}

const NEWLINE = 0x0a;

/**
 * The text of a stream by position, holding only the chunks a slice may still need, and the line
 * of a position. Positions asked for only go forward.
 */
class StreamText {
  private readonly chunks: string[] = [];
  /** Position of chunks[0] in the stream. */
  private start = 0;
  /** Newlines are counted up to this position, */
  private counted = 0;
  /** and this is the line there. */
  private line = 1;

  append(chunk: string): void {
    this.chunks.push(chunk);
  }

  slice(from: number, to: number): string {
    this.dropBefore(from);
    let text = "";
    let offset = this.start;
    for (const chunk of this.chunks) {
      if (offset >= to) break;
      text += chunk.slice(Math.max(0, from - offset), to - offset);
      offset += chunk.length;
    }
    return text;
  }

  lineAt(position: number): number {
    this.dropBefore(position);
    this.countTo(position);
    return this.line;
  }

  /** Lets go of the chunks that end before `position`, counting their lines first. */
  private dropBefore(position: number): void {
    for (let first = this.chunks[0]; first !== undefined; first = this.chunks[0]) {
      const end = this.start + first.length;
      if (end > position || this.chunks.length === 1) return;
      this.countTo(end);
      this.chunks.shift();
      this.start = end;
    }
  }

  private countTo(position: number): void {
    let offset = this.start;
    for (const chunk of this.chunks) {
      if (offset >= position) break;
      for (let at = Math.max(0, this.counted - offset); at < chunk.length && offset + at < position; at++)
        if (chunk.charCodeAt(at) === NEWLINE) this.line++;
      offset += chunk.length;
    }
    this.counted = Math.max(this.counted, position);
  }
}
