import { CheckedFilter, toEpochMillis } from '../filter';
import { FieldType } from '../search-engine';

/**
 * Column storage of the filterable / sortable / facet fields, indexed by internal document number:
 * filters and facet counts read typed arrays instead of documents.
 */
export interface Column {
  readonly type: FieldType;
  set(doc: number, value: unknown): void;
  clear(doc: number): void;
  grow(capacity: number): void;
  has(doc: number): boolean;
}

function grown<T extends Float64Array | Int32Array>(array: T, capacity: number, fill: number): T {
  if (array.length >= capacity) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(capacity, array.length * 2));
  next.fill(fill);
  next.set(array);
  return next;
}

/** Numbers, booleans (0/1) and dates (epoch ms); NaN = no value. */
export class NumberColumn implements Column {
  values = new Float64Array(1024).fill(NaN);

  constructor(readonly type: 'number' | 'boolean' | 'date') {}

  grow(capacity: number): void {
    this.values = grown(this.values, capacity, NaN);
  }

  set(doc: number, value: unknown): void {
    let number = NaN;
    if (this.type === 'boolean') number = value === true ? 1 : value === false ? 0 : NaN;
    else if (this.type === 'date') number = toEpochMillis(value) ?? NaN;
    else if (typeof value === 'number' && Number.isFinite(value)) number = value;
    this.values[doc] = number;
  }

  clear(doc: number): void {
    this.values[doc] = NaN;
  }

  has(doc: number): boolean {
    return !Number.isNaN(this.values[doc]);
  }

  /** The facet label of a value, as Meilisearch prints it. */
  label(value: number): string {
    if (this.type === 'boolean') return value === 1 ? 'true' : 'false';
    return String(value);
  }
}

/** Exact-match strings, one or several per document, dictionary-encoded. */
export class KeywordColumn implements Column {
  readonly type = 'keyword' as const;
  readonly dictionary = new Map<string, number>();
  readonly labels: string[] = [];
  /** First value per document, -1 = none. */
  first = new Int32Array(1024).fill(-1);
  /** Further values of multi-valued documents (sparse; an array reads faster than a Map here). */
  readonly rest: (Int32Array | undefined)[] = [];
  /**
   * Per value, the documents holding it — kept for facet fields only (few distinct values, each shared by
   * many documents; a unique field like `id` would cost a set per document): a filter-only search on such a
   * value reads its documents instead of scanning every one (`candidateDocs`).
   */
  readonly postings: Map<number, Set<number>> | undefined;

  constructor(withPostings = false) {
    this.postings = withPostings ? new Map() : undefined;
  }

  grow(capacity: number): void {
    this.first = grown(this.first, capacity, -1);
  }

  set(doc: number, value: unknown): void {
    this.clear(doc);
    const values = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
    const ids: number[] = [];
    for (const item of values) {
      if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') continue;
      const id = this.intern(String(item));
      if (!ids.includes(id)) ids.push(id);
    }
    if (ids.length === 0) return;
    this.first[doc] = ids[0] as number;
    if (ids.length > 1) this.rest[doc] = Int32Array.from(ids.slice(1));
    if (this.postings) for (const id of ids) this.postingsOf(id).add(doc);
  }

  clear(doc: number): void {
    if (this.postings && this.first[doc] !== -1) {
      this.postings.get(this.first[doc])?.delete(doc);
      for (const id of this.rest[doc] ?? []) this.postings.get(id)?.delete(doc);
    }
    this.first[doc] = -1;
    if (this.rest[doc] !== undefined) this.rest[doc] = undefined;
  }

  private postingsOf(id: number): Set<number> {
    let docs = (this.postings as Map<number, Set<number>>).get(id);
    if (!docs) (this.postings as Map<number, Set<number>>).set(id, (docs = new Set()));
    return docs;
  }

  has(doc: number): boolean {
    return this.first[doc] !== -1;
  }

  contains(doc: number, id: number): boolean {
    if (this.first[doc] === id) return true;
    const rest = this.rest[doc];
    return rest !== undefined && rest.includes(id);
  }

  private intern(value: string): number {
    let id = this.dictionary.get(value);
    if (id === undefined) {
      id = this.labels.length;
      this.dictionary.set(value, id);
      this.labels.push(value);
    }
    return id;
  }
}

