/**
 * The messages between the Article Editor's host (the extension) and its page (the webview): one
 * schema, from which both the types and the runtime checks come. Each side checks what it
 * receives (the host every page→host message, the page every host→page message) and drops what
 * does not fit; nothing else crosses. Offsets in edits are in the block's TEXT as the page shows
 * it: the block's clean text (`ViewBlock.text`), indent included.
 *
 * No imports: the page bundles this file as it is.
 */

// ---- Checks ---------------------------------------------------------------------------------

/** A runtime check of one value that proves its type. */
export type Check<T> = (value: unknown) => value is T;
/** A field that may be left out. */
interface Optional<T> {
  readonly optional: Check<T>;
}
type Field = Check<unknown> | Optional<unknown>;
type FieldType<F> = F extends Check<infer T> ? T : F extends Optional<infer T> ? T : never;
type OptionalKeys<S> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
/** The object type a shape of fields describes. */
export type ShapeOf<S> = { readonly [K in Exclude<keyof S, OptionalKeys<S>>]: FieldType<S[K]> } & { readonly [K in OptionalKeys<S>]?: FieldType<S[K]> };

/** The longest text one message may carry (a paste of a whole article is far below it). */
export const MAX_TEXT = 16 * 1024 * 1024;

/** An integer in `[min, max]` (never NaN, never a fraction, never beyond what a double holds exactly). */
export function integer(min = 0, max = Number.MAX_SAFE_INTEGER): Check<number> {
  return (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

export const text: Check<string> = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT;
export const flag: Check<boolean> = (value: unknown): value is boolean => typeof value === 'boolean';

export function oneOf<const T extends readonly (string | number)[]>(...values: T): Check<T[number]> {
  return (value: unknown): value is T[number] => values.includes(value as T[number]);
}

export function optional<T>(check: Check<T>): Optional<T> {
  return { optional: check };
}

export function listOf<T>(item: Check<T>, max = 10_000_000): Check<readonly T[]> {
  return (value: unknown): value is readonly T[] => Array.isArray(value) && value.length <= max && value.every((v) => item(v));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The fields of `shape` read from `value` (and nothing else), or `undefined` where one does not fit. */
function readShape<S extends Record<string, Field>>(shape: S, value: unknown): ShapeOf<S> | undefined {
  if (!isPlainObject(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const has = Object.prototype.hasOwnProperty.call(value, key);
    const v = has ? value[key] : undefined;
    if (typeof field === 'function') {
      if (!has || !field(v)) return undefined;
      out[key] = v;
    } else if (has && v !== undefined) {
      if (!field.optional(v)) return undefined;
      out[key] = v;
    }
  }
  return out as ShapeOf<S>;
}

export function shape<S extends Record<string, Field>>(fields: S): Check<ShapeOf<S>> {
  return (value: unknown): value is ShapeOf<S> => readShape(fields, value) !== undefined;
}

type Messages = Record<string, Record<string, Field>>;
/** The union of messages a table describes: `{ type: K } & fields` for each key K. */
export type MessageOf<M extends Messages> = { [K in keyof M]: { readonly type: K } & ShapeOf<M[K]> }[keyof M];

/** Reads one message of the table `messages`: a fresh object with only its own fields, or `undefined`. */
function messageReader<M extends Messages>(messages: M): (value: unknown) => MessageOf<M> | undefined {
  return (value: unknown) => {
    if (!isPlainObject(value) || typeof value.type !== 'string' || !Object.prototype.hasOwnProperty.call(messages, value.type)) return undefined;
    const fields = readShape(messages[value.type]!, value);
    return fields ? ({ type: value.type, ...fields } as MessageOf<M>) : undefined;
  };
}

// ---- The page's strings ---------------------------------------------------------------------

/**
 * The page's UI text, every key of which the host sends (localized) in `init`: the page keeps no
 * copy of its own. `{0}` is the argument.
 */
export const VIEW_STRING_KEYS = [
  // Toolbar buttons, their tooltips, the article's total character count and its tooltip.
  'exportCleanText', 'exportCleanTextTitle', 'normalize', 'normalizeTitle', 'previewNormalization', 'previewNormalizationTitle',
  'totalChars', 'totalCharsTitle',
  // The tooltip of the count next to a paragraph ({0}: the count), and of a paragraph with markup.
  'chars', 'richParagraph',
  // The badge of a read-only document.
  'readonly',
  // The title field: its accessible name, tooltip ({0}: line 1 as in the file), text when empty.
  'title', 'titleLine', 'untitled',
  // Accessible names of blocks ({0}: the block's position, 1-based); what an image block shows.
  'paragraph', 'heading', 'imageBlock', 'image',
  // The placeholder of an empty paragraph.
  'emptyParagraph',
  // Block buttons (with their shortcut in parentheses).
  'insertBlock', 'deleteBlock', 'moveUp', 'moveDown',
  // The button shown when the article has no blocks; the error bar's close button.
  'addParagraph', 'dismiss',
  // Bold and italic (toolbar buttons with their shortcut); a link's tooltip ({0}: its target).
  'bold', 'italic', 'link',
  // The note under a paragraph before an edit drops markup: the selection holds the whole text of
  // ({0}:) a list of 'markBold', 'markItalic', 'markLink'; or the paragraph's markup cannot be kept.
  'dropsMarkup', 'markBold', 'markItalic', 'markLink', 'lossyParagraph',
  // Accessible names of the toolbar and of the article.
  'toolbar', 'article',
] as const;

export type ViewStringKey = (typeof VIEW_STRING_KEYS)[number];
export type ViewStrings = { readonly [K in ViewStringKey]: string };

const viewStrings: Check<ViewStrings> = (value: unknown): value is ViewStrings =>
  isPlainObject(value) && VIEW_STRING_KEYS.every((key) => Object.prototype.hasOwnProperty.call(value, key) && text(value[key]));

// ---- Host → page ----------------------------------------------------------------------------

/** A stretch of a paragraph's text that is bold, italic or a link (the core's `InlineMark`). */
const MARK = {
  kind: oneOf('bold', 'italic', 'link'),
  /** `[from, to)` of the block's text. */
  from: integer(),
  to: integer(),
  href: optional(text),
};
export type ViewMark = ShapeOf<typeof MARK>;
export const isViewMark = shape(MARK);

const VIEW_BLOCK = {
  kind: oneOf('paragraph', 'image'),
  /** The clean text (indent `　　` included, `\n` for `<br>`); '' for images. */
  text,
  /** Characters (code points) without the indent. */
  chars: integer(),
  /** Heading level when the paragraph is a section heading. */
  heading: optional(integer(1, 6)),
  /**
   * False when the paragraph's source is more than plain text (inline markup, entities, line
   * breaks): typing still works, but an edit across markup rewrites that paragraph as plain text.
   */
  simple: flag,
  /** The paragraph's bold, italic and links (none: plain text). */
  marks: optional(listOf(isViewMark, 100_000)),
  /** The paragraph has markup an edit across it cannot keep (it would be written as plain text). */
  lossy: optional(flag),
};

/** One block as the page shows it. */
export type ViewBlock = ShapeOf<typeof VIEW_BLOCK>;
export const isViewBlock = shape(VIEW_BLOCK);

/** A document version (`TextDocument.version`). */
const version = integer(0);

export const HOST_MESSAGES = {
  /**
   * `plain`: a plain-text article (variant D), which may hold no empty paragraph: a new one stays
   * in the page until something is typed into it (then sent as `insert` with its `text`).
   */
  init: { version, title: text, titleLine: text, blocks: listOf(isViewBlock), plain: optional(flag), readonly: flag, strings: viewStrings },
  /** Blocks `[from, from + deleteCount)` are replaced by `blocks` (a splice); the title may change. */
  update: { version, title: text, from: integer(), deleteCount: integer(), blocks: listOf(isViewBlock) },
  /** Scroll to block `block` and put the caret there. */
  reveal: { block: integer() },
  /** Something the page asked for was not done: shown to the user. */
  error: { message: text },
};

export type HostMessage = MessageOf<typeof HOST_MESSAGES>;
/** The page's check of what the host sends. */
export const readHostMessage = messageReader(HOST_MESSAGES);

// ---- Page → host ----------------------------------------------------------------------------

/** The toolbar's commands: the only commands the page may run. */
export const TOOLBAR_COMMANDS = ['article.exportCleanText', 'article.normalize', 'article.previewNormalization'] as const;
export type ToolbarCommand = (typeof TOOLBAR_COMMANDS)[number];

/** A view block index. */
const block = integer();

/**
 * `version` is the document version of the page's view (the last `init`/`update` it had): the
 * host applies an edit only where the document has not changed since but by this page's own edits.
 */
export const VIEW_MESSAGES = {
  ready: {},
  /** Replace `[from, to)` of block `block`'s text with `text`. */
  edit: { version, block, from: integer(), to: integer(), text },
  /** Replace `[from, to)` of the title with `text`. */
  editTitle: { version, from: integer(), to: integer(), text },
  /** Enter: split block `block` at text offset `at`. */
  split: { version, block, at: integer() },
  /** Backspace at the start of block `block`: join it to the paragraph before. */
  merge: { version, block },
  /** Alt+↑ / Alt+↓. */
  move: { version, block, direction: oneOf(-1, 1) },
  delete: { version, block },
  /** A new paragraph after block `block` (-1: before the first): empty, or holding the typed `text`. */
  insert: { version, block: integer(-1), text: optional(text) },
  /** Ctrl+B / Ctrl+I: make `[from, to)` of block `block`'s text bold or italic, or not (a toggle). */
  format: { version, block, from: integer(), to: integer(), mark: oneOf('bold', 'italic') },
  undo: {},
  redo: {},
  /** The caret is in block `block` (for the Article Outline to follow). */
  focus: { block },
  /** A toolbar button: one of the toolbar's commands, run on this document. */
  command: { command: oneOf(...TOOLBAR_COMMANDS) },
};

export type ViewMessage = MessageOf<typeof VIEW_MESSAGES>;
/** The host's check of what the page sends. */
export const readViewMessage = messageReader(VIEW_MESSAGES);
