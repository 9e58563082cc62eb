/**
 * The benchmark harness: a registry of benchmarks, timing with warm-up and repetitions
 * (median and minimum), targets and ratios, and the report (a table, or JSON with `--json`).
 *
 * A benchmark is a file under bench/ that calls {@link registerBench}; bench/index.ts imports
 * it and runs everything registered, in order.
 */
import * as os from 'node:os';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export interface MeasureSpec<T> {
  /** Stable id, used by `--filter` and in the JSON output. */
  readonly id: string;
  /** What the table shows. */
  readonly label: string;
  /** Builds the input of one repetition, outside the timed region (default: nothing). */
  readonly setup?: (rep: number) => T;
  /** The timed work. Its result is kept so the work cannot be optimised away. */
  readonly run: (input: T) => unknown;
  /**
   * Calls of `run` per timed sample: a number, or `'auto'` to make each sample last about
   * `sampleMs` (for microsecond-scale work). Times are reported per call. Default 1.
   */
  readonly inner?: number | 'auto';
  /**
   * Length of an `'auto'` sample (default 4 ms): short enough that most samples fall between
   * two preemptions on a busy machine, long enough for the timer's resolution.
   */
  readonly sampleMs?: number;
  /** Untimed runs first (default 1). */
  readonly warmup?: number;
  /** Timed samples (default 7). */
  readonly reps?: number;
  /** Fewer samples when they would take longer than this in all (default 10 s); at least one is taken. */
  readonly budgetMs?: number;
  /** The per-call median must be at most this. */
  readonly targetMs?: number;
  /** Shown next to the result (e.g. what the CPU column does not count). */
  readonly note?: string;
}

export interface Measurement {
  readonly id: string;
  readonly label: string;
  readonly group: string;
  readonly reps: number;
  readonly inner: number;
  readonly medianMs: number;
  readonly minMs: number;
  /**
   * Median process CPU time (user + system, all threads) per call: less sensitive than wall time
   * to other work on a shared machine, but it counts V8's parallel GC threads too.
   */
  readonly cpuMedianMs: number;
  readonly targetMs?: number;
  /** Judged on the wall-clock median. */
  readonly pass?: boolean;
  /** Why the measurement was not taken (`--filter`, or the run's time budget). */
  readonly skipped?: string;
  /** Something to know about how it was taken. */
  readonly note?: string;
  /** Wall time the whole measurement took (warm-up, calibration and GCs included). */
  readonly spentMs?: number;
}

export interface Ratio {
  readonly label: string;
  /** `slower.median / faster.median`. */
  readonly ratio: number;
  readonly target?: number;
  readonly pass?: boolean;
}

/** A target that is not a time or a ratio of times (memory, a count): judged by the bench itself. */
export interface Check {
  readonly label: string;
  /** The value found, as displayed. */
  readonly value: string;
  /** The target, as displayed. */
  readonly target: string;
  readonly pass: boolean;
}

/** A table of the bench's own, printed after the measurements. */
export interface ExtraTable {
  readonly title: string;
  readonly header: string[];
  readonly rows: string[][];
  /** Columns aligned right (numbers). */
  readonly right?: number[];
}

export interface BenchContext {
  measure<T>(spec: MeasureSpec<T>): Measurement;
  /** Records `slower / faster` (of the medians); a target is the least ratio wanted. */
  ratio(label: string, slower: Measurement, faster: Measurement, target?: number): void;
  /** A line of information about the inputs, printed above the table. */
  note(text: string): void;
  /** Whether a measurement with this id would run (`--filter`): lets a bench skip building its inputs. */
  selected(id: string): boolean;
  /** Records a target that is not a time (peak memory, a count); it counts in "targets met". */
  check(check: Check): void;
  /** A table of the bench's own (e.g. throughput and memory per contender), printed after the measurements. */
  table(table: ExtraTable): void;
}

export interface Bench {
  /** The group the measurements are listed under. */
  readonly name: string;
  /**
   * A time budget of the bench's own, counted from its start, instead of the run's (`--budget`):
   * for a bench that needs minutes by design (the export of a whole corpus).
   */
  readonly budgetMs?: number;
  run(ctx: BenchContext): void | Promise<void>;
}

const registry: Bench[] = [];

export function registerBench(bench: Bench): void {
  registry.push(bench);
}

// ---------------------------------------------------------------------------------------------

/** A full GC between samples of big work makes them comparable; `--expose-gc` is switched on from inside. */
function findGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

const gc = findGc();
let blackhole: unknown;

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface RunOptions {
  /** Only measurements whose id contains one of these. */
  readonly filters: readonly string[];
  /** Measurements not started by then (ms since the run began) are skipped. */
  readonly deadlineMs: number;
}