export type AnyColumn = NumberColumn | KeywordColumn;

/** `postings`: keep the documents of each value (facet fields; see KeywordColumn.postings). */
export function createColumn(type: FieldType, postings = false): AnyColumn {
  return type === 'keyword' || type === 'text' ? new KeywordColumn(postings) : new NumberColumn(type);
}

/**
 * The only documents that can pass `filter`, when it requires a value of a column that keeps postings
 * (an `eq`/`in` on it, alone or in an `and`: the narrowest), in ascending order; undefined when the
 * filter names no such value, or the narrowest holds more than `atMost` documents (reading every document
 * in order is then as fast as sorting them). A superset is fine: each candidate is still tested against the
 * whole filter.
 */
export function candidateDocs(filter: CheckedFilter, columns: ReadonlyMap<string, AnyColumn>, atMost: number): number[] | undefined {
  const sets = requiredSets(filter, columns);
  if (sets === undefined) return undefined;
  const narrowest = sets.reduce((best, docs) => (docs.size < best.size ? docs : best));
  return narrowest.size > atMost ? undefined : [...narrowest].sort((a, b) => a - b);
}

/** Document sets such that every document passing `filter` is in each of them (not copies: read only). */
function requiredSets(filter: CheckedFilter, columns: ReadonlyMap<string, AnyColumn>): ReadonlySet<number>[] | undefined {
  if (filter.kind === 'and') {
    const sets = filter.filters.flatMap((child) => requiredSets(child, columns) ?? []);
    return sets.length > 0 ? sets : undefined;
  }
  if ((filter.kind !== 'eq' || filter.negate) && filter.kind !== 'in') return undefined;
  const column = columns.get(filter.field);
  if (!(column instanceof KeywordColumn) || !column.postings) return undefined;
  const postings = column.postings;
  const values = filter.kind === 'eq' ? [filter.value] : filter.values;
  const sets = values.map((value) => postings.get(column.dictionary.get(String(value)) ?? -1) ?? NONE);
  if (sets.length === 1) return sets;
  const union = new Set<number>();
  for (const docs of sets) for (const doc of docs) union.add(doc);
  return [union];
}

const NONE: ReadonlySet<number> = new Set();

export function columnOf(columns: ReadonlyMap<string, AnyColumn>, field: string): AnyColumn {
  const column = columns.get(field);
  if (!column) throw new Error(`No column for ${field}`);
  return column;
}

/** Compiles a checked filter into a predicate over internal document numbers. */
export function compileFilter(filter: CheckedFilter, columns: ReadonlyMap<string, AnyColumn>): (doc: number) => boolean {
  switch (filter.kind) {
    case 'and': {
      const parts = filter.filters.map((child) => compileFilter(child, columns));
      return (doc) => parts.every((part) => part(doc));
    }
    case 'or': {
      const parts = filter.filters.map((child) => compileFilter(child, columns));
      return (doc) => parts.some((part) => part(doc));
    }
    case 'not': {
      const inner = compileFilter(filter.filter, columns);
      return (doc) => !inner(doc);
    }
    case 'exists': {
      const column = columnOf(columns, filter.field);
      return (doc) => column.has(doc);
    }
    case 'eq':
    case 'in': {
      const column = columnOf(columns, filter.field);
      const values = filter.kind === 'eq' ? [filter.value] : filter.values;
      const negate = filter.kind === 'eq' && filter.negate;
      let test: (doc: number) => boolean;
      if (column instanceof KeywordColumn) {
        const ids = values.map((value) => column.dictionary.get(String(value))).filter((id): id is number => id !== undefined);
        test = ids.length === 1 ? (doc) => column.contains(doc, ids[0]) : (doc) => ids.some((id) => column.contains(doc, id));
      } else {
        const numbers = values.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : Number(value)));
        const data = () => column.values;
        test = (doc) => numbers.includes(data()[doc]);
      }
      return negate ? (doc) => !test(doc) : test;
    }
    case 'range': {
      const column = columns.get(filter.field) as NumberColumn;
      const { gt, gte, lt, lte } = filter;
      return (doc) => {
        const value = column.values[doc];
        if (Number.isNaN(value)) return false;
        return (gt === undefined || value > gt) && (gte === undefined || value >= gte) && (lt === undefined || value < lt) && (lte === undefined || value <= lte);
      };
    }
  }
}
