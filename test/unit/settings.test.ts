import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_READING_SPEED } from '../../src/core/corpus/counts';
import { DEFAULT_EXPORT_OPTIONS } from '../../src/core/export';
import { DEFAULT_NORMALIZE_OPTIONS } from '../../src/core/normalize';
import { SETTING_DEFAULTS } from '../../src/core/settings';
import { repoRoot } from '../support/seeds';

interface Manifest {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } | { properties: Record<string, { default?: unknown }> }[] };
}

/** package.json's `article.*` settings and their declared defaults, by name without the prefix. */
function manifestDefaults(): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as Manifest;
  const sections = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
  const out: Record<string, unknown> = {};
  for (const section of sections) {
    for (const [name, property] of Object.entries(section.properties)) {
      assert.ok(name.startsWith('article.'), `${name} is an article.* setting`);
      out[name.slice('article.'.length)] = property.default;
    }
  }
  return out;
}

describe('the settings’ defaults', () => {
  it('package.json declares every setting with the default the code falls back to (SETTING_DEFAULTS)', () => {
    assert.deepEqual(manifestDefaults(), { ...SETTING_DEFAULTS });
  });

  it('the CLI’s and the core’s defaults are the settings’ defaults', () => {
    const declared = manifestDefaults();
    assert.deepEqual(DEFAULT_EXPORT_OPTIONS, {
      indent: declared['export.indent'],
      images: declared['export.images'],
      imageMarker: declared['export.imageMarker'],
    });
    assert.deepEqual(DEFAULT_NORMALIZE_OPTIONS, {
      style: declared['normalize.style'],
      indent: declared['normalize.indent'],
      removeEmptyParagraphs: declared['normalize.removeEmptyParagraphs'],
      layout: declared['normalize.layout'],
    });
    assert.equal(DEFAULT_READING_SPEED, declared.readingSpeed);
  });
});
