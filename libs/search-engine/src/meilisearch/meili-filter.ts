import { CheckedFilter } from '../filter';
import { ResolvedSchema } from '../schema';

/** Hidden attribute listing the filterable fields a document has a value for (`exists` filters). */
export const EXISTS_ATTRIBUTE = '__exists';
/** Hidden numeric twin of a date field (epoch milliseconds), used to filter and sort by date. */
export const dateAttribute = (field: string): string => `__ts_${field}`;

/** The attribute Meilisearch filters/sorts on for a schema field. */
export function filterAttribute(schema: ResolvedSchema, field: string): string {
  return schema.types.get(field) === 'date' ? dateAttribute(field) : field;
}

/**
 * A value as a Meilisearch filter string literal: always double-quoted, with `\` and `"` escaped by a
 * backslash (the filter parser unescapes `\"` and then `\\`), so no value can end the string early
 * or be read as an operator. Numbers and booleans are quoted too; Meilisearch compares by content.
 */
export function quoteFilterValue(value: string | number | boolean): string {
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Compiles a checked filter into Meilisearch's filter syntax. Attribute names come from the schema
 * (plain identifiers), never from the request; every operand is parenthesised, so precedence
 * (NOT > AND > OR) cannot regroup it.
 */
export function compileMeiliFilter(schema: ResolvedSchema, filter: CheckedFilter): string {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return filter.filters.map((child) => `(${compileMeiliFilter(schema, child)})`).join(filter.kind === 'and' ? ' AND ' : ' OR ');
    case 'not':
      return `NOT (${compileMeiliFilter(schema, filter.filter)})`;
    case 'exists':
      return `${EXISTS_ATTRIBUTE} = ${quoteFilterValue(filter.field)}`;
    case 'eq':
      return `${filterAttribute(schema, filter.field)} ${filter.negate ? '!=' : '='} ${quoteFilterValue(filter.value)}`;
    case 'in':
      return `${filterAttribute(schema, filter.field)} IN [${filter.values.map(quoteFilterValue).join(', ')}]`;
    case 'range': {
      const attribute = filterAttribute(schema, filter.field);
      if (filter.gte !== undefined && filter.lte !== undefined && filter.gt === undefined && filter.lt === undefined) {
        return `${attribute} ${quoteFilterValue(filter.gte)} TO ${quoteFilterValue(filter.lte)}`;
      }
      const parts: string[] = [];
      if (filter.gt !== undefined) parts.push(`${attribute} > ${quoteFilterValue(filter.gt)}`);
      if (filter.gte !== undefined) parts.push(`${attribute} >= ${quoteFilterValue(filter.gte)}`);
      if (filter.lt !== undefined) parts.push(`${attribute} < ${quoteFilterValue(filter.lt)}`);
      if (filter.lte !== undefined) parts.push(`${attribute} <= ${quoteFilterValue(filter.lte)}`);
      return parts.length === 1 ? parts[0] : parts.map((part) => `(${part})`).join(' AND ');
    }
  }
}