export interface Report {
  readonly notes: string[];
  readonly results: Measurement[];
  readonly ratios: Ratio[];
  readonly checks: Check[];
  readonly tables: ExtraTable[];
  readonly totalMs: number;
}

export async function runAll(options: RunOptions): Promise<Report> {
  const started = performance.now();
  const notes: string[] = [];
  const results: Measurement[] = [];
  const ratios: Ratio[] = [];
  const checks: Check[] = [];
  const tables: ExtraTable[] = [];
  const selected = (id: string): boolean => options.filters.length === 0 || options.filters.some((f) => id.includes(f));
  for (const bench of registry) {
    const benchStarted = performance.now();
    const overBudget = (): boolean =>
      bench.budgetMs !== undefined
        ? performance.now() - benchStarted > bench.budgetMs
        : performance.now() - started > options.deadlineMs;
    const budgetText = bench.budgetMs !== undefined ? `the bench's ${bench.budgetMs / 1000} s` : `the run's ${options.deadlineMs / 1000} s`;
    const ctx: BenchContext = {
      selected,
      note: (text) => notes.push(text),
      check: (check) => checks.push(check),
      table: (extra) => tables.push(extra),
      ratio: (label, slower, faster, target) => {
        if (slower.skipped !== undefined || faster.skipped !== undefined) return;
        const ratio = slower.medianMs / faster.medianMs;
        ratios.push({ label, ratio, ...(target !== undefined ? { target, pass: ratio >= target } : {}) });
      },
      measure: <T>(spec: MeasureSpec<T>): Measurement => {
        const base = {
          id: spec.id,
          label: spec.label,
          group: bench.name,
          reps: 0,
          inner: 0,
          medianMs: NaN,
          minMs: NaN,
          cpuMedianMs: NaN,
        };
        const target = spec.targetMs !== undefined ? { targetMs: spec.targetMs } : {};
        let result: Measurement;
        if (!selected(spec.id)) {
          return { ...base, ...target, skipped: 'filtered out' }; // not listed
        } else if (overBudget()) {
          result = { ...base, ...target, skipped: `over the time budget (${budgetText})` };
        } else {
          const t0 = performance.now();
          result = measure(spec, bench.name);
          result = { ...result, spentMs: Math.round(performance.now() - t0) };
        }
        results.push(result);
        return result;
      },
    };
    await bench.run(ctx);
  }
  return { notes, results, ratios, checks, tables, totalMs: performance.now() - started };
}

function measure<T>(spec: MeasureSpec<T>, group: string): Measurement {
  const setup = spec.setup ?? ((): T => undefined as T);
  const budget = spec.budgetMs ?? 10_000;
  let inner = typeof spec.inner === 'number' ? spec.inner : 1;

  // Warm-up (also a first estimate of the cost of one call).
  let perCall = Infinity;
  let cpuPerCall = NaN;
  for (let w = 0; w < (spec.warmup ?? 1); w++) {
    const input = setup(-1 - w);
    if (spec.inner !== 'auto') gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    blackhole = spec.run(input);
    const t = performance.now() - t0;
    if (t < perCall) {
      perCall = t;
      cpuPerCall = cpuMs(process.cpuUsage(c0));
    }
  }
  if (spec.inner !== 'auto' && perCall * inner > budget) {
    // Far too slow to repeat: the warm-up run is all there is.
    return {
      id: spec.id,
      label: spec.label,
      group,
      reps: 1,
      inner: 1,
      medianMs: perCall,
      minMs: perCall,
      cpuMedianMs: cpuPerCall,
      note: ['one cold run (over the time budget)', spec.note].filter((t) => t !== undefined).join('; '),
      ...(spec.targetMs !== undefined ? { targetMs: spec.targetMs, pass: perCall <= spec.targetMs } : {}),
    };
  }
  if (spec.inner === 'auto') {
    // Calibrate: call until 5 ms have passed, then size the samples.
    const input = setup(-100);
    let calls = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < 5) {
      blackhole = spec.run(input);
      calls++;
      elapsed = performance.now() - t0;
    }
    perCall = elapsed / calls;
    inner = Math.max(1, Math.round((spec.sampleMs ?? 4) / perCall));
  }

  const wanted = spec.reps ?? 7;
  const affordable = Number.isFinite(perCall) && perCall > 0 ? Math.floor(budget / (perCall * inner)) : wanted;
  const reps = Math.max(1, Math.min(wanted, affordable));
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  // A full GC before each sample of big work, so that no sample pays for the garbage of the one
  // before. Not for microsecond-scale work: right after a forced GC, parse5 runs 5-20× slower for
  // a while (seen on the seed), which would measure the GC, not the parser.
  const gcEach = spec.inner !== 'auto';
  for (let r = 0; r < reps; r++) {
    const input = setup(r);
    if (gcEach) gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) blackhole = spec.run(input);
    samples.push((performance.now() - t0) / inner);
    cpuSamples.push(cpuMs(process.cpuUsage(c0)) / inner);
  }
  void blackhole;
  const medianMs = median(samples);
  return {
    id: spec.id,
    label: spec.label,
    group,
    reps,
    inner,
    medianMs,
    minMs: Math.min(...samples),
    cpuMedianMs: median(cpuSamples),
    ...(spec.targetMs !== undefined ? { targetMs: spec.targetMs, pass: medianMs <= spec.targetMs } : {}),
    ...(spec.note !== undefined ? { note: spec.note } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Reporting

export interface Machine {
  readonly node: string;
  readonly platform: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  /** 1-minute load average when the report was made: other work on the machine skews the figures. */
  readonly loadAverage: number;
  readonly gcBetweenSamples: boolean;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
    gcBetweenSamples: gc !== undefined,
  };
}

function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 1) return ms.toFixed(2);
  if (ms >= 0.01) return ms.toFixed(4);
  return ms.toPrecision(3);
}

