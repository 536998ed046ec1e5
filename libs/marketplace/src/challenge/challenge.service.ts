import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ttm/auth';
import { clock } from '@ttm/clock';
import { Connection, PageArgs } from '@ttm/graphql';
import { DataSource } from 'typeorm';
import { newListingId } from '../listing/ids';
import { assignChanges, contactColumns, optionalContact, rejectNulls } from '../listing/listing-changes';
import { ListingLifecycle } from '../listing/listing-lifecycle.service';
import { applyClassificationFilters, applyListingScope, paginate } from '../listing/listing-query';
import { Viewer } from '../listing/visibility';
import { ChallengeEntity, ChallengeIndicator } from './challenge.entity';
import { ChallengeErrors } from './challenge.errors';
import { ChallengeFilter, ChallengeIndicatorInput, CreateChallengeInput, UpdateChallengeInput } from './challenge.inputs';
import { ChallengeStage } from './challenge-status';

const REQUIRED_ON_UPDATE = [
  'title',
  'description',
  'industry',
  'keywords',
  'regionCode',
  'indicators',
  'bounty',
  'eligibility',
  'applicationOpensAt',
  'applicationClosesAt',
  'deliveryMonths',
  'allowsMultipleWinners',
  'contact',
] as const;

const indicatorColumns = (inputs: readonly ChallengeIndicatorInput[]): ChallengeIndicator[] =>
  inputs.map((input) => ({ name: input.name, targetValue: input.targetValue, unit: input.unit || null, verificationMethod: input.verificationMethod }));

/** Rules that span fields, checked on the merged challenge so partial updates cannot break them. */
function assertChallengeConsistent(challenge: ChallengeEntity): void {
  if (challenge.applicationOpensAt >= challenge.applicationClosesAt) {
    throw ChallengeErrors.windowInverted(challenge.applicationOpensAt, challenge.applicationClosesAt);
  }
  if (challenge.allowsMultipleWinners ? challenge.maxWinners < 2 : challenge.maxWinners !== 1) {
    throw ChallengeErrors.maxWinnersInconsistent(challenge.allowsMultipleWinners, challenge.maxWinners);
  }
}

const defaultMaxWinners = (allowsMultipleWinners: boolean): number => (allowsMultipleWinners ? 2 : 1);

/** The challenge as a listing: drafts, review, publication, lists. The 揭榜 part is in ChallengeApplicationService. */
@Injectable()
export class ChallengeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: ListingLifecycle,
  ) {}

  create(input: CreateChallengeInput, owner: AuthUser): Promise<ChallengeEntity> {
    const challenge = Object.assign(new ChallengeEntity(), {
      id: newListingId(),
      ownerId: owner.id,
      title: input.title,
      description: input.description,
      industry: input.industry,
      keywords: input.keywords,
      regionCode: input.regionCode,
      contact: contactColumns(input.contact),
      organizationName: input.organizationName ?? null,
      indicators: indicatorColumns(input.indicators),
      bounty: input.bounty,
      eligibility: input.eligibility,
      applicationOpensAt: input.applicationOpensAt,
      applicationClosesAt: input.applicationClosesAt,
      deliveryMonths: input.deliveryMonths,
      allowsMultipleWinners: input.allowsMultipleWinners,
      maxWinners: input.maxWinners ?? defaultMaxWinners(input.allowsMultipleWinners),
      stage: ChallengeStage.OPEN,
    });
    assertChallengeConsistent(challenge);
    return this.lifecycle.create(challenge);
  }

  update(id: string, input: UpdateChallengeInput, actor: AuthUser): Promise<ChallengeEntity> {
    rejectNulls(input, REQUIRED_ON_UPDATE);
    return this.lifecycle.change('CHALLENGE', id, actor, 'EDIT', {
      edit: (challenge) => {
        if (challenge.publishedAt) throw ChallengeErrors.publishedNoEdit();
        const allowsMultipleWinners = input.allowsMultipleWinners ?? challenge.allowsMultipleWinners;
        const maxWinners =
          input.maxWinners ??
          (input.allowsMultipleWinners !== undefined && input.allowsMultipleWinners !== challenge.allowsMultipleWinners
            ? defaultMaxWinners(allowsMultipleWinners)
            : undefined);
        const changed = assignChanges(challenge, {
          title: input.title,
          description: input.description,
          industry: input.industry,
          keywords: input.keywords,
          regionCode: input.regionCode,
          contact: optionalContact(input.contact),
          organizationName: input.organizationName,
          indicators: input.indicators ? indicatorColumns(input.indicators) : undefined,
          bounty: input.bounty,
          eligibility: input.eligibility,
          applicationOpensAt: input.applicationOpensAt,
          applicationClosesAt: input.applicationClosesAt,
          deliveryMonths: input.deliveryMonths,
          allowsMultipleWinners: input.allowsMultipleWinners,
          maxWinners: maxWinners ?? undefined,
        });
        assertChallengeConsistent(challenge);
        return changed;
      },
    });
  }

  /** publishChallenge: the publisher sends a DRAFT or REJECTED challenge to review; an administrator's approval publishes it. */
  publish(id: string, actor: AuthUser, now: Date = clock.now()): Promise<ChallengeEntity> {
    return this.lifecycle.change('CHALLENGE', id, actor, 'SUBMIT', {
      check: (challenge) => {
        if (challenge.applicationClosesAt <= now) throw ChallengeErrors.windowPassed(challenge.applicationClosesAt);
      },
    });
  }

  list(filter: ChallengeFilter | null | undefined, page: PageArgs, viewer: Viewer, now: Date = clock.now()): Promise<Connection<ChallengeEntity>> {
    const qb = this.dataSource.getRepository(ChallengeEntity).createQueryBuilder('challenge');
    const order = applyListingScope(qb, 'challenge', filter, viewer);
    applyClassificationFilters(qb, 'challenge', filter);
    if (filter?.minBounty != null) qb.andWhere('challenge.bounty >= :minBounty', { minBounty: filter.minBounty });
    const stage = filter?.stage;
    if (stage) {
      qb.andWhere('challenge.publishedAt IS NOT NULL');
      if (stage === ChallengeStage.UPCOMING || stage === ChallengeStage.OPEN || stage === ChallengeStage.REVIEWING) {
        qb.andWhere('challenge.stage = :stored', { stored: ChallengeStage.OPEN });
        if (stage === ChallengeStage.UPCOMING) qb.andWhere('challenge.applicationOpensAt > :now', { now });
        if (stage === ChallengeStage.OPEN) qb.andWhere('challenge.applicationOpensAt <= :now AND challenge.applicationClosesAt > :now', { now });
        if (stage === ChallengeStage.REVIEWING) qb.andWhere('challenge.applicationClosesAt <= :now', { now });
      } else {
        qb.andWhere('challenge.stage = :stored', { stored: stage });
      }
    }
    return paginate(qb, 'challenge', order, page);
  }
}
