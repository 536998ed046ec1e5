import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** Meilisearch's official OpenAPI description, kept beside the repository in shared/. */
export const OPENAPI_PATH = resolve(__dirname, '../../../../../../shared/meilisearch/openapi.json');

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Record<string, unknown>;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
}

export interface HttpExchange {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: unknown;
  status: number;
  response: unknown;
}

/**
 * Validates HTTP requests (and the recorder's answers) against the OpenAPI 3.1 description with Ajv
 * (JSON Schema 2020-12, the dialect of OpenAPI 3.1): operation by method and path template, path and
 * query parameters, and the JSON body.
 */
export class OpenApiValidator {
  private readonly spec: { paths: Record<string, Record<string, Operation>>; components: unknown };
  private readonly ajv: Ajv2020;
  private readonly routes: { method: string; template: string; pattern: RegExp; params: string[]; operation: Operation }[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(path = OPENAPI_PATH) {
    if (!existsSync(path)) throw new Error(`Meilisearch OpenAPI description not found at ${path}`);
    this.spec = JSON.parse(readFileSync(path, 'utf8')) as OpenApiValidator['spec'];
    applyErrata(this.spec.components as { schemas: Record<string, unknown> });
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    for (const format of ['u-int8', 'u-int32', 'u-int64', 'int64', 'float', 'double']) {
      if (!this.ajv.formats[format]) this.ajv.addFormat(format, { type: 'number', validate: (value: number) => Number.isFinite(value) });
    }
    this.ajv.addSchema({ $id: 'meili.json', components: this.spec.components });
    for (const [template, methods] of Object.entries(this.spec.paths)) {
      const params = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
      for (const [method, operation] of Object.entries(methods)) this.routes.push({ method: method.toUpperCase(), template, pattern, params, operation });
    }
    // Literal segments win over parameters (…/documents/fetch before …/documents/{document_id}).
    this.routes.sort((a, b) => a.params.length - b.params.length);
  }

  /** Problems with one request; empty when it conforms. */
  validateRequest(exchange: HttpExchange): string[] {
    const route = this.routes.find((candidate) => candidate.method === exchange.method && candidate.pattern.test(exchange.path));
    if (!route) return [`${exchange.method} ${exchange.path}: no such operation in the OpenAPI description`];
    const where = `${exchange.method} ${route.template}`;
    const errors: string[] = [];
    const match = route.pattern.exec(exchange.path);
    if (!match) return [`${where}: path does not match`];
    const parameters = route.operation.parameters ?? [];
    route.params.forEach((name, i) => {
      const spec = parameters.find((parameter) => parameter.in === 'path' && parameter.name === name);
      if (!spec) errors.push(`${where}: path parameter ${name} undeclared`);
      else errors.push(...this.check(spec.schema ?? {}, coerce(decodeURIComponent(match[i + 1]), spec.schema), `${where} path ${name}`));
    });
    for (const [name, raw] of Object.entries(exchange.query)) {
      const spec = parameters.find((parameter) => parameter.in === 'query' && parameter.name === name);
      if (!spec) errors.push(`${where}: query parameter ${name} is not in the description`);
      else errors.push(...this.check(spec.schema ?? {}, coerce(raw, spec.schema), `${where} query ${name}`));
    }
    for (const parameter of parameters) {
      if (parameter.in === 'query' && parameter.required && !(parameter.name in exchange.query)) errors.push(`${where}: required query parameter ${parameter.name} missing`);
    }
    const body = route.operation.requestBody;
    if (body) {
      const content = body.content['application/json'];
      if (exchange.body === undefined) {
        if (body.required) errors.push(`${where}: request body required`);
      } else if (!content) {
        errors.push(`${where}: JSON body not accepted`);
      } else {
        if (!exchange.headers['content-type']?.startsWith('application/json')) errors.push(`${where}: content-type ${exchange.headers['content-type']} is not application/json`);
        errors.push(...this.check(content.schema, exchange.body, `${where} body`));
      }
    } else if (exchange.body !== undefined) {
      errors.push(`${where}: takes no request body`);
    }
    return errors;
  }

  /** Problems with a response (used to keep the recorder's answers shaped like the description). */
  validateResponse(exchange: HttpExchange): string[] {
    const route = this.routes.find((candidate) => candidate.method === exchange.method && candidate.pattern.test(exchange.path));
    const response = route?.operation.responses[String(exchange.status)];
    if (!route || !response) return [`${exchange.method} ${exchange.path}: status ${exchange.status} not described`];
    const schema = response.content?.['application/json']?.schema;
    return schema ? this.check(schema, exchange.response, `${exchange.method} ${route.template} response ${exchange.status}`) : [];
  }

  private check(schema: Record<string, unknown>, value: unknown, where: string): string[] {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(rebase(schema) as object);
      this.compiled.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${where}${error.instancePath} ${error.message ?? 'is invalid'}`);
  }
}

/**
 * Known mistakes of the generated description, corrected narrowly (each with its reason):
 * - `AttributePatterns` (e.g. `facets`) is described as `{ patterns: string[] }`, but the server's
 *   type is `#[serde(transparent)]` and deserialises a plain `string[]` (what the documentation and
 *   the official client send).
 */
export const ERRATA = ['AttributePatterns is a plain array of strings (serde transparent)'];

function applyErrata(components: { schemas: Record<string, unknown> }): void {
  const patterns = components.schemas['AttributePatterns'] as { type?: string } | undefined;
  if (patterns?.type === 'object') components.schemas['AttributePatterns'] = { type: 'array', items: { type: 'string' } };
}

/** Points local `#/components/...` references at the registered description. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `meili.json${value}` : rebase(value)]),
  );
}

function coerce(raw: string, schema: Record<string, unknown> | undefined): unknown {
  const types = [schema?.['type']].flat();
  if ((types.includes('integer') || types.includes('number')) && raw !== '' && !Number.isNaN(Number(raw))) return Number(raw);
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}