/** Display width: CJK and other wide characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, columns: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, columns - width(text)));
  return right ? fill + text : text + fill;
}

function table(header: string[], rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((row) => width(row[c] ?? ''))));
  const line = (cells: string[]): string =>
    cells.map((cell, c) => pad(cell, widths[c]!, rightAligned.has(c))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  ').trimEnd(), ...rows.map(line)].join('\n');
}

export function formatReport(report: Report, m: Machine): string {
  const out: string[] = [];
  out.push('Article Editor benchmarks');
  out.push(`Node ${m.node} on ${m.platform}; ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB`);
  out.push(
    `load average ${m.loadAverage} (1 min); full GC before each single-call sample: ${m.gcBetweenSamples ? 'yes' : 'no (gc not available)'}`,
  );
  for (const note of report.notes) out.push(note);
  out.push('');
  const rows: string[][] = [];
  let group = '';
  for (const r of report.results) {
    if (r.group !== group) {
      group = r.group;
      if (rows.length > 0) rows.push([]);
      rows.push([`[${group}]`]);
    }
    const target = r.targetMs !== undefined ? `≤ ${r.targetMs} ms` : '';
    const verdict =
      r.skipped !== undefined
        ? `skipped: ${r.skipped}`
        : [r.pass === undefined ? '' : r.pass ? 'ok' : 'MISSED', r.note ?? ''].filter((t) => t !== '').join('; ');
    rows.push([
      `  ${r.label}`,
      r.skipped !== undefined ? '' : r.inner > 1 ? `${r.reps}×${r.inner}` : String(r.reps),
      r.skipped !== undefined ? '' : formatMs(r.medianMs),
      r.skipped !== undefined ? '' : formatMs(r.minMs),
      r.skipped !== undefined ? '' : formatMs(r.cpuMedianMs),
      target,
      verdict,
    ]);
  }
  out.push(table(['benchmark', 'runs', 'median ms', 'min ms', 'cpu ms', 'target', ''], rows, new Set([1, 2, 3, 4])));
  for (const extra of report.tables) {
    out.push('');
    out.push(extra.title);
    out.push(table(extra.header, extra.rows, new Set(extra.right ?? [])));
  }
  if (report.ratios.length > 0) {
    out.push('');
    out.push(
      table(
        ['ratio (of medians)', 'value', 'target', ''],
        report.ratios.map((r) => [
          r.label,
          `${r.ratio.toFixed(r.ratio >= 10 ? 1 : 2)}×`,
          r.target !== undefined ? `≥ ${r.target}×` : '',
          r.pass === undefined ? '' : r.pass ? 'ok' : 'MISSED',
        ]),
        new Set([1]),
      ),
    );
  }
  if (report.checks.length > 0) {
    out.push('');
    out.push(
      table(
        ['check', 'value', 'target', ''],
        report.checks.map((c) => [c.label, c.value, c.target, c.pass ? 'ok' : 'MISSED']),
        new Set([1]),
      ),
    );
  }
  const checks = [
    ...report.results.filter((r) => r.pass !== undefined),
    ...report.ratios.filter((r) => r.pass !== undefined),
    ...report.checks,
  ];
  const met = checks.filter((c) => c.pass).length;
  out.push('');
  out.push(`targets met: ${met} of ${checks.length}; total ${(report.totalMs / 1000).toFixed(1)} s`);
  out.push('runs: timed samples (×N: each sample calls the code N times); times are per call, wall clock;');
  out.push('cpu ms: median process CPU time (all threads, GC included); targets are judged on the wall-clock median');
  return out.join('\n');
}

export function missedTargets(report: Report): number {
  return (
    report.results.filter((r) => r.pass === false).length +
    report.ratios.filter((r) => r.pass === false).length +
    report.checks.filter((c) => !c.pass).length
  );
}
