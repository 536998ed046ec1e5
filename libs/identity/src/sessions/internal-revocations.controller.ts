import { Controller, Get, UseGuards } from '@nestjs/common';
import { RevocationListPage, ServiceAuthGuard } from '@ttm/auth';
import { SessionsService } from './sessions.service';

/** The revocation list for the other services (service token only; never exposed through the gateway). */
@Controller('internal')
@UseGuards(ServiceAuthGuard)
export class InternalRevocationsController {
  constructor(private readonly sessions: SessionsService) {}

  /** `GET /internal/revocations`: sessions ended and users' token cut-offs younger than the access-token lifetime (+1 min). */
  @Get('revocations')
  revocations(): Promise<RevocationListPage> {
    return this.sessions.recentRevocations();
  }
}
