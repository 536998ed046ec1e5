import { JwtService } from '@nestjs/jwt';
import { SERVICE_TOKEN_TTL_SECONDS, signGatewayToken } from '@ttm/auth';

/**
 * A fresh token is signed after this long, well before the 5-minute expiry, so a token in flight (or
 * checked by a subgraph whose clock runs a little ahead) has minutes of validity left.
 */
export const GATEWAY_TOKEN_RENEW_AFTER_MS = 2 * 60_000;

/** The gateway's service token for GATEWAY_TOKEN_HEADER: signed once, reused, and re-signed before it expires. */
export class GatewayTokenSigner {
  private cached: { token: Promise<string>; renewAt: number } | undefined;

  constructor(
    private readonly jwtService: JwtService,
    private readonly now: () => number = Date.now,
  ) {}

  token(): Promise<string> {
    const now = this.now();
    if (!this.cached || now >= this.cached.renewAt) {
      const token = signGatewayToken(this.jwtService, SERVICE_TOKEN_TTL_SECONDS);
      const entry = { token, renewAt: now + GATEWAY_TOKEN_RENEW_AFTER_MS };
      this.cached = entry;
      token.catch(() => {
        if (this.cached === entry) this.cached = undefined;
      });
    }
    return this.cached.token;
  }
}
