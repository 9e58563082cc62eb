/**
 * The lint: every rule over a parsed article, each problem with its code, severity, message id
 * and arguments, offsets into the source, and a fix where one is safe. Shared by the extension
 * (diagnostics, quick fixes, fix all) and the CLI (`article lint`).
 */
import { applyEdits } from '../normalize';
import type { Article } from '../model';
import { brokenParagraph } from './brokenParagraph';
import { duplicateParagraph } from './duplicateParagraph';
import { emptyParagraph } from './emptyParagraph';
import { halfwidthPunctuation } from './halfwidthPunctuation';
import { imagePlaceholder } from './imagePlaceholder';
import { mojibake } from './mojibake';
import { otherIndent } from './otherIndent';
import { pageFurniture } from './pageFurniture';
import { styleDrift } from './styleDrift';
import { RULE_CODES, type LintContext, type LintEdit, type Problem, type Rule, type RuleCode, type RuleSetting, type Severity } from './types';
import { unclosedMarkup } from './unclosedMarkup';
import { unescapedText } from './unescapedText';

export * from './types';

/** Every rule, in the order of docs/rules.md. */
export const RULES: readonly Rule[] = [
  unescapedText,
  emptyParagraph,
  brokenParagraph,
  styleDrift,
  imagePlaceholder,
  duplicateParagraph,
  halfwidthPunctuation,
  mojibake,
  unclosedMarkup,
  pageFurniture,
  otherIndent,
];

const BY_CODE = new Map<string, Rule>(RULES.map((rule) => [rule.code, rule]));

export function ruleByCode(code: string): Rule | undefined {
  return BY_CODE.get(code);
}

export function isRuleCode(code: string): code is RuleCode {
  return (RULE_CODES as readonly string[]).includes(code);
}

/** `article.lint.rules`: a rule's code → its severity or `off`; rules not named keep their default. */
export type RuleSettings = Readonly<Partial<Record<string, RuleSetting>>>;

const SETTINGS: readonly string[] = ['off', 'error', 'warning', 'info'];

/** The severity a rule runs with, or undefined when it is off. Unknown values keep the default. */
export function severityOf(rule: Rule, settings: RuleSettings): Severity | undefined {
  const setting = settings[rule.code];
  if (setting === undefined || !SETTINGS.includes(setting)) return rule.severity;
  return setting === 'off' ? undefined : setting;
}

/** Every problem of the article, sorted by offset. */
export function lintArticle(article: Article, settings: RuleSettings = {}): Problem[] {
  const context: LintContext = {
    article,
    source: article.source,
    paragraphs: article.blocks.filter((block) => block.kind === 'paragraph' && block.text !== ''),
  };
  const out: Problem[] = [];
  for (const rule of RULES) {
    const severity = severityOf(rule, settings);
    if (severity === undefined) continue;
    for (const f of rule.check(context)) {
      // One object shape for every problem (a spread would make a new shape per finding kind).
      out.push({ code: rule.code, severity, message: f.message, args: f.args, start: f.start, end: f.end, fix: f.fix });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function overlaps(a: LintEdit, b: LintEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/**
 * The edits of every fixable problem given (optionally of one rule), sorted. Removals that overlap
 * (two paragraphs removed with the line end between them) merge; a problem whose edits would
 * overlap another kind of edit already taken is left for the next round (fix all again).
 */
export function fixEdits(problems: readonly Problem[], code?: RuleCode): LintEdit[] {
  let taken: LintEdit[] = [];
  for (const problem of problems) {
    if (!problem.fix || problem.fix.length === 0 || (code !== undefined && problem.code !== code)) continue;
    const clashes = taken.filter((other) => problem.fix!.some((edit) => overlaps(edit, other)));
    if (clashes.length === 0) {
      taken.push(...problem.fix);
      continue;
    }
    const removal = problem.fix.length === 1 && problem.fix[0]!.text === '' && problem.fix[0]!.end > problem.fix[0]!.start;
    if (!removal || clashes.some((other) => other.text !== '' || other.end === other.start)) continue;
    const start = Math.min(problem.fix[0]!.start, ...clashes.map((other) => other.start));
    const end = Math.max(problem.fix[0]!.end, ...clashes.map((other) => other.end));
    taken = taken.filter((other) => !clashes.includes(other));
    taken.push({ start, end, text: '' });
  }
  return taken.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The text with the edits (sorted, not overlapping) applied. */
export function applyLintEdits(source: string, edits: readonly LintEdit[]): string {
  return applyEdits(source, edits);
}

/**
 * The text with every fix applied, rounds repeated (parsing again each time) until no fix is left
 * or `rounds` is reached: fixes of different rules may touch the same text.
 */
export function fixAll(source: string, parse: (text: string) => Article, settings: RuleSettings = {}, code?: RuleCode, rounds = 5): string {
  let text = source;
  for (let round = 0; round < rounds; round++) {
    const edits = fixEdits(lintArticle(parse(text), settings), code);
    if (edits.length === 0) break;
    text = applyLintEdits(text, edits);
  }
  return text;
}
