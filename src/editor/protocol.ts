/**
 * The messages between the Article Editor's host (the extension) and its webview. Both sides
 * import these types; nothing else crosses. Offsets in edits are in the block's TEXT as the
 * webview shows it: the block's clean text (`ViewBlock.text`), indent included.
 */

/** One block as the webview shows it. */
export interface ViewBlock {
  /** Stable within one `init`/`update` stream: the host's block index at the time it was sent. */
  readonly kind: 'paragraph' | 'image';
  /** The clean text (indent `　　` included, `\n` for `<br>`); '' for images. */
  readonly text: string;
  /** Characters (code points) without the indent. */
  readonly chars: number;
  /** Heading level when the paragraph is a section heading. */
  readonly heading?: number;
  /**
   * False when the paragraph's source is more than plain text (inline markup, entities, line
   * breaks): typing still works, but the host may rewrite that paragraph's markup as plain text.
   */
  readonly simple: boolean;
}

export interface ViewStrings {
  readonly [key: string]: string;
}

/** Host → webview. */
export type HostMessage =
  | {
      readonly type: 'init';
      readonly version: number;
      readonly title: string;
      readonly titleLine: string;
      readonly blocks: readonly ViewBlock[];
      readonly readonly: boolean;
      readonly strings: ViewStrings;
    }
  | {
      /** Blocks `[from, from + deleteCount)` are replaced by `blocks` (a splice); the title may change. */
      readonly type: 'update';
      readonly version: number;
      readonly title: string;
      readonly from: number;
      readonly deleteCount: number;
      readonly blocks: readonly ViewBlock[];
    }
  | { readonly type: 'reveal'; readonly block: number }
  | { readonly type: 'error'; readonly message: string };

/** Webview → host. `version` is the document version the webview's view was built from. */
export type ViewMessage =
  | { readonly type: 'ready' }
  /** Replace `[from, to)` of block `block`'s text with `text`. */
  | { readonly type: 'edit'; readonly version: number; readonly block: number; readonly from: number; readonly to: number; readonly text: string }
  /** Replace `[from, to)` of the title with `text`. */
  | { readonly type: 'editTitle'; readonly version: number; readonly from: number; readonly to: number; readonly text: string }
  /** Enter: split block `block` at text offset `at`. */
  | { readonly type: 'split'; readonly version: number; readonly block: number; readonly at: number }
  /** Backspace at the start of block `block`: join it to the paragraph before. */
  | { readonly type: 'merge'; readonly version: number; readonly block: number }
  /** Alt+↑ / Alt+↓. */
  | { readonly type: 'move'; readonly version: number; readonly block: number; readonly direction: -1 | 1 }
  | { readonly type: 'delete'; readonly version: number; readonly block: number }
  /** A new empty paragraph after block `block` (-1: before the first). */
  | { readonly type: 'insert'; readonly version: number; readonly block: number }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  /** The caret is in block `block` (for the Article Outline to follow). */
  | { readonly type: 'focus'; readonly block: number }
  /** A toolbar button: one of the extension's commands, run on this document. */
  | { readonly type: 'command'; readonly command: 'article.exportCleanText' | 'article.normalize' | 'article.previewNormalization' };
