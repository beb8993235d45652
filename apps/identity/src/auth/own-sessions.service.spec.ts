import { describe, expect, it } from '@jest/globals';
import type { OpenSessionRow } from '../accounts/session.repository.js';
import { toSessionView } from './own-sessions.service.js';

describe('toSessionView (what a person sees of a session)', () => {
  const row = {
    id: '3f2b8c1e-5d4a-4e6b-9c7d-8e9f0a1b2c3d',
    created_at: new Date('2026-11-30T08:00:00Z'),
    last_used_at: new Date('2026-11-30T09:30:00Z'),
    device: 'Chrome di Android',
    client_address: '203.0.113.7',
  };

  it('copies the allowed fields only, and marks the caller’s own session', () => {
    // A column added to the query later (a token digest, a revocation reason) must not leak.
    const wider = { ...row, token_hash: 'a'.repeat(64), revoked_reason: 'LOGOUT' } as OpenSessionRow;
    expect(toSessionView(wider, row.id)).toEqual({
      id: row.id,
      startedAt: '2026-11-30T08:00:00.000Z',
      lastUsedAt: '2026-11-30T09:30:00.000Z',
      device: 'Chrome di Android',
      clientAddress: '203.0.113.7',
      current: true,
    });
  });

  it('leaves out what was not recorded; another session is not current, nor any when the token names none', () => {
    const bare = { ...row, device: null, client_address: null };
    expect(toSessionView(bare, 'another')).toEqual({
      id: row.id,
      startedAt: '2026-11-30T08:00:00.000Z',
      lastUsedAt: '2026-11-30T09:30:00.000Z',
      current: false,
    });
    expect(toSessionView(bare, undefined).current).toBe(false);
  });
});
