/**
 * Clean text of a paragraph's source text (FORMAT.md, "Clean text").
 *
 * The scrapers wrote `get_text()` output without HTML escaping, so a paragraph's text can hold
 * `A&B`, `x<5`, `<注>` or `当a<b时` next to real markup (`<strong>`, `<br>`, `&amp;`). Real tags are
 * recognised by name and attribute syntax, every other `<` and `&` is text, and only then does
 * parse5 read the markup.
 */
import { decodeHTML, decodeHTMLStrict } from 'entities';
import { parseFragment } from 'parse5';

/** Inline and block tag names that real markup in these corpora uses. Anything else after `<` is text. */
const KNOWN_TAGS = new Set([
  'a', 'abbr', 'b', 'big', 'blockquote', 'br', 'center', 'cite', 'code', 'del', 'div', 'em', 'font', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'mark', 'ol', 'p', 'q', 's', 'small', 'span', 'strike',
  'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'wbr', 'section',
  'article', 'header', 'footer', 'figure', 'figcaption', 'label', 'o:p', 'pre', 'dl', 'dt', 'dd',
]);

/** Attribute names seen on real markup; `<b and c>` in prose is not a tag with attributes `and` and `c`. */
const KNOWN_ATTRIBUTE = /^(?:style|class|id|href|src|alt|title|target|color|size|face|align|valign|width|height|border|name|rel|lang|dir|type|bgcolor|cellpadding|cellspacing|colspan|rowspan|data-[\w-]+|xml:lang|aria-[\w-]+)$/i;

const OPEN_TAG = /<([a-zA-Z][a-zA-Z0-9:]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const CLOSE_TAG = /<\/([a-zA-Z][a-zA-Z0-9:]*)\s*>/y;
const COMMENT = /<!--[\s\S]*?-->/y;
const ATTRIBUTE_NAME = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const ENTITY = /&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[a-zA-Z][a-zA-Z0-9]{1,31};)/y;

/** Where a tag by its syntax (a known name, known attributes) starts at `at` in `s`, its end offset; otherwise -1. Whether it is markup there is {@link markupTags}' to say. */
export function realTagEnd(s: string, at: number): number {
  if (s.charCodeAt(at + 1) === 0x2f /* / */) {
    CLOSE_TAG.lastIndex = at;
    const close = CLOSE_TAG.exec(s);
    return close && KNOWN_TAGS.has(close[1]!.toLowerCase()) ? CLOSE_TAG.lastIndex : -1;
  }
  if (s.startsWith('<!--', at)) {
    COMMENT.lastIndex = at;
    return COMMENT.exec(s) ? COMMENT.lastIndex : -1;
  }
  OPEN_TAG.lastIndex = at;
  const open = OPEN_TAG.exec(s);
  if (!open || !KNOWN_TAGS.has(open[1]!.toLowerCase())) return -1;
  const attributes = open[2]!;
  if (attributes !== '') {
    for (const m of attributes.matchAll(ATTRIBUTE_NAME)) {
      if (!KNOWN_ATTRIBUTE.test(m[1]!)) return -1;
    }
  }
  return OPEN_TAG.lastIndex;
}

/** Void elements: markup wherever they stand (FORMAT.md, variant L). */
const VOID_TAGS = new Set(['br', 'img', 'hr', 'wbr']);
const TAG_NAME = /^<\/?([a-zA-Z][a-zA-Z0-9:]*)/;

/**
 * The tags of a paragraph's source text that are markup, as `[start, end)` pairs in order: a
 * comment, a void element (`br`, `img`, `hr`, `wbr`), a self-closed tag, or an element that opens
 * and closes inside this text. Every other `<…>`, however tag-like (`an empty <div> was`, `a<b>c`,
 * a stray `</b>`), is text (FORMAT.md, variant L).
 */
