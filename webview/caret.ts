// Text and caret of one editable element, as plain-text offsets (UTF-16, like the protocol).
// The page only ever fills these elements with one text node; the browser's editing may split it
// or add a `<br>`, so reading walks whatever is there.

/** Whether `node` is the trailing `<br>` Chromium keeps so that an empty or `\n`-ended line shows. */
function isPlaceholderBreak(root: Node, node: Node): boolean {
  if (node.nodeName !== 'BR') return false;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) if (n.nextSibling) return false;
  return true;
}

function lengthOf(root: Node, node: Node): number {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data.length;
  if (node.nodeName === 'BR') return isPlaceholderBreak(root, node) ? 0 : 1;
  let n = 0;
  for (let child = node.firstChild; child; child = child.nextSibling) n += lengthOf(root, child);
  return n;
}

/** The element's text: text nodes, and `\n` for each `<br>` except a trailing placeholder. */
export function readText(root: HTMLElement): string {
  const first = root.firstChild;
  if (first && !first.nextSibling && first.nodeType === Node.TEXT_NODE) return (first as Text).data;
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) out += (child as Text).data;
      else if (child.nodeName === 'BR') {
        if (!isPlaceholderBreak(root, child)) out += '\n';
      } else walk(child);
    }
  };
  walk(root);
  return out;
}

/** Replaces the element's content with `text` as one text node (never markup). */
export function writeText(root: HTMLElement, text: string): void {
  root.textContent = text;
}

/** The text offset of the DOM position (`node`, `offset`) inside `root`. */
export function offsetOf(root: Node, node: Node, offset: number): number {
  let total = 0;
  let found = -1;
  const walk = (parent: Node): boolean => {
    let index = 0;
    for (let child = parent.firstChild; child; child = child.nextSibling, index++) {
      if (parent === node && index === offset) {
        found = total;
        return true;
      }
      if (child === node && child.nodeType === Node.TEXT_NODE) {
        found = total + Math.min(offset, (child as Text).data.length);
        return true;
      }
      if (child === node && child.nodeName === 'BR') {
        found = total + (offset > 0 ? lengthOf(root, child) : 0);
        return true;
      }
      if (child.nodeType === Node.TEXT_NODE || child.nodeName === 'BR') total += lengthOf(root, child);
      else if (walk(child)) return true;
    }
    if (parent === node) {
      found = total;
      return true;
    }
    return false;
  };
  if (node === root && offset === 0) return 0;
  walk(root);
  return found < 0 ? total : found;
}

/** The DOM position of text offset `offset` in `root` (clamped). */
export function positionAt(root: HTMLElement, offset: number): { node: Node; offset: number } {
  let rest = Math.max(0, offset);
  let last: { node: Node; offset: number } = { node: root, offset: 0 };
  const walk = (parent: Node): { node: Node; offset: number } | null => {
    let index = 0;
    for (let child = parent.firstChild; child; child = child.nextSibling, index++) {
      if (child.nodeType === Node.TEXT_NODE) {
        const length = (child as Text).data.length;
        if (rest <= length) return { node: child, offset: rest };
        rest -= length;
        last = { node: child, offset: length };
      } else if (child.nodeName === 'BR') {
        if (rest === 0) return { node: parent, offset: index };
        const length = lengthOf(root, child);
        rest -= length;
        last = { node: parent, offset: index + 1 };
      } else {
        const found = walk(child);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(root) ?? last;
}

export interface TextSelection {
  /** Start and end offsets, start ≤ end. */
  readonly start: number;
  readonly end: number;
  /** The focus end's offset (where the caret is). */
  readonly caret: number;
}

/** The selection inside `root`, or `null` when the selection is elsewhere. */
export function getSelectionIn(root: HTMLElement): TextSelection | null {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const { anchorNode, focusNode } = selection;
  if (!anchorNode || !focusNode || !root.contains(anchorNode) || !root.contains(focusNode)) return null;
  const anchor = offsetOf(root, anchorNode, selection.anchorOffset);
  const focus = offsetOf(root, focusNode, selection.focusOffset);
  return { start: Math.min(anchor, focus), end: Math.max(anchor, focus), caret: focus };
}

/** Puts the caret (or a selection `[offset, end)`) into `root`, focusing it without scrolling. */
export function setSelectionIn(root: HTMLElement, offset: number, end = offset): void {
  if (root.ownerDocument.activeElement !== root) root.focus({ preventScroll: true });
  const selection = root.ownerDocument.getSelection();
  if (!selection) return;
  const start = positionAt(root, offset);
  if (end === offset) {
    selection.collapse(start.node, start.offset);
  } else {
    const stop = positionAt(root, end);
    selection.setBaseAndExtent(start.node, start.offset, stop.node, stop.offset);
  }
}

/**
 * One reading of a field's text and selection. An event handler takes it once and hands it along,
 * so one key press reads the field once however many decisions need it.
 */
export interface FieldSnapshot {
  readonly field: HTMLElement;
  /** The field's text, as `readText` gives it. */
  readonly text: string;
  /** The selection inside the field, or `null` when it is elsewhere. */
  readonly selection: TextSelection | null;
}

export function snapshot(field: HTMLElement): FieldSnapshot {
  return { field, text: readText(field), selection: getSelectionIn(field) };
}

/** Whether the snapshot's selection is a caret (collapsed) at the end of the field's text. */
export function atEnd(snap: FieldSnapshot): boolean {
  const { selection } = snap;
  return !!selection && selection.start === selection.end && selection.end === snap.text.length;
}

/** Whether the caret is on the field's first or last visual line (true where that cannot be told). */
export function onEdgeLine(snap: FieldSnapshot, edge: 'first' | 'last'): boolean {
  const { field } = snap;
  const selection = field.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return true;
  const range = selection.getRangeAt(0);
  if (!range.collapsed) return false;
  const rects = range.getClientRects();
  if (snap.text === '') return true;
  const caret = snap.selection?.caret ?? 0;
  const rect = rects[0];
  if (!rect) return edge === 'first' ? caret === 0 : caret === snap.text.length;
  const box = field.getBoundingClientRect();
  const line = parseFloat(getComputedStyle(field).lineHeight) || rect.height || 20;
  return edge === 'first' ? rect.top - box.top < line * 0.8 : box.bottom - rect.bottom < line * 0.8;
}

/** The caret's horizontal position on screen (client coordinates), if the document has one. */
export function caretX(doc: Document): number | undefined {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return undefined;
  return selection.getRangeAt(0).getClientRects()[0]?.left;
}
