import { Module } from '@nestjs/common';
import { IdentityCommonModule } from '../common/common.module';
import { SessionsModule } from '../sessions/sessions.module';
import { InternalUsersController } from './internal-users.controller';
import { PasswordHasher } from './password-hasher';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [IdentityCommonModule, SessionsModule],
  controllers: [InternalUsersController],
  providers: [UsersService, UsersResolver, PasswordHasher],
  exports: [UsersService, PasswordHasher],
})
export class UsersModule {}
