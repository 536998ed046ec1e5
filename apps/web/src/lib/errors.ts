import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { retryWaitText } from './retry-after';

/** The API's own message(s) for a refused operation, or a plain description of a network failure. */
export function errorMessage(error: unknown): string {
  const wait = retryAfterSeconds(error);
  if (wait !== undefined) return `操作过于频繁，${retryWaitText(wait)}`;
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((item) => item.message).join('；');
  if (ServerError.is(error)) return `服务器错误（${error.statusCode}），请稍后重试`;
  if (error instanceof TypeError) return '无法连接服务器，请检查网络后重试';
  return error instanceof Error ? error.message : String(error);
}

/** The `extensions.code` of the first GraphQL error (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT …). */
export function errorCode(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const code = error.errors[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
}

/** For a TOO_MANY_REQUESTS refusal: the seconds the API asks to wait (`extensions.retryAfterSeconds`). */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (errorCode(error) !== 'TOO_MANY_REQUESTS' || !CombinedGraphQLErrors.is(error)) return undefined;
  const seconds = error.errors[0]?.extensions?.['retryAfterSeconds'];
  return typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
}
