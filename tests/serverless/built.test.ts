/**
 * What `twilio serverless:deploy` uploads is serverless/dist/functions: this builds it into a temporary folder
 * outside the repository (so nothing can be resolved from ../src) and runs the built files — the model
 * included — against the stand-in, then runs the outage drill on them.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseHandoffContext } from '../../src/model';
import { formatDrillReport, runOutageDrill } from '../../serverless/dev/outageDrill';
import { fixture } from '../support/fixtures';
import { captureLogs, functionEnv, invokeFunction, taskAttributesFrom, standinPerTest, VERIFIED_CALL } from './support/functions';

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
      'polyai-handoff-to-flex.protected.js',
      'polyai-handoff.protected.js',
    ]);
    for (const file of fs.readdirSync(functionsDir)) {
      const code = fs.readFileSync(path.join(functionsDir, file), 'utf8');
      expect(code).not.toMatch(/require\(["']\.{1,2}\//); // no relative imports left to resolve
      expect(code).not.toMatch(/standin-key|platform\.polyai\.app\/v1\/acme/);
    }
  });

  it('polyai-handoff (built, with the shared model) answers Studio with the handoff state', async () => {
    const result = await invokeFunction(load('polyai-handoff.protected.js'), functionEnv(standin().url), { call_sid: VERIFIED_CALL });
    expect(result.body).toEqual({ polyai: fixture('handoff-state-verified.json'), conversations: expect.objectContaining({ conversation_attribute_8: 'Present' }) });
  });

  it('polyai-handoff-to-flex (built) routes to Flex with an error marker when PolyAI fails', async () => {
    standin().setMode('500');
    const result = await invokeFunction(load('polyai-handoff-to-flex.protected.js'), functionEnv(standin().url), { CallSid: VERIFIED_CALL });
    const attributes = taskAttributesFrom('twiml', result);
    expect(attributes).toEqual({
      type: 'inbound',
      call_sid: VERIFIED_CALL,
      polyai: { error: { status: 500, message: 'PolyAI had a server error (500).' } },
      conversations: { conversation_attribute_6: 'Unknown', conversation_attribute_8: 'Unavailable' },
    });
    expect(parseHandoffContext(attributes).status).toBe('unavailable');
  });

  it('outage drill (100 calls): every call is routed within Studio\'s limit and no log line leaks', async () => {
    const report = await runOutageDrill(
      { studio: load('polyai-handoff.protected.js'), twiml: load('polyai-handoff-to-flex.protected.js') },
      { calls: 100, concurrency: 50, seed: 7 },
    );
    process.stdout.write(`${formatDrillReport(report)}\n`);
    expect(report.lost).toEqual([]);
    expect(report.routed).toBe(100);
    expect(report.withData + report.withErrorMarker).toBe(100);
    expect(report.logLeaks).toBe(0);
    expect(report.logLines).toBe(100);
    // The mix really contained every kind of fault.
    expect(Object.keys(report.mix).sort()).toEqual(['404', '429', '500', 'garbage', 'hang', 'ok', 'slow']);
  });
});