export function markupTags(raw: string): number[] {
  const tags: { start: number; end: number; markup: boolean }[] = [];
  /** Open elements not yet closed, by lower-case name: indexes into `tags`. */
  const open = new Map<string, number[]>();
  for (let i = raw.indexOf('<'); i >= 0; i = raw.indexOf('<', i + 1)) {
    const end = realTagEnd(raw, i);
    if (end < 0) continue;
    const tag = { start: i, end, markup: false };
    tags.push(tag);
    i = end - 1;
    if (raw.charCodeAt(tag.start + 1) === 0x21 /* ! comment */) {
      tag.markup = true;
      continue;
    }
    const name = TAG_NAME.exec(raw.slice(tag.start, tag.start + 40))![1]!.toLowerCase();
    if (VOID_TAGS.has(name) || raw.charCodeAt(end - 2) === 0x2f /* <x/> */) {
      tag.markup = true;
    } else if (raw.charCodeAt(tag.start + 1) === 0x2f /* </x> */) {
      const opened = open.get(name);
      const at = opened?.pop();
      if (at !== undefined) tag.markup = tags[at]!.markup = true;
    } else {
      const opened = open.get(name);
      if (opened) opened.push(tags.length - 1);
      else open.set(name, [tags.length - 1]);
    }
  }
  const out: number[] = [];
  for (const tag of tags) if (tag.markup) out.push(tag.start, tag.end);
  return out;
}

/**
 * The source text made into HTML that says what the scraper meant: markup tags ({@link markupTags})
 * and well-formed entities stay, every other `<`, `>` and `&` is escaped.
 */
export function escapeStray(raw: string): string {
  const tags = raw.indexOf('<') >= 0 ? markupTags(raw) : [];
  let next = 0;
  let out = '';
  let copied = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x3c /* < */) {
      if (tags[next] === i) {
        i = tags[next + 1]! - 1;
        next += 2;
        continue;
      }
      out += raw.slice(copied, i) + '&lt;';
      copied = i + 1;
    } else if (c === 0x3e /* > */) {
      out += raw.slice(copied, i) + '&gt;';
      copied = i + 1;
    } else if (c === 0x26 /* & */) {
      ENTITY.lastIndex = i;
      if (ENTITY.test(raw)) continue;
      out += raw.slice(copied, i) + '&amp;';
      copied = i + 1;
    }
  }
  return out + raw.slice(copied);
}

interface HtmlNode {
  nodeName: string;
  value?: string;
  childNodes?: HtmlNode[];
  tagName?: string;
}

/** A character that never occurs in decoded text stands for `<br>` until the newlines are joined. */
export const BREAK = '\u0000';
const SKIPPED = new Set(['script', 'style', 'template', 'head', 'title']);

function collectText(node: HtmlNode, out: string[]): void {
  for (const child of node.childNodes ?? []) {
    if (child.nodeName === '#text') out.push(child.value ?? '');
    else if (child.nodeName === 'br') out.push(BREAK);
    else if (child.nodeName === '#comment' || SKIPPED.has(child.nodeName)) continue;
    else collectText(child, out);
  }
}

/** The text parse5 reads from HTML (after {@link escapeStray}), with `<br>` as {@link BREAK}. */
function parse5Text(html: string): string {
  const fragment = parseFragment(html) as unknown as HtmlNode;
  const parts: string[] = [];
  collectText(fragment, parts);
  return parts.join('');
}

/**
 * Phrasing tags whose tree never moves, drops or adds text: however they nest or misnest (the
 * adoption agency only rearranges elements), the text of HTML holding only these is its text
 * runs in order. No block, list, table, heading or `pre` (which drops a newline) among them.
 */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'big', 'br', 'cite', 'code', 'del', 'em', 'font', 'i', 'img', 'ins', 'label', 'mark', 'o:p', 'q', 's',
  'small', 'span', 'strike', 'strong', 'sub', 'sup', 'tt', 'u', 'wbr',
]);
const CR = /\r\n?/g;

/** A text run as parse5 reads it: CR and CRLF made LF (its input stream does that), then character references decoded as in HTML text. */
function runText(run: string): string {
  const text = run.indexOf('\r') >= 0 ? run.replace(CR, '\n') : run;
  return text.indexOf('&') >= 0 ? decodeHTML(text) : text;
}

