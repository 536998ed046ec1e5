import { Injectable } from '@nestjs/common';
import { AuditAction } from '@ttm/audit';
import { AuthUser } from '@ttm/auth';
import { notFound } from '@ttm/errors';
import { ConceptRecord } from '@ttm/knowledge';
import { synonymAudit } from '../knowledge/knowledge-audit';
import { KnowledgeGraphService, LiveGraph } from '../knowledge/knowledge-graph.service';
import { LabelOwners, placeSynonymGroup, setSynonymTerms, synonymTerms } from '../knowledge/synonym-groups';
import { SynonymGroup } from './synonym-group.model';

/**
 * The synonym list (同义词表) is part of the knowledge graph: a group is a concept flagged
 * `searchSynonyms`, its terms that concept's pref and alt labels (see knowledge/synonym-groups.ts).
 * KnowledgeGraphService feeds the engine from the graph after every change, and validates each change
 * as a whole graph, so a term can never end up in two groups and a refused change leaves both the
 * graph and the engine as they were.
 */
@Injectable()
export class SynonymsService {
  constructor(private readonly knowledge: KnowledgeGraphService) {}

  list(): SynonymGroup[] {
    return this.knowledge
      .liveConcepts()
      .filter((concept) => concept.record.searchSynonyms)
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.record.id.localeCompare(b.record.id))
      .map((concept) => ({ id: concept.record.id, terms: synonymTerms(concept.record), updatedAt: concept.updatedAt }));
  }

  private group(id: string): SynonymGroup {
    const group = this.list().find((candidate) => candidate.id === id);
    if (!group) throw notFound('Synonym group', id);
    return group;
  }

  create(terms: string[], admin: AuthUser): Promise<SynonymGroup> {
    return this.knowledge.change(admin.id, (live) => {
      const placement = placeSynonymGroup(new LabelOwners([...live.values()]), terms, false);
      if (!placement) throw notFound('Synonym group', terms.join('、'));
      return {
        changes: [{ record: placement.record, origin: 'SYNONYMS' }],
        audit: [synonymAudit(AuditAction.SYNONYM_GROUP_CREATED, placement.record.id, null, synonymTerms(placement.record))],
        result: () => this.group(placement.record.id),
      };
    });
  }

  update(id: string, terms: string[], admin: AuthUser): Promise<SynonymGroup> {
    return this.knowledge.change(admin.id, (live) => {
      const before = flagged(live, id);
      const after = structuredClone(before);
      setSynonymTerms(after, terms, new LabelOwners([...live.values()]), false);
      return {
        changes: [{ record: after }],
        audit: [synonymAudit(AuditAction.SYNONYM_GROUP_UPDATED, id, synonymTerms(before), synonymTerms(after))],
        result: () => this.group(id),
      };
    });
  }

  /**
   * Search stops treating the terms as one: the concept loses its flag (its labels stay, they still name
   * it); a concept that only existed for the group (created from the synonym list, nothing links to it) goes.
   */
  delete(id: string, admin: AuthUser): Promise<boolean> {
    return this.knowledge.change(admin.id, (live) => {
      const before = flagged(live, id);
      const after: ConceptRecord = { ...before };
      delete after.searchSynonyms;
      const linked = [...live.values()].some((other) => [...other.broader, ...other.related, ...other.addressedBy.map((link) => link.target)].includes(id));
      const onlyForTheGroup = this.knowledge.concept(id)?.origin === 'SYNONYMS' && !linked && before.broader.length + before.related.length + before.addressedBy.length === 0;
      return {
        changes: [{ record: after, deleted: onlyForTheGroup }],
        audit: [synonymAudit(AuditAction.SYNONYM_GROUP_DELETED, id, synonymTerms(before), null)],
        result: () => true,
      };
    });
  }
}

function flagged(live: LiveGraph, id: string): ConceptRecord {
  const record = live.get(id);
  if (!record?.searchSynonyms) throw notFound('Synonym group', id);
  return record;
}
