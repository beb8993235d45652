import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '#lib/contracts';
import type { Role } from '#lib/domain';
import type { FastifyRequest } from 'fastify';

export const PUBLIC_ROUTE = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the AuthGuard from a verified access token. */
    principal?: Principal;
  }
}

/** Anyone may call this route; no token is read. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only a logged-in caller whose role is one of these (403 otherwise, 401 without a valid token). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);

/** Any logged-in caller, whatever the role. */
export const Authenticated = (): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, []);

/** The caller the AuthGuard established; use only on routes with `@Roles` or `@Authenticated`. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  if (principal === undefined) throw new Error('CurrentPrincipal used on a route without @Roles or @Authenticated');
  return principal;
});
