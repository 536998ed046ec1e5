import { Module } from '@nestjs/common';
import { IdentityAuthModule } from '../auth/identity-auth.module';
import { UsersModule } from '../users/users.module';
import { SeedingService } from './seeding.service';

@Module({ imports: [UsersModule, IdentityAuthModule], providers: [SeedingService], exports: [SeedingService] })
export class SeedingModule {}
