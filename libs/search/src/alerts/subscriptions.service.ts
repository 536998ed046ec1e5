import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ttm/auth';
import type { ListingKind } from '@ttm/events';
import { badInput, conflict, notFound } from '@ttm/errors';
import { industryByCode } from '@ttm/taxonomy';
import { DataSource } from 'typeorm';
import { buildFilter } from '../search/search-request';
import { SearchFilters } from '../search/search.inputs';
import { MAX_FOLLOWED_INDUSTRIES, MAX_SAVED_SEARCHES_PER_USER } from './alert-rules';
import { IndustryFollowEntity } from './industry-follow.entity';
import { FollowedIndustry } from './notification.model';
import { SavedSearchEntity } from './saved-search.entity';
import { SavedSearch, SaveSearchInput } from './saved-search.model';

/** What a user asks to be alerted about: saved searches (anyone signed in) and followed industries (brokers). */
@Injectable()
export class SubscriptionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async saveSearch(user: AuthUser, input: SaveSearchInput): Promise<SavedSearch> {
    const name = input.name.trim();
    if (!name) throw badInput('name must not be blank: give the saved search a name, e.g. 钙钛矿电池成果');
    // The same checks `search` applies to its filters (e.g. trlMax not below trlMin).
    buildFilter(input.kinds, input.filters);
    return this.dataSource.transaction(async (manager) => {
      // One saver at a time per user, so two concurrent saves cannot both pass the cap.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('search.saved_searches:' || $1))`, [user.id]);
      if ((await manager.countBy(SavedSearchEntity, { userId: user.id })) >= MAX_SAVED_SEARCHES_PER_USER) {
        throw conflict(`You already keep ${MAX_SAVED_SEARCHES_PER_USER} saved searches, the most allowed: delete one (deleteSavedSearch) before saving another`);
      }
      const saved = await manager.save(
        manager.create(SavedSearchEntity, {
          userId: user.id,
          name,
          query: input.query?.trim() || null,
          kinds: [...new Set(input.kinds ?? [])],
          filters: plainFilters(input.filters),
        }),
      );
      return presentSavedSearch(saved);
    });
  }

  async savedSearches(user: AuthUser): Promise<SavedSearch[]> {
    const rows = await this.dataSource.getRepository(SavedSearchEntity).find({ where: { userId: user.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(presentSavedSearch);
  }

  /** Another user's saved search is NOT_FOUND, like one that does not exist. */
  async deleteSavedSearch(user: AuthUser, id: string): Promise<boolean> {
    const { affected } = await this.dataSource.getRepository(SavedSearchEntity).delete({ id, userId: user.id });
    if (!affected) throw notFound('Saved search', id);
    return true;
  }

  async follow(user: AuthUser, industry: string): Promise<FollowedIndustry[]> {
    requireIndustry(industry);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('search.industry_follows:' || $1))`, [user.id]);
      if (await manager.existsBy(IndustryFollowEntity, { userId: user.id, industry })) return;
      if ((await manager.countBy(IndustryFollowEntity, { userId: user.id })) >= MAX_FOLLOWED_INDUSTRIES) {
        throw conflict(`You already follow ${MAX_FOLLOWED_INDUSTRIES} industries, the most allowed: unfollow one first`);
      }
      await manager.insert(IndustryFollowEntity, { userId: user.id, industry });
    });
    return this.followed(user);
  }

  async unfollow(user: AuthUser, industry: string): Promise<FollowedIndustry[]> {
    requireIndustry(industry);
    await this.dataSource.getRepository(IndustryFollowEntity).delete({ userId: user.id, industry });
    return this.followed(user);
  }

  async followed(user: AuthUser): Promise<FollowedIndustry[]> {
    const rows = await this.dataSource.getRepository(IndustryFollowEntity).find({ where: { userId: user.id }, order: { createdAt: 'ASC', industry: 'ASC' } });
    return rows.map((row) => {
      const industry = industryByCode(row.industry);
      return { code: row.industry, name: industry?.name ?? row.industry, parent: industry?.parent ?? null, followedAt: row.createdAt };
    });
  }
}

function requireIndustry(code: string): void {
  if (!industryByCode(code)) throw badInput(`${code.slice(0, 40)} is not an industry code: use a code of the industry taxonomy (e.g. TEXTILE, TEXTILE_WARP_KNITTING)`);
}

/** Only the fields `search` knows, without undefined ones, for the jsonb column. */
function plainFilters(filters: SearchFilters | undefined): SearchFilters {
  return Object.fromEntries(Object.entries(filters ?? {}).filter(([, value]) => value !== undefined && value !== null)) as SearchFilters;
}

function presentSavedSearch(entity: SavedSearchEntity): SavedSearch {
  return { id: entity.id, name: entity.name, query: entity.query, kinds: entity.kinds as ListingKind[], filters: entity.filters, createdAt: entity.createdAt };
}
