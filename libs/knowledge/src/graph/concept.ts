/**
 * The knowledge graph's model (SKOS): concepts with labels in Chinese and English, a broader/narrower
 * hierarchy, associative `related` links, and typed bridge links from a problem to what addresses it.
 * Plain data, the same whether it comes from the seed files, a SKOS import or PostgreSQL.
 */
export const CONCEPT_KINDS = ['PROBLEM', 'METHOD', 'PROCESS', 'MATERIAL', 'DEVICE', 'PRODUCT', 'FIELD', 'PROPERTY'] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

export type LabelLanguage = 'zh' | 'en';

/** prefLabel: the name shown; altLabel: synonyms, abbreviations; hiddenLabel: shop-floor words and mis-writings (matched, never shown). */
export type LabelType = 'PREF' | 'ALT' | 'HIDDEN';

export interface ConceptLabel {
  type: LabelType;
  language: LabelLanguage;
  value: string;
}

/** A problem (or a lacking property) → a method, process, material or device that detects, solves or prevents it. */
export interface BridgeLink {
  target: string;
  /** Starts at 1; learning from brokers' outcomes moves it within bounds (see link-weights). */
  weight: number;
}

export interface ConceptRecord {
  /** Stable id, the local name of its IRI: `warpknit-yarn-breakage` ↔ https://kg.techbridge.cn/concept/warpknit-yarn-breakage */
  id: string;
  kind: ConceptKind;
  /** Taxonomy industry codes (@ttm/taxonomy) the concept belongs to; empty for general methods. */
  industries: string[];
  labels: ConceptLabel[];
  broader: string[];
  related: string[];
  addressedBy: BridgeLink[];
  /** skos:editorialNote: why a label is shared with another concept, or other curation remarks. */
  notes: string[];
  /**
   * kgo:searchSynonyms: the concept's pref and alt labels are one group of search synonyms (the
   * administrators' 同义词表), fed to the search engine. Absent (not false) when unset.
   */
  searchSynonyms?: boolean;
}

export function prefLabel(concept: ConceptRecord, language: LabelLanguage = 'zh'): string {
  return (
    concept.labels.find((label) => label.type === 'PREF' && label.language === language)?.value ??
    concept.labels.find((label) => label.type === 'PREF')?.value ??
    concept.id
  );
}
