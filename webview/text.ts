// Pure text helpers of the Article Editor's page: no DOM here.

/** The paragraph indent the page hides and shows as `text-indent` instead. */
export const INDENT = '\u3000\u3000';

/** Length of the hidden indent at the start of `text` (0 or 2). */
export function hiddenIndent(text: string): number {
  return text.startsWith(INDENT) ? INDENT.length : 0;
}

/**
 * Characters (code points) without the leading indent, as the host counts them
 * (`ViewBlock.chars`): leading ideographic spaces, ASCII spaces and tabs are not counted.
 */
export function countChars(text: string): number {
  let i = 0;
  for (let c = text.charCodeAt(0); c === 0x3000 || c === 0x20 || c === 0x09; c = text.charCodeAt(++i));
  let n = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one character: count the high half only.
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** One replacement that turns `before` into `after`: `[from, to)` of `before` becomes `text`. */
export interface Change {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The smallest single replacement from `before` to `after` (common prefix and suffix removed),
 * never splitting a surrogate pair; `null` when they are equal. When the change is ambiguous
 * (typing a character next to the same character), `caret` (the caret's offset in `after`) picks
 * the replacement that ends at the caret, which is what the user typed.
 */
export function diff(before: string, after: string, caret?: number): Change | null {
  if (before === after) return null;
  const min = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < min && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // The inserted or deleted run can slide left as far as the caret: prefer it to end there.
  if (caret !== undefined && caret < prefix && after.length !== before.length) prefix = Math.max(caret - Math.max(after.length - before.length, 0), 0);
  if (prefix > 0 && isHigh(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  const maxSuffix = min - prefix;
  while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLow(before.charCodeAt(before.length - suffix))) suffix--;
  const change = { from: prefix, to: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
  // A slid prefix must still describe the same result; fall back to the plain diff otherwise.
  if (before.slice(0, change.from) + change.text + before.slice(change.to) !== after) return diff(before, after);
  return change;
}

/**
 * Where a caret at `offset` in `before` belongs in `after` (another version of the same text,
 * e.g. after an undo): before the changed run it stays, after it it moves with the text, inside
 * it it goes to the end of the new run.
 */
export function mapOffset(before: string, after: string, offset: number): number {
  const change = diff(before, after);
  if (!change) return Math.min(offset, after.length);
  if (offset <= change.from) return offset;
  if (offset >= change.to) return offset + change.text.length - (change.to - change.from);
  return change.from + change.text.length;
}

/** `{0}`, `{1}` … in `template` replaced by `args`. */
export function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => {
    const value = args[Number(n)];
    return value === undefined ? whole : String(value);
  });
}
