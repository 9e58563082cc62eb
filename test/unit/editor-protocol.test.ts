/**
 * The Article Editor's protocol: one schema whose checks the host runs on every message from the
 * page and the page on every message from the host. Forged and broken messages are refused.
 */
import * as assert from 'node:assert/strict';
import { readHostMessage, readViewMessage, TOOLBAR_COMMANDS, VIEW_STRING_KEYS } from '../../src/editor/protocol';

const strings = Object.fromEntries(VIEW_STRING_KEYS.map((key) => [key, key]));
const block = { kind: 'paragraph', text: '　　正文', chars: 2, simple: true };

describe('Article Editor protocol: what the host accepts from the page', () => {
  it('accepts every well-formed message, as a fresh object with only its own fields', () => {
    const messages = [
      { type: 'ready' },
      { type: 'edit', version: 3, block: 0, from: 1, to: 2, text: '字' },
      { type: 'editTitle', version: 3, from: 0, to: 0, text: '新' },
      { type: 'split', version: 3, block: 2, at: 5 },
      { type: 'merge', version: 3, block: 1 },
      { type: 'move', version: 3, block: 1, direction: -1 },
      { type: 'move', version: 3, block: 1, direction: 1 },
      { type: 'delete', version: 3, block: 0 },
      { type: 'insert', version: 3, block: -1 },
      { type: 'undo' },
      { type: 'redo' },
      { type: 'focus', block: 4 },
      ...TOOLBAR_COMMANDS.map((command) => ({ type: 'command', command })),
    ];
    for (const message of messages) assert.deepEqual(readViewMessage(message), message, JSON.stringify(message));
    const read = readViewMessage({ type: 'focus', block: 1, extra: 'x' });
    assert.deepEqual(read, { type: 'focus', block: 1 });
  });

  it('refuses offsets and indexes that are not integers in range: NaN, Infinity, fractions, negatives, strings, huge', () => {
    for (const bad of [NaN, Infinity, -Infinity, 1.5, -1, '1', null, undefined, 2 ** 53, 1e300, true]) {
      assert.equal(readViewMessage({ type: 'edit', version: 1, block: 0, from: bad, to: 2, text: 'x' }), undefined, `from ${String(bad)}`);
      assert.equal(readViewMessage({ type: 'edit', version: 1, block: 0, from: 0, to: bad, text: 'x' }), undefined, `to ${String(bad)}`);
      assert.equal(readViewMessage({ type: 'editTitle', version: 1, from: 0, to: bad, text: 'x' }), undefined, `title to ${String(bad)}`);
      assert.equal(readViewMessage({ type: 'split', version: 1, block: bad, at: 0 }), undefined, `block ${String(bad)}`);
      assert.equal(readViewMessage({ type: 'merge', version: bad, block: 1 }), undefined, `version ${String(bad)}`);
    }
    assert.equal(readViewMessage({ type: 'insert', version: 1, block: -2 }), undefined, 'insert before -1');
    assert.equal(readViewMessage({ type: 'move', version: 1, block: 1, direction: 2 }), undefined, 'move by 2');
    assert.equal(readViewMessage({ type: 'move', version: 1, block: 1, direction: 0 }), undefined, 'move by 0');
  });

  it('refuses a command id that is not one of the toolbar\'s', () => {
    for (const command of ['workbench.action.terminal.new', 'vscode.open', 'article.normalizeFolder', '', 42]) {
      assert.equal(readViewMessage({ type: 'command', command }), undefined, String(command));
    }
  });

  it('refuses what is not a message: unknown types, missing fields, wrong types, arrays, prototypes', () => {
    for (const bad of [
      null,
      undefined,
      'edit',
      42,
      [],
      [{ type: 'ready' }],
      {},
      { type: 'unknown' },
      { type: 'toString' },
      { type: '__proto__' },
      { type: 'edit', version: 1, block: 0, from: 0, to: 0 },
      { type: 'edit', version: 1, block: 0, from: 0, to: 0, text: 5 },
      { type: 'editTitle', from: 0, to: 0, text: '' },
      Object.create({ type: 'ready' }),
      new Date(),
    ]) {
      assert.equal(readViewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('Article Editor protocol: what the page accepts from the host', () => {
  it('accepts init, update, reveal and error', () => {
    const init = { type: 'init', version: 1, title: '标题', titleLine: '1标题.txt', blocks: [block, { kind: 'image', text: '', chars: 0, simple: true }, { ...block, heading: 2 }], readonly: false, strings };
    assert.deepEqual(readHostMessage(init), init);
    const update = { type: 'update', version: 2, title: '标题', from: 0, deleteCount: 1, blocks: [block] };
    assert.deepEqual(readHostMessage(update), update);
    assert.deepEqual(readHostMessage({ type: 'reveal', block: 3 }), { type: 'reveal', block: 3 });
    assert.deepEqual(readHostMessage({ type: 'error', message: '失败' }), { type: 'error', message: '失败' });
  });

  it('refuses an init without every page string, and blocks that do not fit', () => {
    const init = { type: 'init', version: 1, title: '', titleLine: '', blocks: [], readonly: false, strings };
    const fewer: Record<string, string> = { ...strings };
    delete fewer.moveUp;
    assert.equal(readHostMessage({ ...init, strings: fewer }), undefined, 'a string missing');
    assert.equal(readHostMessage({ ...init, strings: { ...strings, moveUp: 3 } }), undefined, 'a string that is not one');
    for (const bad of [{ ...block, kind: 'table' }, { ...block, heading: 7 }, { ...block, chars: -1 }, { ...block, text: undefined }, { ...block, simple: 'yes' }]) {
      assert.equal(readHostMessage({ ...init, blocks: [bad] }), undefined, JSON.stringify(bad));
    }
    assert.equal(readHostMessage({ type: 'update', version: 2, title: '', from: NaN, deleteCount: 0, blocks: [] }), undefined, 'NaN from');
    assert.equal(readHostMessage({ type: 'reveal', block: -1 }), undefined, 'reveal -1');
  });
});
