import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction } from '@ttm/audit';
import { AuthUser } from '@ttm/auth';
import { notFound } from '@ttm/errors';
import { normalizeSynonymGroups } from '@ttm/search-engine';
import { DEFAULT_SYNONYM_GROUPS } from '@ttm/taxonomy';
import { DataSource, EntityManager } from 'typeorm';
import { ListingIndex } from '../index/listing-index.provider';
import { recordSynonymEdit } from './synonym-audit';
import { SynonymGroupEntity } from './synonym-group.entity';

/**
 * The synonym list lives in PostgreSQL (admins edit it) and is pushed to the engine, which applies it
 * at query time. Every change is validated as a whole list first, so a term can never end up in two
 * groups and a refused change leaves both the table and the engine as they were.
 */
@Injectable()
export class SynonymsService implements OnModuleInit {
  private readonly logger = new Logger('Synonyms');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listings: ListingIndex,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listings.index.ensure();
    const groups = await this.dataSource.transaction(async (manager) => {
      if ((await manager.count(SynonymGroupEntity)) === 0) {
        const defaults = normalizeSynonymGroups(DEFAULT_SYNONYM_GROUPS);
        await manager.save(defaults.map((terms) => manager.create(SynonymGroupEntity, { terms, updatedBy: null })));
        this.logger.log(`loaded ${defaults.length} default synonym groups`);
      }
      return manager.find(SynonymGroupEntity, { order: { updatedAt: 'ASC', id: 'ASC' } });
    });
    await this.listings.index.setSynonyms(groups.map((group) => group.terms));
  }

  list(): Promise<SynonymGroupEntity[]> {
    return this.dataSource.getRepository(SynonymGroupEntity).find({ order: { updatedAt: 'ASC', id: 'ASC' } });
  }

  create(terms: string[], admin: AuthUser): Promise<SynonymGroupEntity> {
    return this.change(async (manager) => {
      const group = await manager.save(manager.create(SynonymGroupEntity, { terms, updatedBy: admin.id }));
      await recordSynonymEdit(manager, admin, AuditAction.SYNONYM_GROUP_CREATED, group.id, null, group.terms);
      return group;
    });
  }

  update(id: string, terms: string[], admin: AuthUser): Promise<SynonymGroupEntity> {
    return this.change(async (manager) => {
      const group = await manager.findOne(SynonymGroupEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw notFound('Synonym group', id);
      const before = group.terms;
      group.terms = terms;
      group.updatedBy = admin.id;
      const saved = await manager.save(group);
      await recordSynonymEdit(manager, admin, AuditAction.SYNONYM_GROUP_UPDATED, id, before, saved.terms);
      return saved;
    });
  }

  delete(id: string, admin: AuthUser): Promise<boolean> {
    return this.change(async (manager) => {
      const group = await manager.findOne(SynonymGroupEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw notFound('Synonym group', id);
      await manager.delete(SynonymGroupEntity, { id });
      await recordSynonymEdit(manager, admin, AuditAction.SYNONYM_GROUP_DELETED, id, group.terms, null);
      return true;
    });
  }

  /** Applies a change, validates the resulting list, and pushes it to the engine once committed. */
  private async change<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const { result, groups } = await this.dataSource.transaction(async (manager) => {
      // One editor at a time, so two concurrent edits cannot together put a term in two groups.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('search.synonym_groups'))`);
      const outcome = await work(manager);
      const all = await manager.find(SynonymGroupEntity, { order: { updatedAt: 'ASC', id: 'ASC' } });
      return { result: outcome, groups: normalizeSynonymGroups(all.map((group) => group.terms)) };
    });
    await this.listings.index.setSynonyms(groups);
    return result;
  }
}
