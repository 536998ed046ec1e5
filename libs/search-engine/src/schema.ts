import { badInput } from '@ttm/errors';
import { checkFilter, CheckedFilter } from './filter';
import {
  DEFAULT_LIMIT,
  DEFAULT_POST_TAG,
  DEFAULT_PRE_TAG,
  FieldType,
  IndexSchema,
  MatchingStrategy,
  MAX_LIMIT,
  MAX_TOTAL_HITS,
  SearchRequest,
  SortSpec,
} from './search-engine';

/** The schema in the shape the adapters use. */
export interface ResolvedSchema {
  /** Searchable fields, most important first. */
  searchable: { field: string; weight: number }[];
  filterable: Set<string>;
  sortable: Set<string>;
  facets: Set<string>;
  types: Map<string, FieldType>;
}

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export function resolveSchema(schema: IndexSchema): ResolvedSchema {
  const resolved: ResolvedSchema = { searchable: [], filterable: new Set(), sortable: new Set(), facets: new Set(), types: new Map() };
  for (const [field, spec] of Object.entries(schema.fields)) {
    if (!spec) continue;
    if (!FIELD_NAME.test(field)) throw new Error(`Search schema: field name ${JSON.stringify(field)} must be a plain identifier`);
    resolved.types.set(field, spec.type);
    if (spec.searchWeight !== undefined) {
      if (spec.type !== 'text' && spec.type !== 'keyword') throw new Error(`Search schema: ${field} is ${spec.type} and cannot be searchable`);
      if (!(spec.searchWeight > 0)) throw new Error(`Search schema: ${field}.searchWeight must be positive`);
      resolved.searchable.push({ field, weight: spec.searchWeight });
    }
    if (spec.filterable || spec.facet) resolved.filterable.add(field);
    if (spec.facet) {
      if (spec.type === 'text' || spec.type === 'date') throw new Error(`Search schema: ${field} is ${spec.type} and cannot be a facet`);
      resolved.facets.add(field);
    }
    if (spec.sortable) {
      if (spec.type === 'text') throw new Error(`Search schema: ${field} is text and cannot be sortable`);
      resolved.sortable.add(field);
    }
  }
  if (!resolved.types.has('id')) resolved.types.set('id', 'keyword');
  resolved.searchable.sort((a, b) => b.weight - a.weight || a.field.localeCompare(b.field));
  return resolved;
}

/** A request checked against the schema with defaults filled in. */
export interface CheckedRequest {
  query: string;
  filter: CheckedFilter | undefined;
  facets: string[];
  sort: SortSpec[];
  limit: number;
  offset: number;
  highlight: { fields: string[]; preTag: string; postTag: string } | undefined;
  matchingStrategy: MatchingStrategy;
}

const MAX_QUERY_CHARS = 4000;

export function checkRequest(schema: ResolvedSchema, request: SearchRequest): CheckedRequest {
  const query = (request.query ?? '').trim();
  if (query.length > MAX_QUERY_CHARS) throw badInput(`Search text is longer than ${MAX_QUERY_CHARS} characters: shorten it`);
  const limit = request.limit ?? DEFAULT_LIMIT;
  const offset = request.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) throw badInput(`limit must be an integer between 0 and ${MAX_LIMIT}`);
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset must be a non-negative integer');
  if (offset + limit > MAX_TOTAL_HITS) throw badInput(`Cannot page past the first ${MAX_TOTAL_HITS} hits: refine the search instead`);
  const facets = [...new Set(request.facets ?? [])];
  for (const facet of facets) {
    if (!schema.facets.has(facet)) throw badInput(`Cannot count facet "${facet}": facets are ${[...schema.facets].sort().join(', ')}`);
  }
  const sort = request.sort ?? [];
  for (const key of sort) {
    if (!schema.sortable.has(key.field)) throw badInput(`Cannot sort by "${key.field}": sortable fields are ${[...schema.sortable].sort().join(', ')}`);
    if (key.direction !== 'asc' && key.direction !== 'desc') throw badInput('Sort direction must be asc or desc');
  }
  let highlight: CheckedRequest['highlight'];
  if (request.highlight) {
    const searchable = new Set(schema.searchable.map((s) => s.field));
    for (const field of request.highlight.fields) {
      if (!searchable.has(field)) throw badInput(`Cannot highlight "${field}": it is not searchable`);
    }
    highlight = {
      fields: [...new Set(request.highlight.fields)],
      preTag: request.highlight.preTag ?? DEFAULT_PRE_TAG,
      postTag: request.highlight.postTag ?? DEFAULT_POST_TAG,
    };
  }
  const matchingStrategy = request.matchingStrategy ?? 'frequency';
  if (!['all', 'last', 'frequency'].includes(matchingStrategy)) throw badInput('matchingStrategy must be all, last or frequency');
  return {
    query,
    filter: request.filter === undefined ? undefined : checkFilter(schema, request.filter),
    facets,
    sort,
    limit,
    offset,
    highlight,
    matchingStrategy,
  };
}

/** Refuses documents the engines could not index consistently. */
export function checkDocuments(schema: ResolvedSchema, documents: readonly { id: unknown }[]): void {
  for (const doc of documents) {
    if (typeof doc !== 'object' || doc === null) throw badInput('Search documents must be objects');
    if (typeof doc.id !== 'string' || !/^[A-Za-z0-9_-]{1,511}$/.test(doc.id)) {
      throw badInput(`Search document id ${JSON.stringify(doc.id)} must be 1–511 characters of letters, digits, - and _`);
    }
  }
  void schema;
}
