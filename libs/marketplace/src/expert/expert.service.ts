import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ttm/auth';
import { Connection, PageArgs } from '@ttm/graphql';
import { DataSource, Not, QueryFailedError } from 'typeorm';
import { newListingId } from '../listing/ids';
import { assignChanges, contactColumns, optionalContact, rejectNulls } from '../listing/listing-changes';
import { ListingLifecycle } from '../listing/listing-lifecycle.service';
import { applyClassificationFilters, applyListingScope, paginate } from '../listing/listing-query';
import { ListingStatus } from '../listing/listing-status';
import { ListingErrors } from '../listing/listing.errors';
import { Viewer } from '../listing/visibility';
import { ExpertEntity } from './expert.entity';
import { CreateExpertInput, ExpertFilter, UpdateExpertInput } from './expert.inputs';

const REQUIRED_ON_UPDATE = ['name', 'institution', 'title', 'fields', 'industry', 'bio', 'regionCode', 'contact'] as const;

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';

@Injectable()
export class ExpertService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: ListingLifecycle,
  ) {}

  /** One open profile per researcher account (after closing it, a researcher may start a new one). */
  async create(input: CreateExpertInput, owner: AuthUser): Promise<ExpertEntity> {
    const existing = await this.openProfileOf(owner.id);
    if (existing) throw ListingErrors.expertProfileExists(owner, existing.id);
    const expert = Object.assign(new ExpertEntity(), {
      id: newListingId(),
      ownerId: owner.id,
      name: input.name,
      institution: input.institution,
      title: input.title,
      fields: input.fields,
      industry: input.industry,
      bio: input.bio,
      regionCode: input.regionCode,
      contact: contactColumns(input.contact),
    });
    try {
      return await this.lifecycle.create(expert);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.openProfileOf(owner.id);
      throw ListingErrors.expertProfileExists(owner, winner?.id ?? 'unknown');
    }
  }

  private openProfileOf(ownerId: string): Promise<ExpertEntity | null> {
    return this.dataSource
      .getRepository(ExpertEntity)
      .findOne({ where: { ownerId, status: Not(ListingStatus.CLOSED) }, select: { id: true } });
  }

  update(id: string, input: UpdateExpertInput, actor: AuthUser): Promise<ExpertEntity> {
    rejectNulls(input, REQUIRED_ON_UPDATE);
    return this.lifecycle.change('EXPERT', id, actor, 'EDIT', {
      edit: (expert) =>
        assignChanges(expert, {
          name: input.name,
          institution: input.institution,
          title: input.title,
          fields: input.fields,
          industry: input.industry,
          bio: input.bio,
          regionCode: input.regionCode,
          contact: optionalContact(input.contact),
        }),
    });
  }

  submit(id: string, actor: AuthUser): Promise<ExpertEntity> {
    return this.lifecycle.change('EXPERT', id, actor, 'SUBMIT');
  }

  close(id: string, actor: AuthUser): Promise<ExpertEntity> {
    return this.lifecycle.change('EXPERT', id, actor, 'CLOSE');
  }

  list(filter: ExpertFilter | null | undefined, page: PageArgs, viewer: Viewer): Promise<Connection<ExpertEntity>> {
    const qb = this.dataSource.getRepository(ExpertEntity).createQueryBuilder('expert');
    const order = applyListingScope(qb, 'expert', filter, viewer);
    applyClassificationFilters(qb, 'expert', filter);
    if (filter?.field) {
      qb.andWhere('EXISTS (SELECT 1 FROM unnest(expert.fields) AS f(field) WHERE lower(f.field) = lower(:field))', { field: filter.field });
    }
    return paginate(qb, 'expert', order, page);
  }
}
