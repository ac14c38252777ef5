/**
 * What `twilio serverless:deploy` uploads is serverless/dist/functions: this builds it into a temporary folder
 * outside the repository (so nothing can be resolved from ../src) and runs the built files — the model
 * included — against the stand-in, then runs the outage drill on them.
 */
import { BINDING_ATTRIBUTE } from '../../serverless/src/lib/taskBinding';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseHandoffContext, toPolyaiAttributes } from '@polyai-context/model';
import { formatDrillReport, runOutageDrill, SCENARIOS } from '../../devtools/outage-drill/outageDrill';
import { fixture } from '../support/fixtures';
import { unbound, captureLogs, functionEnv, invokeFunction, taskAttributesFrom, standinPerTest, VERIFIED_CALL } from './support/functions';

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-functions-'));
const functionsDir = path.join(outdir, 'functions');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the point is to load the built files themselves
const load = (file: string) => require(path.join(functionsDir, file)).handler;

beforeAll(() => {
  const build = spawnSync(process.execPath, [path.join(__dirname, '../../serverless/scripts/build.mjs'), `--outdir=${outdir}`], { encoding: 'utf8' });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
});
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

captureLogs();
const standin = standinPerTest();

describe('the built Functions', () => {
  it('are one self-contained file per Function, with Twilio\'s visibility suffixes', () => {
    expect(fs.readdirSync(functionsDir).sort()).toEqual([
      'incoming-call.protected.js',
      'polyai-conversation.js',
      'polyai-handoff-state.js',
      'polyai-handoff-to-flex.protected.js',
      'polyai-handoff.protected.js',
      'polyai-sip-handoff.protected.js',
      'polyai-verdict.js',
    ]);
    for (const file of fs.readdirSync(functionsDir)) {
      const code = fs.readFileSync(path.join(functionsDir, file), 'utf8');
      expect(code).not.toMatch(/require\(["']\.{1,2}\//); // no relative imports left to resolve
      expect(code).not.toMatch(/standin-key|platform\.polyai\.app\/v1\/acme/);
    }
  });

  it('polyai-handoff (built, with the shared model) answers Studio with the handoff state', async () => {
    const result = await invokeFunction(load('polyai-handoff.protected.js'), functionEnv(standin().url), { call_sid: VERIFIED_CALL });
    // The built bundle signs the task's binding with the same key the source verifies it with.
    expect(unbound(result.body)).toEqual({ type: 'inbound', name: 'Jordan Ellis', call_sid: VERIFIED_CALL, polyai: toPolyaiAttributes({ ok: true, body: fixture('handoff-state-verified.json') }).polyai });
    expect(result.body).toHaveProperty(BINDING_ATTRIBUTE);
  });

  it('polyai-sip-handoff (built) enqueues a SIP REFER with PolyAI\'s X- headers as partial context when PolyAI fails', async () => {
    standin().setMode('500');
    const result = await invokeFunction(load('polyai-sip-handoff.protected.js'), functionEnv(standin().url), {
      CallSid: VERIFIED_CALL,
      ReferTransferTarget: '<sip:flex@acme.example.com?X-Customer-ID=C-1>',
    });
    const context = parseHandoffContext(taskAttributesFrom('twiml', result));
    expect(context.status).toBe('partial');
    // Nothing fetched server-side confirmed it: an unverified claim, not the customer's id.
    expect(context.customer.id).toBeNull();
    expect(context.fields.map((field) => [field.path, field.value])).toContainEqual(['unverified_sip_headers.customer_id', 'C-1']);
    expect(context.error).toEqual({ status: 500, message: 'PolyAI had a server error (500).' });
  });

  it('polyai-handoff-to-flex (built) routes to Flex with an error marker when PolyAI fails', async () => {
    standin().setMode('500');
    const result = await invokeFunction(load('polyai-handoff-to-flex.protected.js'), functionEnv(standin().url), { CallSid: VERIFIED_CALL });
    const attributes = taskAttributesFrom('twiml', result);
    expect(unbound(attributes)).toEqual({ type: 'inbound', call_sid: VERIFIED_CALL, polyai: { error: { status: 500, message: 'PolyAI had a server error (500).' } } });
    expect(parseHandoffContext(attributes).status).toBe('unavailable');
  });

  it('outage drill (170 calls, every route and scenario): each call ends as it must, within Studio\'s limit, and no log line leaks', async () => {
    const report = await runOutageDrill(
      {
        incoming: load('incoming-call.protected.js'),
        studio: load('polyai-handoff.protected.js'),
        connector: load('polyai-handoff-to-flex.protected.js'),
        sip: load('polyai-sip-handoff.protected.js'),
      },
      { calls: 170, concurrency: 50, seed: 7 },
    );
    process.stdout.write(`${formatDrillReport(report)}\n`);
    expect(report.lost).toEqual([]);
    expect(report.routed).toBe(170);
    expect(report.withData + report.partial + report.withErrorMarker + report.noTask).toBe(170);
    // Every scenario ran and ended as required: the bot's completed calls and hang-ups made no task.
    expect(Object.keys(report.scenarios)).toHaveLength(SCENARIOS.length);
    for (const [key, tally] of Object.entries(report.scenarios)) {
      expect({ key, calls: tally.calls }).toEqual({ key, calls: 10 });
      const ends = SCENARIOS.find((scenario) => `${scenario.route}/${scenario.name}` === key)?.expect;
      expect({ key, noTask: tally.noTask }).toEqual({ key, noTask: ends === 'no-task' ? 10 : 0 });
    }
    expect(report.logLeaks).toBe(0);
    // Every call reaching a Function logs at least once; Studio's completed, hangup and failed exits never call one.
    expect(report.logLines).toBeGreaterThanOrEqual(170 - 30);
    // The mix really contained every kind of fault.
    expect(Object.keys(report.mix).sort()).toEqual(['404', '429', '500', 'garbage', 'hang', 'ok', 'slow']);
  }, 30_000);
});
