import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeBytes } from '../../src/core/decode';
import { seedPath } from '../support/seeds';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('UTF-8 without BOM', () => {
    assert.deepEqual(decodeBytes(utf8('标题\n正文')), { ok: true, text: '标题\n正文', encoding: 'utf-8', bom: false });
  });

  it('UTF-8 with BOM: the BOM is not text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('标题')]);
    assert.deepEqual(decodeBytes(bytes), { ok: true, text: '标题', encoding: 'utf-8', bom: true });
  });

  it('GB18030 when the bytes are not UTF-8', () => {
    // "中文标题" in GB18030
    const bytes = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0xb1, 0xea, 0xcc, 0xe2]);
    assert.deepEqual(decodeBytes(bytes), { ok: true, text: '中文标题', encoding: 'gb18030', bom: false });
  });

  it('the GB18030 seed reads as Chinese text', () => {
    const result = decodeBytes(readFileSync(seedPath('013_variant-j-gb18030.txt')));
    assert.ok(result.ok);
    assert.equal(result.encoding, 'gb18030');
    assert.match(result.text, /青禾县/);
  });

  it('refuses empty, binary and oversized input', () => {
    assert.deepEqual(decodeBytes(new Uint8Array()), { ok: false, problem: 'empty' });
    assert.deepEqual(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf])), { ok: false, problem: 'empty' });
    assert.deepEqual(decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), { ok: false, problem: 'binary' });
    assert.deepEqual(decodeBytes(utf8('abc'), 2), { ok: false, problem: 'too-large' });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    assert.deepEqual(decodeBytes(new Uint8Array([0x41, 0xff, 0xff, 0x42])), { ok: false, problem: 'encoding' });
  });
});
