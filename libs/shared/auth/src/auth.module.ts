import { DynamicModule, Global, Injectable, Module } from '@nestjs/common';
import { JwtModule, JwtModuleOptions, JwtService } from '@nestjs/jwt';
import { PassportModule, PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthUser } from './auth-user';
import { AccessTokenClaims, ACCESS_TOKEN_TTL_SECONDS, JWT_AUDIENCE, JWT_ISSUER } from './tokens';

export const JWT_SECRET = Symbol('JWT_SECRET');

/** Verifies access tokens in every subgraph; no service trusts a user id a client could set. */
@Injectable()
export class JwtAccessStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(secret: string) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: secret,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): AuthUser | false {
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) return false;
    return { id: claims.sub, roles: claims.roles };
  }
}

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

@Global()
@Module({})
export class AuthModule {
  static forRoot(jwtSecret: string): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        PassportModule,
        JwtModule.register(jwtOptions(jwtSecret)),
      ],
      providers: [
        { provide: JWT_SECRET, useValue: jwtSecret },
        { provide: JwtAccessStrategy, useFactory: () => new JwtAccessStrategy(jwtSecret) },
      ],
      exports: [JwtModule, JWT_SECRET],
    };
  }
}
