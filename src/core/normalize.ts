/**
 * Normalize an article's markup into one canonical form (issue: "Normalize styling").
 *
 * Canonical form: line 1 is the title line as it was (a title that ran into the first `<div>`
 * gets its own line); then each paragraph is `<div><span style='S'> TEXT</span></div>` followed
 * by the spacer `<div>&nbsp;</div>`, on one line (`oneLine`) or one paragraph per line
 * (`blockPerLine`). A heading written as an `<hN>` element stays one: `<hN>TEXT</hN>` followed by
 * the spacer (N as it was), so that it stays a heading of the same level in the outline and the
 * exports (a numbered or wholly bold heading needs no element: its text or its markup makes it
 * one). TEXT keeps its inline markup (`<strong>`, `<br>`, links) as it is, escapes the
 * `&`, `<` and `>` the scrapers wrote raw, and joins the newlines that came only from the page's
 * markup, so its clean text stays the same. Image placeholders keep the scrapers' own three-line
 * form, on lines of their own. Spacers, wrapper tags and comments are rebuilt or dropped: they
 * hold no text. Line ends are the file's.
 *
 * The result is a list of edits, one per run of paragraphs whose markup differs, so that applying
 * them changes only those blocks (and an already canonical file gets no edit at all).
 */
import type { Article, Block } from './model';
import { SPACER_DIV } from './parse';
import { applyIndent, BREAK, escapeHtmlText, escapeStray, joinedNewline, markupTags, MARKUP_NEWLINE } from './text';

export interface NormalizeOptions {
  /** The `style` attribute of every paragraph's span. */
  readonly style: string;
  /** The `　　` before each paragraph: as it is, always two, or none. */
  readonly indent: 'keep' | 'fullwidth' | 'none';
  readonly removeEmptyParagraphs: boolean;
  readonly layout: 'oneLine' | 'blockPerLine';
}

export const SEED_STYLE = 'font-size:16px;margin-top:15px;line-height:25px;text-indent:30px';

export const DEFAULT_NORMALIZE_OPTIONS: NormalizeOptions = {
  style: SEED_STYLE,
  indent: 'keep',
  removeEmptyParagraphs: true,
  layout: 'oneLine',
};

/** The canonical image placeholder: the scrapers' three lines, each with its trailing space. */
export const CANONICAL_PLACEHOLDER = ['---------------------------------------- ', '-------------------这里有图片------------ ', '---------------------------------------- '];

export const SPACER = SPACER_DIV;

/** The canonical paragraph's opening markup with `style` (made safe), up to and with the one space before the text. */
export function paragraphOpen(style: string): string {
  return `<div><span style='${styleAttribute(style)}'> `;
}

/** The canonical paragraph's closing markup (the spacer after it is separate). */
export const PARAGRAPH_CLOSE = '</span></div>';

/** Replace `[start, end)` of the source with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}


/** The style value made safe inside single quotes. */
function styleAttribute(style: string): string {
  return style.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;');
}

/** What a reader sees of the character before `at` in raw text (a numeric entity counts as its character). */
function shownBefore(text: string, at: number): number {
  const entity = /&#(\d{1,7});$|&#[xX]([0-9a-fA-F]{1,6});$/.exec(text.slice(Math.max(0, at - 10), at));
  if (entity) return entity[1] !== undefined ? Number(entity[1]) : parseInt(entity[2]!, 16);
  return text.charCodeAt(at - 1);
}

function shownAt(text: string, at: number): number {
  const entity = /^&#(\d{1,7});|^&#[xX]([0-9a-fA-F]{1,6});/.exec(text.slice(at, at + 10));
  if (entity) return entity[1] !== undefined ? Number(entity[1]) : parseInt(entity[2]!, 16);
  return text.charCodeAt(at);
}


/**
 * The paragraph's text in canonical form: tags as they are, stray `&`, `<`, `>` escaped, markup
 * newlines joined exactly as the clean text joins them (with nothing next to CJK or a `<br>` or
 * at either end, one space between Latin). The joining runs over the text with the tags taken out
 * (as in the clean text), and the tags are put back where they stood.
 */
