/**
 * Command-line flags for the development tools (`--name=value` or `--name value`), strict: each flag is
 * declared where it is read, `finishArgs` then answers `--help` and rejects unknown flags, and a bad value
 * stops the tool with one `error:` line and exit code 2 instead of running with a default.
 * Parsing is Node's `util.parseArgs`, shared with the JavaScript tools (scripts/lib/cliArgs.js).
 */
import { createArgs, EXIT_USAGE, UsageError } from '../../scripts/lib/cliArgs';

const args = createArgs('', process.argv.slice(2));

/** Stops the tool with one `error:` line and exit code 2 (for checks a flag's reader cannot make alone). */
export function usageError(message: string): never {
  console.error(`error: ${message}\nRun with --help to see the options.`);
  process.exit(EXIT_USAGE);
}

function strictly<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UsageError) usageError(error.message);
    throw error;
  }
}

/** A text flag; undefined when absent. */
export function flag(name: string, description = ''): string | undefined {
  return strictly(() => args.string(name, description));
}

/** A positive integer flag up to `max` (so a typo cannot start an unbounded run); `fallback` when absent. */
export function countFlag(name: string, fallback: number, max: number, description = ''): number {
  return strictly(() => args.integer(name, description, { fallback, min: 1, max }));
}

/** A list flag: repeated (`--route=a --route=b`) or comma-separated (`--route=a,b`); [] when absent. */
export function listFlag(name: string, description = ''): string[] {
  return strictly(() => args.strings(name, description)).flatMap((value) => value.split(',')).filter((value) => value !== '');
}

/** Call once every flag is read: prints help and exits 0 on --help; exits 2 on an unknown flag or argument. */
export function finishArgs(usage: string): void {
  if (strictly(() => args.check()) === 'help') {
    console.log(args.help(usage));
    process.exit(0);
  }
}
