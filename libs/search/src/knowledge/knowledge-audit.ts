import { AuditAction, AuditTargetType, NewAuditEntry } from '@ttm/audit';
import { ConceptRecord, prefLabel } from '@ttm/knowledge';
import type { SeedMerge } from './seed-merge';

type ConceptAudit = Omit<NewAuditEntry, 'actorId'>;

/** What the log keeps of a concept: everything but its id (the target). */
function snapshot(record: ConceptRecord): Record<string, unknown> {
  const { id: _id, ...rest } = record;
  return { ...rest, labels: record.labels.map((label) => `${label.type} ${label.language} ${label.value}`) };
}

/** The entry of a concept edit: created (before null), updated, or deleted (after null). */
export function conceptAudit(before: ConceptRecord | null, after: ConceptRecord | null): ConceptAudit {
  const record = (after ?? before) as ConceptRecord;
  return {
    action: !before ? AuditAction.CONCEPT_CREATED : !after ? AuditAction.CONCEPT_DELETED : AuditAction.CONCEPT_UPDATED,
    targetType: AuditTargetType.CONCEPT,
    targetId: record.id,
    targetLabel: prefLabel(record),
    before: before ? snapshot(before) : null,
    after: after ? snapshot(after) : null,
  };
}

/** The entry of a synonym group edit (the group is a concept: its id is the concept's). */
export function synonymAudit(action: AuditAction, conceptId: string, before: readonly string[] | null, after: readonly string[] | null): ConceptAudit {
  return {
    action,
    targetType: AuditTargetType.SYNONYM_GROUP,
    targetId: conceptId,
    targetLabel: (after ?? before ?? []).join('、'),
    before: before ? { terms: [...before] } : null,
    after: after ? { terms: [...after] } : null,
  };
}

/** One entry for a Turtle import by an administrator: the counts, not every concept. */
export function importAudit(mode: string, counts: Record<string, number>): ConceptAudit {
  return {
    action: AuditAction.KNOWLEDGE_GRAPH_IMPORTED,
    targetType: AuditTargetType.KNOWLEDGE_GRAPH,
    targetId: 'knowledge-graph',
    targetLabel: `SKOS Turtle (${mode})`,
    after: counts,
  };
}

/** The system's entry for a seed import at start-up (actor null). */
export function seedImportAudit(seedVersion: string, merge: SeedMerge): NewAuditEntry {
  return {
    ...importAudit('seed', { written: merge.written.length, removed: merge.removed.length, adjusted: merge.adjustments.length }),
    actorId: null,
    targetLabel: `seed files ${seedVersion}`,
  };
}
