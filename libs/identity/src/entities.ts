import { OutboxEvent } from '@ttm/events';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { OrganizationEntity } from './organizations/organization.entity';
import { RegistrationCodeEntity } from './registration/registration-code.entity';
import { UserEntity } from './users/user.entity';

export const IDENTITY_ENTITIES = [UserEntity, OrganizationEntity, RefreshTokenEntity, RegistrationCodeEntity, OutboxEvent];
