/**
 * Undo by typing burst: which of the page's edits make one undo step, and how many of VS Code's
 * undo elements the next undo or redo takes back.
 */
import * as assert from 'node:assert/strict';
import { BURST_PAUSE, continuesBurst, UndoGroups, type TypingEdit } from '../../src/editor/undoGroups';

/** Typing `text` one character (code point) at a time into block 1 from `at`, 80 ms apart. */
function keystrokes(text: string, at = 0, start = 0, field: TypingEdit['field'] = 1): TypingEdit[] {
  return [...text].map((ch, k) => {
    const offset = at + [...text].slice(0, k).join('').length;
    return { field, from: offset, to: offset, text: ch, time: start + k * 80 };
  });
}

/** Applies the edits to `groups` as the host does, from document version `version`; returns the version after. */
function feed(groups: UndoGroups, edits: readonly (TypingEdit | undefined)[], version: number): number {
  for (const edit of edits) {
    groups.edited(version, version + 1, edit);
    version++;
  }
  return version;
}

describe('undo by typing burst: which edits continue a burst', () => {
  it('"你好世界hello" typed without pause is one burst', () => {
    const edits = keystrokes('你好世界hello');
    for (let k = 1; k < edits.length; k++) assert.ok(continuesBurst(edits[k - 1], edits[k]!), `keystroke ${k}`);
  });

  it('a pause of more than a second, another field, a moved caret or deleting after typing starts a new one', () => {
    const [a, b] = keystrokes('ab');
    assert.ok(!continuesBurst(a, { ...b!, time: a!.time + BURST_PAUSE + 1 }), 'a pause');
    assert.ok(continuesBurst(a, { ...b!, time: a!.time + BURST_PAUSE - 100 }), 'a short pause');
    assert.ok(!continuesBurst(a, { ...b!, field: 2 }), 'another paragraph');
    assert.ok(!continuesBurst(a, { ...b!, field: 'title' }), 'the title');
    assert.ok(!continuesBurst(a, { ...b!, from: 5, to: 5 }), 'the caret moved');
    assert.ok(!continuesBurst(a, { field: 1, from: 0, to: 1, text: '', time: a!.time + 50 }), 'Backspace after typing');
    assert.ok(!continuesBurst(undefined, a!), 'nothing before');
  });

  it('Backspaces in a row are one burst, and so are Deletes; typing over a selection starts one that typing goes on with', () => {
    const back1: TypingEdit = { field: 1, from: 9, to: 10, text: '', time: 0 };
    const back2: TypingEdit = { field: 1, from: 8, to: 9, text: '', time: 100 };
    assert.ok(continuesBurst(back1, back2));
    const del1: TypingEdit = { field: 1, from: 3, to: 4, text: '', time: 0 };
    const del2: TypingEdit = { field: 1, from: 3, to: 4, text: '', time: 100 };
    assert.ok(continuesBurst(del1, del2));
    const over: TypingEdit = { field: 1, from: 2, to: 6, text: '新', time: 0 };
    assert.ok(!continuesBurst(keystrokes('ab', 0, -100)[1], over), 'typing over a selection starts a burst');
    assert.ok(continuesBurst(over, { field: 1, from: 3, to: 3, text: '词', time: 100 }), 'typing goes on with it');
    assert.ok(!continuesBurst(back2, { field: 1, from: 8, to: 8, text: 'x', time: 150 }), 'typing after deleting');
  });
});

describe('undo by typing burst: the groups of a document', () => {
  it('one undo takes back the whole burst "你好世界hello" (9 edits), redo puts it back', () => {
    const groups = new UndoGroups();
    const version = feed(groups, keystrokes('你好世界hello'), 10);
    assert.equal(version, 19);
    assert.equal(groups.undoSteps(version), 9);
    groups.undone(version, 9, version + 9);
    assert.equal(groups.undoSteps(version + 9), 1, 'nothing more of the page’s below it');
    assert.equal(groups.redoSteps(version + 9), 9);
    groups.redone(version + 9, 9, version + 18);
    assert.equal(groups.undoSteps(version + 18), 9);
  });

  it('two bursts with a pause between: two undos, each of its own burst', () => {
    const groups = new UndoGroups();
    let version = feed(groups, keystrokes('你好'), 0);
    version = feed(groups, keystrokes('世界', 2, 5000), version);
    assert.equal(groups.undoSteps(version), 2);
    groups.undone(version, 2, version + 2);
    assert.equal(groups.undoSteps(version + 2), 2);
  });

  it('Enter, a move or a delete is a step of its own, and typing after it starts a new burst', () => {
    const groups = new UndoGroups();
    let version = feed(groups, keystrokes('ab'), 0);
    version = feed(groups, [undefined], version);
    assert.equal(groups.undoSteps(version), 1);
    version = feed(groups, keystrokes('cd', 2, 200), version);
    assert.equal(groups.undoSteps(version), 2);
  });

  it('a change from elsewhere (typing in the text editor, an undo there) forgets the groups: undo goes one step', () => {
    const groups = new UndoGroups();
    const version = feed(groups, keystrokes('你好世界'), 0);
    assert.equal(groups.undoSteps(version + 1), 1, 'the document moved on without this page');
    groups.edited(version + 1, version + 2, keystrokes('x', 4, 100)[0]);
    assert.equal(groups.undoSteps(version + 2), 1, 'a new burst after the foreign change does not join the old one');
    // An undo that did not go as planned (fewer versions than steps) forgets everything.
    const other = new UndoGroups();
    const v = feed(other, keystrokes('abc'), 0);
    other.undone(v, 3, v + 1);
    assert.equal(other.undoSteps(v + 1), 1);
    assert.equal(other.redoSteps(v + 1), 1);
  });

  it('a new edit after an undo clears what could be redone', () => {
    const groups = new UndoGroups();
    const version = feed(groups, keystrokes('abc'), 0);
    groups.undone(version, 3, version + 3);
    feed(groups, keystrokes('x', 0, 10_000), version + 3);
    assert.equal(groups.redoSteps(version + 4), 1);
  });
});