/**
 * The text of HTML made by {@link escapeStray} (every `<` in it starts a markup tag) without
 * building a tree, where it holds only {@link INLINE_TAGS}: the same string as parse5's tree gives
 * (a unit test compares them over the generated corpus, the seeds and random markup). `undefined`
 * for anything else (another tag, a comment, a NUL): parse5 reads that.
 */
function inlineText(html: string): string | undefined {
  if (html.indexOf('\u0000') >= 0) return undefined;
  let out = '';
  let from = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', from)) {
    if (html.charCodeAt(i + 1) === 0x21 /* ! comment */) return undefined;
    const end = realTagEnd(html, i);
    if (end < 0) return undefined;
    const closing = html.charCodeAt(i + 1) === 0x2f;
    const name = TAG_NAME.exec(html.slice(i, i + 40))?.[1]?.toLowerCase();
    if (name === undefined || !INLINE_TAGS.has(name) || (closing && name === 'br')) return undefined;
    out += runText(html.slice(from, i));
    if (name === 'br') out += BREAK;
    from = end;
  }
  return out + runText(html.slice(from));
}

/** Text of a piece of HTML as a reader sees it, with `<br>` as {@link BREAK}. */
export function markupText(raw: string): string {
  const html = escapeStray(raw);
  return inlineText(html) ?? parse5Text(html);
}

/** {@link markupText} always through parse5's tree: what the fast path is checked against. */
export function markupTextByParse5(raw: string): string {
  return parse5Text(escapeStray(raw));
}

/** Is this a wide (CJK) character, next to which a markup newline joins with nothing? */
export function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // CJK radicals, punctuation (incl. U+3000), kana, ideographs
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffef) || // full-width forms
    (code >= 0xd840 && code <= 0xd87f) || // surrogates of the supplementary ideograph planes
    code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019 || code === 0x2014 || code === 0x2026
  );
}

/** A run of newlines that came from the page's markup, with the spaces and tabs around it. */
export const MARKUP_NEWLINE = /[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*/g;

/**
 * What a markup newline run between the characters `before` and `after` becomes: nothing next to
 * a CJK character, at either end of the text or next to a `<br>` (both given as 0), else one space.
 */
export function joinedNewline(before: number, after: number): '' | ' ' {
  return before === 0 || after === 0 || isWide(before) || isWide(after) ? '' : ' ';
}

/**
 * Joins the newlines that came only from the page's markup (variant G): with nothing next to a
 * CJK character, with one space between Latin words, and with nothing at either end.
 */
export function joinMarkupNewlines(text: string): string {
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
  return text.replace(MARKUP_NEWLINE, (match: string, offset: number) => {
    const after = offset + match.length;
    return joinedNewline(offset === 0 ? 0 : text.charCodeAt(offset - 1), after >= text.length ? 0 : text.charCodeAt(after));
  });
}

const NEEDS_WORK = /[<&\r\n]/;

/** Does the text hold markup (not just a raw `<` the scraper wrote, or tag-like text)? */
function hasRealTag(raw: string): boolean {
  for (let i = raw.indexOf('<'); i >= 0; i = raw.indexOf('<', i + 1)) {
    if (realTagEnd(raw, i) > 0) return markupTags(raw).length > 0;
  }
  return false;
}

/**
 * The clean text of a paragraph's HTML source text. Text with real tags goes through parse5;
 * text with only entities and raw characters (variant F) needs no tree: its well-formed entities
 * are decoded by parse5's own decoder (`entities`), which is many times faster.
 */
export function cleanHtmlText(raw: string): string {
  if (!NEEDS_WORK.test(raw)) return raw;
  const text = hasRealTag(raw) ? markupText(raw) : raw.indexOf('&') >= 0 ? decodeHTMLStrict(raw) : raw;
  const joined = joinMarkupNewlines(text);
  return joined.indexOf(BREAK) >= 0 ? joined.split(BREAK).join('\n') : joined;
}

/** The clean text of a plain-text paragraph (variant D): no markup, only continuation lines to join. */
export function cleanPlainText(raw: string): string {
  return joinMarkupNewlines(raw);
}

/**
 * Is `c` a UTF-16 code unit that JavaScript's `trim()` removes: white space and line terminators
 * (tab, VT, FF, space, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000,
 * U+FEFF, LF, CR)? This is the white space FORMAT.md's clean text drops at a paragraph's ends.
 */
export function isTrimSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff;
}

