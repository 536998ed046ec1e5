import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { IdentityCommonModule } from '../common/common.module';
import { SessionsModule } from '../sessions/sessions.module';
import { RegistrationModule } from '../registration/registration.module';
import { UsersModule } from '../users/users.module';
import { AccountSecurityResolver } from './account-security.resolver';
import { AccountSecurityService } from './account-security.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginThrottle } from './login-throttle.service';
import { RefreshTokensService } from './refresh-tokens.service';

/** Registration (with e-mailed codes, see RegistrationModule), login (passport-local), refresh-token rotation, logout, password change, signing a user out everywhere. */
@Module({
  imports: [PassportModule, UsersModule, IdentityCommonModule, SessionsModule, RegistrationModule],
  providers: [AuthService, AuthResolver, LocalStrategy, LoginThrottle, RefreshTokensService, AccountSecurityService, AccountSecurityResolver],
  exports: [RefreshTokensService],
})
export class IdentityAuthModule {}
