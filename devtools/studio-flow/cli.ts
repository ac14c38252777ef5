/**
 * SET-UP TOOL — `npm run studio-flow -- --functions-domain=… --workflow-sid=… …`: writes the Studio flow with every
 * placeholder filled, ready for Studio's "Import from JSON" (docs/admin-guide.md, Studio route).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCommandLine, UsageError } from '../../scripts/lib/cliArgs';
import { checkValues, fillStudioFlow, PLACEHOLDERS, StudioFlowError, type StudioFlowValues } from './fillStudioFlow';

const USAGE = 'npm run studio-flow -- --connector-name=… --language=… … [--out=FILE]   (every option but --out is required)';

const { values, out } = parseCommandLine(USAGE, (args) => {
  const given = PLACEHOLDERS.map(({ option, description, example }) => [option, args.string(option, `${description}, e.g. ${example}`)] as const);
  const out = args.string('out', 'file to write, relative to the repository', 'polyai-to-flex.ready.json');
  const missing = given.filter(([, value]) => value === undefined).map(([option]) => `--${option}`);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}`);
  try {
    return { values: checkValues(Object.fromEntries(given) as StudioFlowValues), out };
  } catch (error) {
    if (error instanceof StudioFlowError) throw new UsageError(error.message.split('\n').join('\nerror: '));
    throw error;
  }
});

const file = path.resolve(out);
fs.writeFileSync(file, `${JSON.stringify(fillStudioFlow(values), null, 2)}\n`);
console.log(`wrote ${file}: Studio → Create new Flow → Import from JSON, then Publish.`);