/**
 * Length of the leading indent: all the white space at the start that `trim()` removes (the
 * page's `　　`, em spaces, U+00A0, ASCII spaces, tabs).
 */
export function indentLength(text: string): number {
  let i = 0;
  while (i < text.length && isTrimSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Length of the white space at the end of the text that `trim()` removes. */
export function trailingLength(text: string): number {
  let i = text.length;
  while (i > 0 && isTrimSpace(text.charCodeAt(i - 1))) i--;
  return text.length - i;
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;
const HIGH_SURROGATES = /[\uD800-\uDBFF]/g;

/**
 * Characters as a reader counts them: code points (a surrogate pair is one). The one character
 * counter of the core (paragraph sizes, the outline, the status bar). `surrogates`: whether the
 * text may hold a surrogate pair, when the caller already knows (it saves a scan).
 */
export function codePoints(text: string, surrogates = HIGH_SURROGATE.test(text)): number {
  return surrogates ? text.length - (text.match(HIGH_SURROGATES)?.length ?? 0) : text.length;
}

/** The characters of a paragraph's clean text, without the white space at its ends (a block's `chars`). */
export function paragraphChars(text: string, surrogates?: boolean): number {
  const indent = indentLength(text);
  if (indent === text.length) return 0;
  return codePoints(text, surrogates) - indent - trailingLength(text);
}

/** The text without its leading indent (white space of every kind). */
export function stripIndent(text: string): string {
  const indent = indentLength(text);
  return indent === 0 ? text : text.slice(indent);
}

/**
 * The clean text of FORMAT.md from a block's text: white space of every kind at both ends
 * removed, exactly what `trim()` removes; white space inside stays.
 */
export function cleanText(text: string): string {
  return text.trim();
}

/** Does the text hold anything but white space (what `trim()` leaves something of)? */
export function hasVisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isTrimSpace(text.charCodeAt(i))) return true;
  }
  return false;
}

/** The `　　` indent of the pages' paragraphs. */
export const FULLWIDTH_INDENT = '\u3000\u3000';

/** The indent of a text as a setting asks: kept as it is, always `　　`, or none. */
export function applyIndent(text: string, indent: 'keep' | 'fullwidth' | 'none', html = false): string {
  if (indent === 'keep') return text;
  const stripped = html ? text.slice(htmlIndentLength(text)) : stripIndent(text);
  return indent === 'fullwidth' ? FULLWIDTH_INDENT + stripped : stripped;
}

/** An entity at the start of the text: a named one, or a numeric one with its code point. */
const LEADING_ENTITY = /^&(?:(nbsp|ensp|emsp|thinsp|Tab|NewLine)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));/;

/** Length of the indent at the start of a paragraph's HTML source text: white space, raw or as entities. */
export function htmlIndentLength(raw: string): number {
  let i = 0;
  for (;;) {
    const c = raw.charCodeAt(i);
    if (isTrimSpace(c)) i++;
    else if (c === 0x26 /* & */) {
      const m = LEADING_ENTITY.exec(raw.slice(i, i + 12));
      if (!m) return i;
      const code = m[1] !== undefined ? 0x20 : m[2] !== undefined ? Number(m[2]) : parseInt(m[3]!, 16);
      if (!isTrimSpace(code)) return i;
      i += m[0].length;
    } else return i;
  }
}

/** Text made safe as HTML text: `&`, `<` and `>` escaped. */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
