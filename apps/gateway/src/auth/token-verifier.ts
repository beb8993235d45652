import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '#lib/contracts';
import { APP_CONFIG } from '#lib/platform/core';
import { AccessTokenVerifier, accessTokenKeysOf } from '#lib/platform/rpc';
import type { GatewayConfig } from '../config/gateway.config.js';

/**
 * Verifies an access token signed by identity (ES256, issuer, audience, expiry) into a
 * Principal, with the public keys of configuration (JWT_PUBLIC_KEYS[_FILE], one `kid` each):
 * never keys from the bus, which anyone able to answer `identity.keys.list` could supply.
 */
@Injectable()
export class TokenVerifier {
  private readonly verifier: AccessTokenVerifier;

  constructor(@Inject(APP_CONFIG) config: GatewayConfig) {
    this.verifier = new AccessTokenVerifier(accessTokenKeysOf(config, 'gateway'));
  }

  verify(token: string): Promise<Principal> {
    return this.verifier.verify(token);
  }
}