export function canonicalText(raw: string, html: boolean): string {
  if (!NOT_PLAIN.test(raw)) return raw;
  // Flatten: the text without tags; each tag remembered with its offset in the flat text.
  let flat = '';
  const tags: { at: number; tag: string }[] = [];
  let from = 0;
  if (html) {
    // Only markup is a tag here; tag-like text (`a<b>c`) is text and gets escaped.
    const markup = markupTags(raw);
    for (let k = 0; k < markup.length; k += 2) {
      const i = markup[k]!;
      const end = markup[k + 1]!;
      flat += raw.slice(from, i);
      const tag = raw.slice(i, end);
      tags.push({ at: flat.length, tag });
      if (/^<br\b/i.test(tag)) flat += BREAK;
      from = end;
    }
  }
  flat += raw.slice(from);

  // Join markup newlines; tags inside a joined run move to its start.
  let joined = '';
  let copied = 0;
  let tagIndex = 0;
  const placed: { at: number; tag: string }[] = [];
  const moveTagsUpTo = (limit: number, shift: (at: number) => number): void => {
    while (tagIndex < tags.length && tags[tagIndex]!.at <= limit) {
      placed.push({ at: shift(tags[tagIndex]!.at), tag: tags[tagIndex]!.tag });
      tagIndex++;
    }
  };
  for (const m of flat.matchAll(MARKUP_NEWLINE)) {
    const start = m.index;
    const end = start + m[0].length;
    // Tags before the run keep their place (relative to the text copied so far).
    moveTagsUpTo(start - 1, (at) => joined.length + (at - copied));
    joined += flat.slice(copied, start);
    const left = start > 0 ? shownBefore(flat, start) : 0;
    const right = end < flat.length ? shownAt(flat, end) : 0;
    const replacement = joinedNewline(left, right);
    // Tags inside the run go to its start.
    moveTagsUpTo(end - 1, () => joined.length);
    joined += replacement;
    copied = end;
  }
  moveTagsUpTo(Number.MAX_SAFE_INTEGER, (at) => joined.length + (at - copied));
  joined += flat.slice(copied);

  // Rebuild: escaped text with the tags put back (a <br>'s stand-in is dropped for its tag).
  let out = '';
  let at = 0;
  const escape = html ? escapeStray : escapeHtmlText;
  for (const { at: position, tag } of placed) {
    out += escape(joined.slice(at, position).split(BREAK).join('')) + tag;
    at = position;
  }
  return out + escape(joined.slice(at).split(BREAK).join(''));
}

/** The `N` of a heading block written as an `<hN>` element, which the canonical form keeps. */
export function headingElement(article: Article, block: Block): number | undefined {
  if (block.heading === undefined) return undefined;
  const m = /^<[hH]([1-6])(?=[\s>/])/.exec(article.source.slice(block.start, block.start + 4));
  return m ? Number(m[1]) : undefined;
}

/** A block's canonical markup in three parts: before its text, its text, after its text (spacer included). */
function canonicalParts(article: Article, block: Block, options: NormalizeOptions): [string, string, string] {
  const raw = article.source.slice(block.textStart, block.textEnd);
  const text = block.text === '' ? '' : applyIndent(canonicalText(raw, article.layout === 'html'), options.indent, true);
  const level = headingElement(article, block);
  // The parser takes one ASCII space after the opening tag for the scraper's: a text that starts with one gets another.
  if (level !== undefined) return [`<h${level}>${text.startsWith(' ') ? ' ' : ''}`, text, `</h${level}>${SPACER}`];
  return [paragraphOpen(options.style), text, `${PARAGRAPH_CLOSE}${SPACER}`];
}

/** The canonical markup of one paragraph block (with its spacer). */
export function canonicalParagraph(article: Article, block: Block, options: NormalizeOptions): string {
  return canonicalParts(article, block, options).join('');
}

interface Unit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /**
   * Set where the unit keeps the block's text as it is in the source: `text` is
   * `head + source.slice(keep.start, keep.end) + tail`. Fine edits leave that text alone.
   */
  readonly keep?: { readonly start: number; readonly end: number; readonly head: string; readonly tail: string };
}

/** The blocks the canonical form keeps, in order: paragraphs (maybe not empty ones) and images. */
function keptBlocks(article: Article, options: NormalizeOptions): Block[] {
  return article.blocks.filter((b) => b.kind === 'image' || (b.kind === 'paragraph' && (b.text !== '' || !options.removeEmptyParagraphs)));
}

/**
 * The canonical form as units that tile the source: the title line with its line end, then one
 * unit per kept block running to the next kept block's start (spacers, gaps and wrapper tags in
 * between are the unit's and are rebuilt or dropped).
 */
