import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { IdentityCommonModule } from '../common/common.module';
import { UsersModule } from '../users/users.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginThrottle } from './login-throttle.service';
import { RefreshTokensService } from './refresh-tokens.service';

/** Registration, login (passport-local), refresh-token rotation, logout. */
@Module({
  imports: [PassportModule, UsersModule, IdentityCommonModule],
  providers: [AuthService, AuthResolver, LocalStrategy, LoginThrottle, RefreshTokensService],
  exports: [RefreshTokensService],
})
export class IdentityAuthModule {}
