/**
 * Inline markup of one HTML paragraph: what the Article Editor shows of it (bold, italic, links;
 * `<br>` is the `\n` of the text already) and how a text edit or a bold/italic toggle becomes a
 * source edit that replaces text, not formatting.
 *
 * The paragraph's source text is read as a row of tokens, each with the clean text it stands for:
 * literal text (character for character), entities, `<br>` (`\n`), markup newlines of the page (a
 * space or nothing, by their neighbours), and tags (nothing). An edit splices the row: the deleted
 * characters go, every tag between them stays, the typed text goes where the formatting of the
 * first selected character (or, for a caret, of the character before) is, and only an element
 * whose whole text is gone goes with it. Every byte outside the changed stretch stays as it was.
 * The result is checked by cleaning it again: an edit this cannot map returns `undefined`, and the
 * caller says so or falls back.
 *
 * Pure: no `vscode`, no `node:*`.
 */
import { decodeHTMLStrict } from 'entities';
import type { Article, Block } from './model';
import type { TextEdit } from './normalize';
import { cleanHtmlText, escapeHtmlText, joinedNewline, markupTags } from './text';

/** A stretch of a paragraph's clean text that is bold, italic or a link. */
export interface InlineMark {
  readonly kind: 'bold' | 'italic' | 'link';
  /** `[from, to)` in the paragraph's text (`Block.text`). */
  readonly from: number;
  readonly to: number;
  /** The link's target, as written (entities decoded). */
  readonly href?: string;
}

type TokenKind = 'text' | 'entity' | 'break' | 'newline' | 'open' | 'close' | 'void' | 'skip';

interface Token {
  readonly kind: TokenKind;
  /** The token's source, as it is written (original tokens: a slice of the paragraph's source). */
  readonly source: string;
  /** The clean text it stands for. */
  clean: string;
  /** Lower-case element name of a tag. */
  readonly name?: string;
  /** For an `open`/`close` tag: the id it shares with its partner. */
  readonly pair?: number;
  /** An original token: its offset in the paragraph's source. */
  readonly at?: number;
}

const ENTITY_AT = /&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[a-zA-Z][a-zA-Z0-9]{1,31};)/y;
const NEWLINE_AT = /[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*/y;
const TAG_NAME = /^<\/?([a-zA-Z][a-zA-Z0-9:]*)/;
const SKIPPED = new Set(['script', 'style', 'template', 'head', 'title', 'textarea', 'pre', 'listing', 'plaintext', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'select', 'option', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot']);
const VOID = new Set(['br', 'img', 'hr', 'wbr']);

/** The code a neighbour of a markup newline has (0 for a line break, the text's edges). */
function edgeCode(clean: string, last: boolean): number {
  if (clean === '') return -1;
  const c = clean.charCodeAt(last ? clean.length - 1 : 0);
  return c === 0x0a ? 0 : c;
}

/** The tokens of a paragraph's source text, or `undefined` where it holds what this does not map. */
function tokenize(raw: string): Token[] | undefined {
  const tags = raw.indexOf('<') >= 0 ? markupTags(raw) : [];
  const tokens: Token[] = [];
  const stack: { name: string; pair: number }[] = [];
  let pairs = 0;
  let next = 0;
  let literal = -1;
  const flush = (to: number): void => {
    if (literal >= 0 && to > literal) tokens.push({ kind: 'text', source: raw.slice(literal, to), clean: raw.slice(literal, to), at: literal });
    literal = -1;
  };
  for (let p = 0; p < raw.length; ) {
    const c = raw.charCodeAt(p);
    if (c === 0x3c && tags[next] === p) {
      flush(p);
      const end = tags[next + 1]!;
      next += 2;
      const source = raw.slice(p, end);
      if (source.startsWith('<!--')) tokens.push({ kind: 'void', source, clean: '', at: p });
      else {
        const name = TAG_NAME.exec(source)![1]!.toLowerCase();
        if (SKIPPED.has(name)) return undefined;
        if (name === 'br') tokens.push({ kind: 'break', source, clean: '\n', name, at: p });
        else if (VOID.has(name) || source.endsWith('/>')) tokens.push({ kind: 'void', source, clean: '', name, at: p });
        else if (source.startsWith('</')) {
          // markupTags pairs them: the innermost open element of that name.
          let k = stack.length - 1;
          while (k >= 0 && stack[k]!.name !== name) k--;
          if (k < 0) return undefined;
          const [open] = stack.splice(k, 1);
          tokens.push({ kind: 'close', source, clean: '', name, pair: open!.pair, at: p });
        } else {
          const pair = pairs++;
          stack.push({ name, pair });
          tokens.push({ kind: 'open', source, clean: '', name, pair, at: p });
        }
      }
      p = end;
      continue;
    }
    if (c === 0x26) {
      ENTITY_AT.lastIndex = p;
      if (ENTITY_AT.test(raw)) {
        flush(p);
        const source = raw.slice(p, ENTITY_AT.lastIndex);
        tokens.push({ kind: 'entity', source, clean: decodeHTMLStrict(source), at: p });
        p += source.length;
        continue;
      }
    }
    if (c === 0x0a || c === 0x0d || c === 0x20 || c === 0x09) {
      NEWLINE_AT.lastIndex = p;
      if (NEWLINE_AT.test(raw)) {
        flush(p);
        const source = raw.slice(p, NEWLINE_AT.lastIndex);
        tokens.push({ kind: 'newline', source, clean: '', at: p });
        p += source.length;
        continue;
      }
    }
    if (literal < 0) literal = p;
    p++;
  }
  flush(raw.length);
  if (stack.length > 0) return undefined;
  joinNewlines(tokens);
  return tokens;
}

/** Gives every markup newline the clean text its neighbours make of it (FORMAT.md: joined). */
function joinNewlines(tokens: Token[]): void {
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]!.kind === 'newline') tokens[k]!.clean = newlineValue(tokens, k);
  }
}

