import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { SeedingService } from './seeding.service';

@Module({ imports: [UsersModule, SessionsModule], providers: [SeedingService], exports: [SeedingService] })
export class SeedingModule {}
