/**
 * The export of every seed against the expected files written by hand (test/fixtures/expected/,
 * see its README): an oracle independent of the parser.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportArticle } from '../../src/core/export';
import { parseArticle } from '../../src/core/parse';
import { readSeed, repoRoot, seedNames } from '../support/seeds';

const expectedDir = join(repoRoot(), 'test', 'fixtures', 'expected');

describe('seed exports match the hand-written expected files', () => {
  for (const name of seedNames()) {
    const base = name.replace(/\.txt$/, '');
    it(`${name}: txt and json`, () => {
      const article = parseArticle(readSeed(name));
      assert.equal(exportArticle(article, `seeds/${name}`, 'txt'), readFileSync(join(expectedDir, `${base}.txt`), 'utf8'));
      assert.equal(exportArticle(article, `seeds/${name}`, 'json'), readFileSync(join(expectedDir, `${base}.json`), 'utf8'));
    });
  }
});
