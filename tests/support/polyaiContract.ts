/**
 * PolyAI's published OpenAPI files (contracts/polyai/openapi/, copied unchanged; provenance in its README), read at
 * test time and compiled with ajv, so stand-in answers and fixtures are checked against PolyAI's contract rather
 * than against our reading of it.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'fs';
import * as path from 'path';

export const OPENAPI_DIR = path.resolve(__dirname, '..', '..', 'contracts', 'polyai', 'openapi');

export const SPECS = {
  handoff: 'handoff.openapi.json',
  conversations: 'conversations-v3.openapi.json',
} as const;
export type Api = keyof typeof SPECS;

type Json = Record<string, unknown>;

function readSpec(api: Api): Json {
  const file = path.join(OPENAPI_DIR, SPECS[api]);
  if (!fs.existsSync(file)) throw new Error(`PolyAI's OpenAPI file ${file} is missing (see contracts/polyai/README.md).`);
  return withoutTypelessNullable(JSON.parse(fs.readFileSync(file, 'utf8'))) as Json;
}

/**
 * OpenAPI 3.0.3 defines `nullable: true` as adding null to the types named by `type`, "only if type is explicitly
 * defined": without `type` it means nothing (any value, null included, is already allowed). ajv refuses the
 * typeless form outright, so it is dropped where it means nothing (PolyAI's `Error.data`); nothing else changes.
 */
function withoutTypelessNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutTypelessNullable);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node as Json).filter(([key]) => !(key === 'nullable' && !('type' in (node as Json))));
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutTypelessNullable(value)]));
}

// OpenAPI 3.0 schema objects are JSON Schema plus `example` and `nullable` (ajv knows `nullable`).
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const specs = { handoff: readSpec('handoff'), conversations: readSpec('conversations') };
for (const api of Object.keys(specs) as Api[]) ajv.addSchema(specs[api], SPECS[api]);

export function openapiDocument(api: Api): Json {
  return specs[api];
}

/** A validator for `#/components/schemas/<name>` of one API. */
export function schemaValidator(api: Api, name: string): ValidateFunction {
  const validate = ajv.getSchema(`${SPECS[api]}#/components/schemas/${name}`);
  if (!validate) throw new Error(`${SPECS[api]} has no schema ${name}`);
  return validate;
}

/** The published response schema of `GET <pathTemplate>` for `status`, as a validator; null when undocumented. */
export function responseValidator(api: Api, pathTemplate: string, status: number): ValidateFunction | null {
  const paths = specs[api].paths as Record<string, { get?: { responses?: Record<string, Json> } }>;
  const response = paths[pathTemplate]?.get?.responses?.[String(status)];
  if (!response) return null;
  const pointer = (response.content as Json | undefined)?.['application/json']
    ? `#/paths/${escapePointer(pathTemplate)}/get/responses/${status}/content/application~1json/schema`
    : `${String(response.$ref)}/content/application~1json/schema`;
  return ajv.getSchema(`${SPECS[api]}${pointer}`) ?? null;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** ajv's errors as one readable line, for failure messages. */
export function describeErrors(validate: ValidateFunction): string {
  return ajv.errorsText(validate.errors, { separator: '; ' });
}
