/**
 * Strict command-line options for the project's tools, on Node's `util.parseArgs`. Each option is declared
 * where it is read (`string`, `integer`, `boolean`), so a tool that gains an option needs no second list;
 * `finish()` then rejects anything undeclared (`--callz=5`), answers `--help` from the declarations and
 * exits 2 with one clear line on a bad value (`--calls=abc`, `--calls=0`), instead of running with a default.
 */
const { parseArgs } = require('util');

const EXIT_USAGE = 2;

class UsageError extends Error {}

/**
 * @param {string} usage  first line of --help, e.g. "npm run drill -- [options]"
 * @param {string[]} [argv]  defaults to process.argv.slice(2)
 */
function createArgs(usage, argv = process.argv.slice(2)) {
  /** @type {Map<string, { type: 'string' | 'boolean', description: string, fallback?: unknown, multiple?: boolean }>} */
  const declared = new Map();
  let positionals = null;

  const read = (name, type, multiple = false) => {
    const { values } = parseArgs({ args: argv, options: { [name]: { type, multiple } }, strict: false, allowPositionals: true });
    return values[name];
  };

  const fail = (message) => {
    throw new UsageError(message);
  };

  const api = {
    /** A text option (`--mode=500` or `--mode 500`); undefined when absent. */
    string(name, description, fallback) {
      declared.set(name, { type: 'string', description, fallback });
      const value = read(name, 'string');
      if (value === true) fail(`--${name} needs a value, e.g. --${name}=${fallback ?? 'value'}`);
      return value === undefined ? fallback : value;
    },
    /** Every value of a repeatable text option (`--env a --env b`); [] when absent. */
    strings(name, description) {
      declared.set(name, { type: 'string', description, multiple: true });
      const values = read(name, 'string', true) ?? [];
      if (values.some((value) => value === true)) fail(`--${name} needs a value`);
      return values;
    },
    /** A whole number from min to max; the fallback when absent, an error (never the fallback) when wrong. */
    integer(name, description, { fallback, min, max }) {
      const text = api.string(name, `${description} (${min}-${max})`, fallback === undefined ? undefined : String(fallback));
      if (text === undefined) return undefined;
      const value = Number(text);
      if (!/^-?\d+$/.test(String(text).trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
        fail(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
      }
      return value;
    },
    /** One of a fixed set of words. */
    choice(name, description, choices, fallback) {
      const value = api.string(name, `${description}: ${choices.join(', ')}`, fallback);
      if (value !== undefined && !choices.includes(value)) fail(`--${name} must be one of ${choices.join(', ')}, got "${value}"`);
      return value;
    },
    /** A switch (`--json`). */
    boolean(name, description) {
      declared.set(name, { type: 'boolean', description });
      const value = read(name, 'boolean');
      if (typeof value === 'string') fail(`--${name} takes no value`);
      return value === true;
    },
    /** Words after the options (`npm run bench -- model browser`), each one of `choices` when given. */
    positionals(description, choices) {
      positionals = { description, choices };
      const { positionals: words } = parseArgs({ args: argv, strict: false, allowPositionals: true });
      const unknown = choices ? words.filter((word) => !choices.includes(word)) : [];
      if (unknown.length > 0) fail(`unknown argument "${unknown[0]}": choose from ${choices.join(', ')}`);
      return words;
    },
    /** The --help text, from what was declared. */
    help(usageLine = usage) {
      const lines = [`Usage: ${usageLine}`, '', 'Options:'];
      for (const [name, option] of declared) {
        const flag = option.type === 'boolean' ? `--${name}` : `--${name}=<value>`;
        const fallback = option.fallback === undefined ? '' : ` (default ${option.fallback})`;
        lines.push(`  ${flag.padEnd(24)} ${option.description}${fallback}`);
      }
      lines.push(`  ${'--help'.padEnd(24)} show this help`);
      if (positionals) lines.push('', `Arguments: ${positionals.description}${positionals.choices ? ` (${positionals.choices.join(', ')})` : ''}`);
      return lines.join('\n');
    },
    /** After every option is read: --help, unknown options and stray arguments. Throws UsageError. */
    check() {
      if (argv.includes('--help') || argv.includes('-h')) return 'help';
      const options = { help: { type: 'boolean', short: 'h' } };
      for (const [name, option] of declared) options[name] = { type: option.type, multiple: option.multiple ?? false };
      try {
        parseArgs({ args: argv, options, strict: true, allowPositionals: positionals !== null });
      } catch (error) {
        fail(error.message.replace(/\. To specify a positional argument.*$/, ''));
      }
      return 'ok';
    },
  };
  return api;
}

/**
 * Runs `read(args)` (which declares and reads every option), then `args.check()`: prints help and exits 0
 * on --help, prints one `error:` line and exits 2 on a usage error; otherwise returns what `read` returned.
 */
function parseCommandLine(usage, read, argv = process.argv.slice(2)) {
  const args = createArgs(usage, argv);
  try {
    const result = read(args);
    if (args.check() === 'help') {
      console.log(args.help());
      process.exit(0);
    }
    return result;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (argv.includes('--help') || argv.includes('-h')) {
      console.log(args.help());
      process.exit(0);
    }
    console.error(`error: ${error.message}\nRun with --help to see the options.`);
    process.exit(EXIT_USAGE);
  }
}

/** The one line for a port already taken, instead of a stack trace. */
function portInUseMessage(error, what, port, hint) {
  if (!error || error.code !== 'EADDRINUSE') return null;
  return `Port ${port} on 127.0.0.1 is already in use (${what}). Stop whatever uses it, or ${hint}.`;
}

module.exports = { createArgs, parseCommandLine, portInUseMessage, UsageError, EXIT_USAGE };
