/**
 * The defaults of the `article.*` settings, in one place: `src/config.ts` falls back to them, and
 * test/unit/settings.test.ts checks that package.json's `contributes.configuration` declares the same.
 */
import { DEFAULT_READING_SPEED } from './corpus/counts';
import { DEFAULT_EXPORT_OPTIONS } from './export';
import { DEFAULT_NORMALIZE_OPTIONS } from './normalize';

/** Each setting's default, by its name without the `article.` prefix. */
export const SETTING_DEFAULTS = {
  detect: true,
  'outline.sections': true,
  'export.destination': 'editor',
  'export.indent': DEFAULT_EXPORT_OPTIONS.indent,
  'export.images': DEFAULT_EXPORT_OPTIONS.images,
  'export.imageMarker': DEFAULT_EXPORT_OPTIONS.imageMarker,
  'normalize.style': DEFAULT_NORMALIZE_OPTIONS.style,
  'normalize.indent': DEFAULT_NORMALIZE_OPTIONS.indent,
  'normalize.removeEmptyParagraphs': DEFAULT_NORMALIZE_OPTIONS.removeEmptyParagraphs,
  'normalize.layout': DEFAULT_NORMALIZE_OPTIONS.layout,
  'editor.openByDefault': false,
  readingSpeed: DEFAULT_READING_SPEED,
  'articles.sort': 'index',
  'lint.enabled': true,
  'lint.rules': {},
} as const;
