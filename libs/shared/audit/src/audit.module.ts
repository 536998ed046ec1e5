import { Module } from '@nestjs/common';
import { InternalAuditController } from './internal-audit.controller';

/** Serves this service's audit log to the identity service (`GET /internal/audit`). Import it in the service's app module. */
@Module({ controllers: [InternalAuditController] })
export class AuditModule {}
