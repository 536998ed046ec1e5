import { Module } from '@nestjs/common';
import { InternalRevocationsController } from './internal-revocations.controller';
import { SessionsService } from './sessions.service';

/** Sessions and access-token revocations (identity's own check is SessionRevocations, given to AuthModule). */
@Module({
  controllers: [InternalRevocationsController],
  providers: [SessionsService],
  exports: [SessionsService],
})
export class SessionsModule {}
