/**
 * Every user-facing string has its Chinese translation: the `vscode.l10n.t` strings of src/ in
 * l10n/bundle.l10n.zh-cn.json, the `%key%` strings of package.json in both package.nls files.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/seeds';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const root = repoRoot();
const json = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, path), 'utf8'));

describe('localisation', () => {
  it('every vscode.l10n.t string in src/ has a 简体中文 translation', () => {
    const bundle = json('l10n/bundle.l10n.zh-cn.json');
    const missing: string[] = [];
    let count = 0;
    for (const file of sources(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        count++;
        const key = m[1]!.replace(/\\'/g, "'");
        if (typeof bundle[key] !== 'string' || bundle[key] === '') missing.push(key);
      }
    }
    assert.ok(count > 10, `found ${count} strings`);
    assert.deepEqual(missing, []);
  });

  it('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!))];
    assert.ok(keys.length > 5);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = json(file);
      assert.deepEqual(keys.filter((key) => typeof nls[key] !== 'string'), [], file);
    }
  });

  it('every command has the category Article, translated', () => {
    const manifest = json('package.json') as { contributes: { commands: { command: string; category?: string }[] } };
    const commands = manifest.contributes.commands;
    assert.ok(commands.length > 5);
    assert.deepEqual(commands.filter((c) => c.category !== '%category%').map((c) => c.command), []);
    assert.equal(json('package.nls.json').category, 'Article');
    assert.equal(json('package.nls.zh-cn.json').category, '文章');
  });

  it('translations keep their {0} placeholders', () => {
    const bundle = json('l10n/bundle.l10n.zh-cn.json');
    for (const [key, value] of Object.entries(bundle)) {
      const wanted = (key.match(/\{\d+\}/g) ?? []).sort();
      assert.deepEqual((String(value).match(/\{\d+\}/g) ?? []).sort(), wanted, key);
    }
  });
});
