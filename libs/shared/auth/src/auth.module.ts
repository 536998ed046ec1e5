import { ClassProvider, DynamicModule, FactoryProvider, Global, Module } from '@nestjs/common';
import { JwtModule, JwtModuleOptions, JwtService } from '@nestjs/jwt';
import { AppConfig, ServiceName } from '@ttm/config';
import { AccessTokenVerifier } from './access-token-verifier';
import { REVOCATION_CHECK, RevocationCheck, RevocationList, RevocationListOptions, RevocationListPage, REVOCATIONS_PATH } from './revocations';
import { getInternalRoute } from './service-auth';
import { ACCESS_TOKEN_TTL_SECONDS, JWT_AUDIENCE, JWT_ISSUER } from './tokens';

export const JWT_SECRET = Symbol('JWT_SECRET');

/** How every service signs and verifies tokens; one place, so issuer, audience and algorithm always match. */
export function jwtOptions(secret: string): JwtModuleOptions {
  return {
    secret,
    signOptions: { issuer: JWT_ISSUER, audience: JWT_AUDIENCE, algorithm: 'HS256', expiresIn: ACCESS_TOKEN_TTL_SECONDS },
    verifyOptions: { issuer: JWT_ISSUER, audience: JWT_AUDIENCE, algorithms: ['HS256'] },
  };
}

/** A JwtService outside Nest's container, for command-line tools that call the services. */
export const standaloneJwtService = (secret: string): JwtService => new JwtService(jwtOptions(secret));

/** Where a service learns which access tokens were revoked (the REVOCATION_CHECK provider, without `provide`). */
export type RevocationSource = Omit<ClassProvider<RevocationCheck>, 'provide'> | Omit<FactoryProvider<RevocationCheck>, 'provide'>;

/** Identity's list as `service` (marketplace, search, brokerage) follows it: GET REVOCATIONS_PATH with a service token. */
export function revocationListFromIdentity(
  jwt: JwtService,
  config: AppConfig,
  service: ServiceName,
  options: Omit<RevocationListOptions, 'load'> = {},
): RevocationList {
  return new RevocationList({
    ...options,
    load: () => getInternalRoute<RevocationListPage>(jwt, config, { from: service, to: 'identity', path: REVOCATIONS_PATH, timeoutMs: 3000 }),
  });
}

/** The REVOCATION_CHECK of every service but identity. */
export function identityRevocationList(config: AppConfig, service: ServiceName): RevocationSource {
  return { useFactory: (jwt: JwtService) => revocationListFromIdentity(jwt, config, service), inject: [JwtService] };
}

@Global()
@Module({})
export class AuthModule {
  /**
   * Token signing and verification for one service: `AccessTokenVerifier` (used by the guards) checks
   * every access token against `revocations`.
   */
  static forRoot(jwtSecret: string, revocations: RevocationSource): DynamicModule {
    return {
      module: AuthModule,
      imports: [JwtModule.register(jwtOptions(jwtSecret))],
      providers: [{ provide: JWT_SECRET, useValue: jwtSecret }, { ...revocations, provide: REVOCATION_CHECK } as ClassProvider | FactoryProvider, AccessTokenVerifier],
      exports: [JwtModule, JWT_SECRET, AccessTokenVerifier],
    };
  }
}