function units(article: Article, options: NormalizeOptions): Unit[] {
  const { source, eol } = article;
  const kept = keptBlocks(article, options);
  const n = source.length;
  const titleEnd = article.titleLine.end;
  const finalEol = n > titleEnd && (source.endsWith('\n') || source.endsWith('\r'));
  const bodyStart = kept.length > 0 ? kept[0]!.start : n;
  const out: Unit[] = [{ start: 0, end: Math.max(titleEnd, Math.min(bodyStart, n)), text: source.slice(0, titleEnd) + (kept.length > 0 || finalEol ? eol : '') }];
  if (kept.length === 0) {
    // Nothing with text: whatever followed the title goes.
    if (out[0]!.end < n) out.push({ start: out[0]!.end, end: n, text: '' });
    return out;
  }
  const open = paragraphOpen(options.style);
  kept.forEach((block, k) => {
    const next = kept[k + 1];
    const end = next ? next.start : n;
    const image = block.kind === 'image';
    // Line structure: images stand on lines of their own; blockPerLine puts every block on one.
    const lineAfter = next ? options.layout === 'blockPerLine' || image || next.kind === 'image' : finalEol;
    const close = `${PARAGRAPH_CLOSE}${SPACER}${lineAfter ? eol : ''}`;
    // Most paragraphs of a canonical file are canonical: say so without building their text.
    if (!image && isCanonicalParagraph(source, block, end, open, close, options)) {
      out.push({ start: block.start, end, text: SAME });
      return;
    }
    if (image) {
      out.push({ start: block.start, end, text: CANONICAL_PLACEHOLDER.join(eol) + (lineAfter ? eol : '') });
      return;
    }
    const [head, text, after] = canonicalParts(article, block, options);
    const tail = lineAfter ? after + eol : after;
    const same = text !== '' && source.slice(block.textStart, block.textEnd) === text;
    out.push({ start: block.start, end, text: head + text + tail, keep: same ? { start: block.textStart, end: block.textEnd, head, tail } : undefined });
  });
  return out;
}

/** A unit's text that stands for "exactly the source as it is". */
const SAME = '\u0000same';
const NOT_PLAIN = /[<>&\r\n]/;

/** Is the paragraph `[block.start, end)` already `open + TEXT + close` with a TEXT normalizing leaves alone? */
function isCanonicalParagraph(source: string, block: Block, end: number, open: string, close: string, options: NormalizeOptions): boolean {
  if (block.textStart !== block.start + open.length || end !== block.textEnd + close.length) return false;
  if (!source.startsWith(open, block.start) || !source.startsWith(close, block.textEnd)) return false;
  if (block.text === '') return block.textStart === block.textEnd;
  const raw = source.slice(block.textStart, block.textEnd);
  if (raw !== block.text || NOT_PLAIN.test(raw)) return false;
  if (options.indent === 'keep') return true;
  return applyIndent(raw, options.indent) === raw;
}

/**
 * The edits that make the article canonical; none when it already is. Adjacent changes are merged.
 * With `fine`, a paragraph whose text stays as it is in the source gets two edits, one before its
 * text and one after, so that no edit covers text that does not change: for writing bytes back
 * (`spliceEncoded` then copies the text's own bytes); the merged edits suit an editor better.
 */
export function normalizeEdits(article: Article, options: NormalizeOptions = DEFAULT_NORMALIZE_OPTIONS, fine = false): TextEdit[] {
  return editsOf(article.source, units(article, options), fine);
}

function editsOf(source: string, all: readonly Unit[], fine: boolean): TextEdit[] {
  const edits: TextEdit[] = [];
  const add = (start: number, end: number, text: string): void => {
    const last = edits[edits.length - 1];
    if (last && last.end === start) edits[edits.length - 1] = { start: last.start, end, text: last.text + text };
    else edits.push({ start, end, text });
  };
  for (const unit of all) {
    if (unit.text === SAME || source.slice(unit.start, unit.end) === unit.text) continue;
    if (fine && unit.keep) {
      if (source.slice(unit.start, unit.keep.start) !== unit.keep.head) add(unit.start, unit.keep.start, unit.keep.head);
      if (source.slice(unit.keep.end, unit.end) !== unit.keep.tail) add(unit.keep.end, unit.end, unit.keep.tail);
    } else {
      add(unit.start, unit.end, unit.text);
    }
  }
  return edits.map((edit) => trimEdit(source, edit));
}

