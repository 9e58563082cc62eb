/**
 * The article model: what the parser produces and every feature reads.
 *
 * Offsets are UTF-16 code-unit offsets into the decoded text exactly as an editor holds it
 * (no BOM; line ends as in the file), so they map 1:1 onto `TextDocument.positionAt`.
 */

/** A half-open range `[start, end)` of offsets into the source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type BlockKind = 'paragraph' | 'spacer' | 'image' | 'other';

/** How a paragraph's text is marked up, as far as features need to know. */
export interface Heading {
  /** 1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `（1）`; `<hN>` gives N; an all-bold paragraph gives 1. */
  readonly level: number;
  /**
   * For a run-in heading (`3.稳住外贸外资基本盘。支持…`: the number, a short first sentence, then the
   * section's text in the same paragraph), the length of its head (`3.稳住外贸外资基本盘。`) in the
   * clean text; absent for a heading that is the whole paragraph.
   */
  readonly runIn?: number;
}

export interface Block extends Span {
  readonly kind: BlockKind;
  /**
   * The range of the block's text in the source: for a scraper paragraph the inside of the
   * `<span>` without the scraper's one leading ASCII space; for a plain-text paragraph its
   * lines without the two leading spaces. Empty (`textStart === textEnd`) where the block
   * has no text (spacers, image placeholders).
   */
  readonly textStart: number;
  readonly textEnd: number;
  /**
   * The paragraph's text: tags removed, entities decoded, markup newlines joined, with the white
   * space at its ends kept as it is in the source (the page's indent in whatever space, invisible
   * trailing spaces), so that a verbatim paragraph's offsets map one to one. FORMAT.md's clean
   * text is this without that white space: `cleanText(text)` (text.ts), exactly what `trim()` removes.
   */
  readonly text: string;
  /** The source text is the clean text, character for character: offsets map one to one. */
  readonly verbatim: boolean;
  /** Characters (code points) of the clean text (`text` without the white space at its ends): what the outline shows as the count. */
  readonly chars: number;
  /** Set when the paragraph is recognised as a section heading. */
  readonly heading?: Heading;
}

export type Layout = 'html' | 'plain';

export interface Article {
  /** The text the article was parsed from (without BOM). */
  readonly source: string;
  /** `source.length`, known without reading the source (which may be produced lazily). */
  readonly length: number;
  /** `titleLine` is line 1 without its line end (and, for variant C, without the HTML that runs on from it). */
  readonly titleLine: Span & { readonly raw: string };
  /** The title per FORMAT.md: no list index, no `.txt`. */
  readonly title: string;
  /** The leading list index of line 1, or `null`. */
  readonly listIndex: number | null;
  /** `'plain'` for variant D (no HTML), `'html'` otherwise. */
  readonly layout: Layout;
  /** The first line end in the file (CR, LF and CRLF are line ends alike), `'\n'` where there is none. */
  readonly eol: '\n' | '\r\n' | '\r';
  /**
   * The body's blocks in order. Blocks never overlap; the text between two consecutive blocks
   * (and between the title line and the first block, and after the last) is a gap. Title line,
   * gaps and blocks tile the source: `rebuild(article) === article.source`.
   */
  readonly blocks: readonly Block[];
}

/** One piece of the source's tiling: the title line, a block, or a gap between them. */
export interface Segment extends Span {
  readonly kind: 'title' | 'gap' | BlockKind;
}
