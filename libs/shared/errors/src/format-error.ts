import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from './app-error';

const logger = new Logger('GraphQLErrors');

/** Codes produced by GraphQL itself (parsing, validation, variable coercion) that reach clients unchanged. */
const PROTOCOL_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

interface HttpLikeException {
  getStatus(): number;
  getResponse(): unknown;
}

function isHttpException(error: unknown): error is HttpLikeException {
  return typeof error === 'object' && error !== null && 'getStatus' in error && 'getResponse' in error;
}

function httpExceptionMessage(error: HttpLikeException, fallback: string): string {
  const response = error.getResponse();
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const message = (response as { message: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string') return message;
  }
  return fallback;
}

/**
 * The one mapping from thrown errors to what clients see. AppErrors and Nest HTTP exceptions keep
 * their message under a stable `extensions.code`; GraphQL's own protocol errors pass through;
 * everything else is logged here and replaced by a generic message (never a stack or SQL).
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...(original.details ?? {}) } };
  }
  if (isHttpException(original)) {
    const code = HTTP_STATUS_CODES[original.getStatus()];
    if (code) return { ...base, message: httpExceptionMessage(original, formatted.message), extensions: { code } };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && (PROTOCOL_CODES.has(code) || code in ErrorCode)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...base, extensions };
  }
  logger.error(formatted.message, original instanceof Error ? original.stack : undefined);
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
