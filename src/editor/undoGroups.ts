/**
 * Undo by typing burst for the Article Editor. VS Code makes every `workspace.applyEdit` one undo
 * element of its own (closed at once; extensions cannot pass an undo group), and
 * `TextEditor.edit` with `undoStopBefore/After: false` needs a visible text editor, which the
 * Article Editor is not. So the page's keystrokes reach the document one edit each, and this
 * module remembers how many of VS Code's undo elements make up each burst: undo (in the page, or
 * Ctrl+Z in the text editor while such a burst is on top) runs VS Code's undo that many times.
 *
 * Pure (no `vscode`): the decisions are unit-tested; the host feeds it document versions.
 */

/** One typing edit of the page: `[from, to)` of a field's text replaced by `text`, at `time` (ms). */
export interface TypingEdit {
  /** The view block index of the paragraph, or 'title'. */
  readonly field: number | 'title';
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly time: number;
}

/** A pause longer than this (ms) ends a burst. */
export const BURST_PAUSE = 1000;

type EditKind = 'insert' | 'delete' | 'replace';

function kindOf(edit: TypingEdit): EditKind {
  if (edit.from === edit.to) return 'insert';
  return edit.text === '' ? 'delete' : 'replace';
}

/**
 * Does `next` continue the burst that `last` belongs to? Yes when it is in the same field, within
 * `pause` ms, and goes on where the caret was left: typing right after what was typed (typing over
 * a selection starts a burst that typing goes on with), Backspace right before what was deleted,
 * Delete at the same place. Another field, a pause, a moved caret, or another kind of edit
 * (deleting after typing) starts a new burst — as in VS Code's own text editor.
 */
export function continuesBurst(last: TypingEdit | undefined, next: TypingEdit, pause = BURST_PAUSE): boolean {
  if (!last || last.field !== next.field) return false;
  if (next.time - last.time > pause || next.time < last.time) return false;
  const before = kindOf(last);
  const now = kindOf(next);
  if (now === 'insert') return before !== 'delete' && next.from === last.from + last.text.length;
  if (now === 'delete') return before === 'delete' && (next.to === last.from || next.from === last.from);
  return false;
}

/** The most groups remembered (older ones are undone one element at a time). */
const MAX_GROUPS = 500;

/**
 * The undo groups of one document: how many of VS Code's undo elements each of the page's edits
 * made, newest last, and those undone (for redo). Valid only while the document is at `anchor`,
 * the version the last edit, undo or redo of this module left it at: any other change (typing in
 * the text editor, a normalize, an undo elsewhere) puts other elements on top of VS Code's stack,
 * and the groups are forgotten (undo then goes one element at a time, as VS Code's does).
 */
export class UndoGroups {
  private undoStack: number[] = [];
  private redoStack: number[] = [];
  private anchor: number | undefined;
  /** The typing edit that ended the newest group, while typing may still go on with it. */
  private last: TypingEdit | undefined;

  /** Forgets everything (the document changed in a way these groups do not describe). */
  reset(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.anchor = undefined;
    this.last = undefined;
  }

  /**
   * The page's edit took the document from version `before` to `after` (one undo element);
   * `typing` describes it where it was typing (undefined for Enter, moves, deletes …: a group of
   * their own that no typing continues).
   */
  edited(before: number, after: number, typing?: TypingEdit): void {
    if (this.anchor !== before) this.reset();
    this.redoStack = [];
    if (after !== before + 1) {
      // Something else changed the document as well: nothing here is sure any more.
      this.reset();
      return;
    }
    if (typing && this.undoStack.length > 0 && continuesBurst(this.last, typing)) this.undoStack[this.undoStack.length - 1]!++;
    else this.undoStack.push(1);
    if (this.undoStack.length > MAX_GROUPS) this.undoStack.splice(0, this.undoStack.length - MAX_GROUPS);
    this.last = typing;
    this.anchor = after;
  }

  /** How many of VS Code's undo steps the next undo is, with the document at `version`. */
  undoSteps(version: number): number {
    return version === this.anchor ? (this.undoStack[this.undoStack.length - 1] ?? 1) : 1;
  }

  /** How many of VS Code's redo steps the next redo is, with the document at `version`. */
  redoSteps(version: number): number {
    return version === this.anchor ? (this.redoStack[this.redoStack.length - 1] ?? 1) : 1;
  }

  /** `steps` undo steps took the document from `before` to `after`. */
  undone(before: number, steps: number, after: number): void {
    this.moved(this.undoStack, this.redoStack, before, steps, after);
  }

  /** `steps` redo steps took the document from `before` to `after`. */
  redone(before: number, steps: number, after: number): void {
    this.moved(this.redoStack, this.undoStack, before, steps, after);
  }

  private moved(from: number[], to: number[], before: number, steps: number, after: number): void {
    this.last = undefined;
    if (before !== this.anchor || from[from.length - 1] !== steps || after !== before + steps) {
      this.reset();
      return;
    }
    to.push(from.pop()!);
    this.anchor = after;
  }
}
