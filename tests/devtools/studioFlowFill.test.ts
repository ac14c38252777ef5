/**
 * `npm run studio-flow`: the Studio flow with the admin's values in every placeholder, ready to import. The
 * filled flow is the template with nothing changed but the placeholders, and the walker that checks the template
 * (devtools/outage-drill/studioFlow.ts) walks it exit by exit.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AGENT_STATUSES, STUDIO_FLOW, walkStudioCall, type RunFunction, type StudioFlow } from '../../devtools/outage-drill/studioFlow';
import { checkValues, fillStudioFlow, functionsHost, PLACEHOLDERS, type StudioFlowValues } from '../../devtools/studio-flow/fillStudioFlow';

const ROOT = path.join(__dirname, '..', '..');
const hex = (digit: string) => digit.repeat(32);
const VALUES: StudioFlowValues = {
  'connector-name': 'polyai-live',
  language: 'es-ES',
  'functions-domain': 'polyai-context-functions-1234-dev.twil.io',
  'service-sid': `ZS${hex('a')}`,
  'environment-sid': `ZE${hex('b')}`,
  'function-sid': `ZH${hex('c')}`,
  'workflow-sid': `WW${hex('d')}`,
  'voice-channel-sid': `TC${hex('e')}`,
  'fallback-number': '+441234567890',
};
const PLACEHOLDER = /REPLACE_WITH_/;

const stateOf = (flow: unknown, name: string) => (flow as StudioFlow).states.find((state) => state.name === name)?.properties ?? {};

function studioFlowCli(args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'devtools/run.js'), path.join(ROOT, 'devtools/studio-flow/cli.ts'), ...args], { encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run studio-flow: the Studio flow filled from the admin\'s values', () => {
  it('the table covers every placeholder of the flow, and nothing else', () => {
    const inFlow = new Set(JSON.stringify(STUDIO_FLOW).match(/REPLACE_WITH_[A-Z0-9_]+/g));
    expect(new Set(PLACEHOLDERS.map(({ placeholder }) => placeholder))).toEqual(inFlow);
  });

  it('fills every placeholder and changes nothing else', () => {
    const filled = fillStudioFlow(VALUES);
    expect(JSON.stringify(filled)).not.toMatch(PLACEHOLDER);
    const byToken = Object.fromEntries(PLACEHOLDERS.map(({ placeholder, option }) => [placeholder, VALUES[option]]));
    expect(filled).toEqual(JSON.parse(JSON.stringify(STUDIO_FLOW).replace(/REPLACE_WITH_[A-Z0-9_]+/g, (token) => byToken[token])));
  });

  it('puts each value in the widgets that need it', () => {
    const filled = fillStudioFlow(VALUES);
    expect(stateOf(filled, 'connect_polyai')).toMatchObject({ connector_name: 'polyai-live', configurations: [{ key: 'language', value: 'es-ES' }] });
    expect(stateOf(filled, 'say_goodbye')).toMatchObject({ language: 'es-ES' });
    expect(stateOf(filled, 'fetch_polyai_handoff')).toMatchObject({
      service_sid: VALUES['service-sid'],
      environment_sid: VALUES['environment-sid'],
      function_sid: VALUES['function-sid'],
      url: 'https://polyai-context-functions-1234-dev.twil.io/polyai-handoff',
    });
    const sendToFlex = (filled as StudioFlow).states.filter((state) => state.type === 'send-to-flex');
    expect(sendToFlex).toHaveLength(4);
    for (const { properties } of sendToFlex) expect(properties).toMatchObject({ workflow: VALUES['workflow-sid'], channel: VALUES['voice-channel-sid'] });
    expect(stateOf(filled, 'call_fallback_number')).toMatchObject({ to: '+441234567890' });
  });

  it('the filled flow walks as the template does, for every exit of the virtual agent', async () => {
    const filled = fillStudioFlow(VALUES) as StudioFlow;
    const paths: string[] = [];
    const run: RunFunction = async (functionPath) => {
      paths.push(functionPath);
      return { status: 200, headers: { 'content-type': 'application/json' }, body: { type: 'inbound', polyai: { id: 'CONV-1', data: { reason: 'billing' } } } };
    };
    for (const status of AGENT_STATUSES) {
      const call = { callSid: `CA${hex('1')}`, from: '+15550100', agent: { status } };
      expect(await walkStudioCall(call, run, filled)).toEqual(await walkStudioCall(call, run, STUDIO_FLOW));
    }
    expect(await walkStudioCall({ callSid: `CA${hex('1')}`, from: '+15550100', agent: { status: 'live-agent-handoff' } }, run, filled)).toMatchObject({ kind: 'enqueued', widget: 'send_to_flex' });
    expect(new Set(paths)).toEqual(new Set(['/polyai-handoff']));
  });

  it('a placeholder the table does not know is an error, never left in the flow', () => {
    const template = { ...STUDIO_FLOW, states: [...STUDIO_FLOW.states, { name: 'x', type: 'say-play', transitions: [], properties: { say: 'REPLACE_WITH_GREETING' } }] };
    expect(() => fillStudioFlow(VALUES, template)).toThrow('the flow has placeholders this tool does not fill: REPLACE_WITH_GREETING');
  });

  const sids = PLACEHOLDERS.filter(({ option }) => option.endsWith('-sid')).map(({ option, example }) => [option, example.slice(0, 2)] as const);
  it.each(sids.flatMap(([option, prefix]) => [
    [option, `${prefix}${'0123456789abcdefABCDEF0123456789'}`, `${prefix}${hex('a').slice(1)}`],
    [option, `${prefix}${hex('f')}`, `${prefix}${hex('f')}0`],
    [option, `${prefix}${hex('F')}`, `${prefix}${'g'.repeat(32)}`],
    [option, `${prefix}${hex('9')}`, `${prefix === 'ZS' ? 'ZE' : 'ZS'}${hex('9')}`],
  ]))('--%s accepts %j and refuses %j', (option, good, bad) => {
    expect(() => checkValues({ ...VALUES, [option]: good })).not.toThrow();
    expect(() => checkValues({ ...VALUES, [option]: bad })).toThrow(`--${option} must look like`);
  });

  it.each([
    ['fallback-number', '+1555010', '+155501'],
    ['fallback-number', '+123456789012345', '+1234567890123456'],
    ['fallback-number', '+441234567890', '441234567890'],
    ['language', 'en-GB', 'english'],
    ['language', 'es', 'e'],
    ['functions-domain', 'polyai-context-functions-1234-dev.twil.io', 'polyai-context-functions-1234-dev.twil.io/polyai-handoff'],
    ['functions-domain', 'https://polyai-context-functions-1234-dev.twil.io/', 'http://polyai-context-functions-1234-dev.twil.io'],
    ['connector-name', 'PolyAI Connector', ''],
  ] as const)('--%s accepts %j and refuses %j', (option, good, bad) => {
    expect(() => checkValues({ ...VALUES, [option]: good })).not.toThrow();
    expect(() => checkValues({ ...VALUES, [option]: bad })).toThrow(`--${option} must look like`);
  });

  it('takes the domain also as the Service\'s https URL (functions_base_url), as its host', () => {
    expect(functionsHost('https://Polyai-Context-Functions-1234-dev.twil.io/')).toBe('polyai-context-functions-1234-dev.twil.io');
    expect(stateOf(fillStudioFlow({ ...VALUES, 'functions-domain': 'https://polyai-context-functions-1234-dev.twil.io' }), 'fetch_polyai_handoff')).toMatchObject({
      url: 'https://polyai-context-functions-1234-dev.twil.io/polyai-handoff',
    });
  });

  describe('the command', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-flow-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const options = (values: Partial<StudioFlowValues>) => Object.entries(values).map(([option, value]) => `--${option}=${value}`);

    it('writes a ready flow: valid JSON, no placeholder left', () => {
      const out = path.join(dir, 'flow.json');
      const result = studioFlowCli([...options(VALUES), `--out=${out}`]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`wrote ${out}`);
      const written: unknown = JSON.parse(fs.readFileSync(out, 'utf8'));
      expect(written).toEqual(fillStudioFlow(VALUES));
      expect(JSON.stringify(written)).not.toMatch(PLACEHOLDER);
    });

    it('names every missing option and every bad value, exits 2 and writes nothing', () => {
      const out = path.join(dir, 'refused.json');
      const missing = studioFlowCli([...options({ ...VALUES, 'workflow-sid': undefined, language: undefined }).filter((arg) => !arg.endsWith('=undefined')), `--out=${out}`]);
      expect(missing.status).toBe(2);
      expect(missing.stderr.split('\n')[0]).toBe('error: missing --language, --workflow-sid');
      const bad = studioFlowCli([...options({ ...VALUES, 'workflow-sid': 'WW1', 'fallback-number': '0123' }), `--out=${out}`]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain(`error: --workflow-sid must look like WW${'0'.repeat(32)}, got "WW1"`);
      expect(bad.stderr).toContain('error: --fallback-number must look like +441234567890, got "0123"');
      expect(fs.existsSync(out)).toBe(false);
    });
  });
});