function newlineValue(tokens: readonly Token[], k: number): string {
  let before = 0;
  for (let j = k - 1; j >= 0; j--) {
    const code = tokens[j]!.kind === 'newline' ? -1 : edgeCode(tokens[j]!.clean, true);
    if (code >= 0) {
      before = code;
      break;
    }
  }
  let after = 0;
  for (let j = k + 1; j < tokens.length; j++) {
    const code = tokens[j]!.kind === 'newline' ? -1 : edgeCode(tokens[j]!.clean, false);
    if (code >= 0) {
      after = code;
      break;
    }
  }
  return joinedNewline(before, after);
}

/** A paragraph's tokens, when they read as its text (checked against the parser's). */
function paragraphTokens(article: Article, block: Block): Token[] | undefined {
  if (article.layout !== 'html' || block.kind !== 'paragraph' || block.text === '') return undefined;
  const tokens = tokenize(article.source.slice(block.textStart, block.textEnd));
  if (!tokens) return undefined;
  let clean = '';
  for (const token of tokens) clean += token.clean;
  return clean === block.text ? tokens : undefined;
}

/** Is the paragraph's source its text, without any tag (a `<br>` is a tag)? */
function hasTags(article: Article, block: Block): boolean {
  return article.source.slice(block.textStart, block.textEnd).indexOf('<') >= 0 && markupTags(article.source.slice(block.textStart, block.textEnd)).length > 0;
}

// ---- What the page shows ---------------------------------------------------------------------

const BOLD_STYLE = /font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b/i;
const ITALIC_STYLE = /font-style\s*:\s*(?:italic|oblique)\b/i;
const HREF = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

function markKinds(token: Token): InlineMark['kind'][] {
  const name = token.name;
  if (name === 'b' || name === 'strong') return ['bold'];
  if (name === 'i' || name === 'em') return ['italic'];
  if (name === 'a') return HREF.test(token.source) ? ['link'] : [];
  const kinds: InlineMark['kind'][] = [];
  if (/\sstyle\s*=/i.test(token.source)) {
    if (BOLD_STYLE.test(token.source)) kinds.push('bold');
    if (ITALIC_STYLE.test(token.source)) kinds.push('italic');
  }
  return kinds;
}

/**
 * The inline marks of a paragraph, in the order their elements open: bold (`<b>`, `<strong>`, a
 * `font-weight: bold` style), italic (`<i>`, `<em>`, `font-style: italic`) and links (`<a href>`).
 */
export function inlineMarks(article: Article, block: Block): InlineMark[] {
  return inlineView(article, block).marks;
}

