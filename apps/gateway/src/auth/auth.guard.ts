import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError, type Role } from '#lib/domain';
import { currentContext } from '#lib/platform/core';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators.js';
import { TokenVerifier } from './token-verifier.js';

/**
 * Global guard: a route marked `@Roles(...)` or `@Authenticated()` needs a valid Bearer token
 * (401 otherwise) of an allowed role (403 otherwise); the verified caller is put on the request
 * for the controller to pass on, and its token into the request context, which the RPC client
 * forwards to the services (they verify it themselves). `@Public()` routes are open. A route marked with none of these
 * is refused (and the gateway does not even start with one: AccessDeclarationsCheck).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    // Every route declares its access (checked at start-up); anything else is refused, not opened.
    if (roles === undefined) throw new DomainError('AUTH.FORBIDDEN', 'Anda tidak berhak melakukan ini');

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header.trim()) : null;
    if (match === null) throw new DomainError('AUTH.UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
    const principal = await this.verifier.verify(match[1]);
    if (roles.length > 0 && !roles.includes(principal.role)) {
      throw new DomainError('AUTH.FORBIDDEN', 'Anda tidak berhak melakukan ini');
    }
    request.principal = principal;
    // Forwarded with every request made on this caller's behalf: each service verifies it.
    const requestContext = currentContext();
    if (requestContext !== undefined) requestContext.accessToken = match[1];
    return true;
  }
}
