/**
 * The article's outline: the title as root, one node per paragraph beneath it (nested under the
 * section headings they belong to), image placeholders as nodes of their own.
 */
import type { Article, Block, Span } from './model';
import { indentLength, trailingLength } from './text';
import { headingName } from './headings';

export type OutlineKind = 'title' | 'heading' | 'paragraph' | 'image';

export interface OutlineNode {
  readonly kind: OutlineKind;
  /**
   * What the outline shows: the title, or the start of the paragraph's clean text. Empty for an
   * image, and for a title line with no text: the adapters put a localised label there.
   */
  readonly name: string;
  /** The whole node: for the title the whole file, for a heading its section. */
  readonly span: Span;
  /** What to select when the node is picked: the title line, or the paragraph's text. */
  readonly selection: Span;
  /** Characters (code points) of the clean text without indent; for the title, of the whole body. */
  readonly chars: number;
  /** Heading level (1–6) for headings. */
  readonly level?: number;
  /** Index into `article.blocks`, -1 for the title. */
  readonly block: number;
  readonly children: OutlineNode[];
}

export interface OutlineOptions {
  /** Nest paragraphs under the headings of their section (default true). */
  readonly sections?: boolean;
  /** How many characters of a paragraph make its name (default 40). */
  readonly nameLength?: number;
}

/** The children of every leaf node: never added to. */
const NO_CHILDREN: OutlineNode[] = [];

type Mutable<T> = { -readonly [K in keyof T]: T[K] };


/** The words an outline shows for a node without a name of its own, in the reader's language. */
export interface OutlineWords {
  readonly image: string;
  readonly untitled: string;
  readonly empty: string;
}

/** The label of an outline node, for the extension's outline and symbols and the CLI's `outline`: one rule. */
export function nodeLabel(node: OutlineNode, words: OutlineWords): string {
  if (node.kind === 'image') return words.image;
  if (node.name.trim() === '') return node.kind === 'title' ? words.untitled : words.empty;
  return node.name;
}

/** The first `length` characters of a paragraph's clean text (white space at its ends dropped) on one line, with `…` when cut. */
export function nodeName(text: string, length: number): string {
  const indent = indentLength(text);
  const end = indent === text.length ? indent : text.length - trailingLength(text);
  let name = end - indent > length ? text.slice(indent, indent + length) : indent > 0 || end < text.length ? text.slice(indent, end) : text;
  if (name.indexOf('\n') >= 0) name = name.replace(/\n+/g, ' ');
  if (end - indent <= length) return name;
  const last = name.charCodeAt(name.length - 1);
  return (last >= 0xd800 && last <= 0xdbff ? name.slice(0, -1) : name) + '…';
}

function blockNode(block: Block, index: number, nameLength: number): Mutable<OutlineNode> | undefined {
  if (block.kind === 'image') {
    return { kind: 'image', name: '', span: block, selection: block, chars: 0, block: index, children: NO_CHILDREN };
  }
  if (block.kind !== 'paragraph' || block.text === '') return undefined;
  return {
    kind: block.heading ? 'heading' : 'paragraph',
    name: nodeName(block.heading ? headingName(block.text, block.heading) : block.text, nameLength),
    // A heading's span grows to the end of its section: it gets an object of its own.
    span: block.heading ? { start: block.start, end: block.end } : block,
    selection: { start: block.textStart, end: block.textEnd },
    chars: block.chars,
    level: block.heading?.level,
    block: index,
    // Only headings get children; the other nodes share one empty list.
    children: block.heading ? [] : NO_CHILDREN,
  };
}

export function buildOutline(article: Article, options: OutlineOptions = {}): OutlineNode[] {
  const sections = options.sections ?? true;
  const nameLength = options.nameLength ?? 40;
  const { titleLine } = article;
  const root: Mutable<OutlineNode> = {
    kind: 'title',
    name: article.title !== '' ? article.title : article.titleLine.raw.trim(),
    span: { start: 0, end: article.length },
    selection: { start: titleLine.start, end: titleLine.end },
    chars: 0,
    block: -1,
    children: [],
  };
  // Open sections, outermost first; a heading closes every open section of its level or deeper.
  const open: Mutable<OutlineNode>[] = [];
  article.blocks.forEach((block, index) => {
    const node: Mutable<OutlineNode> | undefined = blockNode(block, index, nameLength);
    if (!node) return;
    root.chars += node.chars;
    const heading = sections && node.kind === 'heading';
    if (heading) {
      while (open.length > 0 && open[open.length - 1]!.level! >= node.level!) open.pop();
    }
    (open.length > 0 ? open[open.length - 1]! : root).children.push(node);
    for (const section of open) (section.span as Mutable<Span>).end = block.end;
    if (heading) open.push(node);
  });
  return [root];
}

/** Every node of the tree, depth first, in document order. */
export function flattenOutline(nodes: readonly OutlineNode[]): OutlineNode[] {
  const out: OutlineNode[] = [];
  const walk = (list: readonly OutlineNode[]): void => {
    for (const node of list) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(nodes);
  return out;
}
