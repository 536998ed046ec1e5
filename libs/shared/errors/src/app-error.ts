import { IntrinsicException } from '@nestjs/common';

/** The error codes clients may rely on (`extensions.code`), as pinned in the public contract. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The query is deeper, longer, costlier or has more aliases or directives than the API accepts (HTTP 400). */
  QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED',
  /** A service behind the gateway did not answer; the rest of the response is still valid. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/**
 * An error meant for the client: its message is shown as is, so it must say what to do.
 * Domain libraries throw these (or subclasses); anything else is treated as an internal failure.
 * Extends IntrinsicException so Nest's exception handler does not log each refusal as a server error.
 */
export class AppError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, details);
export const notFound = (what: string, id: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist or is not visible to you`, { id });
export const forbidden = (message: string) => new AppError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'Sign in first: this operation needs a valid access token') =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.CONFLICT, message, details);
