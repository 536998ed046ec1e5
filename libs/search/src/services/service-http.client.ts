import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { getInternalRoute } from '@ttm/auth';
import { AppConfig, ServiceName } from '@ttm/config';
import { APP_CONFIG } from '../index/listing-index.provider';

/**
 * Calls other services' internal HTTP routes (`/internal/…`) as the search service, with a fresh
 * service token each time; the search service never reads their tables.
 */
@Injectable()
export class ServiceHttpClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwtService: JwtService,
  ) {}

  get<T>(service: ServiceName, path: string, query: Record<string, string>, timeoutMs = 30_000): Promise<T> {
    return getInternalRoute<T>(this.jwtService, this.config, { from: 'search', to: service, path, query, timeoutMs });
  }
}
