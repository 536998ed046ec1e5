import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { signServiceToken } from '@ttm/auth';
import { AppConfig, serviceUrl, ServiceName } from '@ttm/config';
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

  async get<T>(service: ServiceName, path: string, query: Record<string, string>, timeoutMs = 30_000): Promise<T> {
    const url = new URL(serviceUrl(this.config, service, path));
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const token = await signServiceToken(this.jwtService, 'search');
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`${service} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }
}
