import { badInput } from '@ttm/errors';
import { ResolvedSchema } from './schema';
import { MAX_FILTER_VALUE_BYTES } from './search-engine';

/**
 * Filters are structured values built by code (never strings typed by users): each adapter turns
 * them into what its engine understands (the Meilisearch adapter quotes and escapes every value).
 *
 * - `eq` / `ne`: equal / not equal; on an array field, "contains" / "does not contain".
 *   `ne` also matches documents without the field (as in Meilisearch).
 * - `in`: equal to any of the values.
 * - `range`: numbers, or dates (ISO strings or epoch milliseconds) on date fields; bounds inclusive
 *   (`gte`/`lte`) or exclusive (`gt`/`lt`).
 * - `exists`: the field has a value (not null); wrap in `not` for "has no value".
 */
export type FilterValue = string | number | boolean;

export type Filter =
  | { field: string; op: 'eq' | 'ne'; value: FilterValue }
  | { field: string; op: 'in'; values: readonly FilterValue[] }
  | { field: string; op: 'range'; gt?: number | string; gte?: number | string; lt?: number | string; lte?: number | string }
  | { field: string; op: 'exists' }
  | { and: readonly Filter[] }
  | { or: readonly Filter[] }
  | { not: Filter };

export const F = {
  eq: (field: string, value: FilterValue): Filter => ({ field, op: 'eq', value }),
  ne: (field: string, value: FilterValue): Filter => ({ field, op: 'ne', value }),
  in: (field: string, values: readonly FilterValue[]): Filter => ({ field, op: 'in', values }),
  range: (field: string, bounds: { gt?: number | string; gte?: number | string; lt?: number | string; lte?: number | string }): Filter => ({
    field,
    op: 'range',
    ...bounds,
  }),
  exists: (field: string): Filter => ({ field, op: 'exists' }),
  and: (...filters: Filter[]): Filter => ({ and: filters }),
  or: (...filters: Filter[]): Filter => ({ or: filters }),
  not: (filter: Filter): Filter => ({ not: filter }),
};

/** A validated filter whose values have the field's type (dates as epoch milliseconds). */
export type CheckedFilter =
  | { kind: 'eq'; field: string; value: string | number | boolean; negate: boolean }
  | { kind: 'in'; field: string; values: (string | number | boolean)[] }
  | { kind: 'range'; field: string; gt?: number; gte?: number; lt?: number; lte?: number }
  | { kind: 'exists'; field: string }
  | { kind: 'and' | 'or'; filters: CheckedFilter[] }
  | { kind: 'not'; filter: CheckedFilter };

const MAX_DEPTH = 16;
const MAX_NODES = 256;
const MAX_IN_VALUES = 200;

function utf8Bytes(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

/** Parses a date given as an ISO string or epoch milliseconds; undefined when it is neither. */
export function toEpochMillis(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? undefined : millis;
}

/**
 * Checks a filter against the schema and converts its values; refuses (BAD_USER_INPUT) unknown or
 * non-filterable fields, values of the wrong type, values over 468 bytes and oversized trees.
 */
export function checkFilter(schema: ResolvedSchema, filter: Filter): CheckedFilter {
  let nodes = 0;
  const visit = (node: Filter, depth: number): CheckedFilter => {
    nodes += 1;
    if (nodes > MAX_NODES) throw badInput(`Filter is too large: use at most ${MAX_NODES} conditions`);
    if (depth > MAX_DEPTH) throw badInput(`Filter is nested too deeply: use at most ${MAX_DEPTH} levels`);
    if (typeof node !== 'object' || node === null) throw badInput('Filter must be an object');
    if ('and' in node || 'or' in node) {
      const list = 'and' in node ? node.and : (node).or;
      if (!Array.isArray(list) || list.length === 0) throw badInput('Filter and/or needs a non-empty list of filters');
      return { kind: 'and' in node ? 'and' : 'or', filters: list.map((child: Filter) => visit(child, depth + 1)) };
    }
    if ('not' in node) return { kind: 'not', filter: visit(node.not, depth + 1) };
    const field = (node as { field?: unknown }).field;
    if (typeof field !== 'string' || !schema.filterable.has(field)) {
      throw badInput(`Cannot filter on "${String(field)}": filterable fields are ${[...schema.filterable].sort().join(', ')}`);
    }
    const type = schema.types.get(field);
    const convert = (value: unknown): string | number | boolean => {
      switch (type) {
        case 'keyword':
        case 'text':
          if (typeof value !== 'string') throw badInput(`Filter value for ${field} must be a string`);
          if (utf8Bytes(value) > MAX_FILTER_VALUE_BYTES) {
            throw badInput(`Filter value for ${field} is longer than ${MAX_FILTER_VALUE_BYTES} bytes: shorten it`);
          }
          return value;
        case 'number':
          if (typeof value !== 'number' || !Number.isFinite(value)) throw badInput(`Filter value for ${field} must be a finite number`);
          return value;
        case 'boolean':
          if (typeof value !== 'boolean') throw badInput(`Filter value for ${field} must be true or false`);
          return value;
        case 'date': {
          const millis = toEpochMillis(value);
          if (millis === undefined) throw badInput(`Filter value for ${field} must be an ISO date or epoch milliseconds`);
          return millis;
        }
        default:
          throw badInput(`Cannot filter on "${field}"`);
      }
    };
    switch ((node as { op?: unknown }).op) {
      case 'eq':
      case 'ne': {
        const { op, value } = node as { op: 'eq' | 'ne'; value: unknown };
        return { kind: 'eq', field, value: convert(value), negate: op === 'ne' };
      }
      case 'in': {
        const values = (node as { values?: unknown }).values;
        if (!Array.isArray(values) || values.length === 0 || values.length > MAX_IN_VALUES) {
          throw badInput(`Filter "in" on ${field} needs between 1 and ${MAX_IN_VALUES} values`);
        }
        return { kind: 'in', field, values: values.map(convert) };
      }
      case 'range': {
        if (type !== 'number' && type !== 'date') throw badInput(`Range filters need a number or date field; ${field} is ${type}`);
        const bounds = node as { gt?: unknown; gte?: unknown; lt?: unknown; lte?: unknown };
        const out: { kind: 'range'; field: string; gt?: number; gte?: number; lt?: number; lte?: number } = { kind: 'range', field };
        for (const key of ['gt', 'gte', 'lt', 'lte'] as const) {
          if (bounds[key] !== undefined) out[key] = convert(bounds[key]) as number;
        }
        if (out.gt === undefined && out.gte === undefined && out.lt === undefined && out.lte === undefined) {
          throw badInput(`Range filter on ${field} needs at least one of gt, gte, lt, lte`);
        }
        return out;
      }
      case 'exists':
        return { kind: 'exists', field };
      default:
        throw badInput(`Unknown filter operator ${JSON.stringify((node as { op?: unknown }).op)}: use eq, ne, in, range or exists`);
    }
  };
  return visit(filter, 0);
}
