import { EmbeddedSearchEngine, SearchIndex } from '@ttm/search-engine';
import { DEFAULT_SYNONYM_GROUPS } from '@ttm/taxonomy';
import { INDEXED_LISTING_SCHEMA, IndexedListing } from '../index/indexed-listing';
import { Matcher } from '../matching/matcher';

/** The clock the matching tests' freshness is measured against. */
export const MATCHING_TEST_NOW = new Date('2026-11-27T00:00:00Z');

export interface MatchingIndex {
  engine: EmbeddedSearchEngine;
  index: SearchIndex<IndexedListing>;
  matcher: Matcher;
  close(): Promise<void>;
}

/** An in-memory embedded index holding `listings` (with the default synonyms) and a Matcher on it, for matching tests. */
export async function matchingIndex(listings: readonly IndexedListing[]): Promise<MatchingIndex> {
  const engine = new EmbeddedSearchEngine({ workers: 0 });
  const index = engine.index('listings', INDEXED_LISTING_SCHEMA);
  await index.rebuild([listings]);
  await index.setSynonyms(DEFAULT_SYNONYM_GROUPS);
  return { engine, index, matcher: new Matcher(index, { now: () => MATCHING_TEST_NOW }), close: () => engine.close() };
}
