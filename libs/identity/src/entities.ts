import { AUDIT_ENTITIES } from '@ttm/audit';
import { OutboxEvent } from '@ttm/events';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { OrganizationEntity } from './organizations/organization.entity';
import { RegistrationCodeEntity } from './registration/registration-code.entity';
import { SessionEntity } from './sessions/session.entity';
import { UserEntity } from './users/user.entity';

export const IDENTITY_ENTITIES = [UserEntity, OrganizationEntity, RefreshTokenEntity, SessionEntity, RegistrationCodeEntity, OutboxEvent, ...AUDIT_ENTITIES];
