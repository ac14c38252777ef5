/**
 * The importable Studio flow (serverless/studio/polyai-to-flex.json) with its placeholders filled from an admin's
 * values: one table says which value fills which placeholder and what a valid value looks like, so the flow that
 * Studio imports carries no `REPLACE_WITH_…` left to fill by hand.
 */
import flowJson from '../../serverless/studio/polyai-to-flex.json';

/** A Twilio SID: its two-letter prefix and 32 hexadecimal digits. */
const sid = (prefix: string) => new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);

export interface Placeholder {
  /** The command-line option (`--workflow-sid`) and the key in `StudioFlowValues`. */
  option: string;
  placeholder: string;
  description: string;
  valid: RegExp;
  example: string;
}

export const PLACEHOLDERS = [
  {
    option: 'connector-name',
    placeholder: 'REPLACE_WITH_POLYAI_CONNECTOR_NAME',
    description: "unique name of the installed PolyAI Connector add-on (Connect Virtual Agent's connector)",
    valid: /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/,
    example: 'polyai',
  },
  {
    option: 'language',
    placeholder: 'REPLACE_WITH_LANGUAGE',
    description: "the caller's language, BCP 47 (PolyAI's language configuration and the goodbye's voice)",
    valid: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
    example: 'en-GB',
  },
  {
    option: 'functions-domain',
    placeholder: 'REPLACE_WITH_SERVICE_DOMAIN',
    description: "the Functions Service's domain, as their deploy printed it (or its https:// URL)",
    valid: /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/,
    example: 'polyai-context-functions-1234-dev.twil.io',
  },
  {
    option: 'service-sid',
    placeholder: 'REPLACE_WITH_SERVICE_SID',
    description: 'SID of that Functions Service (ZS…)',
    valid: sid('ZS'),
    example: `ZS${'0'.repeat(32)}`,
  },
  {
    option: 'environment-sid',
    placeholder: 'REPLACE_WITH_ENVIRONMENT_SID',
    description: 'SID of its environment (ZE…)',
    valid: sid('ZE'),
    example: `ZE${'0'.repeat(32)}`,
  },
  {
    option: 'function-sid',
    placeholder: 'REPLACE_WITH_POLYAI_HANDOFF_FUNCTION_SID',
    description: 'SID of its polyai-handoff Function (ZH…)',
    valid: sid('ZH'),
    example: `ZH${'0'.repeat(32)}`,
  },
  {
    option: 'workflow-sid',
    placeholder: 'REPLACE_WITH_WORKFLOW_SID',
    description: "TaskRouter workflow of every Send To Flex (WW…, the Functions' FLEX_WORKFLOW_SID)",
    valid: sid('WW'),
    example: `WW${'0'.repeat(32)}`,
  },
  {
    option: 'voice-channel-sid',
    placeholder: 'REPLACE_WITH_VOICE_CHANNEL_SID',
    description: "TaskRouter's Voice task channel (TC…)",
    valid: sid('TC'),
    example: `TC${'0'.repeat(32)}`,
  },
  {
    option: 'fallback-number',
    placeholder: 'REPLACE_WITH_FALLBACK_AGENT_NUMBER',
    description: 'a number in E.164 that reaches agents without TaskRouter, when Flex refuses even the minimal task',
    valid: /^\+[1-9][0-9]{6,14}$/,
    example: '+441234567890',
  },
] as const satisfies readonly Placeholder[];

export type StudioFlowValues = Record<(typeof PLACEHOLDERS)[number]['option'], string>;

export class StudioFlowError extends Error {}

const TOKEN = /REPLACE_WITH_[A-Z0-9_]+/g;

/** The domain as the Functions' host, also when given as the Service's https URL (`functions_base_url`). */
export function functionsHost(value: string): string {
  const match = /^https:\/\/([^/?#]+)\/?$/.exec(value.trim());
  return (match ? match[1] : value.trim()).toLowerCase();
}

/** Every value checked against its placeholder's rule; all problems at once, one line each. */
export function checkValues(values: StudioFlowValues): StudioFlowValues {
  const checked = { ...values, 'functions-domain': functionsHost(values['functions-domain']) };
  const problems = PLACEHOLDERS.filter(({ option, valid }) => !valid.test(checked[option])).map(
    ({ option, example }) => `--${option} must look like ${example}, got "${values[option]}"`,
  );
  if (problems.length > 0) throw new StudioFlowError(problems.join('\n'));
  return checked;
}

/**
 * The flow with every placeholder replaced by its checked value, wherever it sits in a text (the Run Function's
 * URL embeds the domain). A placeholder this table does not know is an error, never left in the output.
 */
export function fillStudioFlow(values: StudioFlowValues, template: unknown = flowJson): unknown {
  const checked = checkValues(values);
  const byToken = new Map<string, string>(PLACEHOLDERS.map(({ placeholder, option }) => [placeholder, checked[option]]));
  const unknown = new Set<string>();
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(TOKEN, (token) => {
        const filled = byToken.get(token);
        if (filled === undefined) unknown.add(token);
        return filled ?? token;
      });
    }
    if (Array.isArray(value)) return value.map(fill);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item)]));
    return value;
  };
  const filled = fill(template);
  if (unknown.size > 0) throw new StudioFlowError(`the flow has placeholders this tool does not fill: ${[...unknown].join(', ')}`);
  return filled;
}
