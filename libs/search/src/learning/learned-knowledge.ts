import { listingKnowledge, ListingKnowledge, useListingKnowledge } from '../concepts/listing-concepts';
import { withLearnedWeights } from './link-weights';

/** The knowledge this module installed last, and the graph it was learned on top of. */
let installed: ListingKnowledge | undefined;
let base: ListingKnowledge | undefined;

/**
 * Makes the graph in use carry the learned link weights (by `linkId`), on top of whatever graph is
 * loaded (the seed files, or the one PostgreSQL holds): a graph loaded since the last call becomes the
 * new base. The annotation version stays the base graph's: weights never change which concepts a
 * listing names, so listings are not re-annotated and the index is not rebuilt when they change.
 */
export function applyLearnedWeights(weights: ReadonlyMap<string, number>): void {
  const current = listingKnowledge();
  if (current !== installed || !base) base = current;
  installed = base.withLinkWeightsOf(withLearnedWeights(base.graph, weights));
  useListingKnowledge(installed);
}

/** False once another graph was loaded after the learned weights were applied (they must be applied again). */
export function learnedWeightsApplied(): boolean {
  return installed !== undefined && listingKnowledge() === installed;
}
