import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AjvDraft04, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Json } from './manifest-template';

/** Where @microsoft/app-manifest keeps the official Teams manifest schemas, one folder per version. */
export function teamsSchemaDir(): string {
  return join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
}

/** The path of the official schema file for a manifest version such as "1.30". */
export function teamsSchemaPath(manifestVersion: string): string {
  return join(teamsSchemaDir(), `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

const validators = new Map<string, ValidateFunction>();

/**
 * Compiles a schema file the way @microsoft/app-manifest's own validator does (draft-04 ajv, all
 * errors, the uri/email/regex formats), so both agree on what is valid. The package's validator
 * itself is not called: its module loads an ES-only dependency that Node before 20.19 and jest
 * cannot require, and it may download the schema named by `$schema` instead of using its copy.
 */
function validatorFor(schemaPath: string): ValidateFunction {
  let validate = validators.get(schemaPath);
  if (!validate) {
    const ajv = new AjvDraft04({ allErrors: true, strictTypes: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    validators.set(schemaPath, validate);
  }
  return validate;
}

/**
 * Validates a Teams app manifest, offline, against the official JSON schema for its own
 * `manifestVersion`, as shipped in @microsoft/app-manifest.
 *
 * @returns the schema violations, each naming the JSON path it concerns; empty when valid.
 */
export function manifestSchemaProblems(manifest: Json): string[] {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return ['manifest.json must be a JSON object'];
  }
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') return ['manifest.json /manifestVersion must be a string such as "1.30"'];

  const schemaPath = teamsSchemaPath(version);
  if (!existsSync(schemaPath)) {
    return [`manifest.json /manifestVersion "${version}" has no schema in @microsoft/app-manifest (${schemaPath})`];
  }

  const problems: string[] = [];
  // Tools and Teams read the schema URL; it must name the version validated here.
  const schemaUrl = manifest.$schema;
  if (typeof schemaUrl === 'string' && !schemaUrl.endsWith(`/v${version}/MicrosoftTeams.schema.json`)) {
    problems.push(`manifest.json /$schema "${schemaUrl}" does not match manifestVersion ${version}`);
  }

  const validate = validatorFor(schemaPath);
  if (!validate(manifest)) problems.push(...(validate.errors ?? []).map(describe));
  return problems;
}

function describe(error: ErrorObject): string {
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[] };
  const detail =
    params.additionalProperty !== undefined
      ? ` "${params.additionalProperty}"`
      : params.allowedValues !== undefined
        ? ` ${JSON.stringify(params.allowedValues)}`
        : '';
  return `manifest.json ${error.instancePath || '/'} ${error.message ?? 'is invalid'}${detail}`;
}
