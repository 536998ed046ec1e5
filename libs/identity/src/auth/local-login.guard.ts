import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import type { GraphQLContext } from '@ttm/graphql';
import { UserEntity } from '../users/user.entity';
import { missingCredentials } from './auth.errors';

/** The account each request has just proven, for the login resolver. */
const loggedIn = new WeakMap<object, UserEntity>();

/**
 * Runs passport-local for a GraphQL mutation: passport reads credentials from `req.body`, so it gets
 * a view of the request whose body is the mutation's `input` (the real request is left untouched).
 */
@Injectable()
export class LocalLoginGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext): object {
    const gql = GqlExecutionContext.create(context);
    const { req } = gql.getContext<GraphQLContext>();
    const input = gql.getArgs<{ input?: unknown }>().input;
    return Object.assign(Object.create(req) as object, { body: input ?? {} });
  }

  getResponse(): object {
    return {};
  }

  override handleRequest<TUser = UserEntity>(error: unknown, user: TUser | false, _info: unknown, context: ExecutionContext): TUser {
    if (error) throw error;
    if (!user) throw missingCredentials();
    loggedIn.set(GqlExecutionContext.create(context).getContext<GraphQLContext>().req, user as unknown as UserEntity);
    return user;
  }
}

/** The account LocalLoginGuard authenticated for this request. */
export const LoggedInAccount = createParamDecorator((_data: unknown, context: ExecutionContext): UserEntity => {
  const { req } = GqlExecutionContext.create(context).getContext<GraphQLContext>();
  const user = loggedIn.get(req);
  if (!user) throw new Error('@LoggedInAccount() needs LocalLoginGuard on the same resolver');
  return user;
});