/**
 * Whether an edit of this paragraph across its markup would write it as plain text (its markup
 * dropped): a paragraph with tags that the token reading cannot map (script, tables, markup
 * newlines that run across tags).
 */
export function dropsMarkup(article: Article, block: Block): boolean {
  return inlineView(article, block).lossy;
}

/** What the Article Editor's page shows of a paragraph's markup: its marks, and whether an edit across it drops it (one reading). */
export function inlineView(article: Article, block: Block): { marks: InlineMark[]; lossy: boolean } {
  if (block.verbatim || block.textStart === block.textEnd || article.layout !== 'html' || block.text === '') return { marks: [], lossy: false };
  const tokens = paragraphTokens(article, block);
  if (!tokens) return { marks: [], lossy: hasTags(article, block) };
  const marks: InlineMark[] = [];
  const opened = new Map<number, { token: Token; from: number }>();
  let offset = 0;
  for (const token of tokens) {
    if (token.kind === 'open') opened.set(token.pair!, { token, from: offset });
    else if (token.kind === 'close') {
      const open = opened.get(token.pair!);
      if (open && offset > open.from) {
        for (const kind of markKinds(open.token)) {
          if (kind === 'link') {
            const m = HREF.exec(open.token.source)!;
            marks.push({ kind, from: open.from, to: offset, href: decodeHTMLStrict(m[1] ?? m[2] ?? m[3] ?? '') });
          } else marks.push({ kind, from: open.from, to: offset });
        }
      }
    }
    offset += token.clean.length;
  }
  return { marks: marks.sort((a, b) => a.from - b.from || b.to - a.to), lossy: false };
}

// ---- Edits -------------------------------------------------------------------------------------

/** Splits text tokens so that clean offsets `cuts` fall between tokens; atomic tokens stay whole. */
function cutAt(tokens: readonly Token[], cuts: readonly number[]): Token[] {
  const out: Token[] = [];
  let offset = 0;
  for (const token of tokens) {
    const end = offset + token.clean.length;
    if (token.kind === 'text') {
      let from = 0;
      for (const cut of cuts) {
        if (cut > offset + from && cut < end) {
          const at = cut - offset;
          out.push({ kind: 'text', source: token.source.slice(from, at), clean: token.clean.slice(from, at), at: token.at! + from });
          from = at;
        }
      }
      out.push(from === 0 ? token : { kind: 'text', source: token.source.slice(from), clean: token.clean.slice(from), at: token.at! + from });
    } else out.push(token);
    offset = end;
  }
  return out;
}

/** A text token for typed text: escaped, its line breaks as `<br>`. */
function typedToken(text: string): Token {
  return { kind: 'text', source: escapeHtmlText(text).replace(/\r?\n/g, '<br>'), clean: text };
}

/**
 * Drops the elements that had text and have none now, and writes out a markup newline whose
 * neighbours changed as the text it stood for (so that the text stays what the user sees).
 */
function settle(tokens: Token[], before: readonly Token[], marker: Token): Token[] {
  // Elements with text before the edit.
  const had = new Set<number>();
  const open = new Map<number, number>();
  let offset = 0;
  for (const token of before) {
    if (token.kind === 'open') open.set(token.pair!, offset);
    else if (token.kind === 'close' && offset > (open.get(token.pair!) ?? offset)) had.add(token.pair!);
    offset += token.clean.length;
  }
  const start = new Map<number, number>();
  const empty = new Set<number>();
  offset = 0;
  for (const token of tokens) {
    if (token.kind === 'open') start.set(token.pair!, offset);
    else if (token.kind === 'close' && had.has(token.pair!) && start.get(token.pair!) === offset) empty.add(token.pair!);
    offset += token.clean.length;
  }
  let out = empty.size > 0 ? tokens.filter((t) => !((t.kind === 'open' || t.kind === 'close') && empty.has(t.pair!))) : tokens;
  // Markup newlines: next to the typed text (the page's own joining would read them with it) or
  // with other neighbours now are written as what they stood for.
  out = out.map((token, k) => {
    if (token.kind !== 'newline') return token;
    const value = newlineValue(out, k);
    let touches = false;
    for (const side of [-1, 1]) {
      for (let j = k + side; j >= 0 && j < out.length; j += side) {
        const t = out[j]!;
        if (t === marker) touches = true;
        if (t.kind !== 'open' && t.kind !== 'close' && t.kind !== 'void') break;
      }
    }
    return touches || value !== token.clean ? { kind: 'text', source: token.clean, clean: token.clean } : token;
  });
  return out;
}

