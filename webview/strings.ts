// The page's UI text. The host sends it localized in `init.strings`; these English defaults fill
// any key it leaves out. `{0}` is the argument (a number).

import type { ViewStrings } from '../src/editor/protocol';
import { format } from './text';

export const DEFAULT_STRINGS = {
  /** Toolbar buttons (label and tooltip). */
  exportCleanText: 'Export Clean Text',
  exportCleanTextTitle: 'Export the article as clean text',
  normalize: 'Normalize Styling',
  normalizeTitle: 'Rewrite the markup of every paragraph in the canonical style (one undo step)',
  previewNormalization: 'Preview Normalization',
  previewNormalizationTitle: 'Show what Normalize Styling would change, as a diff',
  /** Toolbar: the article's total character count. */
  totalChars: '{0} chars',
  totalCharsTitle: 'Characters in all paragraphs, without indents',
  /** The tooltip of the count next to a paragraph. */
  chars: '{0} chars',
  /** Shown as a badge when the document cannot be edited. */
  readonly: 'Read-only',
  /** The title field's accessible name, its tooltip (`{0}`: line 1 as in the file), and its text when empty. */
  title: 'Title',
  titleLine: 'Line 1: {0}',
  untitled: '(untitled)',
  /** Accessible names of blocks; `{0}` is the block's position (1-based). */
  paragraph: 'Paragraph {0}',
  heading: 'Heading {0}',
  imageBlock: 'Image {0}',
  /** What an image block shows. */
  image: 'Image',
  /** Placeholder of an empty paragraph. */
  emptyParagraph: '(empty paragraph)',
  /** Tooltip for a paragraph whose source has inline markup. */
  richParagraph: 'Has inline markup: editing rewrites it as plain text',
  /** Block buttons (the page appends the shortcut unless the text already has one in parentheses). */
  insertBlock: 'Insert paragraph after',
  deleteBlock: 'Delete block',
  moveUp: 'Move up',
  moveDown: 'Move down',
  /** Shown when the article has no blocks. */
  addParagraph: 'Add paragraph',
  /** The error bar. */
  dismiss: 'Dismiss',
  /** Accessible names of the toolbar and the article. */
  toolbar: 'Article',
  article: 'Article text',
};

export type StringKey = keyof typeof DEFAULT_STRINGS;

export class Strings {
  private values: ViewStrings = {};

  set(values: ViewStrings | undefined): void {
    this.values = values ?? {};
  }

  get(key: StringKey, ...args: (string | number)[]): string {
    return format(this.template(key), ...args);
  }

  /** An accessible name with a position: `{0}` filled, or the number appended where the text has none. */
  numbered(key: StringKey, n: number): string {
    const template = this.template(key);
    return template.includes('{0}') ? format(template, n) : `${template} ${n}`;
  }

  /** A button's tooltip with its shortcut, unless the host's text already names one. */
  withShortcut(key: StringKey, shortcut: string): string {
    const text = this.template(key);
    return /[(（][^)）]*[)）]\s*$/.test(text) ? text : `${text} (${shortcut})`;
  }

  private template(key: StringKey): string {
    const value = this.values[key];
    return typeof value === 'string' && value !== '' ? value : DEFAULT_STRINGS[key];
  }
}
