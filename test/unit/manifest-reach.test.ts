/**
 * What the manifest promises beyond the desktop: a browser entry with no Node module in it, the
 * getting-started walkthrough (each step's picture shipped, its button a contributed command, in
 * English and 简体中文), the icon and the Marketplace metadata.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/seeds';

const root = repoRoot();
const json = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image: string; altText: string };
}
interface Manifest {
  browser?: string;
  icon?: string;
  qna?: unknown;
  galleryBanner?: { color?: string; theme?: string };
  categories: string[];
  contributes: { commands: { command: string }[]; walkthroughs?: { id: string; title: string; steps: Step[] }[] };
}

const manifest = json<Manifest>('package.json');
const nls = { en: json<Record<string, string>>('package.nls.json'), zh: json<Record<string, string>>('package.nls.zh-cn.json') };
const localised = (value: string, language: 'en' | 'zh'): string => nls[language][value.replace(/^%|%$/g, '')] ?? value;

describe('manifest: VS Code for the Web, the walkthrough, the finished look', () => {
  it('has a browser entry, built, that needs nothing but vscode (no Node module)', () => {
    assert.equal(manifest.browser, './dist/web/extension.js');
    const bundle = readFileSync(join(root, manifest.browser), 'utf8');
    const required = [...new Set([...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))];
    assert.deepEqual(required, ['vscode']);
    assert.doesNotMatch(bundle, /["']node:[a-z_/]+["']/, 'no node:* module named in the web bundle');
    assert.doesNotMatch(bundle, /\bworker_threads\b/);
  });

  it('contributes a walkthrough: open, outline, Article Editor, normalize, export a folder, each with a picture and a button', () => {
    const [walkthrough, ...others] = manifest.contributes.walkthroughs ?? [];
    assert.ok(walkthrough, 'a walkthrough');
    assert.equal(others.length, 0);
    assert.equal(localised(walkthrough.title, 'en'), 'Get Started with Article Editor');
    assert.equal(localised(walkthrough.title, 'zh'), '文章编辑器入门');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['article.walkthrough.open', 'article.walkthrough.outline', 'article.walkthrough.editor', 'article.walkthrough.normalize', 'article.walkthrough.exportFolder'],
    );
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    const packaged = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(join(root, step.media.image)), `${step.media.image} exists`);
      assert.ok(packaged.includes(`!${step.media.image}`), `${step.media.image} goes into the .vsix`);
      for (const language of ['en', 'zh'] as const) {
        for (const key of [step.title, step.description, step.media.altText]) assert.notEqual(localised(key, language), key, `${key} in ${language}`);
        const buttons = [...localised(step.description, language).matchAll(/\n\[[^\]]+\]\(command:([\w.]+)\)$/g)].map((m) => m[1]!);
        assert.equal(buttons.length, 1, `${step.id} (${language}) ends with one button`);
        assert.ok(commands.has(buttons[0]!), `${buttons[0]} is a contributed command (so the button activates the extension)`);
      }
    }
  });

  it('has a 128×128 PNG icon and the Marketplace metadata', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    const png = readFileSync(join(root, manifest.icon));
    assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.equal(manifest.qna, false);
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme ?? ''));
    assert.ok(manifest.categories.includes('Programming Languages') && manifest.categories.includes('Linters'));
  });
});

describe('the web tier runs the whole integration suite', () => {
  it('test/web/tests.ts imports every test/integration/*.test.ts', () => {
    const imports = readFileSync(join(root, 'test/web/tests.ts'), 'utf8');
    const missing = readdirSync(join(root, 'test/integration'))
      .filter((name) => name.endsWith('.test.ts'))
      .filter((name) => !imports.includes(`'../integration/${name.replace(/\.ts$/, '')}'`));
    assert.deepEqual(missing, [], 'integration test files the web tier does not run');
  });
});
