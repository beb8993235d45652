import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '#lib/contracts';
import { rolesThatMay, type ApplicationAction, type Role } from '#lib/domain';
import type { FastifyRequest } from 'fastify';

export const PUBLIC_ROUTE = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';
export const ALLOWED_RESTRICTED = 'auth:allowed-restricted';

/**
 * What an account under a restriction may still do: after an administrator's password reset
 * (`PASSWORD_CHANGE`: set a new password) or while its role's second factor is missing
 * (`MFA_ENROLMENT`: enrol). Every other route answers 403 until the restriction is lifted.
 */
export type Restriction = 'PASSWORD_CHANGE' | 'MFA_ENROLMENT';
export const AllowedWhile = (...restrictions: Restriction[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOWED_RESTRICTED, restrictions);

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

/**
 * The roles of an application workflow route, read from libs/domain's transition table (the
 * roles that may ever take that action), so the route and the rule cannot disagree. Status,
 * ownership, region and four-eyes are the service's to check.
 */
export const RolesFor = (action: ApplicationAction): MethodDecorator & ClassDecorator => Roles(...rolesThatMay(action));

/** Any logged-in caller, whatever the role. */
export const Authenticated = (): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, []);

/** The caller the AuthGuard established; use only on routes with `@Roles` or `@Authenticated`. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  if (principal === undefined) throw new Error('CurrentPrincipal used on a route without @Roles or @Authenticated');
  return principal;
});