/** The smallest edit from `before` to `after` at offset `base`. */
function narrowEdit(base: number, before: string, after: string): TextEdit {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: base + prefix, end: base + before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

/** The new source of a paragraph as a row of tokens, checked: it must read as `expected`. */
function writeTokens(article: Article, block: Block, tokens: readonly Token[], expected: string): TextEdit | undefined {
  const raw = article.source.slice(block.textStart, block.textEnd);
  let out = '';
  for (const token of tokens) out += token.source;
  if (cleanHtmlText(out) !== expected) return undefined;
  return narrowEdit(block.textStart, raw, out);
}

/**
 * Replace `[from, to)` of a paragraph's text (`Block.text`) with `text`, keeping the inline markup
 * around what stays: the typed text takes the formatting of the first replaced character (of the
 * character before, for a caret); an element whose text is all deleted goes; every byte outside
 * the edit stays. `undefined` where the paragraph's source cannot be mapped so.
 */
export function editInline(article: Article, block: Block, from: number, to: number, text: string): TextEdit | undefined {
  const original = paragraphTokens(article, block);
  if (!original || from < 0 || to < from || to > block.text.length) return undefined;
  // Atomic tokens (an entity of two code units) are replaced whole, what stays of them retyped.
  let offset = 0;
  let head = '';
  let tail = '';
  for (const token of original) {
    const end = offset + token.clean.length;
    if (token.kind !== 'text' && token.clean.length > 1) {
      if (from > offset && from < end) {
        head = token.clean.slice(0, from - offset);
        from = offset;
      }
      if (to > offset && to < end) {
        tail = token.clean.slice(to - offset);
        to = end;
      }
    }
    offset = end;
  }
  const typed = head + text + tail;
  const expected = block.text.slice(0, from) + typed + block.text.slice(to);
  const tokens = cutAt(original, [from, to]);
  // Where the typed text goes, and which tokens are deleted (their tags stay).
  let insertAt = tokens.length;
  const deleted = new Set<number>();
  offset = 0;
  let lastBefore = -1;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    const length = token.clean.length;
    if (length > 0 && offset >= from && offset < to) deleted.add(k);
    if (length > 0 && offset + length <= from) lastBefore = k;
    offset += length;
  }
  if (from < to) {
    const first = Math.min(...deleted);
    insertAt = first;
  } else if (lastBefore >= 0) {
    insertAt = lastBefore + 1;
  } else {
    // A caret at the start: before the first character, inside the elements that open it.
    insertAt = tokens.findIndex((t) => t.clean.length > 0 && t.kind !== 'newline');
    if (insertAt < 0) insertAt = tokens.length;
  }
  const marker = typedToken(typed);
  const row: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (k === insertAt) row.push(marker);
    const token = tokens[k]!;
    if (deleted.has(k)) continue;
    // A markup newline between deleted characters goes with them.
    if (token.kind === 'newline' && from < to && k > insertAt && isBetweenDeleted(tokens, deleted, k)) continue;
    row.push(token);
  }
  if (insertAt >= tokens.length) row.push(marker);
  const settled = settle(row, original, marker);
  return writeTokens(article, block, settled, expected);
}

function isBetweenDeleted(tokens: readonly Token[], deleted: ReadonlySet<number>, k: number): boolean {
  let before = false;
  for (let j = k - 1; j >= 0; j--) {
    if (tokens[j]!.clean.length > 0 || tokens[j]!.kind === 'newline') {
      before = deleted.has(j);
      break;
    }
  }
  if (!before) return false;
  for (let j = k + 1; j < tokens.length; j++) {
    if (tokens[j]!.clean.length > 0 || tokens[j]!.kind === 'newline') return deleted.has(j);
  }
  return false;
}

// ---- Bold and italic ---------------------------------------------------------------------------

const TAG_OF = { bold: 'b', italic: 'i' } as const;
const UNWRAPPABLE = { bold: new Set(['b', 'strong']), italic: new Set(['i', 'em']) } as const;

