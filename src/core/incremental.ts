/**
 * Keeping a parsed article current while the user types: an edit inside one plain paragraph's
 * text (no markup characters removed or typed) changes that paragraph and moves the blocks after
 * it, so the article is updated in place of a full parse. Anything else returns `undefined`, and
 * the caller parses the new text.
 */
import { paragraphHeading } from './headings';
import type { Article, Block } from './model';
import { hasVisible, paragraphChars } from './text';

/** Replace `[start, end)` of the article's source with `text`. */
export interface SourceEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const NOT_PLAIN = /[<>&\r\n\uD800-\uDFFF]/;

/** The index of the block whose text range holds `[start, end]`, by binary search; -1 if none. */
function blockAt(blocks: readonly Block[], start: number, end: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid]!;
    if (block.end < start) lo = mid + 1;
    else if (block.start > end) hi = mid - 1;
    else return block.kind === 'paragraph' && block.textStart <= start && end <= block.textEnd ? mid : -1;
  }
  return -1;
}

/**
 * The article after `edit`, or `undefined` where only a full parse can tell. `sourceOf`, when
 * given, supplies the new source text on first use (an editor has it already); without it the
 * text is built from the old one. Either way nothing reads the whole text while typing.
 */
export function updateArticle(article: Article, edit: SourceEdit, sourceOf?: () => string): Article | undefined {
  // `article.source` is not read on the way (it may be lazy, and reading it costs a full copy).
  if (edit.start <= article.titleLine.end || NOT_PLAIN.test(edit.text)) return undefined;
  const i = blockAt(article.blocks, edit.start, edit.end);
  if (i < 0) return undefined;
  const block = article.blocks[i]!;
  // Only a paragraph whose source text is its clean text (no entities, tags, line breaks); the
  // source itself is not read (slicing a text just edited would copy all of it).
  if (!block.verbatim) return undefined;
  const raw = block.text;
  const next = raw.slice(0, edit.start - block.textStart) + edit.text + raw.slice(edit.end - block.textStart);
  // A paragraph that starts with a space, or an empty one, may read differently now: parse anew.
  if (next.charCodeAt(0) === 0x20 || !hasVisible(next)) return undefined;
  const delta = edit.text.length - (edit.end - edit.start);
  const chars = paragraphChars(next);
  // As the parser decides it: an <hN> paragraph, or a short one, may be a heading.
  // Only an <hN> paragraph can have a heading whatever its length, and it always has one.
  const tag = article.layout === 'html' && block.heading ? tagName(article.source, block) : '';
  const tagLevel = /^h[1-6]$/.test(tag) ? Number(tag[1]) : undefined;
  const heading = paragraphHeading(next, chars, tagLevel, false);
  const blocks = article.blocks.slice(0, i);
  blocks.push({ ...block, end: block.end + delta, textEnd: block.textEnd + delta, text: next, chars, heading });
  for (let k = i + 1; k < article.blocks.length; k++) {
    const b = article.blocks[k]!;
    blocks.push({ kind: b.kind, start: b.start + delta, end: b.end + delta, textStart: b.textStart + delta, textEnd: b.textEnd + delta, text: b.text, verbatim: b.verbatim, chars: b.chars, heading: b.heading });
  }
  const rest = { length: article.length + delta, titleLine: article.titleLine, title: article.title, listIndex: article.listIndex, layout: article.layout, eol: article.eol, blocks };
  if (!sourceOf) return { source: article.source.slice(0, edit.start) + edit.text + article.source.slice(edit.end), ...rest };
  // The new source only when someone asks: slicing a text just edited makes V8 copy all of it.
  let newSource: string | undefined;
  return {
    get source(): string {
      newSource ??= sourceOf();
      return newSource;
    },
    ...rest,
  };
}

/** The name of the element a block opens with (`div`, `p`, `h2` …), lower case. */
function tagName(source: string, block: Block): string {
  return /^<([a-zA-Z][a-zA-Z0-9]*)/.exec(source.slice(block.start, block.start + 12))?.[1]?.toLowerCase() ?? '';
}

/**
 * `next` (in the coordinates of the text after `pending`) folded into `pending`, where it falls
 * inside the text `pending` wrote (typing on, or deleting what was just typed); else undefined.
 */
export function foldEdit(pending: SourceEdit, next: SourceEdit): SourceEdit | undefined {
  const from = next.start - pending.start;
  const to = next.end - pending.start;
  if (from < 0 || to > pending.text.length) return undefined;
  return { start: pending.start, end: pending.end, text: pending.text.slice(0, from) + next.text + pending.text.slice(to) };
}
