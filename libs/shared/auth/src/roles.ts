import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  ENTERPRISE = 'ENTERPRISE',
  RESEARCHER = 'RESEARCHER',
  BROKER = 'BROKER',
  ADMIN = 'ADMIN',
}

/** Roles a person may choose at registration; ADMIN only comes from seeding or another admin. */
export const SELF_REGISTRABLE_ROLES: readonly Role[] = [Role.ENTERPRISE, Role.RESEARCHER, Role.BROKER];

registerEnumType(Role, {
  name: 'Role',
  valuesMap: {
    ENTERPRISE: { description: '企业 — posts needs and challenges' },
    RESEARCHER: { description: '科研人员 — lists results, applies to challenges' },
    BROKER: { description: '技术经纪人 — brokers matches into deals' },
    ADMIN: { description: '管理员 — moderates and verifies' },
  },
});
