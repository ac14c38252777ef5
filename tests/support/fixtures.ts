import * as path from 'path';
import * as fs from 'fs';

const FIXTURES = path.join(__dirname, '..', '..', 'devtools', 'fixtures');

export function fixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

/** A Handoff API response placed under `polyai`, as the Studio flow does. */
export function asTaskAttributes(handoffState: unknown): Record<string, unknown> {
  return { type: 'inbound', name: '+15005550006', polyai: handoffState };
}
