/** A suite's result as bench/results.json holds it: measurements, goals (met or not) and how to show them. */
export interface SuiteGoal {
  goal: string;
  /** The median the goal is judged on, in `unit` ('×' a ratio to the baseline, 'ms', 'B'). */
  value: number;
  unit: string;
  target: number;
  detail?: string;
  met: boolean;
}

export interface SuiteTable {
  caption?: string;
  head: string[];
  rows: Array<Array<string | number>>;
}

export interface SuiteChart {
  file: string;
  title: string;
  xLabel: string;
  yLabel: string;
  series: Array<{ name: string; color: string; points: Array<{ x: number; median: number; min: number; max: number }> }>;
}

export type SuiteResult =
  | { title: string; missing: string }
  | { title: string; missing?: undefined; method?: string[]; goals?: SuiteGoal[]; tables?: SuiteTable[]; charts?: SuiteChart[]; data?: unknown; seconds?: number };

export interface BenchResults {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverageAtStart: number[]; platform?: string };
  seconds: number;
  suites: Record<string, SuiteResult>;
}

export const RESULTS_FILE: string;
export function renderReport(results: BenchResults): { markdown: string; charts: Array<{ file: string; svg: string }> };
export function writeReport(results: BenchResults, docs?: string): void;
