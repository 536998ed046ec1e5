import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NewAuditEntry, recordAudit } from '@ttm/audit';
import { AppError } from '@ttm/errors';
import { ConceptRecord, KnowledgeGraph, readSeed } from '@ttm/knowledge';
import { normalizeSynonymGroups } from '@ttm/search-engine';
import { DEFAULT_SYNONYM_GROUPS } from '@ttm/taxonomy';
import { DataSource, EntityManager } from 'typeorm';
import { ListingKnowledge, useListingKnowledge } from '../concepts/listing-concepts';
import { ListingIndex } from '../index/listing-index.provider';
import { ListingIndexer } from '../indexer/listing-indexer.service';
import { SynonymGroupEntity } from '../synonyms/synonym-group.entity';
import { ConceptOrigin } from './concept.entity';
import { bumpGraphVersion, GraphVersionRow, loadConcepts, readGraphVersion, removeConcepts, StoredConcept, writeConcepts } from './concept.repository';
import { graphRefusal, newProblems } from './graph-checks';
import { mergeSeed } from './seed-merge';
import { LabelOwners, placeSynonymGroup, synonymGroupsOf } from './synonym-groups';
import { seedImportAudit } from './knowledge-audit';

/** Edits within this long of each other start one re-annotation of the index, not one each. */
export const REANNOTATE_DEBOUNCE_MS = 1500;

/** One concept an edit writes: its new record, or its deletion. */
export interface ConceptChange {
  record: ConceptRecord;
  deleted?: boolean;
  /** For a concept the edit creates (default CURATOR). */
  origin?: ConceptOrigin;
}

/** What an edit does, planned against the live graph: the concepts it writes, its audit entries and its answer. */
export interface PlannedEdit<T> {
  changes: ConceptChange[];
  audit: Omit<NewAuditEntry, 'actorId'>[];
  result: () => T;
}

/** The live (not deleted) records, by id: what an edit plans against. */
export type LiveGraph = ReadonlyMap<string, ConceptRecord>;

/**
 * The knowledge graph of the running service: stored in PostgreSQL (schema `knowledge`), held in memory
 * as a KnowledgeGraph for indexing, matching and the API. At start it imports the seed files when they
 * changed (see mergeSeed for what the seed may touch) and, once, the old synonym list; then every edit
 * goes through `change`: validated as a whole graph, written with who and when, audited, and followed by
 * a new in-process graph and (debounced) a re-annotation of the listing index.
 */
