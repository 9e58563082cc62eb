// Types of scripts/prerequisites.mjs for the TypeScript tests that import it.
export const DEFAULT_CHROMIUM: string;
export const NOTO_CJK: string;

export interface Requirement {
  probe: string;
  package: string;
  for: 'install' | 'browser';
  why: string;
}
export const REQUIREMENTS: readonly Requirement[];

export interface PackageNeed {
  name: string;
  why: string;
}

export interface Plan {
  packages: PackageNeed[];
  action: 'none' | 'install' | 'ask';
  commands: string[][];
  hint: string;
}

export function planPackages(facts: {
  task: 'start' | 'test' | 'install';
  codeServerInstalled: boolean;
  present: (probe: string) => boolean;
  root: boolean;
  aptGet?: boolean;
  sudo?: boolean;
  chromiumPath?: string;
}): Plan;

export function describePackages(packages: readonly PackageNeed[]): string;
export function present(probe: string): boolean;
export class PrerequisiteError extends Error {}
export function ensurePackages(options: {
  task: 'start' | 'test' | 'install';
  codeServerInstalled: boolean;
  chromiumPath?: string;
  log?: (line: string) => void;
}): void;
