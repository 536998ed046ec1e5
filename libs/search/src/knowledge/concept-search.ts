import { badInput } from '@ttm/errors';
import { Connection, decodeCursor, DEFAULT_PAGE_SIZE, toConnection } from '@ttm/graphql';
import { labelKey } from '@ttm/knowledge';
import { industryWithDescendants } from '@ttm/taxonomy';
import { StoredConcept } from './concept.repository';

export interface ConceptFilter {
  query?: string;
  kind?: string;
  industry?: string;
  first?: number;
  after?: string;
}

/** How well a concept's labels match the query: 0 an exact label, 1 a label starting with it, 2 containing it; null none. */
function rank(concept: StoredConcept, query: string): number | null {
  let best: number | null = null;
  for (const label of concept.record.labels) {
    const value = labelKey(label.value);
    const score = value === query ? 0 : value.startsWith(query) ? 1 : value.includes(query) ? 2 : null;
    if (score !== null && (best === null || score < best)) best = score;
  }
  return best;
}

/**
 * Concepts by label, kind and industry, best matches first (then by id), in pages. The graph is in
 * memory, so this is a scan of a few thousand concepts; the cursor is the position in that order.
 */
export function searchConcepts(concepts: readonly StoredConcept[], filter: ConceptFilter): Connection<StoredConcept> {
  const query = filter.query ? labelKey(filter.query) : '';
  const industries = filter.industry ? new Set(industryWithDescendants(filter.industry)) : null;
  const ranked: { concept: StoredConcept; score: number }[] = [];
  for (const concept of concepts) {
    if (filter.kind && concept.record.kind !== filter.kind) continue;
    if (industries && !concept.record.industries.some((code) => industries.has(code))) continue;
    const score = query ? rank(concept, query) : 0;
    if (score !== null) ranked.push({ concept, score });
  }
  ranked.sort((a, b) => a.score - b.score || a.concept.record.id.localeCompare(b.concept.record.id));
  const first = filter.first ?? DEFAULT_PAGE_SIZE;
  const start = filter.after ? positionAfter(filter.after) : 0;
  const rows = ranked.slice(start, start + first + 1).map((entry, offset) => ({ ...entry, position: start + offset }));
  const page = toConnection(rows, first, ranked.length, (row) => ({ sortValue: row.position, id: row.concept.record.id }));
  return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.concept })) };
}

function positionAfter(after: string): number {
  const position = decodeCursor(after).sortValue;
  if (typeof position !== 'number' || !Number.isInteger(position) || position < 0) {
    throw badInput('The `after` cursor is not valid: pass the endCursor of a previous page unchanged', { field: 'after' });
  }
  return position + 1;
}
