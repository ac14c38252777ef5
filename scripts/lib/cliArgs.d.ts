/** Types for scripts/lib/cliArgs.js (used by the TypeScript development tools in devtools/). */
export declare class UsageError extends Error {}
export declare const EXIT_USAGE: 2;

export interface Args {
  string(name: string, description: string, fallback: string): string;
  string(name: string, description: string, fallback?: string): string | undefined;
  strings(name: string, description: string): string[];
  integer(name: string, description: string, range: { fallback: number; min: number; max: number }): number;
  integer(name: string, description: string, range: { fallback?: undefined; min: number; max: number }): number | undefined;
  choice<T extends string>(name: string, description: string, choices: readonly T[], fallback: T): T;
  boolean(name: string, description: string): boolean;
  positionals(description: string, choices?: readonly string[]): string[];
  help(usageLine?: string): string;
  check(): 'help' | 'ok';
}

export declare function createArgs(usage: string, argv?: readonly string[]): Args;
export declare function parseCommandLine<T>(usage: string, read: (args: Args) => T, argv?: readonly string[]): T;
export declare function portInUseMessage(error: unknown, what: string, port: number, hint: string): string | null;
