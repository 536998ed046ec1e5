import { BadRequestException, Controller, Get, Query, UseGuards } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ServiceAuthGuard } from '@ttm/auth';
import { AppError } from '@ttm/errors';
import { DataSource } from 'typeorm';
import { AuditPage, AuditQuery, parseAuditQueryParams } from './audit-page';
import { readAuditPage } from './read-audit-page';

/**
 * `GET /internal/audit?first=<1–100>&after=<cursor>&action=&actorId=&targetId=` (service token only):
 * this service's audit entries, newest first. The identity service merges them into `auditLog`.
 */
@Controller('internal')
@UseGuards(ServiceAuthGuard)
export class InternalAuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('audit')
  audit(@Query() params: Record<string, string | undefined>): Promise<AuditPage> {
    let query: AuditQuery;
    try {
      query = parseAuditQueryParams(params);
    } catch (error) {
      if (error instanceof AppError) throw new BadRequestException(error.message);
      throw error;
    }
    return readAuditPage(this.dataSource.manager, query);
  }
}
