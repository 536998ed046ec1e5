import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@ttm/errors';

/** How long a client should wait before asking again when nothing could be answered. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * A response is still HTTP 200 when some fields have answers; when every field is null and every
 * error says a service is unavailable, nothing could be answered: HTTP 503 with Retry-After.
 * (The gateway turns off Nest's plugin that resets execution responses to 200.)
 */
export function serviceUnavailableStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length || !errors.every((error) => error.extensions?.['code'] === ErrorCode.SERVICE_UNAVAILABLE)) return;
          if (data && Object.values(data).some((value) => value !== null)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