/** For each token of the row, the pairs of the elements open around it (outermost first). */
function openAround(row: readonly Token[]): Token[][] {
  const stack: Token[] = [];
  const out: Token[][] = [];
  for (const token of row) {
    if (token.kind === 'close') {
      const k = stack.findIndex((t) => t.pair === token.pair);
      if (k >= 0) stack.splice(k, 1);
    }
    out.push(stack.slice());
    if (token.kind === 'open') stack.push(token);
  }
  return out;
}

/** Are the tags of `row[from, to)` balanced (every element that opens there closes there, and the other way round)? */
function balanced(row: readonly Token[], from: number, to: number): boolean {
  const open = new Set<number>();
  for (let k = from; k < to; k++) {
    const token = row[k]!;
    if (token.kind === 'open') open.add(token.pair!);
    else if (token.kind === 'close' && !open.delete(token.pair!)) return false;
  }
  return open.size === 0;
}

function hasText(row: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (row[k]!.clean.length > 0) return true;
  return false;
}

/**
 * Takes the selected tokens (`selected`) out of the element opened by `open`: the parts before and
 * after the selection stay inside copies of it. `undefined` where the selection's edges are inside
 * other elements within it (the markup would not nest).
 */
function unwrap(row: Token[], open: Token, selected: ReadonlySet<Token>, fresh: () => number): Token[] | undefined {
  const o = row.indexOf(open);
  const c = row.findIndex((t, k) => k > o && t.kind === 'close' && t.pair === open.pair);
  if (o < 0 || c < 0) return undefined;
  let first = -1;
  let last = -1;
  for (let k = o + 1; k < c; k++) {
    if (selected.has(row[k]!)) {
      if (first < 0) first = k;
      last = k;
    }
  }
  if (first < 0) return row;
  const left = first;
  const right = last + 1;
  if (!balanced(row, o + 1, left) || !balanced(row, right, c)) return undefined;
  const close = row[c]!;
  const out = row.slice(0, o);
  if (hasText(row, o + 1, left)) {
    const pair = fresh();
    out.push({ ...open, pair, at: undefined }, ...row.slice(o + 1, left), { kind: 'close', source: `</${open.name!}>`, clean: '', name: open.name!, pair });
  } else out.push(...row.slice(o + 1, left));
  out.push(...row.slice(left, right));
  if (hasText(row, right, c)) {
    const pair = fresh();
    out.push({ kind: 'open', source: open.source, clean: '', name: open.name!, pair }, ...row.slice(right, c), { ...close, pair, at: undefined });
  } else out.push(...row.slice(right, c));
  out.push(...row.slice(c + 1));
  return out;
}

/**
 * Ctrl+B / Ctrl+I: makes `[from, to)` of a paragraph's text bold (`<b>`) or italic (`<i>`), or
 * takes that formatting off where all of it already has it (`<b>`/`<strong>`, `<i>`/`<em>`: the
 * parts outside the selection keep theirs). The text stays as it is; `undefined` where the
 * markup cannot be changed so (formatting from a style, markup that would not nest).
 */
export function toggleInline(article: Article, block: Block, from: number, to: number, kind: 'bold' | 'italic'): TextEdit | undefined {
  const original = paragraphTokens(article, block);
  if (!original || from < 0 || to <= from || to > block.text.length) return undefined;
  let row = cutAt(original, [from, to]);
  let pairs = 0;
  for (const token of row) if (token.pair !== undefined) pairs = Math.max(pairs, token.pair + 1);
  const fresh = (): number => pairs++;
  const selected = new Set<Token>();
  let offset = 0;
  for (const token of row) {
    if (token.clean.length > 0 && offset >= from && offset < to) selected.add(token);
    offset += token.clean.length;
  }
  if (selected.size === 0) return undefined;
  const around = openAround(row);
  const has = (k: number): boolean => around[k]!.some((t) => markKinds(t).includes(kind));
  const visible = [...selected].filter((t) => t.clean.trim() !== '');
  const judged = visible.length > 0 ? visible : [...selected];
  const on = judged.every((t) => has(row.indexOf(t)));
  // Take the formatting off the selection (toggling off; before toggling on, so that it does not nest).
  const owners = new Set<Token>();
  for (const t of selected) for (const open of around[row.indexOf(t)]!) if (markKinds(open).includes(kind)) owners.add(open);
  for (const open of owners) {
    const unwrapped = open.name && UNWRAPPABLE[kind].has(open.name) ? unwrap(row, open, selected, fresh) : undefined;
    if (!unwrapped) {
      if (on) return undefined;
      continue;
    }
    row = unwrapped;
  }
  if (!on) row = wrapSelection(row, selected, TAG_OF[kind], fresh);
  return writeTokens(article, block, mergeAdjacent(row), block.text);
}

