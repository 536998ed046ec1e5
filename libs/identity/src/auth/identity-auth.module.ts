import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { IdentityCommonModule } from '../common/common.module';
import { RegistrationModule } from '../registration/registration.module';
import { UsersModule } from '../users/users.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginThrottle } from './login-throttle.service';
import { RefreshTokensService } from './refresh-tokens.service';

/** Registration (with e-mailed codes, see RegistrationModule), login (passport-local), refresh-token rotation, logout. */
@Module({
  imports: [PassportModule, UsersModule, IdentityCommonModule, RegistrationModule],
  providers: [AuthService, AuthResolver, LocalStrategy, LoginThrottle, RefreshTokensService],
  exports: [RefreshTokensService],
})
export class IdentityAuthModule {}
