import { ConceptKind, ConceptRecord, LabelLanguage, prefLabel } from './concept';

/**
 * An immutable, indexed view of the concepts: what the annotator, the matcher and search read. Built
 * from the seed files in tests and tools, from PostgreSQL in the running service (rebuilt when the
 * graph changes).
 */
export class KnowledgeGraph {
  private readonly byId: ReadonlyMap<string, ConceptRecord>;
  private readonly narrowerOf = new Map<string, string[]>();
  /** `addressedBy` read backwards: a method → the problems it addresses. */
  private readonly addressesOf = new Map<string, { problem: string; weight: number }[]>();
  private readonly relatedOf = new Map<string, Set<string>>();

  constructor(readonly concepts: readonly ConceptRecord[]) {
    this.byId = new Map(concepts.map((concept) => [concept.id, concept]));
    for (const concept of concepts) {
      for (const parent of concept.broader) this.narrowerOf.set(parent, [...(this.narrowerOf.get(parent) ?? []), concept.id]);
      for (const link of concept.addressedBy) {
        this.addressesOf.set(link.target, [...(this.addressesOf.get(link.target) ?? []), { problem: concept.id, weight: link.weight }]);
      }
      // skos:related is symmetric.
      for (const other of concept.related) {
        if (!this.relatedOf.has(concept.id)) this.relatedOf.set(concept.id, new Set());
        if (!this.relatedOf.has(other)) this.relatedOf.set(other, new Set());
        this.relatedOf.get(concept.id)?.add(other);
        this.relatedOf.get(other)?.add(concept.id);
      }
    }
  }

  get size(): number {
    return this.concepts.length;
  }

  concept(id: string): ConceptRecord | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  label(id: string, language: LabelLanguage = 'zh'): string {
    const concept = this.byId.get(id);
    return concept ? prefLabel(concept, language) : id;
  }

  kind(id: string): ConceptKind | undefined {
    return this.byId.get(id)?.kind;
  }

  broader(id: string): readonly string[] {
    return this.byId.get(id)?.broader ?? [];
  }

  narrower(id: string): readonly string[] {
    return this.narrowerOf.get(id) ?? [];
  }

  related(id: string): readonly string[] {
    return [...(this.relatedOf.get(id) ?? [])];
  }

  /** What addresses a problem: its bridge links, with their learned weights. */
  addressedBy(id: string): ConceptRecord['addressedBy'] {
    return this.byId.get(id)?.addressedBy ?? [];
  }

  /** The problems a method (process, material, device) addresses. */
  addresses(id: string): readonly { problem: string; weight: number }[] {
    return this.addressesOf.get(id) ?? [];
  }

  /** Every ancestor through broader links, nearest first, each once. */
  ancestors(id: string): string[] {
    const seen = new Set<string>();
    const queue = [...this.broader(id)];
    while (queue.length) {
      const next = queue.shift() as string;
      if (seen.has(next) || next === id) continue;
      seen.add(next);
      queue.push(...this.broader(next));
    }
    return [...seen];
  }
}
