import { Injectable } from '@nestjs/common';
import { ListingFacts, MarketplaceStatsPage, PublishedListingCount } from '@ttm/events';
import { DataSource, In } from 'typeorm';
import { ExpertEntity } from '../expert/expert.entity';
import { AnyListingEntity, kindOf, LISTING_ENTITIES, MARKETPLACE_KINDS } from '../listing/listing-kinds';
import { NeedEntity } from '../need/need.entity';

function toFacts(entity: AnyListingEntity): ListingFacts {
  const isExpert = entity instanceof ExpertEntity;
  return {
    id: entity.id,
    kind: kindOf(entity),
    status: entity.status,
    ownerId: entity.ownerId,
    title: isExpert ? entity.name : entity.title,
    organizationName: isExpert ? entity.institution : entity.organizationName,
    anonymous: entity instanceof NeedEntity ? entity.anonymous : false,
    industry: entity.industry,
    contact: { name: entity.contact.name, phone: entity.contact.phone, email: entity.contact.email },
    publishedAt: entity.publishedAt?.toISOString() ?? null,
  };
}

/** Facts about listings for other services' internal calls (the brokerage); never the GraphQL API. */
@Injectable()
export class ListingFactsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The listings of any kind with these ids, in the order asked; unknown ids are left out. */
  async byIds(ids: readonly string[]): Promise<ListingFacts[]> {
    if (ids.length === 0) return [];
    const found = new Map<string, ListingFacts>();
    for (const kind of MARKETPLACE_KINDS) {
      const rows = await this.dataSource.getRepository<AnyListingEntity>(LISTING_ENTITIES[kind]).findBy({ id: In([...ids]) });
      for (const row of rows) found.set(row.id, toFacts(row));
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /** Every listing ever published, counted by kind, industry and UTC month of first publication. */
  async publishedCounts(): Promise<MarketplaceStatsPage> {
    const published: PublishedListingCount[] = [];
    for (const kind of MARKETPLACE_KINDS) {
      const rows = await this.dataSource
        .getRepository<AnyListingEntity>(LISTING_ENTITIES[kind])
        .createQueryBuilder('listing')
        .select('listing.industry', 'industry')
        .addSelect(`to_char("listing"."published_at" AT TIME ZONE 'UTC', 'YYYY-MM')`, 'month')
        .addSelect('count(*)::int', 'count')
        .where('"listing"."published_at" IS NOT NULL')
        .groupBy('industry')
        .addGroupBy('month')
        .orderBy('month')
        .addOrderBy('industry')
        .getRawMany<{ industry: string; month: string; count: number }>();
      published.push(...rows.map((row) => ({ kind, industry: row.industry, month: row.month, count: Number(row.count) })));
    }
    return { published };
  }
}
