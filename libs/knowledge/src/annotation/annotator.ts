import AhoCorasick from 'modern-ahocorasick';
import { LabelType } from '../graph/concept';
import { KnowledgeGraph } from '../graph/knowledge-graph';
import { labelKey } from '../graph/validation';

/** One place in a text where a concept is named. */
export interface ConceptMention {
  concept: string;
  /** The label as written in the graph (its pref, alt or hidden form). */
  label: string;
  labelType: LabelType;
  /** UTF-16 offsets into the normalised text (see `normalizeForAnnotation`). */
  start: number;
  end: number;
}

/** A concept named in a text, with how often and how it was named. */
export interface ConceptAnnotation {
  concept: string;
  count: number;
  /** The labels that named it, as written in the graph. */
  labels: string[];
}

interface LabelEntry {
  concept: string;
  label: string;
  labelType: LabelType;
}

/**
 * Shorter labels than this are not matched: a single Chinese character (膜, 泵) or two Latin letters
 * (AI, PV) name too many things inside longer words to annotate by themselves.
 */
const MIN_CJK_LABEL = 2;
const MIN_LATIN_LABEL = 3;

const isLatin = (value: string) => /^[\x20-\x7e]+$/.test(value);

/** Full-width letters and digits to ASCII (NFKC), lower case, one space for any run of spaces. */
export function normalizeForAnnotation(text: string): string {
  return labelKey(text.normalize('NFKC'));
}

/**
 * Finds the concepts a text names, by every label of the graph (Chinese and English, hidden shop-floor
 * words included) in one Aho–Corasick pass: leftmost-longest, so 经编坯布疵点 wins over 疵点 at the same
 * place, and Latin labels only as whole words (PERC is not found inside "percent"). Built once per
 * graph version; annotating is linear in the text.
 */
export class ConceptAnnotator {
  private readonly matcher: AhoCorasick<number>;
  private readonly entries: LabelEntry[] = [];

  constructor(readonly graph: KnowledgeGraph) {
    const patterns: { pattern: string; data: number }[] = [];
    const seen = new Map<string, number>();
    for (const concept of graph.concepts) {
      for (const label of concept.labels) {
        const pattern = normalizeForAnnotation(label.value);
        const minimum = isLatin(pattern) ? MIN_LATIN_LABEL : MIN_CJK_LABEL;
        if ([...pattern].length < minimum) continue;
        // A label shared by two concepts (with an editorial note) names both: keep the first, the rarer case.
        if (seen.has(pattern)) continue;
        seen.set(pattern, this.entries.length);
        this.entries.push({ concept: concept.id, label: label.value, labelType: label.type });
        patterns.push({ pattern, data: this.entries.length - 1 });
      }
    }
    this.matcher = new AhoCorasick(patterns, { boundary: 'ascii-edge' });
  }

  /** Every mention, left to right, non-overlapping, longest first at each place. */
  mentions(text: string): ConceptMention[] {
    if (!text) return [];
    const normalized = normalizeForAnnotation(text);
    return this.matcher.search(normalized, { strategy: 'leftmost-longest' }).map((match) => {
      const entry = this.entries[match.data ?? -1] as LabelEntry;
      return { concept: entry.concept, label: entry.label, labelType: entry.labelType, start: match.start, end: match.end };
    });
  }

  /** The concepts of a text, most mentioned first (ties: first mentioned first). */
  annotate(text: string): ConceptAnnotation[] {
    const byConcept = new Map<string, ConceptAnnotation>();
    for (const mention of this.mentions(text)) {
      const annotation = byConcept.get(mention.concept) ?? { concept: mention.concept, count: 0, labels: [] };
      annotation.count += 1;
      if (!annotation.labels.includes(mention.label)) annotation.labels.push(mention.label);
      byConcept.set(mention.concept, annotation);
    }
    return [...byConcept.values()].sort((a, b) => b.count - a.count);
  }
}
