import { Injectable } from '@nestjs/common';
import { badInput, conflict, notFound } from '@ttm/errors';
import { ConceptLabel, ConceptRecord } from '@ttm/knowledge';
import { isIndustryCode } from '@ttm/taxonomy';
import { ConceptLabelInput, ConceptLinkInput, ConceptLinkType, CreateConceptInput, UpdateConceptInput } from './concept.inputs';
import { StoredConcept } from './concept.repository';
import { labelIdentity } from './graph-checks';
import { conceptAudit } from './knowledge-audit';
import { KnowledgeGraphService, LiveGraph, PlannedEdit } from './knowledge-graph.service';

const toLabel = (input: ConceptLabelInput): ConceptLabel => ({ type: input.type, language: input.language, value: input.value.trim().replace(/\s+/g, ' ') });

function checkIndustries(industries: readonly string[]): void {
  const unknown = industries.filter((code) => !isIndustryCode(code));
  if (unknown.length > 0) throw badInput(`Unknown industry codes / 未知的行业代码: ${unknown.join(', ')}`, { field: 'industries' });
}

/** Applies the given fields of an input to a record (each replaces the old value whole). */
function applyFields(record: ConceptRecord, input: UpdateConceptInput): ConceptRecord {
  if (input.industries) checkIndustries(input.industries);
  return {
    ...record,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.labels ? { labels: input.labels.map(toLabel) } : {}),
    ...(input.industries ? { industries: [...new Set(input.industries)] } : {}),
    ...(input.broader ? { broader: [...new Set(input.broader)] } : {}),
    ...(input.related ? { related: [...new Set(input.related)] } : {}),
    ...(input.addressedBy ? { addressedBy: dedupeBridges(input.addressedBy.map((link) => ({ target: link.target, weight: link.weight ?? 1 }))) } : {}),
    ...(input.notes ? { notes: input.notes.map((note) => note.trim()).filter(Boolean) } : {}),
  };
}

function dedupeBridges(links: { target: string; weight: number }[]) {
  const byTarget = new Map<string, { target: string; weight: number }>();
  for (const link of links) if (!byTarget.has(link.target)) byTarget.set(link.target, link);
  return [...byTarget.values()];
}

function existing(live: LiveGraph, id: string): ConceptRecord {
  const record = live.get(id);
  if (!record) throw notFound('Concept', id);
  return record;
}

/** One concept edited: its record after, audited before → after. */
function edited(before: ConceptRecord, after: ConceptRecord, answer: () => StoredConcept): PlannedEdit<StoredConcept> {
  return { changes: [{ record: after }], audit: [conceptAudit(before, after)], result: answer };
}

/**
 * What curators (administrators and brokers) do to concepts through the API. Each edit is planned here
 * and applied by KnowledgeGraphService.change, which validates the whole graph and records who and when.
 */
@Injectable()
export class ConceptCurationService {
  constructor(private readonly knowledge: KnowledgeGraphService) {}

  private stored = (id: string) => () => this.knowledge.concept(id) as StoredConcept;

  create(actorId: string, input: CreateConceptInput): Promise<StoredConcept> {
    return this.knowledge.change(actorId, (live) => {
      if (live.has(input.id)) throw conflict(`Concept ${input.id} already exists: update it instead / 概念 ${input.id} 已存在`, { field: 'id' });
      const record = applyFields({ id: input.id, kind: input.kind, industries: [], labels: [], broader: [], related: [], addressedBy: [], notes: [] }, input);
      return { changes: [{ record, origin: 'CURATOR' }], audit: [conceptAudit(null, record)], result: this.stored(input.id) };
    });
  }

  update(actorId: string, id: string, input: UpdateConceptInput): Promise<StoredConcept> {
    return this.knowledge.change(actorId, (live) => {
      const before = existing(live, id);
      return edited(before, applyFields(before, input), this.stored(id));
    });
  }

