import type { Settings } from './meilisearch-client';
import { ResolvedSchema } from '../schema';
import { MAX_TOTAL_HITS } from '../search-engine';
import { DOMAIN_TERMS, STOP_WORDS } from '../text/domain-terms';
import { EXISTS_ATTRIBUTE, filterAttribute } from './meili-filter';

/**
 * The index settings a schema calls for (synonyms are set separately). `sort` comes first in the
 * ranking rules so that an explicit sort orders hits strictly, as in the embedded engine; without a
 * sort it has no effect and relevance decides.
 */
export function settingsFor(schema: ResolvedSchema): Settings {
  const searchable = schema.searchable.map(({ field }) => field);
  return {
    searchableAttributes: searchable,
    displayedAttributes: ['*'],
    filterableAttributes: [...new Set(['id', EXISTS_ATTRIBUTE, ...[...schema.filterable].map((field) => filterAttribute(schema, field))])].sort(),
    sortableAttributes: [...schema.sortable].map((field) => filterAttribute(schema, field)).sort(),
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    stopWords: [...STOP_WORDS].sort(),
    dictionary: [...DOMAIN_TERMS].sort(),
    localizedAttributes: searchable.length > 0 ? [{ attributePatterns: searchable, locales: ['cmn'] }] : [],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnNumbers: true },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
  };
}

/** Settings whose order carries no meaning; compared as sets. */
const UNORDERED = new Set(['filterableAttributes', 'sortableAttributes', 'stopWords', 'dictionary']);

/** The part of `desired` that differs from `current` (only what we manage; missing = differs). */
export function settingsDiff(desired: Settings, current: Settings | undefined): Settings {
  const diff: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) {
    const actual = (current as Record<string, unknown> | undefined)?.[key];
    if (!covers(value, actual, UNORDERED.has(key))) diff[key] = value;
  }
  return diff;
}

/** Whether `actual` has every value `wanted` sets (extra keys the server reports are ignored). */
function covers(wanted: unknown, actual: unknown, unordered = false): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(actual) || actual.length !== wanted.length) return false;
    const left = unordered ? [...wanted].map((v) => JSON.stringify(v)).sort() : wanted.map((v) => JSON.stringify(v));
    const right = unordered ? [...actual].map((v) => JSON.stringify(v)).sort() : actual.map((v) => JSON.stringify(v));
    return left.every((value, i) => value === right[i]);
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(wanted).every(([key, value]) => covers(value, (actual as Record<string, unknown>)[key]));
  }
  return wanted === actual;
}

/** Synonym maps compared as term → set of terms. */
export function sameSynonyms(a: Record<string, string[]>, b: Record<string, string[]> | null | undefined): boolean {
  const normalize = (map: Record<string, string[]>) =>
    JSON.stringify(
      Object.entries(map)
        .map(([term, others]) => [term, [...others].sort()] as const)
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
    );
  return normalize(a) === normalize(b ?? {});
}
