// Inline markup in a paragraph's field: bold, italic and links drawn as elements around the text,
// read back from the DOM (the browser's typing moves text in and out of them), and what a selection
// would drop. Text still goes in only as text nodes, never as markup.

import type { ViewMark } from '../src/editor/protocol';

/** A stretch of the field's text with one formatting: `key` is e.g. `b`, `bi`, `a:http://…|b`. */
interface Run {
  key: string;
  length: number;
}

/** A link target the page lets the workbench open (Ctrl+click); anything else is shown, not linked. */
const OPENABLE = /^(?:https?|mailto):/i;

function keyOf(bold: boolean, italic: boolean, href: string | undefined): string {
  return `${href !== undefined ? `a:${href}|` : ''}${bold ? 'b' : ''}${italic ? 'i' : ''}`;
}

/** The runs the marks make of `[indent, length)` of a text. */
function dataRuns(length: number, marks: readonly ViewMark[], indent: number): Run[] {
  const cuts = new Set<number>([indent, length]);
  for (const m of marks) {
    cuts.add(Math.min(length, Math.max(indent, m.from)));
    cuts.add(Math.min(length, Math.max(indent, m.to)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k]!;
    const to = points[k + 1]!;
    if (to <= from) continue;
    let bold = false;
    let italic = false;
    let href: string | undefined;
    for (const m of marks) {
      if (m.from > from || m.to < to) continue;
      if (m.kind === 'bold') bold = true;
      else if (m.kind === 'italic') italic = true;
      else href = m.href ?? '';
    }
    push(runs, keyOf(bold, italic, href), to - from);
  }
  return runs;
}

function push(runs: Run[], key: string, length: number): void {
  const last = runs[runs.length - 1];
  if (last && last.key === key) last.length += length;
  else if (length > 0) runs.push({ key, length });
}

/** The runs of what the field shows: its text nodes (and line breaks) by the elements around them. */
function domRuns(field: HTMLElement): Run[] {
  const runs: Run[] = [];
  const walk = (node: Node, bold: boolean, italic: boolean, href: string | undefined): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) push(runs, keyOf(bold, italic, href), (child as Text).data.length);
      else if (child.nodeName === 'BR') {
        // Chromium's trailing placeholder <br> is no text.
        if (child.nextSibling || child.parentNode !== field) push(runs, keyOf(bold, italic, href), 1);
      } else if (child instanceof HTMLElement) {
        const name = child.nodeName;
        walk(
          child,
          bold || name === 'B' || name === 'STRONG',
          italic || name === 'I' || name === 'EM',
          name === 'A' ? (child.dataset.href ?? '') : href,
        );
      }
    }
  };
  walk(field, false, false, undefined);
  return runs;
}

/** Does the field show the marks (for the text it shows, its hidden indent left out)? */
export function showsMarks(field: HTMLElement, text: string, marks: readonly ViewMark[] | undefined, indent: number): boolean {
  const want = dataRuns(text.length, marks ?? [], indent);
  const have = domRuns(field);
  return want.length === have.length && want.every((r, k) => r.key === have[k]!.key && r.length === have[k]!.length);
}

/** Fills the field with `text.slice(indent)`, bold, italic and links drawn as elements. */
export function renderMarked(field: HTMLElement, text: string, marks: readonly ViewMark[] | undefined, indent: number, linkTitle: (href: string) => string): void {
  if (!marks || marks.length === 0) {
    field.textContent = text.slice(indent);
    return;
  }
  const out = document.createDocumentFragment();
  let at = indent;
  for (const run of dataRuns(text.length, marks, indent)) {
    const piece = text.slice(at, at + run.length);
    at += run.length;
    let node: Node = document.createTextNode(piece);
    const [link, style] = run.key.startsWith('a:') ? [run.key.slice(2, run.key.lastIndexOf('|')), run.key.slice(run.key.lastIndexOf('|') + 1)] : [undefined, run.key];
    if (style.includes('i')) {
      const i = document.createElement('i');
      i.append(node);
      node = i;
    }
    if (style.includes('b')) {
      const b = document.createElement('b');
      b.append(node);
      node = b;
    }
    if (link !== undefined) {
      const a = document.createElement('a');
      a.className = 'link';
      a.dataset.href = link;
      if (OPENABLE.test(link)) a.href = link;
      a.title = linkTitle(link);
      a.append(node);
      node = a;
    }
    out.append(node);
  }
  field.textContent = '';
  field.append(out);
}

/** The marks as the field shows them now: `[from, to)` in the field's text (its indent left out). */
function shownMarks(field: HTMLElement): { kind: ViewMark['kind']; from: number; to: number }[] {
  const marks: { kind: ViewMark['kind']; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  let at = 0;
  for (const run of [...domRuns(field), { key: '', length: 0 }]) {
    const kinds = new Set<string>();
    if (run.key.startsWith('a:')) kinds.add(`link ${run.key.slice(2, run.key.lastIndexOf('|'))}`);
    const style = run.key.startsWith('a:') ? run.key.slice(run.key.lastIndexOf('|') + 1) : run.key;
    if (style.includes('b')) kinds.add('bold');
    if (style.includes('i')) kinds.add('italic');
    for (const [kind, from] of open) {
      if (!kinds.has(kind)) {
        marks.push({ kind: kind.startsWith('link') ? 'link' : (kind as 'bold' | 'italic'), from, to: at });
        open.delete(kind);
      }
    }
    for (const kind of kinds) if (!open.has(kind)) open.set(kind, at);
    at += run.length;
  }
  return marks;
}

/** The kinds of markup whose whole text lies in `[start, end)` of the field's text (a deletion would drop them). */
export function droppedBy(field: HTMLElement, start: number, end: number): ViewMark['kind'][] {
  if (end <= start) return [];
  const kinds = new Set<ViewMark['kind']>();
  for (const m of shownMarks(field)) if (m.from >= start && m.to <= end) kinds.add(m.kind);
  return [...kinds];
}
