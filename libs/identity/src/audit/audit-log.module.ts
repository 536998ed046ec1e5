import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@ttm/config';
import { IdentityCommonModule } from '../common/common.module';
import { AuditLogResolver } from './audit-log.resolver';
import { AUDIT_LOG_CONFIG, AuditLogService } from './audit-log.service';

/** `auditLog`: the audit log of every service, for administrators. */
@Module({})
export class AuditLogModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuditLogModule,
      imports: [IdentityCommonModule],
      providers: [{ provide: AUDIT_LOG_CONFIG, useValue: config }, AuditLogService, AuditLogResolver],
    };
  }
}
