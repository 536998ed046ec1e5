import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@ttm/config';
import { inTransaction } from '@ttm/database';
import { DEMO_ACCOUNTS, DEMO_EXPERTS, DEMO_NEEDS, DEMO_ORGANIZATIONS, DEMO_RESULTS, DemoContact } from '@ttm/demo';
import { CooperationMode } from '@ttm/taxonomy';
import { DataSource, EntityManager } from 'typeorm';
import { seedDemoChallenges } from '../challenge/challenge-demo';
import { ExpertEntity } from '../expert/expert.entity';
import { ContactColumns } from '../listing/listing-base.entity';
import { AnyListingEntity, LISTING_ENTITIES, MARKETPLACE_KINDS } from '../listing/listing-kinds';
import { ListingLifecycle } from '../listing/listing-lifecycle.service';
import { ListingStatus } from '../listing/listing-status';
import { MARKETPLACE_CONFIG } from '../marketplace.constants';
import { NeedEntity } from '../need/need.entity';
import { IpType } from '@ttm/taxonomy';
import { ResultEntity } from '../result/result.entity';

const DAY_MS = 24 * 60 * 60 * 1000;
const SPREAD_DAYS = 90;

export const DEMO_OPEN_LICENSE_TERMS =
  '按技转通开放许可声明实施：非独占许可，许可期限三年，许可费按年度支付；被许可人不得再许可第三方，改进成果归被许可人所有。';

const contact = (demo: DemoContact): ContactColumns => ({ name: demo.name, phone: demo.phone, email: demo.email });

/** 发布单位 of a demo listing: the organisation of the demo account that owns it. */
function organizationOf(ownerId: string): string | null {
  const organizationId = DEMO_ACCOUNTS.find((account) => account.id === ownerId)?.organizationId;
  return DEMO_ORGANIZATIONS.find((organization) => organization.id === organizationId)?.name ?? null;
}

/** Publication times spread evenly over the last 90 days, newest first. */
function spread(count: number, now: Date): Date[] {
  return Array.from({ length: count }, (_, index) => new Date(now.getTime() - Math.round((SPREAD_DAYS * DAY_MS * (index + 1)) / (count + 1))));
}

function published<E extends AnyListingEntity>(entity: E, publishedAt: Date): E {
  entity.status = ListingStatus.PUBLISHED;
  entity.rejectionReason = null;
  entity.createdAt = new Date(publishedAt.getTime() - 2 * DAY_MS);
  entity.submittedAt = new Date(publishedAt.getTime() - DAY_MS);
  entity.publishedAt = publishedAt;
  return entity;
}

export function demoListings(now: Date = new Date()): AnyListingEntity[] {
  const needTimes = spread(DEMO_NEEDS.length, now);
  const resultTimes = spread(DEMO_RESULTS.length, now);
  const expertTimes = spread(DEMO_EXPERTS.length, now);
  const needs = DEMO_NEEDS.map((demo, index) =>
    published(
      Object.assign(new NeedEntity(), {
        id: demo.id,
        ownerId: demo.ownerId,
        title: demo.title,
        description: demo.description,
        industry: demo.industry,
        keywords: [...demo.keywords],
        regionCode: demo.regionCode,
        cooperationModes: demo.cooperationModes as CooperationMode[],
        contact: contact(demo.contact),
        organizationName: organizationOf(demo.ownerId),
        budgetMin: demo.budgetMin,
        budgetMax: demo.budgetMax,
        deadline: demo.deadline,
        minTrl: demo.minTrl,
        anonymous: demo.anonymous,
      }),
      needTimes[index],
    ),
  );
  const results = DEMO_RESULTS.map((demo, index) =>
    published(
      Object.assign(new ResultEntity(), {
        id: demo.id,
        ownerId: demo.ownerId,
        title: demo.title,
        description: demo.description,
        industry: demo.industry,
        keywords: [...demo.keywords],
        regionCode: demo.regionCode,
        cooperationModes: demo.cooperationModes as CooperationMode[],
        contact: contact(demo.contact),
        organizationName: organizationOf(demo.ownerId),
        trl: demo.trl,
        ipType: demo.ipType as IpType,
        patentNumbers: [...demo.patentNumbers],
        askingPrice: demo.askingPrice,
        openLicense: demo.openLicense,
        openLicenseTerms: demo.openLicense ? DEMO_OPEN_LICENSE_TERMS : null,
      }),
      resultTimes[index],
    ),
  );
  const experts = DEMO_EXPERTS.map((demo, index) =>
    published(
      Object.assign(new ExpertEntity(), {
        id: demo.id,
        ownerId: demo.ownerId,
        name: demo.name,
        institution: demo.institution,
        title: demo.title,
        fields: [...demo.fields],
        industry: demo.industry,
        bio: demo.bio,
        regionCode: demo.regionCode,
        contact: contact(demo.contact),
      }),
      expertTimes[index],
    ),
  );
  return [...needs, ...results, ...experts];
}

/** Fills an empty marketplace with the demo listings (SEED_DEMO), all PUBLISHED and in the outbox. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: ListingLifecycle,
    @Inject(MARKETPLACE_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const seeded = await this.seed();
    if (seeded > 0) this.logger.log(`seeded ${seeded} demo listings`);
  }

  /** Returns how many listings it inserted: none unless every listing table is empty. */
  seed(now: Date = new Date()): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      // Replicas starting together: one seeds, the others then find the tables filled.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('marketplace-demo-seed'))`);
      if (!(await this.isEmpty(manager))) return 0;
      const listings = demoListings(now);
      for (const listing of listings) {
        const saved = await manager.save(listing);
        await this.lifecycle.recordPublicChange(manager, saved, null);
      }
      return listings.length + (await seedDemoChallenges(manager, this.lifecycle, now));
    });
  }

  private async isEmpty(manager: EntityManager): Promise<boolean> {
    for (const kind of MARKETPLACE_KINDS) {
      if (await manager.getRepository<AnyListingEntity>(LISTING_ENTITIES[kind]).exists()) return false;
    }
    return true;
  }
}
