import type { ConceptRecord } from '@ttm/knowledge';
import { EntityManager, In } from 'typeorm';
import { BridgeLinkEntity, BroaderLinkEntity, ConceptEntity, ConceptLabelEntity, ConceptOrigin, GraphVersionEntity, RelatedLinkEntity } from './concept.entity';

/** A concept as stored: the graph's record plus who owns it (seed or curators) and who changed it last. */
export interface StoredConcept {
  record: ConceptRecord;
  origin: ConceptOrigin;
  curatedAt: Date | null;
  deletedAt: Date | null;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface GraphVersionRow {
  seedVersion: string | null;
  revision: number;
  synonymsImported: boolean;
  updatedBy: string | null;
  updatedAt: Date;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table (5 columns). */
const CHUNK = 2000;
const chunks = <T>(rows: readonly T[]): T[][] => Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, index) => rows.slice(index * CHUNK, (index + 1) * CHUNK));

/** Every stored concept, tombstones included, with labels and links in the order they were given. */
export async function loadConcepts(manager: EntityManager): Promise<Map<string, StoredConcept>> {
  // One after another: inside a transaction the manager holds a single connection.
  const rows = await manager.find(ConceptEntity, { order: { id: 'ASC' } });
  const labels = await manager.find(ConceptLabelEntity, { order: { conceptId: 'ASC', position: 'ASC' } });
  const broader = await manager.find(BroaderLinkEntity, { order: { conceptId: 'ASC', position: 'ASC' } });
  const related = await manager.find(RelatedLinkEntity, { order: { conceptId: 'ASC', position: 'ASC' } });
  const bridges = await manager.find(BridgeLinkEntity, { order: { problemId: 'ASC', position: 'ASC' } });
  const concepts = new Map<string, StoredConcept>();
  for (const row of rows) {
    const record: ConceptRecord = { id: row.id, kind: row.kind, industries: row.industries, labels: [], broader: [], related: [], addressedBy: [], notes: row.notes };
    if (row.searchSynonyms) record.searchSynonyms = true;
    concepts.set(row.id, { record, origin: row.origin, curatedAt: row.curatedAt, deletedAt: row.deletedAt, updatedBy: row.updatedBy, updatedAt: row.updatedAt });
  }
  const recordOf = (id: string) => concepts.get(id)?.record;
  for (const label of labels) recordOf(label.conceptId)?.labels.push({ type: label.type, language: label.language, value: label.value });
  for (const link of broader) recordOf(link.conceptId)?.broader.push(link.broaderId);
  for (const link of related) recordOf(link.conceptId)?.related.push(link.relatedId);
  for (const link of bridges) recordOf(link.problemId)?.addressedBy.push({ target: link.targetId, weight: link.weight });
  return concepts;
}

/**
 * Writes concepts whole: the concept rows first (insert or update), then their labels and links replaced.
 * A tombstone keeps its row with no labels or links.
 */
export async function writeConcepts(manager: EntityManager, concepts: readonly StoredConcept[]): Promise<void> {
  if (concepts.length === 0) return;
  const ids = concepts.map((concept) => concept.record.id);
  for (const part of chunks(ids)) {
    await manager.delete(ConceptLabelEntity, { conceptId: In(part) });
    await manager.delete(BroaderLinkEntity, { conceptId: In(part) });
    await manager.delete(RelatedLinkEntity, { conceptId: In(part) });
    await manager.delete(BridgeLinkEntity, { problemId: In(part) });
  }
  const rows = concepts.map(({ record, origin, curatedAt, deletedAt, updatedBy, updatedAt }) => ({
    id: record.id,
    kind: record.kind,
    industries: record.industries,
    notes: record.notes,
    searchSynonyms: record.searchSynonyms === true,
    origin,
    curatedAt,
    deletedAt,
    updatedBy,
    updatedAt,
  }));
  for (const part of chunks(rows)) await manager.upsert(ConceptEntity, part, ['id']);
  const live = concepts.filter((concept) => concept.deletedAt === null).map((concept) => concept.record);
  const insert = async <T extends object>(entity: new () => T, values: T[]) => {
    for (const part of chunks(values)) await manager.insert(entity, part as never);
  };
  await insert(ConceptLabelEntity, live.flatMap((record) => record.labels.map((label, position) => ({ conceptId: record.id, position, ...label }))));
  await insert(BroaderLinkEntity, live.flatMap((record) => record.broader.map((broaderId, position) => ({ conceptId: record.id, broaderId, position }))));
  await insert(RelatedLinkEntity, live.flatMap((record) => record.related.map((relatedId, position) => ({ conceptId: record.id, relatedId, position }))));
  await insert(BridgeLinkEntity, live.flatMap((record) => record.addressedBy.map((link, position) => ({ problemId: record.id, targetId: link.target, weight: link.weight, position }))));
}

/** Removes concepts for good (their labels and links go with them). */
export async function removeConcepts(manager: EntityManager, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids)) await manager.delete(ConceptEntity, { id: In(part) });
}

/** The version row, locked for the transaction when `lock` (every change takes it, so changes run one at a time). */
export async function readGraphVersion(manager: EntityManager, lock = false): Promise<GraphVersionRow> {
  const row = await manager.findOne(GraphVersionEntity, { where: { singleton: true }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!row) throw new Error('knowledge.graph_version has no row: the KnowledgeGraph migration did not run');
  return row;
}

/** One more revision; the seed version and the synonym flag move only when given. */
export async function bumpGraphVersion(
  manager: EntityManager,
  change: { actorId: string | null; at: Date; seedVersion?: string; synonymsImported?: boolean },
): Promise<GraphVersionRow> {
  const row = await readGraphVersion(manager, true);
  const next: GraphVersionRow = {
    seedVersion: change.seedVersion ?? row.seedVersion,
    revision: row.revision + 1,
    synonymsImported: change.synonymsImported ?? row.synonymsImported,
    updatedBy: change.actorId,
    updatedAt: change.at,
  };
  await manager.update(GraphVersionEntity, { singleton: true }, next);
  return next;
}
