import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ttm/auth';
import { Connection, PageArgs } from '@ttm/graphql';
import { DataSource } from 'typeorm';
import { newListingId } from '../listing/ids';
import { assignChanges, contactColumns, optionalContact, rejectNulls } from '../listing/listing-changes';
import { ListingLifecycle } from '../listing/listing-lifecycle.service';
import { applyClassificationFilters, applyListingScope, paginate } from '../listing/listing-query';
import { ListingErrors } from '../listing/listing.errors';
import { Viewer } from '../listing/visibility';
import { ResultEntity } from './result.entity';
import { CreateResultInput, ResultFilter, UpdateResultInput } from './result.inputs';

const REQUIRED_ON_UPDATE = [
  'title',
  'description',
  'industry',
  'keywords',
  'regionCode',
  'cooperationModes',
  'contact',
  'trl',
  'ipType',
  'openLicense',
] as const;

/** Rules that span fields, checked on the merged result so partial updates cannot break them. */
function assertResultConsistent(result: ResultEntity): void {
  if (result.openLicense && !result.openLicenseTerms) throw ListingErrors.openLicenseTermsMissing();
}

@Injectable()
export class ResultService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: ListingLifecycle,
  ) {}

  create(input: CreateResultInput, owner: AuthUser): Promise<ResultEntity> {
    const result = Object.assign(new ResultEntity(), {
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
      trl: input.trl,
      ipType: input.ipType,
      patentNumbers: input.patentNumbers ?? [],
      askingPrice: input.askingPrice ?? null,
      openLicense: input.openLicense ?? false,
      openLicenseTerms: input.openLicenseTerms ?? null,
    });
    assertResultConsistent(result);
    return this.lifecycle.create(result);
  }

  update(id: string, input: UpdateResultInput, actor: AuthUser): Promise<ResultEntity> {
    rejectNulls(input, REQUIRED_ON_UPDATE);
    return this.lifecycle.change('RESULT', id, actor, 'EDIT', {
      edit: (result) => {
        const changed = assignChanges(result, {
          title: input.title,
          description: input.description,
          industry: input.industry,
          keywords: input.keywords,
          regionCode: input.regionCode,
          cooperationModes: input.cooperationModes,
          contact: optionalContact(input.contact),
          organizationName: input.organizationName,
          trl: input.trl ?? undefined,
          ipType: input.ipType ?? undefined,
          patentNumbers: input.patentNumbers === null ? [] : input.patentNumbers,
          askingPrice: input.askingPrice,
          openLicense: input.openLicense ?? undefined,
          openLicenseTerms: input.openLicenseTerms,
        });
        assertResultConsistent(result);
        return changed;
      },
    });
  }

  submit(id: string, actor: AuthUser): Promise<ResultEntity> {
    return this.lifecycle.change('RESULT', id, actor, 'SUBMIT', { check: assertResultConsistent });
  }

  close(id: string, actor: AuthUser): Promise<ResultEntity> {
    return this.lifecycle.change('RESULT', id, actor, 'CLOSE');
  }

  list(filter: ResultFilter | null | undefined, page: PageArgs, viewer: Viewer): Promise<Connection<ResultEntity>> {
    const qb = this.dataSource.getRepository(ResultEntity).createQueryBuilder('result');
    const order = applyListingScope(qb, 'result', filter, viewer);
    applyClassificationFilters(qb, 'result', filter);
    if (filter?.cooperationMode) qb.andWhere('result.cooperationModes @> ARRAY[:mode]::text[]', { mode: filter.cooperationMode });
    if (filter?.ipType) qb.andWhere('result.ipType = :ipType', { ipType: filter.ipType });
    if (filter?.minPrice != null) qb.andWhere('result.askingPrice >= :minPrice', { minPrice: filter.minPrice });
    if (filter?.maxPrice != null) qb.andWhere('result.askingPrice <= :maxPrice', { maxPrice: filter.maxPrice });
    if (filter?.minTrl != null) qb.andWhere('result.trl >= :minTrl', { minTrl: filter.minTrl });
    if (filter?.maxTrl != null) qb.andWhere('result.trl <= :maxTrl', { maxTrl: filter.maxTrl });
    if (filter?.openLicense != null) qb.andWhere('result.openLicense = :openLicense', { openLicense: filter.openLicense });
    return paginate(qb, 'result', order, page);
  }
}
