import { Controller, Get, Module, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthCheck, HealthCheckService, HealthIndicatorFunction, HealthIndicatorService, TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';

/**
 * A service-specific condition for readiness, beyond a reachable database: e.g. the search service is
 * ready only once its index is loaded. A service provides at most one under this token.
 */
export const READINESS_CHECK = Symbol('READINESS_CHECK');

export interface ReadinessCheck {
  /** The key under which the condition appears in the /health/ready body. */
  readonly readinessKey: string;
  /** Ready, or what is still missing. */
  readiness(): { ready: true } | { ready: false; reason: string };
}

/**
 * GET /health/live: the process is up and serving HTTP. GET /health/ready: the database answers and the
 * service is initialised (it only listens once Nest has run every start-up hook), plus its own
 * ReadinessCheck if it has one. 200 with `status: "ok"`, or 503 with what is down (Terminus' JSON).
 */
@Controller('health')
export class SubgraphHealthController implements OnModuleInit {
  private readinessCheck: ReadinessCheck | undefined;

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    try {
      this.readinessCheck = this.moduleRef.get<ReadinessCheck>(READINESS_CHECK, { strict: false });
    } catch {
      this.readinessCheck = undefined; // this service has no condition of its own
    }
  }

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    const checks: HealthIndicatorFunction[] = [() => this.database.pingCheck('database').withTimeout(2000)];
    const own = this.readinessCheck;
    if (own) {
      checks.push(() => {
        const session = this.indicators.check(own.readinessKey);
        const state = own.readiness();
        return state.ready ? session.up() : session.down({ reason: state.reason });
      });
    }
    return this.health.check(checks);
  }
}

@Module({ imports: [TerminusModule.forRoot()], controllers: [SubgraphHealthController] })
export class SubgraphHealthModule {}
