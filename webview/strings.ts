// The page's UI text. The host sends every string, localized, in `init.strings` (the protocol's
// VIEW_STRING_KEYS): the page keeps no copy of its own. `{0}` is the argument (a number).

import type { ViewStringKey, ViewStrings } from '../src/editor/protocol';
import { format } from './text';

export type StringKey = ViewStringKey;

export class Strings {
  private values: ViewStrings | undefined;

  set(values: ViewStrings): void {
    this.values = values;
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

  /** The host's text (nothing before the host has sent its strings: the page shows nothing before `init`). */
  private template(key: StringKey): string {
    return this.values?.[key] ?? '';
  }
}