/** Wraps the selected tokens in `<tag>`: one element per stretch that nests where it stands. */
function wrapSelection(row: readonly Token[], selected: ReadonlySet<Token>, tag: string, fresh: () => number): Token[] {
  const first = row.findIndex((t) => selected.has(t));
  let last = -1;
  row.forEach((t, k) => {
    if (selected.has(t)) last = k;
  });
  const out = row.slice(0, first);
  let run: Token[] = [];
  const end = (): void => {
    if (hasText(run, 0, run.length)) {
      const pair = fresh();
      out.push({ kind: 'open', source: `<${tag}>`, clean: '', name: tag, pair }, ...run, { kind: 'close', source: `</${tag}>`, clean: '', name: tag, pair });
    } else out.push(...run);
    run = [];
  };
  for (let k = first; k <= last; k++) {
    const token = row[k]!;
    if (token.kind === 'open') {
      const close = row.findIndex((t, j) => j > k && t.kind === 'close' && t.pair === token.pair);
      if (close >= 0 && close <= last) {
        run.push(...row.slice(k, close + 1));
        k = close;
        continue;
      }
    }
    if (token.kind === 'open' || token.kind === 'close') {
      end();
      out.push(token);
      continue;
    }
    run.push(token);
  }
  end();
  out.push(...row.slice(last + 1));
  return out;
}

/** `</b><b>` where one of the two is new: one element (`<b>x</b><b>y</b>` is `<b>xy</b>`). */
function mergeAdjacent(row: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < row.length; k++) {
    const token = row[k]!;
    const next = row[k + 1];
    if (token.kind === 'close' && next?.kind === 'open' && next.name === token.name && (token.at === undefined || next.at === undefined) && next.source.toLowerCase() === `<${token.name!}>`) {
      k++;
      continue;
    }
    out.push(token);
  }
  return out;
}

// ---- Enter inside markup -------------------------------------------------------------------------

/**
 * Enter at `at` of a paragraph's text, inside inline elements: the elements open there are closed
 * before `between` (the markup that ends one paragraph and starts the next) and opened again after
 * it, with their own tags (`<b>乙</b>|<b>丙</b>`), so both halves keep their formatting. `undefined`
 * where the paragraph's source cannot be mapped so.
 */
export function splitInline(article: Article, block: Block, at: number, between: string): TextEdit | undefined {
  const original = paragraphTokens(article, block);
  if (!original || at <= 0 || at >= block.text.length) return undefined;
  const tokens = cutAt(original, [at]);
  // After the last character before `at` and the elements that close right after it.
  let split = 0;
  let offset = 0;
  for (let k = 0; k < tokens.length; k++) {
    offset += tokens[k]!.clean.length;
    if (tokens[k]!.clean.length > 0 && offset <= at) split = k + 1;
  }
  if (tokens.slice(0, split).reduce((n, t) => n + t.clean.length, 0) !== at) return undefined;
  while (split < tokens.length && tokens[split]!.kind === 'close') split++;
  const open: Token[] = [];
  for (const token of tokens.slice(0, split)) {
    if (token.kind === 'open') open.push(token);
    else if (token.kind === 'close') {
      const k = open.findIndex((t) => t.pair === token.pair);
      if (k >= 0) open.splice(k, 1);
    }
  }
  const head = tokens.slice(0, split).map((t) => t.source).join('');
  const tail = tokens.slice(split).map((t) => t.source).join('');
  const closers = open.map((t) => `</${t.name!}>`).reverse().join('');
  const openers = open.map((t) => t.source).join('');
  if (cleanHtmlText(head + closers) !== block.text.slice(0, at) || cleanHtmlText(openers + tail) !== block.text.slice(at)) return undefined;
  const raw = article.source.slice(block.textStart, block.textEnd);
  return narrowEdit(block.textStart, raw, head + closers + between + openers + tail);
}