/** Narrows an edit to the part that really changes (common prefix and suffix left alone). */
function trimEdit(source: string, edit: TextEdit): TextEdit {
  let start = edit.start;
  const end = edit.end;
  let text = edit.text;
  let prefix = 0;
  while (prefix < text.length && start + prefix < end && source.charCodeAt(start + prefix) === text.charCodeAt(prefix)) prefix++;
  start += prefix;
  text = text.slice(prefix);
  let suffix = 0;
  while (suffix < text.length && end - suffix > start && source.charCodeAt(end - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { start, end: end - suffix, text: text.slice(0, text.length - suffix) };
}

/** Applies edits (sorted, not overlapping) to a text. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at);
}

/** The blocks the outline and the exports show: images, and paragraphs with text. */
function shown(article: Article): Block[] {
  return article.blocks.filter((b) => b.kind === 'image' || (b.kind === 'paragraph' && b.text !== ''));
}

/**
 * Does the normalized article show the same blocks as the source: the same kinds in the same
 * order, the same heading levels, and the same texts (with `indent` applied to the source's, as
 * normalizing with that setting applies it)?
 */
function sameBlocks(before: Article, after: Article, indent: NormalizeOptions['indent']): boolean {
  const was = shown(before);
  const now = shown(after);
  if (was.length !== now.length) return false;
  for (let i = 0; i < was.length; i++) {
    const a = was[i]!;
    const b = now[i]!;
    if (a.kind !== b.kind || a.heading?.level !== b.heading?.level) return false;
    if (a.kind === 'paragraph' && applyIndent(a.text, indent) !== b.text) return false;
  }
  return true;
}

export interface CheckedNormalization {
  readonly edits: TextEdit[];
  /**
   * The same change as `edits`, cut so that no edit covers a paragraph's text that stays as it is
   * ({@link normalizeEdits} with `fine`): what a write in the file's own bytes (`spliceEncoded`)
   * takes.
   */
  readonly fineEdits: TextEdit[];
  /** The normalized text (the source itself when there is no edit). */
  readonly text: string;
  /** False when the result would not keep every block: then nothing must be written. */
  readonly safe: boolean;
}

/**
 * {@link normalizeEdits}, with the result parsed again and compared with the source: the title
 * line, and block by block the kind (paragraph, heading, image), the heading level and the text.
 * A guard, so that no command ever writes a normalization that changed a character of text, or
 * turned a heading into a paragraph, that the user did not ask to change.
 */
export function normalizeChecked(article: Article, options: NormalizeOptions, parse: (text: string) => Article): CheckedNormalization {
  const all = units(article, options);
  const edits = editsOf(article.source, all, false);
  if (edits.length === 0) return { edits, fineEdits: edits, text: article.source, safe: true };
  const text = applyEdits(article.source, edits);
  const after = parse(text);
  const safe = after.titleLine.raw === article.titleLine.raw && sameBlocks(article, after, options.indent);
  // The fine edits only when asked for: an editor never needs them. They make the same text (a unit
  // test checks it over thousands of inputs): each unit's text is the same, only cut differently.
  let fine: TextEdit[] | undefined;
  return {
    edits,
    get fineEdits(): TextEdit[] {
      return (fine ??= editsOf(article.source, all, true));
    },
    text,
    safe,
  };
}

/**
 * What a normalization rewrites, as a user counts it: of the article's blocks (paragraphs,
 * headings, image placeholders; the `<div>&nbsp;</div>` spacers between them aside), how many an
 * edit touches, and how many there are. `edits` in order, as `normalizeChecked` gives them.
 */
export function rewrittenBlocks(article: Article, edits: readonly TextEdit[]): { readonly rewritten: number; readonly blocks: number } {
  let rewritten = 0;
  let blocks = 0;
  let j = 0;
  for (const block of article.blocks) {
    if (block.kind === 'spacer') continue;
    blocks++;
    while (j < edits.length && edits[j]!.end <= block.start) j++;
    for (let k = j; k < edits.length && edits[k]!.start < block.end; k++) {
      const edit = edits[k]!;
      if (edit.end > block.start || (edit.start === edit.end && edit.start > block.start)) {
        rewritten++;
        break;
      }
    }
  }
  return { rewritten, blocks };
}