  /** Deletes a concept; refused (CONFLICT) while other concepts link to it. */
  delete(actorId: string, id: string): Promise<boolean> {
    return this.knowledge.change(actorId, (live) => {
      const before = existing(live, id);
      const linking = [...live.values()].filter((other) => other.id !== id && [...other.broader, ...other.related, ...other.addressedBy.map((link) => link.target)].includes(id));
      if (linking.length > 0) {
        throw conflict(`Concept ${id} is linked from ${linking.slice(0, 10).map((other) => other.id).join(', ')}: unlink those first / 仍有概念链接到 ${id}，请先解除链接`, {
          linkedFrom: linking.map((other) => other.id),
        });
      }
      return { changes: [{ record: before, deleted: true }], audit: [conceptAudit(before, null)], result: () => true };
    });
  }

  addLabel(actorId: string, id: string, input: ConceptLabelInput): Promise<StoredConcept> {
    return this.knowledge.change(actorId, (live) => {
      const before = existing(live, id);
      const label = toLabel(input);
      if (before.labels.some((held) => held.type === label.type && labelIdentity(held) === labelIdentity(label))) {
        throw conflict(`${id} already has this label / 该概念已有此标签: ${label.value}`, { field: 'label' });
      }
      return edited(before, { ...before, labels: [...before.labels, label] }, this.stored(id));
    });
  }

  removeLabel(actorId: string, id: string, input: ConceptLabelInput): Promise<StoredConcept> {
    return this.knowledge.change(actorId, (live) => {
      const before = existing(live, id);
      const label = toLabel(input);
      const labels = before.labels.filter((held) => !(held.type === label.type && labelIdentity(held) === labelIdentity(label)));
      if (labels.length === before.labels.length) throw notFound(`Label "${label.value}" (${label.type}, ${label.language}) of concept`, id);
      return edited(before, { ...before, labels }, this.stored(id));
    });
  }

  link(actorId: string, input: ConceptLinkInput): Promise<StoredConcept> {
    return this.knowledge.change(actorId, (live) => {
      const before = existing(live, input.from);
      if (input.from === input.to) throw badInput('A concept cannot link to itself / 概念不能链接到自身', { field: 'to' });
      if (input.weight !== undefined && input.type !== ConceptLinkType.ADDRESSED_BY) throw badInput('weight is for ADDRESSED_BY links only', { field: 'weight' });
      const after = structuredClone(before);
      if (input.type === ConceptLinkType.BROADER) after.broader = [...new Set([...after.broader, input.to])];
      else if (input.type === ConceptLinkType.RELATED) after.related = [...new Set([...after.related, input.to])];
      else {
        const weight = input.weight ?? 1;
        const link = after.addressedBy.find((candidate) => candidate.target === input.to);
        if (link) link.weight = weight;
        else after.addressedBy.push({ target: input.to, weight });
      }
      return edited(before, after, this.stored(input.from));
    });
  }

  unlink(actorId: string, input: ConceptLinkInput): Promise<StoredConcept> {
    return this.knowledge.change(actorId, (live) => {
      const before = existing(live, input.from);
      const after = structuredClone(before);
      if (input.type === ConceptLinkType.BROADER) after.broader = after.broader.filter((id) => id !== input.to);
      else if (input.type === ConceptLinkType.ADDRESSED_BY) after.addressedBy = after.addressedBy.filter((link) => link.target !== input.to);
      else {
        // related is symmetric: the link may be stored on either side.
        after.related = after.related.filter((id) => id !== input.to);
        const other = live.get(input.to);
        if (other?.related.includes(input.from)) {
          const otherAfter = { ...other, related: other.related.filter((id) => id !== input.from) };
          return { changes: [{ record: after }, { record: otherAfter }], audit: [conceptAudit(before, after), conceptAudit(other, otherAfter)], result: this.stored(input.from) };
        }
      }
      if (JSON.stringify(after) === JSON.stringify(before)) throw notFound(`${input.type} link ${input.from} → ${input.to}`, input.from);
      return edited(before, after, this.stored(input.from));
    });
  }
}
