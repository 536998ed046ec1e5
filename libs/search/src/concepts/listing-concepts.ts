import { ConceptAnnotation, ConceptAnnotator, KnowledgeGraph, seedGraph, seedVersion } from '@ttm/knowledge';
import { sharedAnalyzer } from '@ttm/search-engine';

/** At most this many concepts are kept per listing (most mentioned first): enough for any real listing. */
const MAX_CONCEPTS = 40;

export interface AnnotatedText {
  title: string;
  description: string;
  keywords: readonly string[];
}

/**
 * The knowledge graph indexing and matching read, with its annotator and version. Every indexed listing
 * records the version it was annotated with (`IndexedListing.conceptsVersion`), so a listing annotated
 * with an older graph is found and re-annotated by a rebuild.
 */
export class ListingKnowledge {
  private readonly annotator: ConceptAnnotator;

  constructor(
    readonly graph: KnowledgeGraph,
    readonly version: string,
    annotator?: ConceptAnnotator,
  ) {
    // Segmented as the index segments, so a label counts only as whole words of the text.
    const analyzer = sharedAnalyzer();
    this.annotator = annotator ?? new ConceptAnnotator(graph, (text) => analyzer.segments(text));
  }

  /**
   * The same knowledge with the bridge links of `graph` (the same concepts and labels, other link
   * weights): the annotator (≈ 1 s to build) and the version are kept, since link weights never change
   * what a listing is annotated with.
   */
  withLinkWeightsOf(graph: KnowledgeGraph): ListingKnowledge {
    return new ListingKnowledge(graph, this.version, this.annotator);
  }

  /** The concepts a listing names in its title, keywords and description (Chinese and English labels). */
  conceptsOf(listing: AnnotatedText): string[] {
    return this.annotationsOf(listing).map((annotation) => annotation.concept);
  }

  /** The same, with how often each concept is named and by which of its labels. */
  annotationsOf(listing: AnnotatedText): ConceptAnnotation[] {
    return this.annotator.annotate(annotatedText(listing)).slice(0, MAX_CONCEPTS);
  }
}

/** The text of a listing that annotation reads: title, keywords, description. */
export function annotatedText(listing: AnnotatedText): string {
  return `${listing.title}\n${listing.keywords.join('，')}\n${listing.description}`;
}

let current: ListingKnowledge | undefined;

/** The graph in use: the seed files' until the service loads another (`useListingKnowledge`). */
export function listingKnowledge(): ListingKnowledge {
  current ??= new ListingKnowledge(seedGraph(), seedVersion());
  return current;
}

export function useListingKnowledge(knowledge: ListingKnowledge): void {
  current = knowledge;
}
