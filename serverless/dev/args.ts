/** `--name=value` command-line flags for the development tools. */
export function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

/** A positive integer flag, capped so a typo cannot start an unbounded run. */
export function countFlag(name: string, fallback: number, max: number): number {
  const value = Number(flag(name));
  return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
}
