import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';

/**
 * The gateway's probes: live once the process serves HTTP; ready once it serves GraphQL, which it
 * does from the committed supergraph before any subgraph answers (a subgraph that is down degrades
 * answers, it does not make the gateway unready).
 */
@Controller('health')
export class GatewayHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    // The app only listens once GraphQLModule has loaded the supergraph and started Apollo Server.
    return this.health.check([() => this.indicators.check('graphql').up()]);
  }
}
