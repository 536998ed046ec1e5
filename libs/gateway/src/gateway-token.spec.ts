import { isGatewayToken, signServiceToken, standaloneJwtService } from '@ttm/auth';
import { GATEWAY_TOKEN_RENEW_AFTER_MS, GatewayTokenSigner } from './gateway-token';

const jwt = standaloneJwtService('a-test-secret-of-at-least-32-characters!');

describe('the gateway token', () => {
  it('is a service token of the gateway that subgraphs accept, and no other service token passes as one', async () => {
    const token = await new GatewayTokenSigner(jwt).token();
    await expect(isGatewayToken(jwt, token)).resolves.toBe(true);
    await expect(isGatewayToken(jwt, await signServiceToken(jwt, 'search'))).resolves.toBe(false);
    await expect(isGatewayToken(standaloneJwtService('another-secret-of-at-least-32-chars!!'), token)).resolves.toBe(false);
    await expect(isGatewayToken(jwt, 'not-a-token')).resolves.toBe(false);
  });

  it('is signed once and reused, then re-signed well before it expires', async () => {
    let now = Date.UTC(2026, 11, 3, 1, 0, 0);
    const signer = new GatewayTokenSigner(jwt, () => now);
    const first = await signer.token();
    now += GATEWAY_TOKEN_RENEW_AFTER_MS - 1;
    expect(await signer.token()).toBe(first);
    // jsonwebtoken stamps whole seconds: move past the second so a new token differs
    await new Promise((resolve) => setTimeout(resolve, 1100));
    now += 1;
    const second = await signer.token();
    expect(second).not.toBe(first);
    const { exp, iat } = jwt.decode<{ exp: number; iat: number }>(second);
    expect((exp - iat) * 1000).toBeGreaterThan(GATEWAY_TOKEN_RENEW_AFTER_MS * 2);
  });
});
