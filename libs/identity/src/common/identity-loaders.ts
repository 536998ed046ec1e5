import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';
import { isUuid } from './uuid';

export interface Loaders {
  users: DataLoader<string, UserEntity | null>;
  organizations: DataLoader<string, OrganizationEntity | null>;
  /** Members of an organisation, by organisation id. */
  members: DataLoader<string, UserEntity[]>;
}

/**
 * The one place DataLoaders are made: one set per request (keyed by the request object), so
 * `_entities` and nested fields batch into one `IN` query per type and nothing is cached across callers.
 */
@Injectable()
export class IdentityLoaders {
  private readonly perRequest = new WeakMap<object, Loaders>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  for(request: object): Loaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = this.create();
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }

  private create(): Loaders {
    return {
      users: new DataLoader((ids) => this.byIds(UserEntity, ids)),
      organizations: new DataLoader((ids) => this.byIds(OrganizationEntity, ids)),
      members: new DataLoader(async (organizationIds) => {
        const rows = await this.dataSource.getRepository(UserEntity).find({
          where: { organizationId: In([...organizationIds]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        });
        return organizationIds.map((id) => rows.filter((row) => row.organizationId === id));
      }),
    };
  }

  private async byIds<T extends { id: string }>(entity: new () => T, ids: readonly string[]): Promise<(T | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length === 0 ? [] : await this.dataSource.getRepository(entity).findBy({ id: In(valid) } as never);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