@Injectable()
export class KnowledgeGraphService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('KnowledgeGraph');
  private stored = new Map<string, StoredConcept>();
  private versionRow: GraphVersionRow = { seedVersion: null, revision: 0, synonymsImported: false, updatedBy: null, updatedAt: new Date(0) };
  private current = new KnowledgeGraph([]);
  /** Edits in this process run one after another (the version row lock orders them across processes). */
  private queue: Promise<unknown> = Promise.resolve();
  private reannotateTimer: NodeJS.Timeout | undefined;
  private reannotation: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listings: ListingIndex,
    private readonly indexer: ListingIndexer,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listings.index.ensure();
    const seed = readSeed();
    await this.dataSource.transaction(async (manager) => {
      let version = await readGraphVersion(manager, true);
      let stored = await loadConcepts(manager);
      if (stored.size === 0 || version.seedVersion !== seed.version) {
        const at = new Date();
        const merge = mergeSeed(stored, seed.concepts, at);
        if (merge.problems.length > 0) {
          this.logger.error(`the seed files (${seed.version}) were not imported: ${merge.problems.slice(0, 5).map((p) => `${p.concept}: ${p.message}`).join('; ')}`);
        } else {
          await removeConcepts(manager, merge.removed);
          await writeConcepts(manager, merge.written);
          version = await bumpGraphVersion(manager, { actorId: null, at, seedVersion: seed.version });
          await recordAudit(manager, seedImportAudit(seed.version, merge));
          merge.adjustments.forEach((adjustment) => this.logger.warn(`seed import: ${adjustment}`));
          this.logger.log(`imported the seed files ${seed.version}: ${merge.written.length} concepts written, ${merge.removed.length} removed`);
          stored = merge.next;
        }
      }
      if (!version.synonymsImported) {
        const { changed, version: after } = await this.importSynonymList(manager, stored);
        changed.forEach((concept) => stored.set(concept.record.id, concept));
        version = after;
      }
      this.stored = stored;
      this.versionRow = version;
    });
    await this.publish();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.reannotateTimer);
  }

  /** The graph version listings are annotated with: the seed files' version and the revision. */
  get version(): string {
    return `${this.versionRow.seedVersion ?? 'none'}.${this.versionRow.revision}`;
  }

  get versionInfo(): Readonly<GraphVersionRow> {
    return this.versionRow;
  }

  get graph(): KnowledgeGraph {
    return this.current;
  }

  /** A live concept with its curation facts, or undefined. */
  concept(id: string): StoredConcept | undefined {
    const stored = this.stored.get(id);
    return stored && stored.deletedAt === null ? stored : undefined;
  }

  liveConcepts(): StoredConcept[] {
    return [...this.stored.values()].filter((concept) => concept.deletedAt === null);
  }

  /** Re-annotation of the index after edits: the progress of the last rebuild it started. */
  get reannotationProgress() {
    return this.indexer.rebuildProgress;
  }

  /** Resolves once the re-annotation scheduled by the latest edits has finished (tests, tools). */
  async reannotated(): Promise<void> {
    while (this.reannotateTimer || this.reannotation) {
      await (this.reannotation ?? new Promise((resolve) => setTimeout(resolve, 50)));
    }
  }

  /**
   * Applies an edit: plans it against the live graph, refuses it (nothing written) when the graph after it
   * has a problem it did not have before, writes the concepts it changed with who and when (they become
   * curated), bumps the revision and writes its audit entries — all in one transaction.
   */
  change<T>(actorId: string | null, plan: (live: LiveGraph) => PlannedEdit<T>): Promise<T> {
    const run = this.queue.then(() => this.changeNow(actorId, plan));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async changeNow<T>(actorId: string | null, plan: (live: LiveGraph) => PlannedEdit<T>): Promise<T> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const version = await readGraphVersion(manager, true);
      // Another process changed the graph since this one loaded it: start from the stored graph.
      const stored = version.revision === this.versionRow.revision ? this.stored : await loadConcepts(manager);
      const live = new Map([...stored.values()].filter((concept) => concept.deletedAt === null).map((concept) => [concept.record.id, concept.record]));
      const edit = plan(live);
      const after = new Map(live);
      for (const change of edit.changes) {
        if (change.deleted) after.delete(change.record.id);
        else after.set(change.record.id, change.record);
      }
      const afterRecords = [...after.values()];
      const problems = newProblems([...live.values()], afterRecords);
      if (problems.length > 0) throw graphRefusal(problems);
      // The engine takes each term in one group only (concepts sharing a label with a note could break that).
      normalizeSynonymGroups(synonymGroupsOf(afterRecords));
      const at = new Date();
      const written: StoredConcept[] = edit.changes.map((change) => ({
        record: change.record,
        origin: stored.get(change.record.id)?.origin ?? change.origin ?? 'CURATOR',
        curatedAt: at,
        deletedAt: change.deleted ? at : null,
        updatedBy: actorId,
        updatedAt: at,
      }));
      await writeConcepts(manager, written);
      const nextVersion = await bumpGraphVersion(manager, { actorId, at });
      for (const entry of edit.audit) await recordAudit(manager, { ...entry, actorId });
      const next = new Map(stored);
      written.forEach((concept) => next.set(concept.record.id, concept));
      return { next, nextVersion, result: edit.result };
    });
    this.stored = outcome.next;
    this.versionRow = outcome.nextVersion;
    await this.publish();
    this.scheduleReannotation();
    return outcome.result();
  }

  /** Loads the graph into the process: the annotator, the engine's synonyms. */
  private async publish(): Promise<void> {
    const records = this.liveConcepts().map((concept) => concept.record);
    this.current = new KnowledgeGraph(records);
    useListingKnowledge(new ListingKnowledge(this.current, this.version));
    await this.listings.index.setSynonyms(normalizeSynonymGroups(synonymGroupsOf(records)));
  }

  private scheduleReannotation(): void {
    if (this.stopped) return;
    clearTimeout(this.reannotateTimer);
    this.reannotateTimer = setTimeout(() => {
      this.reannotateTimer = undefined;
      const run: Promise<void> = (this.reannotation ?? Promise.resolve()).then(() => this.reannotate()).finally(() => {
        if (this.reannotation === run) this.reannotation = undefined;
      });
      this.reannotation = run;
    }, REANNOTATE_DEBOUNCE_MS);
  }

  /** Rebuilds the index, which annotates every listing with the graph in use (after a rebuild already running). */
  private async reannotate(): Promise<void> {
    try {
      const progress = await this.indexer.rebuildAfterCurrent();
      this.logger.log(`re-annotated ${progress.documents} listings with the knowledge graph ${this.version}`);
    } catch (error) {
      this.logger.warn(`re-annotating the index failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Moves the synonym list into the graph once (see synonym-groups.ts for the mapping): the groups an
   * administrator kept in search.synonym_groups, or the default list on a new database.
   */
  private async importSynonymList(manager: EntityManager, stored: Map<string, StoredConcept>): Promise<{ changed: StoredConcept[]; version: GraphVersionRow }> {
    const rows = await manager.find(SynonymGroupEntity, { order: { updatedAt: 'ASC', id: 'ASC' } });
    const groups = rows.length > 0 ? rows.map((row) => row.terms) : DEFAULT_SYNONYM_GROUPS;
    const live = new Map([...stored.values()].filter((concept) => concept.deletedAt === null).map((concept) => [concept.record.id, concept.record]));
    const changed = new Map<string, StoredConcept>();
    const at = new Date();
    const owners = new LabelOwners([...live.values()]);
    for (const terms of groups) {
      let placement;
      try {
        placement = placeSynonymGroup(owners, terms, true);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        this.logger.warn(`synonym group ${terms.join('、')} was not moved into the graph: ${error.message}`);
        continue;
      }
      if (!placement) {
        this.logger.warn(`synonym group ${terms.join('、')} was not moved into the graph: its terms are labels of other concepts`);
        continue;
      }
      if (placement.dropped.length > 0) this.logger.warn(`synonym group ${terms.join('、')}: left out ${placement.dropped.join('、')} (labels of other concepts)`);
      const previous = stored.get(placement.record.id);
      live.set(placement.record.id, placement.record);
      owners.add(placement.record);
      changed.set(placement.record.id, {
        record: placement.record,
        origin: previous?.origin ?? 'SYNONYMS',
        curatedAt: previous?.curatedAt ?? null,
        deletedAt: null,
        updatedBy: previous?.updatedBy ?? rows.find((row) => row.terms === terms)?.updatedBy ?? null,
        updatedAt: at,
      });
    }
    const problems = newProblems([...stored.values()].filter((concept) => concept.deletedAt === null).map((concept) => concept.record), [...live.values()]);
    try {
      normalizeSynonymGroups(synonymGroupsOf([...live.values()]));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push({ concept: '', message: error.message });
    }
    if (problems.length > 0) {
      this.logger.error(`the synonym list was not moved into the graph: ${problems.slice(0, 5).map((p) => `${p.concept}: ${p.message}`).join('; ')}`);
      return { changed: [], version: await readGraphVersion(manager, true) };
    }
    await writeConcepts(manager, [...changed.values()]);
    const version = await bumpGraphVersion(manager, { actorId: null, at, synonymsImported: true });
    this.logger.log(`moved ${groups.length} synonym groups into the knowledge graph (${changed.size} concepts)`);
    return { changed: [...changed.values()], version };
  }
}
