import { Injectable } from '@nestjs/common';
import { AppError } from '@ttm/errors';
import { ConceptRecord, GraphProblem, parseSkos, SkosFormatError, validateGraph, writeSkos } from '@ttm/knowledge';
import { normalizeSynonymGroups } from '@ttm/search-engine';
import { KnowledgeImportMode } from './concept.inputs';
import { KnowledgeImportReport } from './concept.model';
import { importAudit } from './knowledge-audit';
import { ConceptChange, KnowledgeGraphService } from './knowledge-graph.service';
import { synonymGroupsOf } from './synonym-groups';

/** Refused before anything is planned: the report says why, and nothing is written. */
class ImportRefused extends Error {
  constructor(readonly errors: GraphProblem[]) {
    super('import refused');
  }
}

const sameRecord = (a: ConceptRecord, b: ConceptRecord) => JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
const normalized = (record: ConceptRecord) => ({ ...record, searchSynonyms: record.searchSynonyms === true });

/** SKOS Turtle in and out (administrators): the whole graph exported with writeSkos, imported with parseSkos. */
@Injectable()
export class KnowledgeTurtleService {
  constructor(private readonly knowledge: KnowledgeGraphService) {}

  export(): Promise<string> {
    return writeSkos(this.knowledge.liveConcepts().map((concept) => concept.record));
  }

  /**
   * Imports Turtle: MERGE adds its concepts and replaces those with the same ids; REPLACE makes the graph
   * exactly the Turtle. The graph after the import is validated whole before anything is written; with
   * errors (or dryRun) the report tells what would happen and nothing changes. Imported concepts count as
   * curated (the seed no longer overrides them).
   */
  async import(actorId: string, turtle: string, mode: KnowledgeImportMode, dryRun: boolean): Promise<KnowledgeImportReport> {
    let incoming: ConceptRecord[];
    try {
      incoming = parseSkos(turtle, 'the Turtle');
    } catch (error) {
      if (error instanceof SkosFormatError) return emptyReport([{ concept: '', message: error.message }], 0);
      throw error;
    }
    if (incoming.length === 0) return emptyReport([{ concept: '', message: 'the Turtle holds no skos:Concept / 导入内容中没有概念' }], 0);
    const counts = { concepts: incoming.length, created: 0, updated: 0, unchanged: 0, deleted: 0 };
    const plan = (live: ReadonlyMap<string, ConceptRecord>) => {
      const changes: ConceptChange[] = [];
      const incomingIds = new Set(incoming.map((record) => record.id));
      for (const record of incoming) {
        const before = live.get(record.id);
        if (!before) counts.created++;
        else if (sameRecord(before, record)) {
          counts.unchanged++;
          continue;
        } else counts.updated++;
        changes.push({ record, origin: 'CURATOR' });
      }
      if (mode === KnowledgeImportMode.REPLACE) {
        for (const record of live.values()) {
          if (incomingIds.has(record.id)) continue;
          counts.deleted++;
          changes.push({ record, deleted: true });
        }
      }
      const after = new Map(live);
      changes.forEach((change) => (change.deleted ? after.delete(change.record.id) : after.set(change.record.id, change.record)));
      const afterRecords = [...after.values()];
      const known = new Set(validateGraph([...live.values()]).map((problem) => `${problem.concept}|${problem.message}`));
      const errors = validateGraph(afterRecords).filter((problem) => !known.has(`${problem.concept}|${problem.message}`));
      try {
        normalizeSynonymGroups(synonymGroupsOf(afterRecords));
      } catch (error) {
        if (error instanceof AppError) errors.push({ concept: '', message: error.message });
        else throw error;
      }
      if (errors.length > 0 || dryRun) throw new ImportRefused(errors);
      // One entry for the import (a REPLACE may touch thousands of concepts): the counts.
      return { changes, audit: [importAudit(mode, counts)], result: () => counts };
    };
    try {
      await this.knowledge.change(actorId, plan);
      return { applied: true, ...counts, errors: [] };
    } catch (error) {
      if (error instanceof ImportRefused) return { applied: false, ...counts, errors: error.errors };
      throw error;
    }
  }
}

function emptyReport(errors: GraphProblem[], concepts: number): KnowledgeImportReport {
  return { applied: false, concepts, created: 0, updated: 0, unchanged: 0, deleted: 0, errors };
}
