import { Query, Resolver } from '@nestjs/graphql';
import { Authenticated, Role } from '@ttm/auth';
import { MarketStats } from './market-stats.model';
import { MarketStatsService } from './market-stats.service';

@Resolver(() => MarketStats)
export class MarketStatsResolver {
  constructor(private readonly stats: MarketStatsService) {}

  @Query(() => MarketStats, { description: '市场统计 (administrators): by industry and month, the match funnel, days to first match' })
  @Authenticated(Role.ADMIN)
  marketStats(): Promise<MarketStats> {
    return this.stats.stats();
  }
}
