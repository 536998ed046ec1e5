/** True once a service's readiness probe (GET /health/ready) answers 2xx. */
export async function healthReady(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return response.ok;
}
