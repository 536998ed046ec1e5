import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { AuthModule } from '@ttm/auth';
import { AppConfig, requireServiceSecrets } from '@ttm/config';
import { DatabaseModule } from '@ttm/database';
import { SubgraphModule } from '@ttm/graphql';
import { AuditLogModule } from './audit/audit-log.module';
import { IdentityAuthModule } from './auth/identity-auth.module';
import { IDENTITY_ENTITIES } from './entities';
import { IDENTITY_CONFIG, IDENTITY_SCHEMA, IdentityConfig } from './identity.constants';
import { IDENTITY_MIGRATIONS } from './migrations';
import { OrganizationsModule } from './organizations/organizations.module';
import { SeedingModule } from './seeding/seeding.module';
import { assertAdminPasswordAcceptable } from './seeding/seeding.service';
import { SessionRevocations } from './sessions/session-revocations';
import { SessionsModule } from './sessions/sessions.module';
import { UsersModule } from './users/users.module';

@Global()
@Module({})
class IdentityConfigModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    const value: IdentityConfig = {
      adminEmail: config.adminEmail,
      adminPassword: config.adminPassword,
      seedDemo: config.seedDemo,
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      publicUrl: config.publicUrl,
    };
    return {
      module: IdentityConfigModule,
      providers: [{ provide: IDENTITY_CONFIG, useValue: Object.freeze(value) }],
      exports: [IDENTITY_CONFIG],
    };
  }
}

/** The identity subgraph (users, organisations, auth), built the same way by the app and the tests. */
@Module({})
export class IdentityAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const { databaseUrl, jwtSecret } = requireServiceSecrets(config);
    assertAdminPasswordAcceptable(config.adminPassword);
    return {
      module: IdentityAppModule,
      imports: [
        IdentityConfigModule.forRoot(config),
        AuthModule.forRoot(jwtSecret, { useClass: SessionRevocations }),
        DatabaseModule.forService({
          url: databaseUrl,
          schema: IDENTITY_SCHEMA,
          entities: IDENTITY_ENTITIES,
          migrations: IDENTITY_MIGRATIONS,
        }),
        SubgraphModule.forRoot({ name: 'identity' }),
        SessionsModule,
        UsersModule,
        IdentityAuthModule,
        OrganizationsModule,
        SeedingModule,
        AuditLogModule.forRoot(config),
      ],
    };
  }
}

/** A root module class for `bootstrapSubgraph` (which takes a class, not a dynamic module). */
export function identityServiceModule(config: AppConfig): Type<unknown> {
  @Module({ imports: [IdentityAppModule.forRoot(config)] })
  class IdentityServiceModule {}
  return IdentityServiceModule;
}
