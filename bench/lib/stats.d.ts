export interface Summary {
  n: number;
  min: number;
  median: number;
  max: number;
}

export function summarize(values: number[]): Summary;
export function pairedRatios(subject: number[], baseline: number[]): Summary;
