/**
 * Line 1 of an article file: the scraper's saved name, `N` + title + `.txt`, or a bare title.
 */

export interface TitleParts {
  readonly title: string;
  readonly listIndex: number | null;
}

/**
 * Characters after which a number belongs to the title, with how many of the leading digits
 * the title keeps: a year (`2019年`) keeps four, `5G` keeps one.
 */
const BOUND_NUMBERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^年/, 4],
  [/^[Gg](?![a-zA-Z])/, 1],
];

const TXT_SUFFIX = /\.txt\s*$/i;

/** Splits line 1 (as it is in the file) into the title and the list index. */
export function parseTitleLine(raw: string): TitleParts {
  let line = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  line = line.trim();
  if (!TXT_SUFFIX.test(line)) return { title: line, listIndex: null };
  line = line.replace(TXT_SUFFIX, '');
  const digits = /^\d+/.exec(line)?.[0] ?? '';
  if (digits === '') return { title: line.trim(), listIndex: null };
  let rest = line.slice(digits.length);
  let indexDigits = digits;
  for (const [after, keep] of BOUND_NUMBERS) {
    if (after.test(rest)) {
      const kept = Math.min(keep, digits.length);
      indexDigits = digits.slice(0, digits.length - kept);
      rest = digits.slice(digits.length - kept) + rest;
      break;
    }
  }
  if (indexDigits === '') return { title: line.trim(), listIndex: null };
  const title = rest.trim();
  // A line that is nothing but digits and `.txt` has no title of its own: keep the number as title.
  if (title === '') return { title: digits, listIndex: null };
  // Digits that are no safe integer (a 20-digit run) would lose precision: they are no index.
  const listIndex = Number(indexDigits);
  if (!Number.isSafeInteger(listIndex)) return { title: line.trim(), listIndex: null };
  return { title, listIndex };
}
