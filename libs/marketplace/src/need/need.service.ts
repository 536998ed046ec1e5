import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ttm/auth';
import { isAfterTodayInChina } from '@ttm/clock';
import { Connection, PageArgs } from '@ttm/graphql';
import { DataSource } from 'typeorm';
import { newListingId } from '../listing/ids';
import { assignChanges, contactColumns, optionalContact, rejectNulls } from '../listing/listing-changes';
import { ListingLifecycle } from '../listing/listing-lifecycle.service';
import { applyClassificationFilters, applyListingScope, paginate } from '../listing/listing-query';
import { ListingErrors } from '../listing/listing.errors';
import { Viewer } from '../listing/visibility';
import { NeedEntity } from './need.entity';
import { CreateNeedInput, NeedFilter, UpdateNeedInput } from './need.inputs';

const REQUIRED_ON_UPDATE = ['title', 'description', 'industry', 'keywords', 'regionCode', 'cooperationModes', 'contact', 'anonymous'] as const;

/** Rules that span fields, checked on the merged listing so partial updates cannot break them. */
function assertNeedConsistent(need: NeedEntity): void {
  if (need.budgetMin !== null && need.budgetMax !== null && need.budgetMin > need.budgetMax) {
    throw ListingErrors.budgetInverted(need.budgetMin, need.budgetMax);
  }
}

@Injectable()
export class NeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: ListingLifecycle,
  ) {}

  create(input: CreateNeedInput, owner: AuthUser): Promise<NeedEntity> {
    const need = Object.assign(new NeedEntity(), {
      id: newListingId(),
      ownerId: owner.id,
      title: input.title,
      description: input.description,
      industry: input.industry,
      keywords: input.keywords,
      regionCode: input.regionCode,
      cooperationModes: input.cooperationModes,
      contact: contactColumns(input.contact),
      organizationName: input.organizationName ?? null,
      budgetMin: input.budgetMin ?? null,
      budgetMax: input.budgetMax ?? null,
      deadline: input.deadline ?? null,
      minTrl: input.minTrl ?? null,
      anonymous: input.anonymous ?? false,
    });
    assertNeedConsistent(need);
    return this.lifecycle.create(need);
  }

  update(id: string, input: UpdateNeedInput, actor: AuthUser): Promise<NeedEntity> {
    rejectNulls(input, REQUIRED_ON_UPDATE);
    return this.lifecycle.change('NEED', id, actor, 'EDIT', {
      edit: (need) => {
        const changed = assignChanges(need, {
          title: input.title,
          description: input.description,
          industry: input.industry,
          keywords: input.keywords,
          regionCode: input.regionCode,
          cooperationModes: input.cooperationModes,
          contact: optionalContact(input.contact),
          organizationName: input.organizationName,
          budgetMin: input.budgetMin,
          budgetMax: input.budgetMax,
          deadline: input.deadline,
          minTrl: input.minTrl,
          anonymous: input.anonymous ?? undefined,
        });
        assertNeedConsistent(need);
        return changed;
      },
    });
  }

  submit(id: string, actor: AuthUser): Promise<NeedEntity> {
    return this.lifecycle.change('NEED', id, actor, 'SUBMIT', {
      check: (need) => {
        if (need.deadline && !isAfterTodayInChina(need.deadline)) throw ListingErrors.deadlinePassed(need.deadline);
      },
    });
  }

  close(id: string, actor: AuthUser): Promise<NeedEntity> {
    return this.lifecycle.change('NEED', id, actor, 'CLOSE');
  }

  list(filter: NeedFilter | null | undefined, page: PageArgs, viewer: Viewer): Promise<Connection<NeedEntity>> {
    const qb = this.dataSource.getRepository(NeedEntity).createQueryBuilder('need');
    const order = applyListingScope(qb, 'need', filter, viewer);
    applyClassificationFilters(qb, 'need', filter);
    if (filter?.cooperationMode) qb.andWhere('need.cooperationModes @> ARRAY[:mode]::text[]', { mode: filter.cooperationMode });
    if (filter?.minBudget != null) qb.andWhere('need.budgetMax >= :minBudget', { minBudget: filter.minBudget });
    if (filter?.maxBudget != null) qb.andWhere('need.budgetMin <= :maxBudget', { maxBudget: filter.maxBudget });
    return paginate(qb, 'need', order, page);
  }
}
