import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { currentContext } from '#lib/platform/core';
import { ALLOWED_RESTRICTED, ALLOWED_ROLES, PUBLIC_ROUTE, type Restriction } from './auth.decorators.js';
import { SessionStateCache } from './session-state.cache.js';
import { TokenVerifier } from './token-verifier.js';

/** `Bearer <token>`, the scheme in any case (RFC 9110 §11.1). */
const BEARER = /^bearer +([A-Za-z0-9._~+/-]+=*)$/i;

/**
 * Global guard: a route marked `@Roles(...)` or `@Authenticated()` needs a valid Bearer token
 * (401 otherwise) of an allowed role (403 otherwise); the verified caller is put on the request
 * for the controller to pass on, and its token into the request context, which the RPC client
 * forwards to the services (they verify it themselves). `@Public()` routes are open. A route marked with none of these
 * is refused (and the gateway does not even start with one: AccessDeclarationsCheck).
 * A token of a person (not an agency: identity checks those) must still count — not signed out,
 * password not changed, account not disabled (SessionStateCache) — and an account under a
 * restriction (`pwdChange`, `mfaEnrol`) reaches only the routes that lift it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly sessions: SessionStateCache,
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
    const match = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
    if (match === null) throw new DomainError('AUTH.UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
    const principal = await this.verifier.verify(match[1]);
    if (principal.role !== Role.AGENCY) await this.sessions.assertCurrent(principal);
    this.assertUnrestricted(principal, targets);
    if (roles.length > 0 && !roles.includes(principal.role)) {
      throw new DomainError('AUTH.FORBIDDEN', 'Anda tidak berhak melakukan ini');
    }
    request.principal = principal;
    // Forwarded with every request made on this caller's behalf: each service verifies it.
    const requestContext = currentContext();
    if (requestContext !== undefined) requestContext.accessToken = match[1];
    return true;
  }

  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  private assertUnrestricted(principal: Principal, targets: Function[]): void {
    const restriction: Restriction | undefined = principal.passwordChangeRequired
      ? 'PASSWORD_CHANGE'
      : principal.mfaEnrolmentRequired
        ? 'MFA_ENROLMENT'
        : undefined;
    if (restriction === undefined) return;
    const allowed = this.reflector.getAllAndOverride<Restriction[] | undefined>(ALLOWED_RESTRICTED, targets) ?? [];
    if (allowed.includes(restriction)) return;
    if (restriction === 'PASSWORD_CHANGE') {
      throw new DomainError(
        'AUTH.PASSWORD_CHANGE_REQUIRED',
        'Kata sandi Anda telah disetel ulang oleh administrator: buat kata sandi baru terlebih dahulu',
      );
    }
    throw new DomainError(
      'AUTH.MFA_ENROLMENT_REQUIRED',
      'Peran Anda wajib memakai verifikasi dua langkah: aktifkan terlebih dahulu',
    );
  }
}
