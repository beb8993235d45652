import { describe, expect, it } from '@jest/globals';
import { IdentityBroadcasts, type Principal, type SessionStateReply } from '#lib/contracts';
import { Role } from '#lib/domain';
import type { AppLogger } from '#lib/platform/core';
import type { RpcClient } from '#lib/platform/rpc';
import type { GatewayConfig } from '../config/gateway.config.js';
import { SessionStateCache } from './session-state.cache.js';

const ACCOUNT = '3f2b8c1e-5d4a-4e6b-9c7d-8e9f0a1b2c3d';
const SESSION = '0b7c1e2d-3f4a-4b5c-8d9e-0f1a2b3c4d5e';
const principal: Principal = { accountId: ACCOUNT, role: Role.CLERK, sessionId: SESSION, issuedAt: 1_800_000_000 };
const logger = { warn: () => undefined } as unknown as AppLogger;

/** A stand-in for identity behind the bus: answers state requests, delivers announcements. */
function bus(state: SessionStateReply) {
  const calls: unknown[] = [];
  let deliver: ((event: object) => void) | undefined;
  let hold: Promise<void> | undefined;
  const rpc = {
    async call(_def: unknown, request: unknown): Promise<SessionStateReply> {
      calls.push(request);
      const answer = { ...state };
      if (hold) await hold;
      return answer;
    },
    connection() {
      return Promise.resolve({
        subscribe(subject: string, options: { callback: (error: null, message: { json(): unknown }) => void }) {
          expect(subject).toBe(IdentityBroadcasts.ACCOUNT_SESSIONS_CHANGED);
          deliver = (event) => options.callback(null, { json: () => event });
          return { unsubscribe: () => undefined };
        },
        flush: () => Promise.resolve(),
        status: () => ({
          [Symbol.asyncIterator]: () => ({
            next: () => new Promise<IteratorResult<{ type: string }>>(() => undefined),
          }),
        }),
      });
    },
  };
  return {
    rpc: rpc as unknown as RpcClient,
    calls,
    state,
    announce: (event: object) => deliver?.(event),
    holdNext(): () => void {
      let release!: () => void;
      hold = new Promise((resolve) => (release = resolve));
      return () => {
        hold = undefined;
        release();
      };
    },
  };
}

async function started(fake: ReturnType<typeof bus>, ttl = 5000): Promise<SessionStateCache> {
  const cache = new SessionStateCache(fake.rpc, { SESSION_STATE_CACHE_MS: ttl } as GatewayConfig, logger);
  cache.onApplicationBootstrap();
  await new Promise((resolve) => setImmediate(resolve));
  return cache;
}

describe('SessionStateCache', () => {
  it('asks identity once, then answers from the cache until an announcement drops the account', async () => {
    const fake = bus({ accountActive: true, sessionActive: true });
    const cache = await started(fake);
    await cache.assertCurrent(principal);
    await cache.assertCurrent(principal);
    expect(fake.calls).toHaveLength(1);
    fake.state.sessionActive = false;
    fake.announce({ accountId: ACCOUNT, sessionId: SESSION });
    await expect(cache.assertCurrent(principal)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    expect(fake.calls).toHaveLength(2);
  });

  it('refuses a disabled account, and a token of no session issued before tokensValidAfter', async () => {
    const fake = bus({ accountActive: false });
    const cache = await started(fake);
    await expect(cache.assertCurrent(principal)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    const other = bus({ accountActive: true, tokensValidAfter: 1_800_000_000_500 });
    const legacy = await started(other);
    const { sessionId: _none, ...withoutSession } = principal;
    await expect(legacy.assertCurrent(withoutSession)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    await legacy.assertCurrent({ ...withoutSession, issuedAt: 1_800_000_001 });
  });

  it('does not cache an answer fetched across an announcement (it may predate the change)', async () => {
    const fake = bus({ accountActive: true, sessionActive: true });
    const cache = await started(fake);
    const release = fake.holdNext();
    const inFlight = cache.assertCurrent(principal);
    // Identity revokes the session while the old answer is on its way.
    fake.announce({ accountId: ACCOUNT });
    fake.state.sessionActive = false;
    release();
    await inFlight;
    await expect(cache.assertCurrent(principal)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });

  it('shares one request among concurrent misses, and caches nothing with a zero lifetime', async () => {
    const fake = bus({ accountActive: true, sessionActive: true });
    const cache = await started(fake);
    await Promise.all([cache.assertCurrent(principal), cache.assertCurrent(principal), cache.assertCurrent(principal)]);
    expect(fake.calls).toHaveLength(1);
    const uncached = bus({ accountActive: true, sessionActive: true });
    const none = await started(uncached, 0);
    await none.assertCurrent(principal);
    await none.assertCurrent(principal);
    expect(uncached.calls).toHaveLength(2);
  });
});
