import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@ttm/auth';
import { ConnectionType } from '@ttm/graphql';
import { OrganizationRole, UserEntity } from './user.entity';

registerEnumType(OrganizationRole, {
  name: 'OrganizationRole',
  valuesMap: {
    OWNER: { description: '负责人 — may add members' },
    MEMBER: { description: '成员' },
  },
});

/**
 * A person using the marketplace; other subgraphs reference it by id. `email` and `organization`
 * are resolved in UsersResolver (email only for the user themself or an administrator).
 */
@ObjectType('User')
@Directive('@key(fields: "id")')
export class User {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => OrganizationRole, { nullable: true, description: 'The role in `organization`, if any' })
  organizationRole!: OrganizationRole | null;

  @Field()
  createdAt!: Date;

  /** Not GraphQL fields: read by the field resolvers under their visibility rules. */
  organizationId!: string | null;
  accountEmail!: string;
  /** Set where the caller has just proven to be this user (register, login, refresh). */
  emailVisible?: boolean;
}

export function toUser(entity: UserEntity, options: { self?: boolean } = {}): User {
  return Object.assign(new User(), {
    id: entity.id,
    displayName: entity.displayName,
    roles: entity.roles,
    organizationRole: entity.organizationRole,
    createdAt: entity.createdAt,
    organizationId: entity.organizationId,
    accountEmail: entity.email,
    emailVisible: options.self ?? false,
  });
}

export const UserConnection = ConnectionType(User, 'User');
